#include "ingest/backmatter.h"
#include "ingest/corpusreader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace carto;
using namespace carto::ingest;

namespace {

std::optional<Document> readFile(const QString &path, const QString &relative, bool readSetAside = false)
{
    CorpusReader::Options options;
    options.readSetAside = readSetAside;
    std::vector<Problem> problems;
    return CorpusReader(options).readFile(path, relative, problems);
}

std::optional<Document> readText(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return std::nullopt;
    f.close();
    return readFile(f.fileName(), name);
}

const SetAside *find(const Document &doc, SetAside::Kind kind)
{
    for (const SetAside &a : doc.setAside) {
        if (a.kind == kind)
            return &a;
    }
    return nullptr;
}

bool inBlocks(const Document &doc, QStringView needle)
{
    for (const Block &b : doc.blocks) {
        if (b.range.slice(doc.text).contains(needle))
            return true;
    }
    return false;
}

const QByteArray kBody = "The engine was built in London by Charles Babbage. Its mill did the arithmetic "
                         "and its store kept the numbers, while the cards told the mill what to do next.\n\n"
                         "Ada Lovelace wrote the notes that explained how the cards could be chained.\n\n";

} // namespace

class BackMatterTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pdfFixture_appendixBibliographyIndexAndContentsSetAside()
    {
        const auto doc = readFile(QStringLiteral(CARTO_TEST_DATA_DIR "/ingest/loom.pdf"), QStringLiteral("loom.pdf"));
        QVERIFY(doc);
        const SetAside *appendix = find(*doc, SetAside::Kind::Appendix);
        const SetAside *bibliography = find(*doc, SetAside::Kind::Bibliography);
        const SetAside *index = find(*doc, SetAside::Kind::Index);
        const SetAside *contents = find(*doc, SetAside::Kind::Contents);
        QVERIFY(appendix && bibliography && index && contents);
        QCOMPARE(appendix->label, QStringLiteral("Appendix A. Card Tables"));
        QVERIFY(bibliography->range.slice(doc->text).contains(u"Passages from the Life of a Philosopher"));
        QVERIFY(index->range.slice(doc->text).contains(u"Lovelace, Ada, 3, 4"));
        // Kept in the text for the reader, out of what extraction reads.
        QVERIFY(doc->text.contains(u"ISBN 978-0-19-280577-5"));
        QVERIFY(!inBlocks(*doc, u"ISBN"));
        QVERIFY(!inBlocks(*doc, u"twenty-four rows of holes"));
        QVERIFY(!inBlocks(*doc, u"census tabulator, 4"));
        QVERIFY(inBlocks(*doc, u"Jacquard"));
        for (const TextRange &s : doc->sentences)
            QVERIFY(!bibliography->range.contains(s));
    }

    void option_readSetAside_keepsBackMatterInBlocks()
    {
        const auto doc = readFile(QStringLiteral(CARTO_TEST_DATA_DIR "/ingest/loom.pdf"), QStringLiteral("loom.pdf"), true);
        QVERIFY(doc);
        QVERIFY(find(*doc, SetAside::Kind::Bibliography));
        QVERIFY(inBlocks(*doc, u"ISBN"));
    }

    void headings_data()
    {
        QTest::addColumn<QByteArray>("heading");
        QTest::addColumn<int>("kind");
        QTest::newRow("appendix") << QByteArray("## Appendix B: Tables") << int(SetAside::Kind::Appendix);
        QTest::newRow("numbered references") << QByteArray("## 7. References") << int(SetAside::Kind::Bibliography);
        QTest::newRow("works cited") << QByteArray("## Works Cited") << int(SetAside::Kind::Bibliography);
        QTest::newRow("licence") << QByteArray("## GNU Free Documentation License") << int(SetAside::Kind::Licence);
        QTest::newRow("index") << QByteArray("## Index") << int(SetAside::Kind::Index);
    }

    void headings()
    {
        QFETCH(QByteArray, heading);
        QFETCH(int, kind);
        QTemporaryDir dir;
        const auto doc = readText(dir, QStringLiteral("a.md"),
                                  "# Engines\n\n" + kBody + heading + "\n\nThe tail text is read by nobody at all.\n");
        QVERIFY(doc);
        QCOMPARE(doc->setAside.size(), size_t(1));
        QCOMPARE(int(doc->setAside[0].kind), kind);
        QVERIFY(!inBlocks(*doc, u"tail text"));
        QVERIFY(inBlocks(*doc, u"Ada Lovelace"));
    }

    void bodyHeadingsAreNotBackMatter()
    {
        QTemporaryDir dir;
        const auto doc = readText(dir, QStringLiteral("a.md"),
                                  "# Engines\n\n" + kBody + "## Indexing the cards\n\nThe clerks numbered every card.\n");
        QVERIFY(doc);
        QVERIFY(doc->setAside.empty());
    }

    void citationRunWithoutHeading_setAsideAsBibliography()
    {
        QTemporaryDir dir;
        const QByteArray refs = "Babbage, C. (1864). Passages from the Life of a Philosopher. London: Longman. pp. 112-118.\n\n"
                                "Essinger, J. (2004). Jacquard's Web. Oxford University Press. ISBN 978-0-19-280577-5.\n\n"
                                "Lovelace, A. A. (1843). Notes by the translator. Scientific Memoirs, vol. 3, pp. 666-731.\n";
        const auto doc = readText(dir, QStringLiteral("essay.txt"), kBody + kBody + refs);
        QVERIFY(doc);
        const SetAside *bib = find(*doc, SetAside::Kind::Bibliography);
        QVERIFY(bib);
        QVERIFY(bib->range.slice(doc->text).startsWith(u"Babbage, C. (1864)"));
        QVERIFY(!inBlocks(*doc, u"Longman"));
    }

    void contentsWithDotLeaders_setAside()
    {
        QTemporaryDir dir;
        const QByteArray toc = "1. Cards and Looms ........ 1\n\n2. Engines and Notes ........ 3\n\n3. The Census ........ 7\n\n";
        const auto doc = readText(dir, QStringLiteral("book.txt"), toc + kBody + kBody + kBody);
        QVERIFY(doc);
        const SetAside *contents = find(*doc, SetAside::Kind::Contents);
        QVERIFY(contents);
        QVERIFY(!inBlocks(*doc, u"........"));
    }

    void documentThatIsAllLicence_keepsItsText()
    {
        QTemporaryDir dir;
        const auto doc = readText(dir, QStringLiteral("LICENSE.md"),
                                  "# MIT License\n\nPermission is hereby granted, free of charge, to any person.\n");
        QVERIFY(doc);
        QVERIFY(inBlocks(*doc, u"Permission is hereby granted"));
        QVERIFY(doc->setAside.empty());
    }
};

QTEST_GUILESS_MAIN(BackMatterTest)
#include "backmatter_test.moc"
