#include "ingest/corpusreader.h"
#include "ingest/plaintextreader.h"

#include <QFile>
#include <QTest>

using namespace carto;
using namespace carto::ingest;

namespace {

Document readText(const QString &text, PlainTextReader::Options options = {})
{
    Document doc;
    doc.path = QStringLiteral("notes.txt");
    PlainTextReader::append(text, doc, options);
    return doc;
}

Document readFixture()
{
    std::vector<Problem> problems;
    const QString path = QStringLiteral(CARTO_TEST_DATA_DIR "/ingest/hardwrapped.txt");
    return CorpusReader().readFile(path, QStringLiteral("hardwrapped.txt"), problems).value_or(Document{});
}

QStringList blockTexts(const Document &doc, Block::Kind kind)
{
    QStringList out;
    for (const Block &b : doc.blocks) {
        if (b.kind == kind)
            out << b.range.slice(doc.text).toString();
    }
    return out;
}

const Block *blockContaining(const Document &doc, QStringView needle)
{
    for (const Block &b : doc.blocks) {
        if (b.range.slice(doc.text).contains(needle))
            return &b;
    }
    return nullptr;
}

// Seventy columns of prose, wrapped the way a manual is.
const QString kWrapped = QStringLiteral(
    "The first engine was designed in London by the mathematician Charles\n"
    "Babbage, who showed its drawings to the countess Ada Lovelace in 1833\n"
    "and to every visitor who would listen to him for an hour or longer.\n"
    "\n"
    "A second paragraph follows after the blank line, short as it is.\n");

} // namespace

class PlainTextReaderTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void read_hardWrappedLines_joinedIntoParagraphsAcrossNames()
    {
        const Document doc = readText(kWrapped);
        const QStringList paragraphs = blockTexts(doc, Block::Kind::Paragraph);
        QCOMPARE(paragraphs.size(), 2);
        QVERIFY2(paragraphs[0].contains(u"mathematician Charles Babbage, who showed"), qPrintable(paragraphs[0]));
        QVERIFY(paragraphs[0].contains(u"Ada Lovelace in 1833 and to every visitor"));
        QVERIFY(!doc.text.contains(u"Charles\n"));
    }

    void read_fixture_namesCrossingLineEndsAreOneSentence()
    {
        const Document doc = readFixture();
        QVERIFY(!doc.blocks.empty());
        bool found = false;
        for (const TextRange &s : doc.sentences) {
            const QStringView sentence = s.slice(doc.text);
            if (sentence.contains(u"later Charles Babbage who borrowed") && sentence.contains(u"Ada Lovelace writing"))
                found = true;
        }
        QVERIFY2(found, qPrintable(doc.text));
    }

    void read_fixture_headingsRecognised()
    {
        const Document doc = readFixture();
        const QStringList headings = blockTexts(doc, Block::Kind::Heading);
        QCOMPARE(headings, (QStringList{QStringLiteral("The Weavers' Almanac"), QStringLiteral("1.3 Scope")}));
        QCOMPARE(doc.title, QStringLiteral("The Weavers' Almanac"));
        QVERIFY(!doc.text.contains(u"===")); // the underline is no text
        QCOMPARE(doc.sections.size(), size_t(2));
        QCOMPARE(doc.sections[1].level, 2);
        // "Before the loom:" introduces a list: prose, not a heading.
        QVERIFY(blockTexts(doc, Block::Kind::Paragraph).contains(QStringLiteral("Before the loom:")));
    }

    void read_fixture_bulletsAreListItemsWithContinuationLines()
    {
        const Document doc = readFixture();
        const QStringList items = blockTexts(doc, Block::Kind::ListItem);
        QCOMPARE(items.size(), 2);
        QCOMPARE(items[0], QStringLiteral("Basile Bouchon used a perforated paper tape in 1725, a whole decade before "
                                          "anyone thought of chaining the cards together."));
        QVERIFY(doc.text.contains(u"* Basile")); // the marker stays in the text, outside the block
    }

    void read_fixture_hyphenatedLineEndsJoinedOrKept()
    {
        const Document doc = readFixture();
        QVERIFY2(doc.text.contains(u"letters were hand-written by the engineers"), qPrintable(doc.text));
        QVERIFY(doc.text.contains(u"patient writing, which explains"));
        QVERIFY(!doc.text.contains(u"writ-"));
    }

    void read_fixture_allCapsParagraphIsShouted()
    {
        const Document doc = readFixture();
        const Block *caps = blockContaining(doc, u"MERCHANTABILITY");
        QVERIFY(caps);
        QVERIFY(caps->isShouted);
        QVERIFY(caps->range.slice(doc.text).contains(u"OF ANY KIND, EITHER")); // one paragraph, lines joined
        const Block *prose = blockContaining(doc, u"Jacquard");
        QVERIFY(prose);
        QVERIFY(!prose->isShouted);
        const Block *heading = blockContaining(doc, u"Almanac");
        QVERIFY(heading && !heading->isShouted);
    }

    void read_oneParagraphPerLine_keepsOneBlockPerLine()
    {
        // Web-page text: long lines, short lines, no wrapping: every line is its own block.
        const QString text = QStringLiteral(
            "Related reading\nThe engine was designed by Charles Babbage in London, who spent the better part of "
            "his life and fortune trying to build it, and who left drawings that others completed in 1991.\n"
            "Up next\nShare this\n");
        const Document doc = readText(text);
        QCOMPARE(PlainTextReader::wrapWidth(text), 0);
        QCOMPARE(doc.blocks.size(), size_t(4));
        QCOMPARE(blockTexts(doc, Block::Kind::Heading).size(), 0);
    }

    void wrapWidth_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("width");
        QTest::newRow("wrapped at 68") << kWrapped << 68; // its longest line
        QTest::newRow("one line") << QStringLiteral("Just one line of text that is not wrapped at all.") << 0;
        QTest::newRow("list of names") << QStringLiteral("Ada\nCharles\nGrace\nHerman\n") << 0;
        QTest::newRow("long lines") << QString(QString(300, u'x') + u'\n' + QString(280, u'y') + u'\n' + QString(310, u'z')) << 0;
    }

    void wrapWidth()
    {
        QFETCH(QString, text);
        QFETCH(int, width);
        QCOMPARE(PlainTextReader::wrapWidth(text), width);
    }

    void read_tableOrDiagramLines_keptVerbatimAsCode()
    {
        const QString text = kWrapped + QStringLiteral("\nStatus      Pending     Awaited\n"
                                                       "unpacked    never       maybe\n"
                                                       "installed   yes         no\n");
        const Document doc = readText(text);
        const QStringList code = blockTexts(doc, Block::Kind::Code);
        QCOMPARE(code.size(), 1);
        QCOMPARE(code[0].count(u'\n'), 2);
        QVERIFY(code[0].startsWith(u"Status      Pending"));
    }

    void read_emailMode_quoteAndSignatureSetAside()
    {
        PlainTextReader::Options options;
        options.email = true;
        const QString text = QStringLiteral("Thanks, the looms in Lyon run again.\n\n"
                                            "On Monday, Grace Hopper wrote:\n> Are the looms working?\n> Tell me soon.\n\n"
                                            "-- \nAda Byron\nAnalytical Engine Works\n");
        const Document doc = readText(text, options);
        QCOMPARE(doc.setAside.size(), size_t(2));
        QCOMPARE(doc.setAside[0].kind, SetAside::Kind::Quote);
        QCOMPARE(doc.setAside[0].range.slice(doc.text).toString(),
                 QStringLiteral("On Monday, Grace Hopper wrote:\nAre the looms working?\nTell me soon."));
        QCOMPARE(doc.setAside[1].kind, SetAside::Kind::Signature);
        QCOMPARE(doc.setAside[1].range.slice(doc.text).toString(), QStringLiteral("Ada Byron\nAnalytical Engine Works"));
        QVERIFY(!doc.text.contains(u"> "));
        QVERIFY(doc.text.startsWith(u"Thanks, the looms in Lyon run again."));
    }

    void read_emailMode_quotedHeaderBlockSetAside()
    {
        PlainTextReader::Options options;
        options.email = true;
        const QString headers = QStringLiteral("Received: from loom.example.org (loom [10.0.0.1])\n"
                                               "\tby mail.example.org (Postfix) with ESMTP id 1AE74\n"
                                               "\tfor <ada@example.org>; Tue,  6 Feb 2001 01:41:50 -0500\n"
                                               "Message-ID: <1@loom.example.org>\n"
                                               "X-Mailer: Loom Mail 2.0\n"
                                               "Subject: Re: the looms");
        const QString text = QStringLiteral("Your mail could not be delivered to Grace Hopper.\n\n"
                                            "---- Header of the source mail ----\n\n")
            + headers + QStringLiteral("\n\nStatus: the looms in Lyon run again.\nNote: Babbage wrote back.\n");
        const Document doc = readText(text, options);
        QCOMPARE(doc.setAside.size(), size_t(1));
        QCOMPARE(doc.setAside[0].kind, SetAside::Kind::Headers);
        QCOMPARE(doc.setAside[0].range.slice(doc.text).toString(),
                 QString(headers).replace(QStringLiteral("\n\t"), QStringLiteral("\n")));
        // Prose lines that merely look like fields stay, as does the text before the block.
        QVERIFY(blockContaining(doc, u"Status: the looms in Lyon run again."));
        QVERIFY(blockContaining(doc, u"Grace Hopper"));
        const Block *fields = blockContaining(doc, u"ESMTP");
        QVERIFY(fields);
        QCOMPARE(fields->range, doc.setAside[0].range); // one block, the set-aside one
        // A bounce report quotes them indented.
        const Document report = readText(QStringLiteral("Your message\n\n  To:      grace@example.org\n"
                                                        "  Subject: the looms\n  Sent:    Fri, 20 Jul 2001 08:53:08 -0700\n\n"
                                                        "did not reach Grace Hopper.\n"),
                                         options);
        QCOMPARE(report.setAside.size(), size_t(1));
        QCOMPARE(report.setAside[0].kind, SetAside::Kind::Headers);
        QVERIFY(report.setAside[0].range.slice(report.text).startsWith(u"To:      grace@example.org"));
        QVERIFY(report.setAside[0].range.slice(report.text).endsWith(u"-0700"));
        // Outside e-mail the same lines are text.
        const Document plain = readText(text);
        QVERIFY(plain.setAside.empty());
        QVERIFY(blockContaining(plain, u"ESMTP"));
    }

    void read_flowed_softBreaksJoinHardBreaksDoNot()
    {
        PlainTextReader::Options options;
        options.email = true;
        options.flowed = true;
        const Document doc = readText(QStringLiteral("A soft \nbreak joins.\nA hard one does not.\n"), options);
        QCOMPARE(doc.blocks.size(), size_t(2));
        QCOMPARE(doc.blocks[0].range.slice(doc.text).toString(), QStringLiteral("A soft break joins."));
    }
};

QTEST_GUILESS_MAIN(PlainTextReaderTest)
#include "plaintextreader_test.moc"
