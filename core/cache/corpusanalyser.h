#pragma once

#include "extract/documentanalysis.h"
#include "foundation/progress.h"
#include "ingest/corpus.h"
#include "ingest/corpusreader.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace carto::cache {

class AnalysisCache;

// A folder read and analysed: the corpus (as CorpusReader::read would give
// it) and one analysis per document, with how many came from the cache.
struct AnalysedCorpus
{
    ingest::Corpus corpus;
    std::vector<extract::DocumentAnalysis> analyses; // analyses[i] is corpus.documents[i]'s
    int fromCache = 0;
    int analysed = 0;
};

// The analyse stage of an incremental build: reads each file's bytes, looks
// its key up in the analysis cache and decodes what is there; reads and
// analyses the rest (in parallel) and stores them. Files the cache cannot
// serve (too large, unreadable, timed out) are read as CorpusReader reads
// them, with the same problems, and never stored. Called by
// project::buildCorpus/buildProject when a cache path is given, and by
// `cartograph-cli analyse`.
class CorpusAnalyser final
{
public:
    struct Options
    {
        ingest::CorpusReader::Options reader;
        QString cachePath;                      // the database (AnalysisCache); empty: its default
        // More caches to look in (filled on other machines, say): what they
        // hold that cachePath lacks is copied into it.
        QStringList moreCachePaths;
        qint64 cacheMaxBytes = qint64(2) << 30;
        int threads = 0;                        // 0: hardware concurrency
    };

    explicit CorpusAnalyser(Options options);

    // std::nullopt with *error (one line) when the folder is missing, holds no
    // readable document, or the work is cancelled.
    [[nodiscard]] std::optional<AnalysedCorpus> analyse(const QString &root, QString *error,
                                                        ProgressSink *progress = nullptr,
                                                        const CancelToken *cancel = nullptr) const;

    // The cache key of a file: SHA-256 of the engine version (analysis and
    // blob formats, tagger, the reader limits that change what is read), the
    // file's name (it picks the format and the fallback title) and its bytes.
    [[nodiscard]] static QByteArray key(const QString &fileName, QByteArrayView bytes,
                                        const ingest::CorpusReader::Options &reader);

    struct Slot; // one file on its way through a batch

private:
    bool runBatch(std::vector<Slot> &slots, AnalysisCache &store,
                  const std::vector<std::unique_ptr<AnalysisCache>> &more, const ingest::CorpusReader &reader,
                  int threads, const CancelToken *cancel) const;

    Options m_options;
};

} // namespace carto::cache
