#include "ingest/htmlreader.h"

#include <QFile>
#include <QTest>

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
};

QTEST_GUILESS_MAIN(HtmlReaderTest)
#include "htmlreader_test.moc"
