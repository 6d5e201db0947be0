// The blob format of the analysis cache: what goes in comes back exactly, and
// anything else is refused.
#include "cache/analysiscodec.h"

#include "ingest/corpusreader.h"

#include <QDir>
#include <QTest>

using namespace carto;
using cache::AnalysisCodec;
using cache::CachedDocument;

namespace {

bool sameDocument(const ingest::Document &a, const ingest::Document &b)
{
    auto sameBlocks = [](const ingest::Block &x, const ingest::Block &y) {
        return x.kind == y.kind && x.range == y.range && x.level == y.level && x.isLinkOnly == y.isLinkOnly
            && x.isShouted == y.isShouted && x.isChrome == y.isChrome;
    };
    auto sameSetAside = [](const ingest::SetAside &x, const ingest::SetAside &y) {
        return x.kind == y.kind && x.range == y.range && x.label == y.label;
    };
    auto sameSections = [](const ingest::Section &x, const ingest::Section &y) {
        return x.title == y.title && x.level == y.level && x.heading == y.heading && x.range == y.range;
    };
    auto sameStamps = [](const ingest::Timestamp &x, const ingest::Timestamp &y) {
        return x.passage == y.passage && x.seconds == y.seconds && x.label == y.label;
    };
    auto sameWiki = [](const ingest::WikiLink &x, const ingest::WikiLink &y) { return x.range == y.range && x.target == y.target; };
    auto sameLinks = [](const ingest::Link &x, const ingest::Link &y) { return x.range == y.range && x.url == y.url; };
    return a.title == b.title && a.format == b.format && a.encoding == b.encoding
        && a.mojibakeRepaired == b.mojibakeRepaired && a.text == b.text && a.metadata == b.metadata
        && std::equal(a.blocks.begin(), a.blocks.end(), b.blocks.begin(), b.blocks.end(), sameBlocks)
        && std::equal(a.sections.begin(), a.sections.end(), b.sections.begin(), b.sections.end(), sameSections)
        && a.sentences == b.sentences
        && std::equal(a.timestamps.begin(), a.timestamps.end(), b.timestamps.begin(), b.timestamps.end(), sameStamps)
        && std::equal(a.wikiLinks.begin(), a.wikiLinks.end(), b.wikiLinks.begin(), b.wikiLinks.end(), sameWiki)
        && std::equal(a.links.begin(), a.links.end(), b.links.begin(), b.links.end(), sameLinks)
        && std::equal(a.setAside.begin(), a.setAside.end(), b.setAside.begin(), b.setAside.end(), sameSetAside)
        && a.chromeMarked == b.chromeMarked && a.date.source == b.date.source && a.date.date == b.date.date;
}

CachedDocument entryFor(ingest::Document doc, std::vector<Problem> problems = {})
{
    CachedDocument e;
    e.analysis = extract::analyseDocument(doc);
    doc.path.clear();
    doc.absolutePath.clear();
    doc.id = DocumentId();
    e.document = std::move(doc);
    e.problems = std::move(problems);
    return e;
}

CachedDocument sample()
{
    ingest::Document doc;
    std::vector<Problem> problems;
    const ingest::CorpusReader reader;
    auto read = reader.readFile(QStringLiteral(CARTO_SHARED_DIR "/seeds/") + QDir(QStringLiteral(CARTO_SHARED_DIR "/seeds")).entryList(QDir::Files).front(),
                                QStringLiteral("a.md"), problems);
    return entryFor(*read, {{Problem::Severity::Warning, QString(), QStringLiteral("a warning")}});
}

} // namespace

class AnalysisCodecTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_everyDocumentOfTheSharedAndSampleCorpora_comesBackExactly_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::newRow("seeds") << QStringLiteral(CARTO_SHARED_DIR "/seeds");
        QTest::newRow("samples") << QStringLiteral(CARTO_SAMPLES_DIR);
        QTest::newRow("test data") << QStringLiteral(CARTO_TEST_DATA_DIR);
    }
    void roundTrip_everyDocumentOfTheSharedAndSampleCorpora_comesBackExactly()
    {
        QFETCH(QString, folder);
        QVERIFY2(QDir(folder).exists(), qPrintable(folder + QStringLiteral(" missing")));
        QString error;
        const auto corpus = ingest::CorpusReader().read(folder, &error);
        QVERIFY2(corpus, qPrintable(error));
        QVERIFY(!corpus->documents.empty());
        for (const ingest::Document &doc : corpus->documents) {
            const CachedDocument in = entryFor(doc, {{Problem::Severity::Warning, QString(), QStringLiteral("ü ⚠")}});
            const QByteArray blob = AnalysisCodec::encode(in);
            const auto out = AnalysisCodec::decode(blob, &error);
            QVERIFY2(out, qPrintable(doc.path + QStringLiteral(": ") + error));
            QVERIFY2(sameDocument(out->document, in.document), qPrintable(doc.path));
            QVERIFY2(out->analysis == in.analysis, qPrintable(doc.path));
            QCOMPARE(out->problems, in.problems);
        }
    }

    void roundTrip_invalidUtf16Text_comesBackUnchanged()
    {
        ingest::Document doc;
        doc.text = QStringLiteral("Lone ") + QChar(0xD800) + QStringLiteral(" surrogate in Paris.");
        doc.blocks.push_back({ingest::Block::Kind::Paragraph, {0, doc.text.size()}, 0, false});
        const CachedDocument in = entryFor(doc);
        const auto out = AnalysisCodec::decode(AnalysisCodec::encode(in));
        QVERIFY(out);
        QCOMPARE(out->document.text, doc.text);
        QVERIFY(out->analysis == in.analysis);
    }

    void decode_truncatedBlob_isRefusedAtEveryLength()
    {
        const QByteArray blob = AnalysisCodec::encode(sample());
        QVERIFY(AnalysisCodec::decode(blob));
        for (qsizetype n = 0; n < blob.size(); n += std::max<qsizetype>(1, blob.size() / 997)) {
            QString error;
            QVERIFY2(!AnalysisCodec::decode(QByteArrayView(blob).first(n), &error), qPrintable(QString::number(n)));
            QVERIFY(!error.isEmpty());
        }
    }

    void decode_damagedByte_isRefusedByTheChecksum()
    {
        const QByteArray blob = AnalysisCodec::encode(sample());
        for (qsizetype at = 16; at < blob.size(); at += std::max<qsizetype>(1, blob.size() / 101)) {
            QByteArray damaged = blob;
            damaged[at] = static_cast<char>(damaged[at] ^ 0x5A);
            QString error;
            QVERIFY(!AnalysisCodec::decode(damaged, &error));
            QCOMPARE(error, QStringLiteral("checksum mismatch"));
        }
    }

    void decode_otherFormatVersion_isRefused()
    {
        QByteArray blob = AnalysisCodec::encode(sample());
        blob[7] = static_cast<char>(blob[7] + 1); // the version's low byte (big-endian)
        QString error;
        QVERIFY(!AnalysisCodec::decode(blob, &error));
        QVERIFY2(error.contains(QStringLiteral("format")), qPrintable(error));
    }

    void decode_payloadBreakingAnInvariant_isRefusedWithoutTheChecksum()
    {
        // A blob with a valid checksum but a token past the end of its text:
        // a hostile cache file must not reach the extractor.
        CachedDocument e = sample();
        e.analysis.tokens.back().end = static_cast<std::int32_t>(e.document.text.size() + 5);
        QString error;
        QVERIFY(!AnalysisCodec::decode(AnalysisCodec::encode(e), &error));
        QCOMPARE(error, QStringLiteral("token outside the text"));
        CachedDocument f = sample();
        f.analysis.tags.pop_back();
        QVERIFY(!AnalysisCodec::decode(AnalysisCodec::encode(f), &error));
        QCOMPARE(error, QStringLiteral("tag count mismatch"));
    }

    void decode_theFuzzSeeds_areValidBlobs()
    {
        // tests/fuzz/run.sh seeds analysiscodec_fuzz with these: a format
        // change must regenerate them (cartograph-cli analyse into a fresh cache).
        const QDir dir(QStringLiteral(CARTO_TEST_DATA_DIR "/cache"));
        const QStringList blobs = dir.entryList({QStringLiteral("*.blob")});
        QVERIFY(blobs.size() >= 3);
        for (const QString &name : blobs) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QString error;
            const auto entry = AnalysisCodec::decode(file.readAll(), &error);
            QVERIFY2(entry, qPrintable(name + QStringLiteral(": ") + error));
            QVERIFY(!entry->analysis.tokens.empty());
        }
    }

    void encode_isCompact()
    {
        const CachedDocument e = sample();
        const QByteArray blob = AnalysisCodec::encode(e);
        // text as UTF-8 plus about 5 bytes a token, far from the 16 of a Token in memory
        const qsizetype text = e.document.text.toUtf8().size();
        QVERIFY2(blob.size() < text + qsizetype(e.analysis.tokens.size()) * 8,
                 qPrintable(QStringLiteral("%1 bytes for %2 of text and %3 tokens")
                                .arg(blob.size()).arg(text).arg(e.analysis.tokens.size())));
    }
};

QTEST_GUILESS_MAIN(AnalysisCodecTest)
#include "analysiscodec_test.moc"
