#pragma once

#include "corpus.h"
#include "foundation/progress.h"

#include <optional>

namespace carto::ingest {

// Scans a folder recursively and reads every supported document, in parallel.
// Called by the CLI, the project builder and app/jobs. Unreadable or hostile
// files become Problems in the Corpus, never exceptions.
class CorpusReader final
{
public:
    struct Options
    {
        qint64 maxFileBytes = 32 * 1024 * 1024; // larger files are reported and skipped
        int threads = 0;                        // 0: std::thread::hardware_concurrency()
    };

    explicit CorpusReader(Options options);
    CorpusReader();

    // Returns std::nullopt and sets *error when root is missing, not a folder,
    // or holds no readable document.
    [[nodiscard]] std::optional<Corpus> read(const QString &root, QString *error,
                                             ProgressSink *progress = nullptr,
                                             const CancelToken *cancel = nullptr) const;

    // Reads one file; relativePath becomes Document::path. On failure returns
    // std::nullopt and appends a Problem.
    [[nodiscard]] std::optional<Document> readFile(const QString &absolutePath, const QString &relativePath,
                                                   std::vector<Problem> &problems) const;

private:
    Options m_options;
};

} // namespace carto::ingest
