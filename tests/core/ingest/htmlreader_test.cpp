#include "support/hostileinputs.h"
#include "ingest/htmlreader.h"
#include "ingest/inlinehtml.h"

#include <QFile>
#include <QTest>

#include <algorithm>

using namespace carto;
using namespace carto::ingest;

class HtmlReaderTest final : public QObject
{
    Q_OBJECT

private:
    static Document readPage()
    {
        QFile file(QStringLiteral(CARTO_TEST_DATA_DIR "/ingest/page.html"));
        Document doc;
        doc.path = QStringLiteral("page.html");
        if (!file.open(QIODevice::ReadOnly))
            return doc;
        std::vector<Problem> problems;
        HtmlReader::read(QString::fromUtf8(file.readAll()), doc, problems);
        return doc;
    }

private Q_SLOTS:
    void read_title_fromTitleElement()
    {
        const Document doc = readPage();
        QCOMPARE(doc.title, QStringLiteral("Engines & Numbers"));
        QCOMPARE(doc.metadataValue(QStringLiteral("description")), QStringLiteral("A page about engines."));
    }

    void read_scriptStyleNoscriptTemplate_dropped()
    {
        const Document doc = readPage();
        QVERIFY(!doc.text.contains(u"script text"));
        QVERIFY(!doc.text.contains(u"color"));
        QVERIFY(!doc.text.contains(u"Enable scripts"));
        QVERIFY(!doc.text.contains(u"Template text"));
        QVERIFY(doc.text.contains(u"The engine computes tables of numbers."));
    }

    void read_headingsAndParagraphs_becomeBlocksAndSections()
    {
        const Document doc = readPage();
        QCOMPARE(doc.sections.size(), size_t(2));
        QCOMPARE(doc.sections[0].title, QStringLiteral("Difference Engines"));
        QCOMPARE(doc.sections[0].level, 1);
        QCOMPARE(doc.sections[1].title, QStringLiteral("Legacy"));
        QVERIFY(doc.sections[0].range.contains(doc.sections[1].range));
    }

    void read_links_keepTextAndMarkLinkOnlyBlocks()
    {
        const Document doc = readPage();
        const auto babbage = std::find_if(doc.links.begin(), doc.links.end(), [](const Link &l) {
            return l.url == u"https://example.org/babbage";
        });
        QVERIFY(babbage != doc.links.end());
        QCOMPARE(babbage->range.slice(doc.text).toString(), QStringLiteral("Charles Babbage"));
        for (const Block &b : doc.blocks) {
            const QStringView text = b.range.slice(doc.text);
            if (text == u"Home About" || text == u"Link one")
                QVERIFY2(b.isLinkOnly, qPrintable(text.toString()));
            if (text.startsWith(u"The engine") || text == u"Plain item with words")
                QVERIFY2(!b.isLinkOnly, qPrintable(text.toString()));
        }
    }

    void read_timestampAnchor_attachedToSentence()
    {
        const Document doc = readPage();
        QCOMPARE(doc.timestamps.size(), size_t(1));
        QCOMPARE(doc.timestamps[0].seconds, 62);
        QCOMPARE(doc.timestamps[0].passage.slice(doc.text).toString(), QStringLiteral("Later machines were inspired by it."));
    }

    void read_malformedHtml_doesNotCrash()
    {
        Document doc;
        std::vector<Problem> problems;
        QString deep;
        for (int i = 0; i < 5000; ++i)
            deep += QStringLiteral("<div><b>");
        deep += QStringLiteral("deep text</p></td><a href=");
        HtmlReader::read(deep, doc, problems);
        QVERIFY(doc.text.contains(u"deep text"));
    }

    void read_hostilePage_textKeptAndReported_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < int(std::size(hostilehtml::cases)); ++i)
            QTest::newRow(hostilehtml::cases[i].name) << i;
    }

    // Each of these crashed (stack overflow), hung (minutes) or overflowed before the limits.
    void read_hostilePage_textKeptAndReported()
    {
        QFETCH(int, index);
        const hostilehtml::Case &c = hostilehtml::cases[index];
        Document doc;
        doc.path = QStringLiteral("hostile.html");
        std::vector<Problem> problems;
        QVERIFY(HtmlReader::read(QString::fromUtf8(c.page()), doc, problems));
        QVERIFY(doc.text.contains(u"Acme Corporation met Globex."));
        QCOMPARE(problems.size(), size_t(1));
        QCOMPARE(problems[0].path, QStringLiteral("hostile.html"));
        QCOMPARE(problems[0].severity, Problem::Severity::Warning);
        QVERIFY2(problems[0].message.contains(QLatin1String(c.problem)), qPrintable(problems[0].message));
    }

    void read_budgetSpentOrCancelled_skippedWithReason_data()
    {
        QTest::addColumn<bool>("cancel");
        QTest::addColumn<QString>("reason");
        QTest::newRow("time") << false << QStringLiteral("took longer than 0 s to read, skipped");
        QTest::newRow("cancel") << true << QStringLiteral("reading cancelled, skipped");
    }

    void read_budgetSpentOrCancelled_skippedWithReason()
    {
        QFETCH(bool, cancel);
        QFETCH(QString, reason);
        CancelToken token;
        if (cancel)
            token.cancel();
        // Spent before it starts: the parser stops at its first budget check.
        const ReadBudget budget(cancel ? std::chrono::milliseconds(60'000) : std::chrono::milliseconds(0), &token);
        const QString page = QStringLiteral("<html><body>") + QStringLiteral("<p>A paragraph of text.</p>").repeated(20000)
                             + QStringLiteral("</body></html>");
        Document doc;
        doc.path = QStringLiteral("slow.html");
        std::vector<Problem> problems;
        QVERIFY(!HtmlReader::read(page, doc, problems, budget));
        QCOMPARE(problems.size(), size_t(1));
        QCOMPARE(problems[0].severity, Problem::Severity::Error);
        QCOMPARE(problems[0].message, reason);
        QVERIFY(doc.blocks.empty());
    }

    void read_parserOverMemoryCap_skipped()
    {
        HtmlReadLimits limits;
        limits.minParserBytes = 1024 * 1024;
        limits.parserBytesPerInputByte = 1;
        const QString page = QStringLiteral("<p>One more paragraph.</p>").repeated(100000);
        Document doc;
        doc.path = QStringLiteral("big.html");
        std::vector<Problem> problems;
        QVERIFY(!HtmlReader::read(page, doc, problems, {}, limits));
        QCOMPARE(problems.size(), size_t(1));
        QVERIFY2(problems[0].message.contains(u"HTML parser needed more than"), qPrintable(problems[0].message));
        // The same page reads under the default cap.
        problems.clear();
        QVERIFY(HtmlReader::read(page, doc, problems));
        QVERIFY(problems.empty());
        QVERIFY(doc.text.contains(u"One more paragraph."));
    }

    void read_listPage_bodyListIsContentSiteFurnitureIsChrome()
    {
        QFile file(QStringLiteral(CARTO_TEST_DATA_DIR "/ingest/listpage.html"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        Document doc;
        doc.path = QStringLiteral("listpage.html");
        std::vector<Problem> problems;
        QVERIFY(HtmlReader::read(QString::fromUtf8(file.readAll()), doc, problems));
        QStringList people;
        QStringList chrome;
        for (const Block &b : doc.blocks) {
            const QString text = b.range.slice(doc.text).toString();
            if (b.isChrome)
                chrome << text;
            else if (b.kind == Block::Kind::ListItem)
                people << text;
        }
        QCOMPARE(chrome, (QStringList{QStringLiteral("Home"), QStringLiteral("People"), QStringLiteral("Looms"),
                                      QStringLiteral("About \u00B7 Contact")}));
        QCOMPARE(people.size(), 4);
        QCOMPARE(people[0], QStringLiteral("Joseph Marie Jacquard (1752\u20131834), weaver, Lyon"));
        for (const Block &b : doc.blocks) {
            if (b.kind == Block::Kind::ListItem && !b.isChrome)
                QVERIFY2(!b.isLinkOnly, qPrintable(b.range.slice(doc.text).toString()));
        }
        QCOMPARE(doc.metadataValue(QStringLiteral("time")), QStringLiteral("2021-06-30"));
        QVERIFY(doc.chromeMarked);
    }

    void read_pageWithoutLandmarks_chromeNotMarked()
    {
        // No landmark elements, only divs: the reader cannot tell furniture
        // from body, so it marks nothing and says so (extraction judges by form).
        Document doc;
        doc.path = QStringLiteral("plain.html");
        std::vector<Problem> problems;
        QVERIFY(HtmlReader::read(QStringLiteral("<html><body><div><a href=\"/\">Home</a></div>"
                                                "<p>The looms of Lyon ran on cards.</p><div>About</div></body></html>"),
                                 doc, problems));
        QVERIFY(!doc.chromeMarked);
        QVERIFY(std::none_of(doc.blocks.begin(), doc.blocks.end(), [](const Block &b) { return b.isChrome; }));
    }

    void parseTimeLabel_rangeChecked_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<int>("seconds"); // -1: not a time
        QTest::newRow("clock") << QStringLiteral("00:02:54") << 174;
        QTest::newRow("bracketed") << QStringLiteral("[1:02:03]") << 3723;
        QTest::newRow("units") << QStringLiteral("2m54s") << 174;
        QTest::newRow("hours") << QStringLiteral("500h") << 1'800'000;
        QTest::newRow("overflowing hours") << QStringLiteral("999999h") << -1;
        QTest::newRow("overflowing seconds") << QStringLiteral("99999999999999999999s") << -1;
        QTest::newRow("overflowing sum") << QStringLiteral("596523h14m8s") << -1;
        QTest::newRow("largest") << QStringLiteral("596523h14m7s") << 2'147'483'647;
        QTest::newRow("empty") << QString() << -1;
    }

    void parseTimeLabel_rangeChecked()
    {
        QFETCH(QString, label);
        QFETCH(int, seconds);
        const std::optional<int> parsed = parseTimeLabel(label);
        QCOMPARE(parsed.value_or(-1), seconds);
    }

    void read_overflowingTimestampAnchor_keptAsText()
    {
        QFile file(QStringLiteral(CARTO_SHARED_DIR "/hostile/html-timestamp-int-overflow.html"));
        QVERIFY2(file.open(QIODevice::ReadOnly), "shared hostile corpus missing");
        Document doc;
        std::vector<Problem> problems;
        QVERIFY(HtmlReader::read(QString::fromUtf8(file.readAll()), doc, problems));
        QVERIFY(doc.timestamps.empty());
        QCOMPARE(doc.text, QStringLiteral("x"));
    }
};

QTEST_GUILESS_MAIN(HtmlReaderTest)
#include "htmlreader_test.moc"
