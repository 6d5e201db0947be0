// A build through the analysis cache is the same build: byte-identical JSON
// to a cold one whether the analyses are fresh, cached, partly changed or
// recovered from a damaged cache file.
#include "cache/analysiscache.h"
#include "cache/corpusanalyser.h"
#include "export/jsongraphwriter.h"
#include "project/build.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace carto;

namespace {

// A small corpus of its own: the seeds, and a sample document.
bool copyCorpus(const QString &to)
{
    QDir().mkpath(to);
    for (const QString &folder : {QStringLiteral(CARTO_SHARED_DIR "/seeds"), QStringLiteral(CARTO_SAMPLES_DIR)}) {
        const QDir dir(folder);
        for (const QString &name : dir.entryList(QDir::Files)) {
            if (!QFile::copy(dir.filePath(name), QDir(to).filePath(name)))
                return false;
        }
    }
    return true;
}

struct Built
{
    QByteArray json;
    int fromCache = 0;
    int analysed = 0;
};

Built build(const QString &folder, const QString &cache)
{
    project::BuildOptions options;
    options.analysisCache = cache;
    options.extractor.threads = 2;
    options.computeLayout = false; // downstream of the cache, and the slowest stage here
    QString error;
    const auto result = project::buildCorpus(folder, options, &error);
    if (!result) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    return {exporter::JsonGraphWriter::toJson(*result), result->analysesFromCache, result->documentsAnalysed};
}

} // namespace

class IncrementalBuildTest final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_corpus;
    QString m_cache;
    QByteArray m_cold;
    int m_documents = 0;
    int m_run = 0;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        ++m_run; // a fresh corpus and cache for every test and data row
        m_corpus = m_dir.filePath(QStringLiteral("corpus-%1").arg(m_run));
        m_cache = m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(m_run));
        QVERIFY2(copyCorpus(m_corpus), "shared seeds or samples missing");
        m_documents = int(QDir(m_corpus).entryList(QDir::Files).size());
        const Built cold = build(m_corpus, QString());
        QVERIFY(!cold.json.isEmpty());
        QVERIFY(cold.json.contains("\"nodes\""));
        m_cold = cold.json;
    }

    void build_throughTheCache_coldThenWarm_givesTheColdBuildsJson()
    {
        const Built filling = build(m_corpus, m_cache);
        QCOMPARE(filling.analysed, m_documents);
        QCOMPARE(filling.fromCache, 0);
        QVERIFY(filling.json == m_cold);
        const Built warm = build(m_corpus, m_cache);
        QCOMPARE(warm.fromCache, m_documents);
        QCOMPARE(warm.analysed, 0);
        QVERIFY2(warm.json == m_cold, "a cached build differs from a cold one");
    }

    void build_afterOneFileChanged_analysesThatFileOnly()
    {
        QCOMPARE(build(m_corpus, m_cache).analysed, m_documents);
        const QString changed = QDir(m_corpus).filePath(QDir(m_corpus).entryList(QDir::Files).front());
        QFile file(changed);
        QVERIFY(file.open(QIODevice::Append));
        file.write("\n\nThe Zanzibar Accord on river otters was signed by the Otter Council.\n");
        file.close();
        const Built after = build(m_corpus, m_cache);
        QCOMPARE(after.analysed, 1);
        QCOMPARE(after.fromCache, m_documents - 1);
        const Built cold = build(m_corpus, QString());
        QVERIFY2(after.json == cold.json, "an incremental build differs from a cold one");
        QVERIFY(after.json != m_cold);
        QVERIFY(after.json.contains("Zanzibar"));
        // the changed file's new analysis is kept beside the others
        cache::AnalysisCache cache({m_cache});
        QCOMPARE(cache.entryCount(), m_documents + 1);
    }

    void build_withADamagedCacheFile_rebuildsItAndGivesTheSameMap_data()
    {
        QTest::addColumn<bool>("truncate");
        QTest::newRow("garbage") << false;
        QTest::newRow("truncated") << true;
    }
    void build_withADamagedCacheFile_rebuildsItAndGivesTheSameMap()
    {
        QFETCH(bool, truncate);
        QCOMPARE(build(m_corpus, m_cache).analysed, m_documents);
        QFile file(m_cache);
        const qint64 size = file.size();
        if (truncate) {
            QVERIFY(file.resize(size / 2));
        } else {
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(QByteArray(size, '#'));
            file.close();
        }
        const Built damaged = build(m_corpus, m_cache);
        QVERIFY2(damaged.json == m_cold, "a damaged cache changed the map");
        QVERIFY(damaged.analysed > 0);
        const Built again = build(m_corpus, m_cache);
        QCOMPARE(again.fromCache, m_documents);
        QVERIFY(again.json == m_cold);
    }

    void analyse_thenBuild_readsEveryAnalysisFromTheCache()
    {
        cache::CorpusAnalyser::Options options;
        options.cachePath = m_cache;
        QString error;
        const auto analysed = cache::CorpusAnalyser(options).analyse(m_corpus, &error);
        QVERIFY2(analysed, qPrintable(error));
        QCOMPARE(analysed->analysed, m_documents);
        QCOMPARE(analysed->analyses.size(), analysed->corpus.documents.size());
        const Built built = build(m_corpus, m_cache);
        QCOMPARE(built.fromCache, m_documents);
        QVERIFY(built.json == m_cold);
    }

    void build_withACacheFilledElsewhere_readsItAndCopiesItIn()
    {
        const QString elsewhere = m_dir.filePath(QStringLiteral("elsewhere-%1.sqlite").arg(m_run));
        QCOMPARE(build(m_corpus, elsewhere).analysed, m_documents);
        project::BuildOptions options;
        options.computeLayout = false;
        options.analysisCache = m_cache;
        options.moreAnalysisCaches = {elsewhere, m_dir.filePath(QStringLiteral("missing.sqlite"))};
        QString error;
        const auto result = project::buildCorpus(m_corpus, options, &error);
        QVERIFY2(result, qPrintable(error));
        QCOMPARE(result->analysesFromCache, m_documents);
        QCOMPARE(result->documentsAnalysed, 0);
        QVERIFY(exporter::JsonGraphWriter::toJson(*result) == m_cold);
        QVERIFY2(!QFile::exists(m_dir.filePath(QStringLiteral("missing.sqlite"))), "a missing extra cache was made");
        QCOMPARE(cache::AnalysisCache({m_cache}).entryCount(), m_documents);
    }

    void buildProject_throughTheCache_givesTheColdBuildsJson()
    {
        project::Project p;
        p.corpusFolders = {m_corpus, QStringLiteral(CARTO_SHARED_DIR "/seeds")};
        project::BuildOptions cold;
        cold.computeLayout = false;
        project::BuildOptions cached = cold;
        cached.analysisCache = m_cache;
        QString error;
        const auto a = project::buildProject(p, cold, &error);
        QVERIFY2(a, qPrintable(error));
        (void)project::buildProject(p, cached, &error);
        const auto b = project::buildProject(p, cached, &error);
        QVERIFY2(b, qPrintable(error));
        QCOMPARE(b->analysesFromCache, int(a->corpus.documents.size()));
        QVERIFY(exporter::JsonGraphWriter::toJson(*a) == exporter::JsonGraphWriter::toJson(*b));
    }
};

QTEST_GUILESS_MAIN(IncrementalBuildTest)
#include "incrementalbuild_test.moc"
