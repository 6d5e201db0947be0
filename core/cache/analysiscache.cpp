#include "analysiscache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QVariant>

#include <atomic>

namespace carto::cache {

namespace {

constexpr int kSchemaVersion = 1;

std::atomic<int> g_connections{0};

// SQLite's verdicts on a file that is not a sound database: I/O error (a
// short read of a truncated file), corrupt, not a database. Busy and locked
// (another process at work) are not damage: the cache is then skipped.
bool isDamage(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xFF;
    return ok && (code == 10 || code == 11 || code == 26);
}

// SQLITE_BUSY or SQLITE_LOCKED: another process holds the file for a moment.
bool isBusy(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xFF;
    return ok && (code == 5 || code == 6);
}

} // namespace

struct AnalysisCache::Private
{
    Options options;
    QString connection;
    QString error;
    bool damaged = false; // the last failure was damage (isDamage)
    int rebuilds = 0;
    bool open = false;

    QSqlDatabase db() const { return QSqlDatabase::database(connection, false); }

    bool busy = false;    // the last failure was another process's lock (isBusy)

    bool fail(const QSqlError &e)
    {
        error = e.text();
        damaged = isDamage(e);
        busy = isBusy(e);
        return false;
    }

    // Two processes creating the file at once: switching a new file to WAL
    // takes an exclusive lock that SQLite's busy timeout does not wait for,
    // so the loser is told "locked" at once. It tries again a few times.
    bool connectWaiting()
    {
        for (int attempt = 0;; ++attempt) {
            busy = false;
            if (connect())
                return true;
            if (!busy || attempt >= 50)
                return false;
            disconnect();
            QThread::msleep(20 + 10 * static_cast<unsigned long>(attempt % 5));
        }
    }

    bool exec(const QString &sql)
    {
        QSqlQuery q(db());
        return q.exec(sql) || fail(q.lastError());
    }

    // Opens the file and checks that it is our cache at our schema.
    bool connect()
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        database.setDatabaseName(options.path);
        // Another process may hold the write lock for a moment.
        database.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!database.open())
            return fail(database.lastError());
        QSqlQuery version(database);
        if (!version.exec(QStringLiteral("PRAGMA user_version")) || !version.next())
            return fail(version.lastError());
        const int found = version.value(0).toInt();
        version.finish();
        if (found != 0 && found != kSchemaVersion) {
            error = QStringLiteral("cache schema %1, expected %2").arg(found).arg(kSchemaVersion);
            damaged = true; // another version's cache: made anew
            return false;
        }
        // auto_vacuum only takes effect before the first table: freed pages
        // are then given back by incremental_vacuum after eviction.
        return exec(QStringLiteral("PRAGMA auto_vacuum = INCREMENTAL")) && exec(QStringLiteral("PRAGMA journal_mode = WAL"))
            && exec(QStringLiteral("PRAGMA synchronous = NORMAL"))
            // the write-ahead log is cut back to this once checkpointed
            && exec(QStringLiteral("PRAGMA journal_size_limit = 1048576"))
            && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS analyses (key BLOB PRIMARY KEY, blob BLOB NOT NULL, "
                                   "size INTEGER NOT NULL, used INTEGER NOT NULL)"))
            && exec(QStringLiteral("CREATE INDEX IF NOT EXISTS analyses_used ON analyses (used)"))
            && (found == kSchemaVersion || exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion)))
            // a damaged file may open and still fail here
            && exec(QStringLiteral("SELECT count(*), sum(size) FROM analyses"));
    }

    void disconnect()
    {
        {
            QSqlDatabase database = db();
            if (database.isOpen())
                database.close();
        }
        QSqlDatabase::removeDatabase(connection);
    }

    // The file is not a cache we can read: it goes, with its journal, and a new one is made.
    bool rebuild()
    {
        disconnect();
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(options.path + suffix);
        ++rebuilds;
        open = connectWaiting();
        return open;
    }

    void evict()
    {
        QSqlQuery total(db());
        if (!total.exec(QStringLiteral("SELECT coalesce(sum(size), 0) FROM analyses")) || !total.next())
            return;
        qint64 excess = total.value(0).toLongLong() - options.maxBytes;
        if (excess <= 0)
            return;
        QSqlQuery oldest(db());
        oldest.setForwardOnly(true);
        if (!oldest.exec(QStringLiteral("SELECT rowid, size FROM analyses ORDER BY used, rowid")))
            return;
        QVariantList doomed;
        while (excess > 0 && oldest.next()) {
            doomed.append(oldest.value(0));
            excess -= oldest.value(1).toLongLong();
        }
        oldest.finish();
        QSqlQuery remove(db());
        remove.prepare(QStringLiteral("DELETE FROM analyses WHERE rowid = ?"));
        remove.addBindValue(doomed);
        remove.execBatch();
    }
};

QString AnalysisCache::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)).filePath(QStringLiteral("analyses.sqlite"));
}

AnalysisCache::AnalysisCache(Options options)
    : d(std::make_unique<Private>())
{
    d->options = std::move(options);
    if (d->options.path.isEmpty())
        d->options.path = defaultPath();
    d->connection = QStringLiteral("carto-analysis-cache-%1").arg(g_connections.fetch_add(1));
    QDir().mkpath(QFileInfo(d->options.path).absolutePath());
    d->open = d->connectWaiting() || (d->damaged && d->rebuild());
}

AnalysisCache::~AnalysisCache()
{
    d->disconnect();
}

bool AnalysisCache::isOpen() const
{
    return d->open;
}

QString AnalysisCache::errorString() const
{
    return d->error;
}

int AnalysisCache::rebuilds() const
{
    return d->rebuilds;
}

std::map<QByteArray, QByteArray> AnalysisCache::find(const std::vector<QByteArray> &keys)
{
    std::map<QByteArray, QByteArray> found;
    if (!d->open || keys.empty())
        return found;
    QSqlDatabase database = d->db();
    // IMMEDIATE: the marks are writes, and a deferred transaction that reads
    // first could not wait for another process's write lock.
    bool ok = d->exec(QStringLiteral("BEGIN IMMEDIATE"));
    QSqlQuery tick(database);
    ok = ok && tick.exec(QStringLiteral("SELECT coalesce(max(used), 0) + 1 FROM analyses")) && tick.next();
    const qint64 now = ok ? tick.value(0).toLongLong() : 0;
    tick.finish();
    QSqlQuery select(database);
    QSqlQuery touch(database);
    ok = ok && select.prepare(QStringLiteral("SELECT blob FROM analyses WHERE key = ?"))
        && touch.prepare(QStringLiteral("UPDATE analyses SET used = ? WHERE key = ?"));
    for (const QByteArray &key : keys) {
        if (!ok)
            break;
        select.addBindValue(key);
        ok = select.exec();
        if (ok && select.next()) {
            found[key] = select.value(0).toByteArray();
            touch.addBindValue(now);
            touch.addBindValue(key);
            ok = touch.exec();
        }
        select.finish();
    }
    const QSqlError failure = !ok ? (select.lastError().isValid() ? select.lastError() : touch.lastError()) : QSqlError();
    ok = ok && d->exec(QStringLiteral("COMMIT"));
    if (!ok) {
        if (failure.isValid())
            d->fail(failure);
        const bool damaged = d->damaged;
        d->exec(QStringLiteral("ROLLBACK"));
        found.clear();
        if (damaged)
            d->rebuild();
    }
    return found;
}

bool AnalysisCache::store(const std::vector<std::pair<QByteArray, QByteArray>> &entries)
{
    if (!d->open || entries.empty())
        return d->open;
    QSqlDatabase database = d->db();
    bool ok = d->exec(QStringLiteral("BEGIN IMMEDIATE"));
    QSqlQuery tick(database);
    ok = ok && tick.exec(QStringLiteral("SELECT coalesce(max(used), 0) + 1 FROM analyses")) && tick.next();
    const qint64 now = ok ? tick.value(0).toLongLong() : 0;
    tick.finish();
    QSqlQuery insert(database);
    ok = ok && insert.prepare(QStringLiteral("INSERT OR REPLACE INTO analyses (key, blob, size, used) VALUES (?, ?, ?, ?)"));
    for (const auto &[key, blob] : entries) {
        if (!ok)
            break;
        insert.addBindValue(key);
        insert.addBindValue(blob);
        insert.addBindValue(static_cast<qint64>(blob.size()));
        insert.addBindValue(now);
        ok = insert.exec() || d->fail(insert.lastError());
    }
    if (ok)
        d->evict();
    ok = ok && d->exec(QStringLiteral("COMMIT"));
    if (!ok) {
        const bool damaged = d->damaged;
        d->exec(QStringLiteral("ROLLBACK"));
        if (damaged)
            d->rebuild();
        return false;
    }
    // Freed pages go back to the file system, and the log into the file
    // (without waiting for readers in other processes).
    d->exec(QStringLiteral("PRAGMA incremental_vacuum"));
    d->exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
    return true;
}

void AnalysisCache::remove(const QByteArray &key)
{
    if (!d->open)
        return;
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("DELETE FROM analyses WHERE key = ?"));
    q.addBindValue(key);
    q.exec();
}

qint64 AnalysisCache::storedBytes() const
{
    QSqlQuery q(d->db());
    return d->open && q.exec(QStringLiteral("SELECT coalesce(sum(size), 0) FROM analyses")) && q.next()
        ? q.value(0).toLongLong()
        : 0;
}

int AnalysisCache::entryCount() const
{
    QSqlQuery q(d->db());
    return d->open && q.exec(QStringLiteral("SELECT count(*) FROM analyses")) && q.next() ? q.value(0).toInt() : 0;
}

} // namespace carto::cache
