#pragma once

#include "extract/conceptextractor.h"
#include "foundation/problem.h"
#include "foundation/progress.h"
#include "graph/conceptgraph.h"
#include "ingest/corpusreader.h"
#include "layout/forcelayout.h"
#include "project/project.h"

#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace carto::project {

struct ProjectAnalyses;

// Options for one run of the whole pipeline.
struct BuildOptions
{
    ingest::CorpusReader::Options reader;
    extract::ConceptExtractor::Options extractor;
    layout::ForceLayout::Options layout;
    bool computeLayout = true;
    // buildProject/assembleProject: every concept with a saved position keeps
    // it exactly, pinned or not; only concepts new to the map are placed
    // (around them). The app's choice: a curation edit or a changed document
    // never moves what the user has seen. Off: saved positions are only the
    // layout's start, and the map settles anew around what changed.
    bool holdSavedPositions = false;
    // Extra curation applied after the corpus folder's own cartograph.yaml
    // (a project's curation). Its entries win on conflict.
    extract::Curation curation;
    // The analysis cache (cache::AnalysisCache) to read analyses from and
    // store them in; empty: none, every document is read and analysed.
    QString analysisCache;
    QStringList moreAnalysisCaches; // looked in too, copied from (CorpusAnalyser::Options)
    qint64 analysisCacheMaxBytes = qint64(2) << 30;
    // Hand the analyse stage back in BuildResult::analyses, as a concept
    // draft (ProjectAnalyses::draft), for assembleProject() after a curation
    // edit (the app). Costs memory.
    bool keepAnalyses = false;
};

// Everything one build derives from a corpus folder.
struct BuildResult
{
    ingest::Corpus corpus;          // documents (ids index this vector) and read problems
    graph::ConceptGraph graph;      // concepts, relations, metrics, positions
    std::vector<Problem> problems;  // all problems: reading, curation, extraction
    int analysesFromCache = 0;      // documents whose analysis came from the cache
    int documentsAnalysed = 0;      // documents read and analysed by this build
    // With BuildOptions::keepAnalyses: what was read and analysed, shared
    // (immutable) with the builds assembleProject() makes from it.
    std::shared_ptr<const ProjectAnalyses> analyses;
    bool reassembled = false;       // made by assembleProject: nothing was read
};

// Runs ingest -> extract -> graph -> metrics -> layout on a folder: the one entry
// point shared by the CLI, app/jobs and tests. Reads <folder>/cartograph.yaml as
// curation when present. Returns std::nullopt with *error set (one line) when
// the folder is missing or holds no readable document, or when cancelled.
[[nodiscard]] std::optional<BuildResult> buildCorpus(const QString &folder, const BuildOptions &options,
                                                     QString *error, ProgressSink *progress = nullptr,
                                                     const CancelToken *cancel = nullptr);

// Builds a project: reads every corpus folder (with more than one, document
// paths are prefixed with the folder's name, "seeds/a.md", so they stay
// unique; DocumentIds run across all folders in order), applies each folder's
// cartograph.yaml and then project.curation (options.curation comes last of
// all), builds the graph and lays it out starting from project.positions:
// nodes in project.pinned keep their saved position exactly (NodeData::pinned
// is set), and when every node has a saved position none of them moves, so the
// map comes back where the user left it. A folder that is missing or has no
// readable document is reported in BuildResult::problems and skipped; the build
// fails (std::nullopt, one-line *error) only when no document is read at all,
// the project has no folder, or it is cancelled.
[[nodiscard]] std::optional<BuildResult> buildProject(const Project &project, const BuildOptions &options,
                                                      QString *error, ProgressSink *progress = nullptr,
                                                      const CancelToken *cancel = nullptr);

// The assemble half of buildProject alone, from what a previous build kept
// (BuildOptions::keepAnalyses): the folders' curation as read then, the
// project's curation and options.curation over it, the layout from
// project.positions and pins as buildProject does. Nothing is read or
// analysed, so the map is the one buildProject would give for this project
// while the files are unchanged (a changed file needs buildProject). With the
// kept concept draft (made for the same extractor.maxConcepts) only curation,
// ranking, relations, graph, metrics and layout run again, for every kind of
// edit: nothing before curation reads it (added concepts are looked up in the
// texts by curation itself). Without one, from kept analyses, the whole corpus
// half runs; with neither it fails. The result carries the same analyses on.
// std::nullopt when cancelled.
[[nodiscard]] std::optional<BuildResult> assembleProject(std::shared_ptr<const ProjectAnalyses> analyses,
                                                         const Project &project, const BuildOptions &options,
                                                         QString *error, ProgressSink *progress = nullptr,
                                                         const CancelToken *cancel = nullptr);

// A concept note whose concept is not in the graph (its documents were edited
// or deleted, or it was merged away). Orphans stay in the Project; the app shows
// them and may offer to re-attach to `candidate`.
struct OrphanedNote
{
    size_t index = 0;                   // into Project::conceptNotes
    std::optional<ConceptId> candidate; // a concept whose label or alias equals the note's label
};

[[nodiscard]] std::vector<OrphanedNote> orphanedConceptNotes(const Project &project,
                                                             const graph::ConceptGraph &graph);
// Indices into Project::linkNotes whose two concepts are not both in the graph
// or are no longer linked.
[[nodiscard]] std::vector<size_t> orphanedLinkNotes(const Project &project, const graph::ConceptGraph &graph);

// Copies a build's positions into the project (all nodes) and its pins, as the
// app does before saving so the next open restores the map.
void storeLayout(Project &project, const graph::ConceptGraph &graph);

// The analysis cache's file when none is named: <XDG cache folder>/analyses.sqlite
// (cache::AnalysisCache::defaultPath(), for this application's name).
[[nodiscard]] QString defaultAnalysisCache();

// Name of the curation file looked for in a corpus folder.
[[nodiscard]] QString curationFileName();

} // namespace carto::project
