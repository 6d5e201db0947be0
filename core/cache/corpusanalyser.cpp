#include "corpusanalyser.h"

#include "analysiscache.h"
#include "analysiscodec.h"

#include "extract/parallel.h"
#include "extract/tagger.h"
#include "ingest/folderscanner.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <memory>
#include <thread>

namespace carto::cache {

namespace {

// Files are looked up, analysed and stored this many at a time, so a large
// corpus never holds all its raw bytes and blobs at once.
constexpr int kBatch = 64;

} // namespace

struct CorpusAnalyser::Slot
{
    QString relative;
    QString absolute;
    QByteArray bytes;
    QByteArray key;   // empty: the file is read directly and not cached
    QByteArray blob;  // from the cache, or to store
    bool hit = false;
    std::optional<ingest::Document> document;
    extract::DocumentAnalysis analysis;
    std::vector<Problem> problems;
};

namespace {

using Slot = CorpusAnalyser::Slot;

// The bytes of a plain readable file within the size limit; else the file is
// left to CorpusReader::readFile, whose problems say what is wrong with it.
void load(Slot &slot, const ingest::CorpusReader::Options &options)
{
    const QFileInfo info(slot.absolute);
    if (!info.isFile() || info.size() == 0 || info.size() > options.maxFileBytes)
        return;
    QFile file(slot.absolute);
    if (!file.open(QIODevice::ReadOnly))
        return;
    QByteArray bytes = file.read(options.maxFileBytes + 1);
    if (bytes.isEmpty() || bytes.size() > options.maxFileBytes)
        return;
    slot.key = CorpusAnalyser::key(info.fileName(), bytes, options);
    slot.bytes = std::move(bytes);
}

void restore(Slot &slot)
{
    std::optional<CachedDocument> entry = AnalysisCodec::decode(slot.blob);
    slot.blob.clear();
    if (!entry) {
        slot.hit = false;
        return;
    }
    slot.document = std::move(entry->document);
    slot.document->path = slot.relative;
    slot.document->absolutePath = QFileInfo(slot.absolute).absoluteFilePath();
    for (Problem &p : entry->problems) {
        p.path = slot.relative;
        slot.problems.push_back(std::move(p));
    }
    slot.analysis = std::move(entry->analysis);
}

void analyseSlot(Slot &slot, const ingest::CorpusReader &reader, const CancelToken *cancel)
{
    if (slot.key.isEmpty()) {
        slot.document = reader.readFile(slot.absolute, slot.relative, slot.problems, cancel);
    } else {
        slot.document = reader.readBytes(slot.bytes, slot.absolute, slot.relative, slot.problems, cancel);
        slot.bytes.clear();
    }
    if (!slot.document)
        return;
    slot.analysis = extract::analyseDocument(*slot.document);
    // A read cut short (time budget, cancel) is not this file's analysis.
    if (slot.key.isEmpty() || (cancel && cancel->isCancelled()))
        return;
    CachedDocument entry;
    entry.document = *slot.document;
    entry.document.path.clear();
    entry.document.absolutePath.clear();
    for (Problem p : slot.problems) {
        p.path.clear();
        entry.problems.push_back(std::move(p));
    }
    entry.analysis = slot.analysis;
    slot.blob = AnalysisCodec::encode(entry);
}

} // namespace

CorpusAnalyser::CorpusAnalyser(Options options)
    : m_options(std::move(options))
{
}

QByteArray CorpusAnalyser::key(const QString &fileName, QByteArrayView bytes, const ingest::CorpusReader::Options &reader)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QString engine = QStringLiteral("cartograph analysis %1 blob %2 tagger %3 limits %4 %5\n")
                               .arg(extract::kAnalysisVersion)
                               .arg(AnalysisCodec::kFormatVersion)
                               .arg(extract::Tagger::instance().lexiconSize())
                               .arg(reader.maxFileBytes)
                               .arg(reader.maxPdfPages);
    hash.addData(engine.toUtf8());
    hash.addData(fileName.toUtf8());
    hash.addData(QByteArrayView("\0", 1));
    hash.addData(bytes);
    return hash.result();
}

// One batch: bytes and keys in parallel, one look-up in the caches, decoding
// and analysing in parallel, one store. False when cancelled.
bool CorpusAnalyser::runBatch(std::vector<Slot> &slots, AnalysisCache &store,
                              const std::vector<std::unique_ptr<AnalysisCache>> &more,
                              const ingest::CorpusReader &reader, int threads, const CancelToken *cancel) const
{
    const auto cancelled = [&] { return cancel && cancel->isCancelled(); };
    const int n = static_cast<int>(slots.size());
    extract::parallelFor(n, threads, [&](int i, int) { load(slots[size_t(i)], m_options.reader); });
    std::vector<QByteArray> keys;
    for (const Slot &s : slots) {
        if (!s.key.isEmpty())
            keys.push_back(s.key);
    }
    std::map<QByteArray, QByteArray> found = store.find(keys);
    std::vector<std::pair<QByteArray, QByteArray>> copied; // from the other caches into this one
    for (const std::unique_ptr<AnalysisCache> &other : more) {
        std::vector<QByteArray> missing;
        for (const QByteArray &k : keys) {
            if (!found.contains(k))
                missing.push_back(k);
        }
        for (auto &[k, blob] : other->find(missing)) {
            copied.emplace_back(k, blob);
            found.emplace(k, std::move(blob));
        }
    }
    for (Slot &s : slots) {
        auto it = found.find(s.key);
        if (it != found.end()) {
            s.blob = std::move(it->second);
            s.hit = true;
        }
    }
    extract::parallelFor(n, threads, [&](int i, int) {
        if (cancelled())
            return;
        Slot &s = slots[size_t(i)];
        if (s.hit)
            restore(s);
        if (!s.hit)
            analyseSlot(s, reader, cancel);
    });
    if (cancelled())
        return false;
    std::vector<std::pair<QByteArray, QByteArray>> fresh;
    for (auto &entry : copied) {
        const auto slot = std::find_if(slots.begin(), slots.end(), [&](const Slot &s) { return s.key == entry.first; });
        if (slot != slots.end() && slot->hit) // it decoded
            fresh.push_back(std::move(entry));
    }
    for (Slot &s : slots) {
        if (!s.hit && !s.blob.isEmpty())
            fresh.emplace_back(s.key, std::move(s.blob));
        else if (!s.hit && found.contains(s.key))
            store.remove(s.key); // it would not decode
    }
    store.store(fresh);
    return true;
}

std::optional<AnalysedCorpus> CorpusAnalyser::analyse(const QString &root, QString *error, ProgressSink *progress,
                                                      const CancelToken *cancel) const
{
    const auto failWith = [&](const QString &message) -> std::optional<AnalysedCorpus> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const auto cancelled = [&] { return cancel && cancel->isCancelled(); };
    // The same checks and messages as CorpusReader::read.
    const QFileInfo rootInfo(root);
    if (root.isEmpty() || !rootInfo.exists())
        return failWith(QStringLiteral("folder not found: %1").arg(root));
    if (!rootInfo.isDir())
        return failWith(QStringLiteral("not a folder: %1").arg(root));
    if (!rootInfo.isReadable() || !rootInfo.isExecutable())
        return failWith(QStringLiteral("folder is not readable: %1").arg(root));
    ingest::FolderScanner::Limits limits;
    limits.maxDepth = m_options.reader.maxFolderDepth;
    limits.maxFiles = m_options.reader.maxFiles;
    ingest::FolderScanner::Result scanned = ingest::FolderScanner::scan(rootInfo.absoluteFilePath(), limits, cancel);
    if (cancelled())
        return failWith(QStringLiteral("reading cancelled"));

    const int threads = m_options.threads > 0 ? m_options.threads : std::max(1, int(std::thread::hardware_concurrency()));
    const ingest::CorpusReader reader(m_options.reader);
    AnalysisCache store({m_options.cachePath, m_options.cacheMaxBytes});
    std::vector<std::unique_ptr<AnalysisCache>> more;
    for (const QString &path : m_options.moreCachePaths) {
        if (QFileInfo::exists(path))
            more.push_back(std::make_unique<AnalysisCache>(AnalysisCache::Options{path, m_options.cacheMaxBytes}));
    }
    const QDir rootDir(rootInfo.absoluteFilePath());
    const qsizetype total = scanned.relativePaths.size();
    if (progress)
        progress->report(QStringLiteral("Reading"), 0, total);

    AnalysedCorpus result;
    result.corpus.root = rootInfo.absoluteFilePath();
    result.corpus.problems = std::move(scanned.problems);
    for (qsizetype begin = 0; begin < total; begin += kBatch) {
        std::vector<Slot> slots(static_cast<size_t>(std::min<qsizetype>(kBatch, total - begin)));
        for (size_t i = 0; i < slots.size(); ++i) {
            slots[i].relative = scanned.relativePaths[begin + static_cast<qsizetype>(i)];
            slots[i].absolute = rootDir.absoluteFilePath(slots[i].relative);
        }
        if (!runBatch(slots, store, more, reader, threads, cancel))
            return failWith(QStringLiteral("reading cancelled"));
        for (Slot &s : slots) {
            for (Problem &p : s.problems)
                result.corpus.problems.push_back(std::move(p));
            if (!s.document)
                continue;
            s.document->id = DocumentId(int(result.corpus.documents.size()));
            result.corpus.documents.push_back(std::move(*s.document));
            result.analyses.push_back(std::move(s.analysis));
            ++(s.hit ? result.fromCache : result.analysed);
        }
        if (progress)
            progress->report(QStringLiteral("Reading"), begin + qsizetype(slots.size()), total);
    }
    if (!store.isOpen())
        result.corpus.problems.push_back({Problem::Severity::Warning, QString(),
                                          QStringLiteral("analysis cache not used: %1").arg(store.errorString())});
    if (result.corpus.documents.empty()) {
        if (total == 0)
            return failWith(QStringLiteral("no documents in %1").arg(root));
        const std::vector<Problem> &problems = result.corpus.problems;
        return failWith(QStringLiteral("no readable documents in %1 (%2 files skipped; first: %3: %4)")
                            .arg(root)
                            .arg(total)
                            .arg(problems.empty() ? QString() : problems.front().path,
                                 problems.empty() ? QString() : problems.front().message));
    }
    return result;
}

} // namespace carto::cache
