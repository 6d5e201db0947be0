#pragma once

#include "corpus.h"
#include "foundation/progress.h"

#include <chrono>
#include <optional>

namespace carto::ingest {

// Scans a folder recursively and reads every supported document, in parallel.
// Called by the CLI, the project builder and app/jobs. Unreadable or hostile
// files become Problems in the Corpus, never exceptions; symbolic links are
// not followed (FolderScanner), and every file has a time budget.
class CorpusReader final
{
public:
    struct Options
    {
        qint64 maxFileBytes = 32 * 1024 * 1024; // larger files (and PDF text) are reported and skipped
        int threads = 0;                        // 0: std::thread::hardware_concurrency()
        // One file may take this long to read; then it is reported and skipped.
        std::chrono::milliseconds maxFileTime{10'000};
        int maxPdfPages = 2000;      // later pages are not read (reported)
        int maxFolderDepth = 64;     // deeper folders are reported and skipped
        qsizetype maxFiles = 100000; // files past this are reported and not read
        // Back matter (appendices, licences, bibliographies, indexes, contents),
        // quoted replies and signatures are recorded in Document::setAside and,
        // unless this is set, left out of the blocks that extraction reads.
        bool readSetAside = false;
    };

    explicit CorpusReader(Options options);
    CorpusReader();

    // Returns std::nullopt and sets *error when root is missing, not a folder,
    // or holds no readable document.
    [[nodiscard]] std::optional<Corpus> read(const QString &root, QString *error,
                                             ProgressSink *progress = nullptr,
                                             const CancelToken *cancel = nullptr) const;

    // Reads one file; relativePath becomes Document::path. On failure returns
    // std::nullopt and appends a Problem. Gives up (with a Problem) when the
    // file takes longer than Options::maxFileTime or cancel is set.
    [[nodiscard]] std::optional<Document> readFile(const QString &absolutePath, const QString &relativePath,
                                                   std::vector<Problem> &problems,
                                                   const CancelToken *cancel = nullptr) const;

    // Reads a file's bytes, already loaded (the analysis cache hashes them
    // first); absolutePath names the file (its name picks the format).
    [[nodiscard]] std::optional<Document> readBytes(const QByteArray &bytes, const QString &absolutePath,
                                                    const QString &relativePath, std::vector<Problem> &problems,
                                                    const CancelToken *cancel = nullptr) const;

private:
    Options m_options;
};

} // namespace carto::ingest
