#pragma once

#include "build.h"
#include "metricsmemo.h"

#include "extract/conceptdraft.h"
#include "extract/curation.h"
#include "extract/documentanalysis.h"
#include "foundation/problem.h"
#include "foundation/progress.h"
#include "ingest/corpus.h"
#include "project/project.h"

#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace carto::project {

// The analyse half of a build: the corpus as read, one analysis per document
// (fresh or from the analysis cache), the folders' own cartograph.yaml
// curation and the problems met so far. buildCorpus and buildProject make one
// and assemble it. With BuildOptions::keepAnalyses the analyses are turned
// into a concept draft (extract::ConceptDraft: the concepts before curation,
// and the tokens the relation stage reads) and the whole is handed back,
// immutable and shared, in BuildResult::analyses, so that assembleProject()
// re-runs only curation, relations, graph and layout after a curation edit
// (the app keeps the last one; nothing is read, tagged or merged again). It
// costs memory of the order of the corpus's tokens, so only the app asks for it.
struct ProjectAnalyses
{
    QStringList folders;            // the corpus folders read, as given
    ingest::Corpus corpus;          // documents (ids index this vector) and read problems
    // analyses[i] is corpus.documents[i]'s; empty once made into `draft`.
    std::vector<extract::DocumentAnalysis> analyses;
    std::shared_ptr<const extract::ConceptDraft> draft; // see above; null until assembled with keepAnalyses
    // The last metrics assembled from `draft` (a memo behind the const
    // analyses, see MetricsMemo): a rename or a type change reuses them.
    std::shared_ptr<MetricsMemo> metrics = std::make_shared<MetricsMemo>();
    extract::Curation folderCuration; // each folder's cartograph.yaml, in folder order
    std::vector<Problem> problems;  // reading and curation-file problems, before assembly
    int fromCache = 0;              // analyses read from the analysis cache
    int analysed = 0;               // documents read and analysed
};

// Reads and analyses one folder as buildCorpus does (through the analysis
// cache when options.analysisCache is set). std::nullopt with a one-line
// *error when the folder is missing, holds no readable document or the work
// is cancelled.
[[nodiscard]] std::optional<ProjectAnalyses> analyseFolder(const QString &folder, const BuildOptions &options,
                                                           QString *error, ProgressSink *progress = nullptr,
                                                           const CancelToken *cancel = nullptr);

// Reads and analyses every folder of a project as buildProject does: paths
// prefixed with the folder's name when there are several, a missing folder
// reported and skipped. std::nullopt when no document is read at all.
[[nodiscard]] std::optional<ProjectAnalyses> analyseProject(const Project &project, const BuildOptions &options,
                                                            QString *error, ProgressSink *progress = nullptr,
                                                            const CancelToken *cancel = nullptr);

// Appends `extra` to `base`; extra's entries come last so they win where the
// two disagree (later merges, renames and types override earlier ones).
void appendCuration(extract::Curation &base, const extract::Curation &extra);

namespace detail {
// True when the work is cancelled, with *error (when given) set to "cancelled".
[[nodiscard]] bool cancelled(const CancelToken *cancel, QString *error);
} // namespace detail

} // namespace carto::project
