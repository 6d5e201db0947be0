// The SQLite store under the analysis cache: entries found again, damage
// detected and the file made anew, the size bound kept by LRU eviction, and
// several processes writing at once.
#include "cache/analysiscache.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace carto;
using cache::AnalysisCache;

namespace {

QByteArray keyOf(int i)
{
    return QByteArray::number(i).rightJustified(32, '0');
}

QByteArray blobOf(int i, qsizetype size = 1000)
{
    QByteArray b(size, '\0');
    for (qsizetype k = 0; k < size; ++k)
        b[k] = static_cast<char>((i * 31 + k * 7) & 0xFF);
    return b;
}

std::vector<std::pair<QByteArray, QByteArray>> entries(int from, int to, qsizetype size = 1000)
{
    std::vector<std::pair<QByteArray, QByteArray>> e;
    for (int i = from; i < to; ++i)
        e.emplace_back(keyOf(i), blobOf(i, size));
    return e;
}

std::vector<QByteArray> keys(int from, int to)
{
    std::vector<QByteArray> k;
    for (int i = from; i < to; ++i)
        k.push_back(keyOf(i));
    return k;
}

} // namespace

class AnalysisCacheTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void store_thenFind_givesTheBlobsBackAcrossReopening()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.sqlite"));
        {
            AnalysisCache cache({path});
            QVERIFY2(cache.isOpen(), qPrintable(cache.errorString()));
            QVERIFY(cache.store(entries(0, 10)));
            QCOMPARE(cache.entryCount(), 10);
        }
        AnalysisCache cache({path});
        const auto found = cache.find(keys(5, 15));
        QCOMPARE(found.size(), size_t(5));
        for (int i = 5; i < 10; ++i)
            QCOMPARE(found.at(keyOf(i)), blobOf(i));
        QCOMPARE(cache.rebuilds(), 0);
    }

    void open_damagedFile_isDetectedAndMadeAnew_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("garbage") << QStringLiteral("garbage");
        QTest::newRow("truncated") << QStringLiteral("truncated");
        QTest::newRow("pages overwritten") << QStringLiteral("overwritten");
    }
    void open_damagedFile_isDetectedAndMadeAnew()
    {
        QFETCH(QString, damage);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.sqlite"));
        {
            AnalysisCache cache({path});
            QVERIFY(cache.store(entries(0, 200, 5000)));
        }
        // fold the WAL into the file first, as a finished process leaves it
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")) || QFile(path + QStringLiteral("-wal")).size() == 0);
        QFile file(path);
        const qint64 size = file.size();
        QVERIFY(size > 100000);
        if (damage == u"garbage") {
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(QByteArray(4096, 'x'));
        } else if (damage == u"truncated") {
            QVERIFY(file.resize(size / 3));
        } else {
            QVERIFY(file.open(QIODevice::ReadWrite));
            for (qint64 at = 4096; at < size; at += 8192) {
                file.seek(at);
                file.write(QByteArray(4096, '\x7f'));
            }
        }
        file.close();

        AnalysisCache cache({path});
        // The damage shows at opening or at the first read; either way the
        // file is made anew and works.
        const auto found = cache.find(keys(0, 200));
        QVERIFY(found.size() < 200);
        for (const auto &[key, blob] : found)
            QCOMPARE(blob, blobOf(key.toInt()));
        QCOMPARE(cache.rebuilds(), 1);
        QVERIFY(cache.isOpen());
        QVERIFY(cache.store(entries(0, 3)));
        QCOMPARE(cache.find(keys(0, 3)).size(), size_t(3));
    }

    void store_pastTheBound_evictsTheLeastRecentlyUsed()
    {
        QTemporaryDir dir;
        AnalysisCache cache({dir.filePath(QStringLiteral("c.sqlite")), 50'000});
        QVERIFY(cache.store(entries(0, 40))); // 40 kB
        (void)cache.find(keys(0, 5));         // 0..4 used again
        QVERIFY(cache.store(entries(40, 60)));  // 60 kB: 10 kB must go
        QVERIFY(cache.storedBytes() <= 50'000);
        QCOMPARE(cache.entryCount(), 50);
        const auto found = cache.find(keys(0, 60));
        for (int i = 0; i < 5; ++i)
            QVERIFY2(found.contains(keyOf(i)), "a recently used entry was evicted");
        for (int i = 5; i < 15; ++i)
            QVERIFY2(!found.contains(keyOf(i)), "an older entry survived");
        for (int i = 15; i < 60; ++i)
            QVERIFY(found.contains(keyOf(i)));
    }

    void store_manyRounds_keepsTheFileNearTheBound()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.sqlite"));
        AnalysisCache cache({path, 200'000});
        for (int round = 0; round < 60; ++round)
            QVERIFY(cache.store(entries(round * 50, round * 50 + 50, 2000)));
        QVERIFY(cache.storedBytes() <= 200'000);
        const qint64 file = QFileInfo(path).size();
        const qint64 wal = QFileInfo(path + QStringLiteral("-wal")).size();
        // 6 MB were stored in all; the file holds the bound, a batch and the log
        QVERIFY2(file + wal < 1'500'000, qPrintable(QStringLiteral("%1 + %2 bytes").arg(file).arg(wal)));
    }

    void twoProcesses_writingAtOnce_leaveASoundCache()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.sqlite"));
        std::vector<std::unique_ptr<QProcess>> writers;
        for (int p = 0; p < 2; ++p) {
            auto process = std::make_unique<QProcess>();
            process->setProgram(QCoreApplication::applicationFilePath());
            process->setArguments({QStringLiteral("--writer"), path, QString::number(p)});
            process->setProcessChannelMode(QProcess::ForwardedChannels);
            process->start();
            writers.push_back(std::move(process));
        }
        for (auto &w : writers) {
            QVERIFY(w->waitForFinished(120000));
            QCOMPARE(w->exitCode(), 0);
        }
        AnalysisCache cache({path});
        QCOMPARE(cache.rebuilds(), 0);
        // each writer stored 0..99 (shared keys, same blobs) and 1000p..1000p+99
        QCOMPARE(cache.entryCount(), 300);
        const auto found = cache.find(keys(0, 100));
        QCOMPARE(found.size(), size_t(100));
        for (const auto &[key, blob] : found)
            QCOMPARE(blob, blobOf(key.toInt()));
        for (int p = 0; p < 2; ++p) {
            const auto own = cache.find(keys(1000 * (p + 1), 1000 * (p + 1) + 100));
            QCOMPARE(own.size(), size_t(100));
        }
    }
};

// The child of twoProcesses_...: stores in small transactions while reading back.
static int writer(const QString &path, int p)
{
    AnalysisCache cache({path});
    if (!cache.isOpen())
        return 3;
    for (int round = 0; round < 20; ++round) {
        if (!cache.store(entries(round * 5, round * 5 + 5)))
            return 4;
        const int own = 1000 * (p + 1) + round * 5;
        if (!cache.store(entries(own, own + 5)))
            return 5;
        const auto back = cache.find(keys(own, own + 5));
        if (back.size() != 5)
            return 6;
    }
    return cache.rebuilds() == 0 ? 0 : 7;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 4 && QByteArray(argv[1]) == "--writer")
        return writer(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]).toInt());
    AnalysisCacheTest test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "analysiscache_test.moc"
