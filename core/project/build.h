#pragma once

#include "extract/conceptextractor.h"
#include "foundation/problem.h"
#include "foundation/progress.h"
#include "graph/conceptgraph.h"
#include "ingest/corpusreader.h"
#include "layout/forcelayout.h"

#include <optional>
#include <vector>

namespace carto::project {

// Options for one run of the whole pipeline.
struct BuildOptions
{
    ingest::CorpusReader::Options reader;
    extract::ConceptExtractor::Options extractor;
    layout::ForceLayout::Options layout;
    bool computeLayout = true;
    // Extra curation applied after the corpus folder's own cartograph.yaml
    // (a project's curation). Its entries win on conflict.
    extract::Curation curation;
};

// Everything one build derives from a corpus folder.
struct BuildResult
{
    ingest::Corpus corpus;          // documents (ids index this vector) and read problems
    graph::ConceptGraph graph;      // concepts, relations, metrics, positions
    std::vector<Problem> problems;  // all problems: reading, curation, extraction
};

// Runs ingest -> extract -> graph -> metrics -> layout on a folder: the one entry
// point shared by the CLI, app/jobs and tests. Reads <folder>/cartograph.yaml as
// curation when present. Returns std::nullopt with *error set (one line) when
// the folder is missing or holds no readable document, or when cancelled.
[[nodiscard]] std::optional<BuildResult> buildCorpus(const QString &folder, const BuildOptions &options,
                                                     QString *error, ProgressSink *progress = nullptr,
                                                     const CancelToken *cancel = nullptr);

// Name of the curation file looked for in a corpus folder.
[[nodiscard]] QString curationFileName();

} // namespace carto::project
