#include "apptranslators.h"
#include "mainwindow.h"

#include <QDialogButtonBox>
#include <QMenuBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using carto::app::AppTranslators;

namespace {
// Real strings of the app, in their contexts, as lupdate extracted them.
QString documents(int n)
{
    return QCoreApplication::translate("carto::app::MapAccessibility", "mentioned in %n document(s)", nullptr, n);
}
QString concepts(int n)
{
    return QCoreApplication::translate("carto::app::MainWindow", "%n concept(s)", nullptr, n);
}
} // namespace

// The compiled-in catalogues: English plural forms beneath every language,
// German for a handful of strings (menus, the map's accessible texts), and
// Qt's own catalogue for the standard buttons and dialogs.
class TranslationsTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void english_pluralForms_data();
    void english_pluralForms();
    void withoutTranslators_sourceTextShows();
    void german_loadsForRegionalLocale_data();
    void german_loadsForRegionalLocale();
    void german_translatesMenusAndPlurals();
    void german_loadsQtsOwnCatalogue();
    void unknownLanguage_keepsEnglishPlurals();
};

void TranslationsTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"CartographTest"_s);
}

void TranslationsTest::english_pluralForms_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("documentsText");
    QTest::addColumn<QString>("conceptsText");
    QTest::newRow("one") << 1 << u"mentioned in 1 document"_s << u"1 concept"_s;
    QTest::newRow("five") << 5 << u"mentioned in 5 documents"_s << u"5 concepts"_s;
    QTest::newRow("none") << 0 << u"mentioned in 0 documents"_s << u"0 concepts"_s;
}

void TranslationsTest::english_pluralForms()
{
    QFETCH(int, n);
    QFETCH(QString, documentsText);
    QFETCH(QString, conceptsText);
    AppTranslators translators;
    QVERIFY(translators.load(QLocale(QLocale::English, QLocale::UnitedStates)));
    QCOMPARE(translators.appLanguage(), u"en"_s);
    QCOMPARE(documents(n), documentsText);
    QCOMPARE(concepts(n), conceptsText);
}

void TranslationsTest::withoutTranslators_sourceTextShows()
{
    {
        AppTranslators translators;
        QVERIFY(translators.load(QLocale(QLocale::English)));
        QCOMPARE(documents(5), u"mentioned in 5 documents"_s);
    }
    // Gone with its owner: the plurals came from the catalogue, not the source.
    QCOMPARE(documents(5), u"mentioned in 5 document(s)"_s);
}

void TranslationsTest::german_loadsForRegionalLocale_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::newRow("de_DE") << QLocale(QLocale::German, QLocale::Germany);
    QTest::newRow("de_AT") << QLocale(QLocale::German, QLocale::Austria);
    QTest::newRow("de_CH") << QLocale(QLocale::German, QLocale::Switzerland);
}

void TranslationsTest::german_loadsForRegionalLocale()
{
    QFETCH(QLocale, locale);
    AppTranslators translators;
    QVERIFY(translators.load(locale));
    QCOMPARE(translators.appLanguage(), u"de"_s);
}

void TranslationsTest::german_translatesMenusAndPlurals()
{
    AppTranslators translators;
    QVERIFY(translators.load(QLocale(QLocale::German, QLocale::Germany)));
    carto::app::MainWindow window;
    QStringList menus;
    for (const QAction *menu : window.menuBar()->actions())
        menus.append(menu->text());
    QVERIFY2(menus.contains(u"&Datei"_s), qPrintable(menus.join(u", "_s)));
    QVERIFY2(menus.contains(u"&Ansicht"_s), qPrintable(menus.join(u", "_s)));
    QVERIFY2(!menus.contains(u"&File"_s), qPrintable(menus.join(u", "_s)));
    QCOMPARE(concepts(1), u"1 Begriff"_s);
    QCOMPARE(concepts(5), u"5 Begriffe"_s);
    // A string German leaves untranslated falls back to the English plurals.
    QCOMPARE(QCoreApplication::translate("carto::app::PathPanel", "%n hop(s)", nullptr, 1), u"1 hop"_s);
    // Switching languages replaces the German catalogue.
    QVERIFY(translators.load(QLocale(QLocale::English)));
    QCOMPARE(concepts(5), u"5 concepts"_s);
}

void TranslationsTest::german_loadsQtsOwnCatalogue()
{
    AppTranslators translators;
    QVERIFY(translators.load(QLocale(QLocale::German, QLocale::Germany)));
    // Debian's qt6-translations-l10n (bootstrap.sh installs it).
    QVERIFY2(translators.qtCatalogue().endsWith(u"qtbase_de.qm"_s), qPrintable(translators.qtCatalogue()));
    QDialogButtonBox buttons(QDialogButtonBox::Cancel);
    QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), u"Abbrechen"_s);
}

void TranslationsTest::unknownLanguage_keepsEnglishPlurals()
{
    AppTranslators translators;
    // Cartograph has no Icelandic catalogue (nor has Qt): English, with its plurals.
    QVERIFY(translators.load(QLocale(QLocale::Icelandic, QLocale::Iceland)));
    QCOMPARE(translators.appLanguage(), u"en"_s);
    QCOMPARE(documents(1), u"mentioned in 1 document"_s);
    QCOMPARE(documents(7), u"mentioned in 7 documents"_s);
}

QTEST_MAIN(TranslationsTest)
#include "translations_test.moc"
