#include "build.h"

#include "projectanalyses.h"

#include "cache/analysiscache.h"

#include <QDir>
#include <QFileInfo>

#include <thread>
#include <utility>

namespace carto::project {

QString curationFileName()
{
    return QStringLiteral("cartograph.yaml");
}

QString defaultAnalysisCache()
{
    return cache::AnalysisCache::defaultPath();
}

namespace {

// Where the layout starts: saved positions by concept id, and which of those
// are pinned. Empty for a plain folder build.
struct SavedLayout
{
    const std::map<ConceptId, graph::Point> *positions = nullptr;
    const std::set<ConceptId> *pinned = nullptr;
};

// Positions and pins from `saved`, then the layout of whatever has none: when
// every concept has a saved place the map is shown exactly as it was left;
// otherwise the new concepts are placed around the saved ones. False when cancelled.
bool placeNodes(graph::ConceptGraph &g, const SavedLayout &saved, const BuildOptions &options, ProgressSink *progress,
                const CancelToken *cancel)
{
    const int n = g.nodeCount();
    std::vector<std::optional<graph::Point>> previous(static_cast<size_t>(n));
    std::vector<bool> pinned(size_t(n), false);
    int known = 0;
    if (saved.positions) {
        for (graph::NodeIndex v = 0; v < n; ++v) {
            const ConceptId &id = g.node(v).info.id;
            const auto it = saved.positions->find(id);
            if (it == saved.positions->end())
                continue;
            previous[size_t(v)] = it->second;
            g.node(v).position = it->second;
            ++known;
            // A pin without a position has nothing to hold on to.
            if (saved.pinned && saved.pinned->contains(id)) {
                pinned[size_t(v)] = true;
                g.node(v).pinned = true;
            }
        }
    }
    if (!options.computeLayout || known == n)
        return true;
    if (options.holdSavedPositions) {
        for (size_t v = 0; v < previous.size(); ++v)
            pinned[v] = pinned[v] || previous[v].has_value(); // held for the layout; NodeData::pinned untouched
    }
    const layout::ForceLayout layouter(options.layout);
    const std::vector<graph::Point> positions =
        known > 0 ? layouter.run(layout::toLayoutGraph(g), previous, pinned, progress, cancel)
                  : layouter.run(layout::toLayoutGraph(g), {}, {}, progress, cancel);
    if (cancel && cancel->isCancelled())
        return false;
    if (positions.size() == size_t(n)) {
        for (graph::NodeIndex v = 0; v < n; ++v)
            g.node(v).position = positions[size_t(v)];
    }
    return true;
}

// The graph, its metrics and its layout from an extraction (the end of every
// build). BuildResult::corpus is left to the caller.
// With a memo, metrics of an unchanged structure come from it (and go to it).
std::optional<BuildResult> graphBuild(extract::Extraction extraction, std::vector<Problem> problems,
                                      const BuildOptions &options, const SavedLayout &saved, MetricsMemo *memo,
                                      QString *error, ProgressSink *progress, const CancelToken *cancel)
{
    if (detail::cancelled(cancel, error))
        return std::nullopt;
    BuildResult result;
    result.problems = std::move(problems);
    result.problems.insert(result.problems.end(), extraction.problems.begin(), extraction.problems.end());

    if (progress)
        progress->report(QStringLiteral("Linking"), 0, 1);
    result.graph = graph::ConceptGraph::fromExtraction(std::move(extraction));
    if (detail::cancelled(cancel, error))
        return std::nullopt;
    graph::MetricsOptions metrics;
    metrics.seed = options.layout.seed;
    metrics.cancel = cancel;
    if (memo)
        memo->computeMetrics(result.graph, metrics);
    else
        result.graph.computeMetrics(metrics);
    if (detail::cancelled(cancel, error))
        return std::nullopt;
    if (progress)
        progress->report(QStringLiteral("Linking"), 1, 1);
    if (!placeNodes(result.graph, saved, options, progress, cancel)) {
        (void)detail::cancelled(cancel, error); // sets the error only
        return std::nullopt;
    }
    return result;
}

// The assemble half from a kept concept draft: curation, relations, graph.
std::optional<BuildResult> assembleDraft(const ProjectAnalyses &kept, const extract::Curation &curation,
                                         const BuildOptions &options, const SavedLayout &saved, QString *error,
                                         ProgressSink *progress, const CancelToken *cancel)
{
    const extract::ConceptExtractor extractor(options.extractor);
    extract::Extraction extraction = extractor.finish(kept.corpus, *kept.draft, curation, progress, cancel);
    return graphBuild(std::move(extraction), kept.problems, options, saved, kept.metrics.get(), error, progress, cancel);
}

// Assembles what the analyse stage read. With keepAnalyses the analyses
// become a concept draft (they are not needed after it) kept in the result.
std::optional<BuildResult> assembleRead(ProjectAnalyses read, const extract::Curation &curation,
                                        const BuildOptions &options, const SavedLayout &saved, QString *error,
                                        ProgressSink *progress, const CancelToken *cancel)
{
    const int fromCache = read.fromCache;
    const int analysed = read.analysed;
    const extract::ConceptExtractor extractor(options.extractor);
    std::optional<BuildResult> result;
    if (options.keepAnalyses) {
        auto kept = std::make_shared<ProjectAnalyses>(std::move(read));
        kept->draft = std::make_shared<const extract::ConceptDraft>(
            extractor.draft(kept->corpus, std::exchange(kept->analyses, {}), progress, cancel));
        if (detail::cancelled(cancel, error))
            return std::nullopt;
        result = assembleDraft(*kept, curation, options, saved, error, progress, cancel);
        if (result) {
            result->corpus = kept->corpus;
            result->analyses = std::move(kept);
        }
    } else {
        extract::Extraction extraction = extractor.assemble(read.corpus, std::move(read.analyses), curation, progress, cancel);
        result = graphBuild(std::move(extraction), std::move(read.problems), options, saved, nullptr, error, progress,
                            cancel);
        if (result)
            result->corpus = std::move(read.corpus);
    }
    if (result) {
        result->analysesFromCache = fromCache;
        result->documentsAnalysed = analysed;
    }
    return result;
}

} // namespace

std::optional<BuildResult> buildCorpus(const QString &folder, const BuildOptions &options, QString *error,
                                       ProgressSink *progress, const CancelToken *cancel)
{
    // WordNet loads while the documents are read (joined when leaving scope).
    const std::jthread prepare(&extract::ConceptExtractor::prepare);
    std::optional<ProjectAnalyses> read = analyseFolder(folder, options, error, progress, cancel);
    if (!read)
        return std::nullopt;
    extract::Curation curation = read->folderCuration;
    appendCuration(curation, options.curation);
    return assembleRead(std::move(*read), curation, options, {}, error, progress, cancel);
}

std::optional<BuildResult> buildProject(const Project &project, const BuildOptions &options, QString *error,
                                        ProgressSink *progress, const CancelToken *cancel)
{
    const std::jthread prepare(&extract::ConceptExtractor::prepare);
    std::optional<ProjectAnalyses> read = analyseProject(project, options, error, progress, cancel);
    if (!read)
        return std::nullopt;
    extract::Curation curation = read->folderCuration;
    appendCuration(curation, project.curation);
    appendCuration(curation, options.curation);
    return assembleRead(std::move(*read), curation, options, SavedLayout{&project.positions, &project.pinned}, error,
                        progress, cancel);
}

std::optional<BuildResult> assembleProject(std::shared_ptr<const ProjectAnalyses> analyses, const Project &project,
                                           const BuildOptions &options, QString *error, ProgressSink *progress,
                                           const CancelToken *cancel)
{
    if (!analyses) {
        if (error)
            *error = QStringLiteral("no analyses to assemble");
        return std::nullopt;
    }
    extract::ConceptExtractor::prepare();
    extract::Curation curation = analyses->folderCuration;
    appendCuration(curation, project.curation);
    appendCuration(curation, options.curation);
    const SavedLayout saved{&project.positions, &project.pinned};
    std::optional<BuildResult> result;
    if (analyses->draft && analyses->draft->maxConcepts == options.extractor.maxConcepts) {
        result = assembleDraft(*analyses, curation, options, saved, error, progress, cancel);
    } else if (analyses->analyses.size() == analyses->corpus.documents.size()) {
        // No draft, or one cut for another maxConcepts: the whole corpus half
        // again, from a copy (the kept analyses stay whole).
        const extract::ConceptExtractor extractor(options.extractor);
        extract::Extraction extraction =
            extractor.assemble(analyses->corpus, analyses->analyses, curation, progress, cancel);
        result = graphBuild(std::move(extraction), analyses->problems, options, saved, nullptr, error, progress, cancel);
    } else {
        if (error)
            *error = QStringLiteral("the kept analyses do not fit these options; a full build is needed");
        return std::nullopt;
    }
    if (result) {
        result->corpus = analyses->corpus;
        result->analyses = std::move(analyses);
        result->reassembled = true;
    }
    return result;
}

std::vector<OrphanedNote> orphanedConceptNotes(const Project &project, const graph::ConceptGraph &graph)
{
    std::vector<OrphanedNote> out;
    for (size_t i = 0; i < project.conceptNotes.size(); ++i) {
        const ConceptNote &note = project.conceptNotes[i];
        if (graph.find(note.conceptId))
            continue;
        OrphanedNote orphan;
        orphan.index = i;
        if (!note.label.isEmpty()) {
            if (const auto match = graph.findByName(note.label))
                orphan.candidate = graph.node(*match).info.id;
        }
        out.push_back(orphan);
    }
    return out;
}

std::vector<size_t> orphanedLinkNotes(const Project &project, const graph::ConceptGraph &graph)
{
    std::vector<size_t> out;
    for (size_t i = 0; i < project.linkNotes.size(); ++i) {
        const LinkNote &note = project.linkNotes[i];
        const auto a = graph.find(note.source);
        const auto b = graph.find(note.target);
        if (!a || !b || !graph.edgeBetween(*a, *b))
            out.push_back(i);
    }
    return out;
}

void storeLayout(Project &project, const graph::ConceptGraph &graph)
{
    for (graph::NodeIndex v = 0; v < graph.nodeCount(); ++v) {
        const graph::NodeData &node = graph.node(v);
        project.positions[node.info.id] = node.position;
        if (node.pinned)
            project.pinned.insert(node.info.id);
        else
            project.pinned.erase(node.info.id);
    }
}

} // namespace carto::project
