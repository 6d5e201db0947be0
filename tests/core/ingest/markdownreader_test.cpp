#include "ingest/markdownreader.h"

#include <QFile>
#include <QTest>

using namespace carto;
using namespace carto::ingest;

class MarkdownReaderTest final : public QObject
{
    Q_OBJECT

private:
    static Document readText(const QString &text, std::vector<Problem> *problemsOut = nullptr)
    {
        Document doc;
        doc.path = QStringLiteral("notes/test.md");
        std::vector<Problem> problems;
        MarkdownReader::read(text, doc, problems);
        if (problemsOut)
            *problemsOut = problems;
        return doc;
    }

    static Document readFixture()
    {
        QFile file(QStringLiteral(CARTO_TEST_DATA_DIR "/ingest/timestamps.md"));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return readText(QString::fromUtf8(file.readAll()));
    }

    static QString sentenceAt(const Document &doc, qsizetype pos)
    {
        for (const TextRange &s : doc.sentences) {
            if (s.contains(pos))
                return s.slice(doc.text).toString();
        }
        return {};
    }

private Q_SLOTS:
    void read_frontMatter_setsTitleAndMetadata()
    {
        const Document doc = readFixture();
        QCOMPARE(doc.title, QStringLiteral("Talk notes"));
        QCOMPARE(doc.metadataValue(QStringLiteral("speakers")), QStringLiteral("Ada, Grace"));
        QCOMPARE(doc.metadataValue(QStringLiteral("year")), QStringLiteral("1843"));
        QVERIFY(doc.metadataValue(QStringLiteral("title")).isEmpty());
        QVERIFY(!doc.text.contains(u"speakers"));
    }

    void read_brokenFrontMatter_warnsWithLineAndKeepsBody()
    {
        std::vector<Problem> problems;
        const Document doc = readText(QStringLiteral("---\ntitle: ok\ntags: [unclosed\n---\n\nBody text here.\n"), &problems);
        QCOMPARE(problems.size(), size_t(1));
        QCOMPARE(problems[0].severity, Problem::Severity::Warning);
        QVERIFY2(problems[0].message.contains(u"line"), qPrintable(problems[0].message));
        QVERIFY(problems[0].message.contains(u"column"));
        QCOMPARE(problems[0].path, QStringLiteral("notes/test.md"));
        QCOMPARE(doc.text, QStringLiteral("Body text here."));
    }

    void read_hostileFrontMatter_droppedWithWarningAndBodyKept_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QFile laughs(QStringLiteral(CARTO_SHARED_DIR "/hostile/frontmatter-billion-laughs.md"));
        QVERIFY2(laughs.open(QIODevice::ReadOnly), "shared hostile corpus missing");
        // 443 bytes standing for 10^9 strings: minutes of CPU and gigabytes before the check.
        QTest::newRow("billion laughs") << QString::fromUtf8(laughs.readAll())
                                        << QStringLiteral("front matter refused at line 5, column 29: aliases expand to more than");
        QTest::newRow("alias cycle") << QStringLiteral("---\nloop: &a [x, *a]\n---\n\nAcme Corporation met Globex Corporation in Berlin.\n")
                                     << QStringLiteral("an alias refers to a node that contains it");
        QTest::newRow("oversized") << QStringLiteral("---\nk: ") + QString(300 * 1024, u'a')
                                          + QStringLiteral("\n---\n\nAcme Corporation met Globex Corporation in Berlin.\n")
                                   << QStringLiteral("front matter larger than 256 KB");
    }

    void read_hostileFrontMatter_droppedWithWarningAndBodyKept()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        std::vector<Problem> problems;
        const Document doc = readText(text, &problems);
        QCOMPARE(problems.size(), size_t(1));
        QCOMPARE(problems[0].severity, Problem::Severity::Warning);
        QVERIFY2(problems[0].message.contains(message), qPrintable(problems[0].message));
        QVERIFY(doc.metadata.empty());
        QVERIFY(doc.text.contains(u"Acme Corporation met Globex Corporation in Berlin."));
    }

    void read_aliasesWithinLimits_expanded()
    {
        std::vector<Problem> problems;
        const Document doc = readText(QStringLiteral("---\nbase: &b Acme\ncopy: *b\n---\n\nBody.\n"), &problems);
        QVERIFY(problems.empty());
        QCOMPARE(doc.metadataValue(QStringLiteral("copy")), QStringLiteral("Acme"));
    }

    void read_budgetSpentOrCancelled_skipped()
    {
        CancelToken cancel;
        cancel.cancel();
        const QString text = QStringLiteral("A paragraph with *emphasis* and [a link](x).\n\n").repeated(2000);
        Document doc;
        doc.path = QStringLiteral("slow.md");
        std::vector<Problem> problems;
        QVERIFY(!MarkdownReader::read(text, doc, problems, ReadBudget(std::chrono::milliseconds(60'000), &cancel)));
        QCOMPARE(problems.size(), size_t(1));
        QCOMPARE(problems[0].message, QStringLiteral("reading cancelled, skipped"));
        problems.clear();
        Document late;
        QVERIFY(!MarkdownReader::read(text, late, problems, ReadBudget(std::chrono::milliseconds(0), nullptr)));
        QCOMPARE(problems.size(), size_t(1));
        QCOMPARE(problems[0].severity, Problem::Severity::Error);
        QVERIFY2(problems[0].message.startsWith(u"took longer than"), qPrintable(problems[0].message));
    }

    void read_wikiLinks_recordedAndSliceToShownText()
    {
        const Document doc = readText(QStringLiteral("See [[Alan Turing]] and [[Analytical Engine|the engine]] today."));
        QCOMPARE(doc.text, QStringLiteral("See Alan Turing and the engine today."));
        QCOMPARE(doc.wikiLinks.size(), size_t(2));
        QCOMPARE(doc.wikiLinks[0].target, QStringLiteral("Alan Turing"));
        QCOMPARE(doc.wikiLinks[0].range.slice(doc.text).toString(), QStringLiteral("Alan Turing"));
        QCOMPARE(doc.wikiLinks[1].target, QStringLiteral("Analytical Engine"));
        QCOMPARE(doc.wikiLinks[1].range.slice(doc.text).toString(), QStringLiteral("the engine"));
    }

    void read_headings_becomeBlocksAndNestedSections()
    {
        const Document doc = readText(QStringLiteral("# Top\n\nIntro.\n\n## Part A\n\nText A.\n\n## Part B\n\nText B.\n"));
        QCOMPARE(doc.title, QStringLiteral("Top"));
        QCOMPARE(doc.sections.size(), size_t(3));
        QCOMPARE(doc.sections[0].title, QStringLiteral("Top"));
        QCOMPARE(doc.sections[0].level, 1);
        QCOMPARE(doc.sections[1].title, QStringLiteral("Part A"));
        QCOMPARE(doc.sections[1].level, 2);
        QVERIFY(doc.sections[0].range.contains(doc.sections[1].range));
        QVERIFY(doc.sections[1].range.slice(doc.text).contains(u"Text A."));
        QVERIFY(!doc.sections[1].range.slice(doc.text).contains(u"Text B."));
        QCOMPARE(doc.sections[2].heading.slice(doc.text).toString(), QStringLiteral("Part B"));
        int headings = 0;
        for (const Block &b : doc.blocks)
            headings += b.kind == Block::Kind::Heading ? 1 : 0;
        QCOMPARE(headings, 3);
    }

    void read_inlineHtml_strippedButTextKept()
    {
        const Document doc = readText(QStringLiteral("From: <b>bold</b> words <br/> and <span class=\"x\">more</span> <script>alert(1)</script>text."));
        QVERIFY2(!doc.text.contains(u'<'), qPrintable(doc.text));
        QVERIFY(doc.text.contains(u"bold words"));
        QVERIFY(doc.text.contains(u"more text."));
        QVERIFY(!doc.text.contains(u"alert"));
    }

    void read_timestampAnchors_attachedToTheSentenceTheyClose()
    {
        const Document doc = readFixture();
        QVERIFY(!doc.text.contains(u"yt-timestamp"));
        QVERIFY(!doc.text.contains(u"[00:"));
        QVERIFY(doc.text.contains(u"welcomes everyone."));
        QCOMPARE(doc.timestamps.size(), size_t(2));
        QCOMPARE(doc.timestamps[0].label, QStringLiteral("00:00:05"));
        QCOMPARE(doc.timestamps[0].seconds, 5);
        QCOMPARE(doc.timestamps[0].passage.slice(doc.text).toString(), QStringLiteral("The speaker welcomes everyone."));
        QCOMPARE(doc.timestamps[1].seconds, 70);
        QCOMPARE(doc.timestamps[1].passage.slice(doc.text).toString(), QStringLiteral("Engines compute numbers with great care."));
        for (const Timestamp &ts : doc.timestamps)
            QCOMPARE(sentenceAt(doc, ts.passage.start), ts.passage.slice(doc.text).toString());
    }

    void read_links_keepTheirText()
    {
        const Document doc = readFixture();
        QCOMPARE(doc.links.size(), size_t(1));
        QCOMPARE(doc.links[0].url, QStringLiteral("https://example.org/notes"));
        QCOMPARE(doc.links[0].range.slice(doc.text).toString(), QStringLiteral("the notes"));
        QCOMPARE(doc.wikiLinks.size(), size_t(1));
        QCOMPARE(doc.wikiLinks[0].range.slice(doc.text).toString(), QStringLiteral("the engine"));
    }

    void read_calloutMarker_removedTitleKept()
    {
        const Document doc = readFixture();
        QVERIFY(!doc.text.contains(u"[!note]"));
        QVERIFY(doc.text.contains(u"A callout title"));
        QVERIFY(doc.text.contains(u"Callout body text."));
        const auto quote = std::find_if(doc.blocks.begin(), doc.blocks.end(), [&](const Block &b) {
            return b.range.slice(doc.text) == u"A callout title";
        });
        QVERIFY(quote != doc.blocks.end());
        QCOMPARE(quote->kind, Block::Kind::Quote);
    }

    void read_listsTablesAndCode_getTheirBlockKinds()
    {
        const Document doc = readText(QStringLiteral("- one item\n- two item\n  - nested item\n\n| a | b |\n|---|---|\n| c | d |\n\n```\ncode line\n```\n"));
        QStringList kinds;
        for (const Block &b : doc.blocks)
            kinds << QStringLiteral("%1:%2:%3").arg(int(b.kind)).arg(b.level).arg(b.range.slice(doc.text));
        QCOMPARE(kinds, (QStringList{QStringLiteral("2:1:one item"), QStringLiteral("2:1:two item"), QStringLiteral("2:2:nested item"),
                                     QStringLiteral("4:0:a"), QStringLiteral("4:0:b"), QStringLiteral("4:0:c"), QStringLiteral("4:0:d"),
                                     QStringLiteral("5:0:code line")}));
        // Code is not prose: no sentences in it.
        for (const TextRange &s : doc.sentences)
            QVERIFY(s.slice(doc.text) != u"code line");
    }

    void read_entities_decoded()
    {
        const Document doc = readText(QStringLiteral("Fish &amp; chips &#8217; &mdash; done."));
        QCOMPARE(doc.text, QStringLiteral("Fish & chips ’ — done."));
    }
};

QTEST_GUILESS_MAIN(MarkdownReaderTest)
#include "markdownreader_test.moc"
