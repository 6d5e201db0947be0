#include "build.h"

#include "cache/corpusanalyser.h"

#include <QDir>
#include <QFileInfo>

#include <iterator>
#include <thread>

namespace carto::project {

namespace {

// Appends `extra` to `base`; the project's own entries come last so they win
// where the two disagree (later merges/renames/types override earlier ones).
void appendCuration(extract::Curation &base, const extract::Curation &extra)
{
    base.added.insert(base.added.end(), extra.added.begin(), extra.added.end());
    base.merges.insert(base.merges.end(), extra.merges.begin(), extra.merges.end());
    for (const auto &[from, to] : extra.renames)
        base.renames[from] = to;
    base.ignored += extra.ignored;
    for (const auto &[name, type] : extra.typeOverrides)
        base.typeOverrides[name] = type;
    base.splits += extra.splits;
}

} // namespace

QString curationFileName()
{
    return QStringLiteral("cartograph.yaml");
}

namespace {

bool cancelled(const CancelToken *cancel, QString *error)
{
    if (cancel && cancel->isCancelled()) {
        if (error)
            *error = QStringLiteral("cancelled");
        return true;
    }
    return false;
}

// Where the layout starts: saved positions by concept id, and which of those
// are pinned. Empty for a plain folder build.
struct SavedLayout
{
    const std::map<ConceptId, graph::Point> *positions = nullptr;
    const std::set<ConceptId> *pinned = nullptr;
};

// A folder's documents and, with a cache, their analyses (the analyse stage).
struct ReadFolder
{
    ingest::Corpus corpus;
    std::optional<std::vector<extract::DocumentAnalysis>> analyses;
    int fromCache = 0;
    int analysed = 0;
};

std::optional<ReadFolder> readFolder(const QString &folder, const BuildOptions &options, QString *error,
                                     ProgressSink *progress, const CancelToken *cancel)
{
    ReadFolder read;
    if (options.analysisCache.isEmpty()) {
        const ingest::CorpusReader reader(options.reader);
        std::optional<ingest::Corpus> corpus = reader.read(folder, error, progress, cancel);
        if (!corpus)
            return std::nullopt;
        read.corpus = std::move(*corpus);
        read.analysed = int(read.corpus.documents.size());
        return read;
    }
    cache::CorpusAnalyser::Options analyser;
    analyser.reader = options.reader;
    analyser.cachePath = options.analysisCache;
    analyser.moreCachePaths = options.moreAnalysisCaches;
    analyser.cacheMaxBytes = options.analysisCacheMaxBytes;
    analyser.threads = options.extractor.threads;
    std::optional<cache::AnalysedCorpus> analysed = cache::CorpusAnalyser(analyser).analyse(folder, error, progress, cancel);
    if (!analysed)
        return std::nullopt;
    read.corpus = std::move(analysed->corpus);
    read.analyses = std::move(analysed->analyses);
    read.fromCache = analysed->fromCache;
    read.analysed = analysed->analysed;
    return read;
}

// The shared back half of buildCorpus and buildProject: assemble (or analyse
// and assemble), link, measure, lay out.
std::optional<BuildResult> buildFromCorpus(ingest::Corpus corpus,
                                           std::optional<std::vector<extract::DocumentAnalysis>> analyses,
                                           const extract::Curation &curation, std::vector<Problem> problems,
                                           const BuildOptions &options, const SavedLayout &saved, QString *error,
                                           ProgressSink *progress, const CancelToken *cancel)
{
    BuildResult result;
    result.problems = std::move(problems);

    const extract::ConceptExtractor extractor(options.extractor);
    extract::Extraction extraction = analyses ? extractor.assemble(corpus, std::move(*analyses), curation, progress, cancel)
                                              : extractor.extract(corpus, curation, progress, cancel);
    if (cancelled(cancel, error))
        return std::nullopt;
    result.problems.insert(result.problems.end(), extraction.problems.begin(), extraction.problems.end());

    if (progress)
        progress->report(QStringLiteral("Linking"), 0, 1);
    result.graph = graph::ConceptGraph::fromExtraction(extraction);
    if (cancelled(cancel, error))
        return std::nullopt;
    graph::MetricsOptions metrics;
    metrics.seed = options.layout.seed;
    metrics.cancel = cancel;
    result.graph.computeMetrics(metrics);
    if (cancelled(cancel, error))
        return std::nullopt;
    if (progress)
        progress->report(QStringLiteral("Linking"), 1, 1);

    graph::ConceptGraph &g = result.graph;
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

    // When every concept has a saved place the map is shown exactly as it was
    // left; otherwise the new concepts are placed around the saved ones.
    if (options.computeLayout && known < n) {
        const layout::ForceLayout layouter(options.layout);
        const std::vector<graph::Point> positions =
            known > 0 ? layouter.run(layout::toLayoutGraph(g), previous, pinned, progress, cancel)
                      : layouter.run(layout::toLayoutGraph(g), {}, {}, progress, cancel);
        if (cancelled(cancel, error))
            return std::nullopt;
        if (positions.size() == size_t(n)) {
            for (graph::NodeIndex v = 0; v < n; ++v)
                g.node(v).position = positions[size_t(v)];
        }
    }
    result.corpus = std::move(corpus);
    return result;
}

// The deepest folder holding all of `folders` (for Corpus::root of a
// multi-folder project).
QString commonParent(const QStringList &folders)
{
    if (folders.isEmpty())
        return {};
    QStringList common = QDir::cleanPath(QFileInfo(folders.front()).absoluteFilePath()).split(u'/');
    for (const QString &folder : folders) {
        const QStringList parts = QDir::cleanPath(QFileInfo(folder).absoluteFilePath()).split(u'/');
        qsizetype k = 0;
        while (k < common.size() && k < parts.size() && common[k] == parts[k])
            ++k;
        common = common.mid(0, k);
    }
    const QString joined = common.join(u'/');
    return joined.isEmpty() ? QStringLiteral("/") : joined;
}

} // namespace

std::optional<BuildResult> buildCorpus(const QString &folder, const BuildOptions &options, QString *error,
                                       ProgressSink *progress, const CancelToken *cancel)
{
    // WordNet loads while the documents are read (joined when leaving scope).
    const std::jthread prepare(&extract::ConceptExtractor::prepare);
    std::optional<ReadFolder> read = readFolder(folder, options, error, progress, cancel);
    if (!read)
        return std::nullopt;
    if (cancelled(cancel, error))
        return std::nullopt;

    std::vector<Problem> problems = read->corpus.problems;
    extract::Curation curation = extract::readCurationFile(QDir(folder).filePath(curationFileName()), problems);
    appendCuration(curation, options.curation);
    std::optional<BuildResult> result = buildFromCorpus(std::move(read->corpus), std::move(read->analyses), curation,
                                                        std::move(problems), options, {}, error, progress, cancel);
    if (result) {
        result->analysesFromCache = read->fromCache;
        result->documentsAnalysed = read->analysed;
    }
    return result;
}

std::optional<BuildResult> buildProject(const Project &project, const BuildOptions &options, QString *error,
                                        ProgressSink *progress, const CancelToken *cancel)
{
    if (project.corpusFolders.isEmpty()) {
        if (error)
            *error = QStringLiteral("the project has no corpus folder");
        return std::nullopt;
    }
    const bool several = project.corpusFolders.size() > 1;
    const std::jthread prepare(&extract::ConceptExtractor::prepare);
    ingest::Corpus merged;
    std::vector<extract::DocumentAnalysis> analyses;
    int fromCache = 0;
    int analysed = 0;
    merged.root = several ? commonParent(project.corpusFolders) : project.corpusFolders.front();
    std::vector<Problem> problems;
    extract::Curation curation;
    QStringList prefixes;
    QString firstError;
    for (const QString &folder : project.corpusFolders) {
        QString readError;
        std::optional<ReadFolder> read = readFolder(folder, options, &readError, progress, cancel);
        if (cancelled(cancel, error))
            return std::nullopt;
        std::optional<ingest::Corpus> corpus;
        if (read) {
            corpus = std::move(read->corpus);
            fromCache += read->fromCache;
            analysed += read->analysed;
            if (read->analyses)
                std::move(read->analyses->begin(), read->analyses->end(), std::back_inserter(analyses));
        }
        if (!corpus) {
            // One missing folder should not make the rest of the project unreadable.
            problems.push_back({Problem::Severity::Error, folder, readError});
            if (firstError.isEmpty())
                firstError = readError;
            continue;
        }
        QString prefix;
        if (several) {
            const QString base = QFileInfo(QDir::cleanPath(folder)).fileName();
            prefix = base;
            for (int k = 2; prefixes.contains(prefix, Qt::CaseInsensitive); ++k)
                prefix = QStringLiteral("%1-%2").arg(base).arg(k);
            prefixes.append(prefix);
            prefix += u'/';
        }
        for (Problem problem : corpus->problems) {
            problem.path = prefix + problem.path;
            problems.push_back(std::move(problem));
        }
        const int offset = int(merged.documents.size());
        for (ingest::Document &doc : corpus->documents) {
            doc.id = DocumentId(offset + doc.id.value());
            doc.path = prefix + doc.path;
            merged.documents.push_back(std::move(doc));
        }
        appendCuration(curation, extract::readCurationFile(QDir(folder).filePath(curationFileName()), problems));
    }
    if (cancelled(cancel, error))
        return std::nullopt;
    if (merged.documents.empty()) {
        if (error)
            *error = firstError.isEmpty() ? QStringLiteral("no readable document in the project's folders") : firstError;
        return std::nullopt;
    }
    merged.problems = problems;
    appendCuration(curation, project.curation);
    appendCuration(curation, options.curation);
    std::optional<std::vector<extract::DocumentAnalysis>> cached;
    if (!options.analysisCache.isEmpty())
        cached = std::move(analyses);
    std::optional<BuildResult> result = buildFromCorpus(std::move(merged), std::move(cached), curation, std::move(problems),
                                                        options, SavedLayout{&project.positions, &project.pinned}, error,
                                                        progress, cancel);
    if (result) {
        result->analysesFromCache = fromCache;
        result->documentsAnalysed = analysed;
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
