#include "apptranslators.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace carto::app {

AppTranslators::AppTranslators(QObject *parent)
    : QObject(parent)
{
}

AppTranslators::~AppTranslators()
{
    unload();
}

QString AppTranslators::catalogueFolder()
{
    return u":/i18n"_s;
}

void AppTranslators::unload()
{
    for (std::unique_ptr<QTranslator> *t : {&m_qt, &m_app, &m_english})
        if (*t) {
            QCoreApplication::removeTranslator(t->get());
            t->reset();
        }
    m_appLanguage.clear();
    m_qtCatalogue.clear();
}

bool AppTranslators::load(const QLocale &locale)
{
    unload();
    // Installed first, so searched last: the English plurals under everything.
    auto english = std::make_unique<QTranslator>();
    if (english->load(u"cartograph_en"_s, catalogueFolder()) && QCoreApplication::installTranslator(english.get())) {
        m_english = std::move(english);
        m_appLanguage = u"en"_s;
    }
    // QTranslator tries each of the locale's UI languages in turn
    // (de_AT, de, ...), so a regional locale finds its language's catalogue.
    auto app = std::make_unique<QTranslator>();
    if (app->load(locale, u"cartograph"_s, u"_"_s, catalogueFolder()) && !app->language().startsWith(u"en"_s)
        && QCoreApplication::installTranslator(app.get())) {
        m_appLanguage = app->language();
        m_app = std::move(app);
    }
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))
        && QCoreApplication::installTranslator(qt.get())) {
        m_qtCatalogue = qt->filePath();
        m_qt = std::move(qt);
    }
    return !m_appLanguage.isEmpty();
}

} // namespace carto::app
