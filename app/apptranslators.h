#pragma once

#include <QLocale>
#include <QObject>
#include <QString>

#include <memory>

class QTranslator;

namespace carto::app {

// The translators the application installs for a locale: Qt's own (qtbase_*
// from QLibraryInfo::TranslationsPath, so standard dialogs and buttons speak
// the user's language) and Cartograph's (compiled in under :/i18n). The
// English catalogue always lies beneath them: it holds the plural forms of
// the source strings ("%n document(s)" as "1 document", "5 documents"), so
// English, and any language without a catalogue, reads right too. main()
// makes one for the system locale; tests make one for the locale they test.
class AppTranslators final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppTranslators)

public:
    explicit AppTranslators(QObject *parent = nullptr);
    // Removes its translators from the application.
    ~AppTranslators() override;

    // Installs the translators for a locale in place of any loaded before.
    // True when Cartograph has a catalogue for one of its languages (English
    // included); Qt's own is loaded when the system has one.
    bool load(const QLocale &locale);
    // The language of Cartograph's catalogue in use ("de", "en"); empty when none.
    [[nodiscard]] QString appLanguage() const { return m_appLanguage; }
    // The file of Qt's catalogue in use; empty when none (English, or not installed).
    [[nodiscard]] QString qtCatalogue() const { return m_qtCatalogue; }
    // Where Cartograph's catalogues are compiled in.
    [[nodiscard]] static QString catalogueFolder();

private:
    void unload();

    std::unique_ptr<QTranslator> m_english;
    std::unique_ptr<QTranslator> m_app;
    std::unique_ptr<QTranslator> m_qt;
    QString m_appLanguage;
    QString m_qtCatalogue;
};

} // namespace carto::app
