#include "build.h"

#include <QDir>
#include <QFileInfo>

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

std::optional<BuildResult> buildCorpus(const QString &folder, const BuildOptions &options, QString *error,
                                       ProgressSink *progress, const CancelToken *cancel)
{
    const ingest::CorpusReader reader(options.reader);
    std::optional<ingest::Corpus> corpus = reader.read(folder, error, progress, cancel);
    if (!corpus)
        return std::nullopt;
    if (cancel && cancel->isCancelled()) {
        if (error)
            *error = QStringLiteral("cancelled");
        return std::nullopt;
    }

    BuildResult result;
    result.problems = corpus->problems;

    extract::Curation curation = extract::readCurationFile(QDir(folder).filePath(curationFileName()),
                                                           result.problems);
    appendCuration(curation, options.curation);

    const extract::ConceptExtractor extractor(options.extractor);
    extract::Extraction extraction = extractor.extract(*corpus, curation, progress, cancel);
    if (cancel && cancel->isCancelled()) {
        if (error)
            *error = QStringLiteral("cancelled");
        return std::nullopt;
    }
    result.problems.insert(result.problems.end(), extraction.problems.begin(), extraction.problems.end());

    if (progress)
        progress->report(QStringLiteral("Linking"), 0, 1);
    result.graph = graph::ConceptGraph::fromExtraction(extraction);
    result.graph.computeMetrics(options.layout.seed);
    if (progress)
        progress->report(QStringLiteral("Linking"), 1, 1);

    if (options.computeLayout) {
        const layout::ForceLayout layouter(options.layout);
        layouter.run(result.graph, false, progress, cancel);
        if (cancel && cancel->isCancelled()) {
            if (error)
                *error = QStringLiteral("cancelled");
            return std::nullopt;
        }
    }
    result.corpus = std::move(*corpus);
    return result;
}

} // namespace carto::project
