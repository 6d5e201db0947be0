#pragma once

#include "foundation/problem.h"
#include "foundation/progress.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace carto::ingest {

// Lists the document files below a corpus folder, skipping hidden entries and
// curation files. Nothing outside the folder is read and nothing is skipped
// silently: symbolic links are never followed (a link is reported, and one
// that leads outside the folder says so), folders deeper than maxDepth and
// files past maxFiles are reported, and so are names that are not valid UTF-8
// (Qt cannot name them, so they could not be opened), special files (pipes,
// sockets, devices) and unreadable folders. Works on the raw byte names of
// std::filesystem, one directory read per folder and no path canonicalisation,
// so a deep tree costs time linear in its size. Private to carto_ingest; CorpusReader calls it.
class FolderScanner final
{
public:
    struct Limits
    {
        int maxDepth = 64;           // folders below the root, counting the root's children as 1
        qsizetype maxFiles = 100000; // files listed in all
    };

    struct Result
    {
        QStringList relativePaths; // '/'-separated, sorted
        std::vector<Problem> problems;
    };

    // root must be an existing, readable folder (CorpusReader checks).
    [[nodiscard]] static Result scan(const QString &root, const Limits &limits, const CancelToken *cancel = nullptr);
};

} // namespace carto::ingest
