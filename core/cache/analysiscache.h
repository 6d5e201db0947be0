#pragma once

#include <QByteArray>
#include <QString>

#include <map>
#include <memory>
#include <vector>

namespace carto::cache {

// The persistent store of document analyses: one SQLite database (through Qt
// SQL) of blobs keyed by a content key (see AnalysisKey), in WAL mode so
// several processes can share it, every change in a transaction so a crash
// leaves the last committed state, bounded in size by least-recently-used
// eviction. A file that is not a readable cache (damaged, truncated, another
// program's) is deleted and made anew: the cache is always safe to delete.
// Used by CorpusAnalyser on one thread: a connection belongs to the thread
// that opened it, so each build opens its own.
class AnalysisCache final
{
public:
    struct Options
    {
        QString path;                       // the database file; empty: defaultPath()
        qint64 maxBytes = qint64(2) << 30;  // evict least recently used blobs past this
    };

    // <XDG cache folder>/analyses.sqlite (QStandardPaths::CacheLocation).
    [[nodiscard]] static QString defaultPath();

    explicit AnalysisCache(Options options);
    ~AnalysisCache();
    AnalysisCache(const AnalysisCache &) = delete;
    AnalysisCache &operator=(const AnalysisCache &) = delete;

    // False when the database could not be opened nor made anew (errorString
    // says why); every call then finds nothing and stores nothing.
    [[nodiscard]] bool isOpen() const;
    [[nodiscard]] QString errorString() const;
    // How often the file was found unreadable and made anew since opening.
    [[nodiscard]] int rebuilds() const;

    // The blobs stored for these keys (absent keys are left out), marked as
    // used now. One read transaction.
    [[nodiscard]] std::map<QByteArray, QByteArray> find(const std::vector<QByteArray> &keys);
    // Stores blobs (replacing any under the same key) in one transaction, then
    // evicts the least recently used past the bound. False on failure.
    bool store(const std::vector<std::pair<QByteArray, QByteArray>> &entries);
    // Drops an entry whose blob would not decode.
    void remove(const QByteArray &key);

    [[nodiscard]] qint64 storedBytes() const; // the blobs' total size
    [[nodiscard]] int entryCount() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace carto::cache
