// The gazetteer: given names from Debian's miscfiles (propernames, gzipped)
// and countries and subdivisions from iso-codes, as installed.
#include "extract/gazetteer.h"

#include <QTest>

using namespace carto::extract;
using namespace Qt::StringLiterals;

class GazetteerTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void instance_debianLists_areLoaded()
    {
        const Gazetteer &g = Gazetteer::instance();
        // propernames lists about 1,500 names, ISO 3166-1 249 countries (each
        // under two or three names), ISO 3166-2 about 5,000 subdivisions
        QVERIFY2(g.givenNameCount() > 1000, qPrintable(QString::number(g.givenNameCount())));
        QVERIFY2(g.countryCount() > 400, qPrintable(QString::number(g.countryCount())));
        QVERIFY2(g.subdivisionCount() > 3000, qPrintable(QString::number(g.subdivisionCount())));
    }

    void isGivenName_word_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<bool>("given");
        QTest::newRow("ada") << u"ada"_s << true;
        QTest::newRow("robert") << u"robert"_s << true;
        QTest::newRow("ian") << u"ian"_s << true;
        QTest::newRow("laura") << u"laura"_s << true;
        QTest::newRow("common noun") << u"tariff"_s << false;
        QTest::newRow("invented word") << u"zorblatt"_s << false;
        QTest::newRow("lists are lower case") << u"Robert"_s << false;
        QTest::newRow("one letter") << u"a"_s << false;
    }

    void isGivenName_word()
    {
        QFETCH(QString, word);
        QFETCH(bool, given);
        QCOMPARE(Gazetteer::instance().isGivenName(word), given);
    }

    void places_name_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("country");
        QTest::addColumn<bool>("subdivision");
        auto row = [](const char *tag, const QString &name, bool country, bool subdivision) {
            QTest::newRow(tag) << name << country << subdivision;
        };
        row("country", u"france"_s, true, false);
        row("official name", u"french republic"_s, true, false);
        row("common name", u"north korea"_s, true, false);
        row("name as ISO writes it", u"korea, democratic people's republic of"_s, true, false);
        row("name in natural order", u"democratic people's republic of korea"_s, true, false);
        row("short and official name", u"united states"_s, true, false);
        row("official name of the US", u"united states of america"_s, true, false);
        row("country WordNet lacks", u"eswatini"_s, true, false);
        row("former country", u"czechoslovakia"_s, true, false);
        row("former country, long name", u"union of soviet socialist republics"_s, true, false);
        row("state", u"kansas"_s, false, true);
        row("state WordNet lacks", u"tamaulipas"_s, false, true);
        row("subdivision by its ISO name", u"bayern"_s, false, true);
        row("subdivision by its English name", u"bavaria"_s, false, true);
        row("subdivision with a local name in brackets", u"a coruña"_s, false, true);
        row("adjective inside a former country's name", u"democratic"_s, false, false);
        row("continent", u"europe"_s, false, false);
        row("common noun", u"tariff"_s, false, false);
        row("lists are lower case", u"France"_s, false, false);
    }

    void places_name()
    {
        QFETCH(QString, name);
        QFETCH(bool, country);
        QFETCH(bool, subdivision);
        const Gazetteer &g = Gazetteer::instance();
        QCOMPARE(g.isCountry(name), country);
        QEXPECT_FAIL("subdivision by its English name",
                     "KNOWN: iso-codes names subdivisions in their own language (\"Bayern\"), so the doc comment's "
                     "example \"bavaria\" (gazetteer.h:23) is no subdivision; WordNet knows Bavaria as a place instead",
                     Continue);
        QCOMPARE(g.isSubdivision(name), subdivision);
        QEXPECT_FAIL("subdivision by its English name", "KNOWN: as above: \"bavaria\" is no place", Continue);
        QCOMPARE(g.isPlace(name), country || subdivision);
    }
};

QTEST_GUILESS_MAIN(GazetteerTest)
#include "gazetteer_test.moc"
