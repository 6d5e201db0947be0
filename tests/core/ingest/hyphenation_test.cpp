#include "ingest/hyphenation.h"

#include <QTest>

using namespace carto::ingest;

class HyphenationTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isKnownWord_baseFormsAndRegularInflections_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<bool>("known");
        QTest::newRow("base") << QStringLiteral("engine") << true;
        QTest::newRow("plural") << QStringLiteral("computers") << true;
        QTest::newRow("-ies") << QStringLiteral("libraries") << true;
        QTest::newRow("-ing drops e") << QStringLiteral("writing") << true;
        QTest::newRow("doubled consonant") << QStringLiteral("stopped") << true;
        QTest::newRow("syllable") << QStringLiteral("tion") << false;
        QTest::newRow("nonsense") << QStringLiteral("qzxvw") << false;
        QTest::newRow("not ascii") << QStringLiteral("métier") << false;
    }

    void isKnownWord_baseFormsAndRegularInflections()
    {
        QFETCH(QString, word);
        QFETCH(bool, known);
        QCOMPARE(Hyphenation::isKnownWord(word), known);
    }

    void joins_byLexicon_data()
    {
        QTest::addColumn<QString>("left");
        QTest::addColumn<QString>("right");
        QTest::addColumn<bool>("joined");
        QTest::newRow("writ-ing") << QStringLiteral("writ") << QStringLiteral("ing,") << true;
        QTest::newRow("in-formation") << QStringLiteral("in") << QStringLiteral("formation") << true;
        QTest::newRow("comput-ers") << QStringLiteral("comput") << QStringLiteral("ers") << true;
        QTest::newRow("hand-written") << QStringLiteral("hand") << QStringLiteral("written") << false;
        QTest::newRow("self-evident") << QStringLiteral("self") << QStringLiteral("evident") << false;
        QTest::newRow("capitalised") << QStringLiteral("Writ") << QStringLiteral("ing") << true;
    }

    void joins_byLexicon()
    {
        QFETCH(QString, left);
        QFETCH(QString, right);
        QFETCH(bool, joined);
        const Hyphenation h(u"A text that says nothing about these words.");
        QCOMPARE(h.joins(left, right), joined);
    }

    void joins_documentEvidenceComesFirst_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("joined");
        QTest::newRow("joined form written elsewhere") << QStringLiteral("All of it was handwritten.") << true;
        QTest::newRow("compound written mid-line") << QStringLiteral("A hand-written note.") << false;
        QTest::newRow("line-end hyphen is no evidence") << QStringLiteral("A hand-\nwritten note.") << false;
    }

    void joins_documentEvidenceComesFirst()
    {
        QFETCH(QString, text);
        QFETCH(bool, joined);
        const Hyphenation h(text);
        QCOMPARE(h.joins(u"hand", u"written"), joined);
    }

    void joins_documentCompoundBeatsLexicon()
    {
        // "recreation" is a word, but this document means re-creation.
        const Hyphenation h(u"The re-creation of the engine took years.");
        QVERIFY(!h.joins(u"re", u"creation"));
        const Hyphenation plain(u"Nothing here.");
        QVERIFY(plain.joins(u"re", u"creation"));
    }
};

QTEST_GUILESS_MAIN(HyphenationTest)
#include "hyphenation_test.moc"
