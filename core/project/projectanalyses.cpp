#include "projectanalyses.h"

#include "cache/corpusanalyser.h"

#include <QDir>
#include <QFileInfo>

#include <iterator>

namespace carto::project {

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

namespace detail {

bool cancelled(const CancelToken *cancel, QString *error)
{
    if (cancel && cancel->isCancelled()) {
        if (error)
            *error = QStringLiteral("cancelled");
        return true;
    }
    return false;
}

} // namespace detail

namespace {

// A folder's documents and, with a cache, their analyses (the analyse stage).
struct ReadFolder
{
    ingest::Corpus corpus;
    std::optional<std::vector<extract::DocumentAnalysis>> analyses;
    int fromCache = 0;
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
    return read;
}

// Without a cache the documents are analysed here, all at once, once read.
bool analyseRest(ProjectAnalyses &out, const BuildOptions &options, QString *error, const CancelToken *cancel)
{
    if (out.analyses.size() == out.corpus.documents.size())
        return true;
    out.analyses = extract::ConceptExtractor(options.extractor).analyse(out.corpus, cancel);
    out.analysed = int(out.analyses.size());
    return !detail::cancelled(cancel, error);
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

// A unique "name/" for each of several folders, "" for a single one.
QString folderPrefix(const QString &folder, bool several, QStringList &taken)
{
    if (!several)
        return {};
    const QString base = QFileInfo(QDir::cleanPath(folder)).fileName();
    QString prefix = base;
    for (int k = 2; taken.contains(prefix, Qt::CaseInsensitive); ++k)
        prefix = QStringLiteral("%1-%2").arg(base).arg(k);
    taken.append(prefix);
    return prefix + u'/';
}

} // namespace

std::optional<ProjectAnalyses> analyseFolder(const QString &folder, const BuildOptions &options, QString *error,
                                             ProgressSink *progress, const CancelToken *cancel)
{
    std::optional<ReadFolder> read = readFolder(folder, options, error, progress, cancel);
    if (!read || detail::cancelled(cancel, error))
        return std::nullopt;
    ProjectAnalyses out;
    out.folders = {folder};
    out.corpus = std::move(read->corpus);
    if (read->analyses) {
        out.analyses = std::move(*read->analyses);
        out.fromCache = read->fromCache;
        out.analysed = int(out.analyses.size()) - out.fromCache;
    }
    out.problems = out.corpus.problems;
    out.folderCuration = extract::readCurationFile(QDir(folder).filePath(curationFileName()), out.problems);
    if (!analyseRest(out, options, error, cancel))
        return std::nullopt;
    return out;
}

std::optional<ProjectAnalyses> analyseProject(const Project &project, const BuildOptions &options, QString *error,
                                              ProgressSink *progress, const CancelToken *cancel)
{
    if (project.corpusFolders.isEmpty()) {
        if (error)
            *error = QStringLiteral("the project has no corpus folder");
        return std::nullopt;
    }
    const bool several = project.corpusFolders.size() > 1;
    ProjectAnalyses out;
    out.folders = project.corpusFolders;
    ingest::Corpus &merged = out.corpus;
    merged.root = several ? commonParent(project.corpusFolders) : project.corpusFolders.front();
    bool allAnalysed = true; // every folder came with its analyses (through the cache)
    QStringList prefixes;
    QString firstError;
    for (const QString &folder : project.corpusFolders) {
        QString readError;
        std::optional<ReadFolder> read = readFolder(folder, options, &readError, progress, cancel);
        if (detail::cancelled(cancel, error))
            return std::nullopt;
        if (!read) {
            // One missing folder should not make the rest of the project unreadable.
            out.problems.push_back({Problem::Severity::Error, folder, readError});
            if (firstError.isEmpty())
                firstError = readError;
            continue;
        }
        out.fromCache += read->fromCache;
        if (read->analyses)
            std::move(read->analyses->begin(), read->analyses->end(), std::back_inserter(out.analyses));
        else
            allAnalysed = false;
        const QString prefix = folderPrefix(folder, several, prefixes);
        for (Problem problem : read->corpus.problems) {
            problem.path = prefix + problem.path;
            out.problems.push_back(std::move(problem));
        }
        const int offset = int(merged.documents.size());
        for (ingest::Document &doc : read->corpus.documents) {
            doc.id = DocumentId(offset + doc.id.value());
            doc.path = prefix + doc.path;
            merged.documents.push_back(std::move(doc));
        }
        appendCuration(out.folderCuration,
                       extract::readCurationFile(QDir(folder).filePath(curationFileName()), out.problems));
    }
    if (detail::cancelled(cancel, error))
        return std::nullopt;
    if (merged.documents.empty()) {
        if (error)
            *error = firstError.isEmpty() ? QStringLiteral("no readable document in the project's folders") : firstError;
        return std::nullopt;
    }
    merged.problems = out.problems;
    if (allAnalysed)
        out.analysed = int(out.analyses.size()) - out.fromCache;
    else
        out.analyses.clear(); // options.analysisCache is the same for every folder: never partly
    if (!analyseRest(out, options, error, cancel))
        return std::nullopt;
    return out;
}

} // namespace carto::project
