#pragma once

#include "document.h"
#include "foundation/problem.h"
#include "readbudget.h"

#include <vector>

namespace carto::ingest {

// Reads markdown (CommonMark + tables, strikethrough, autolinks, wiki links)
// with md4c into a Document. YAML front matter becomes title and metadata;
// broken front matter is reported with its line and column and dropped from
// the text (it is metadata, not prose). Obsidian callout markers ("[!info]")
// are removed, their titles kept. Inline HTML is stripped except links and
// video time anchors. Front matter past 256 KB or whose aliases would expand
// past YamlLimits is dropped with a Warning; a file whose ReadBudget is spent
// is given up. Private to carto_ingest; CorpusReader calls it.
class MarkdownReader final
{
public:
    // `text` is decoded, clean UTF-16; fills document text, structure and title.
    // False (with a Problem) when the file was given up.
    static bool read(const QString &text, Document &document, std::vector<Problem> &problems,
                     const ReadBudget &budget = {});
};

} // namespace carto::ingest
