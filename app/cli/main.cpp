// cartograph-cli: headless access to the engine. `text` prints a document's plain
// text (the text all offsets refer to); `build` maps a folder and prints a summary
// or writes JSON Graph Format / GraphML / GEXF / CSV / a Markdown vault / images;
// it also builds NAME.cartograph.yaml projects with their curation and saved layout.
//
// Conventions: stdout holds only what was asked for (the summary, a document's
// text, or the one export written to "-"); usage, errors, the problems met while
// reading and progress go to stderr. Exit 0 on success (problems with single
// files do not fail a build), 1 when the work fails, 2 for a usage error.
#include "clioutput.h"
#include "exportflags.h"
#include "cache/analysiscache.h"
#include "cache/corpusanalyser.h"
#include "project/build.h"
#include "project/projectfile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>

#include <algorithm>
#include <memory>
#include <optional>

using namespace carto;
using cli::err;
using cli::fail;
using cli::out;

namespace {

// The usage text; the export flags come from the ExportRegistry (ExportFlags::synopsis).
QString usage()
{
    const QString indent(28, u' ');
    QString text = QStringLiteral("usage: cartograph-cli text FILE\n"
                                  "       cartograph-cli build DIR|PROJECT.cartograph.yaml [--top N] [--no-layout]\n");
    QString line = indent + QStringLiteral("[--cache PATH] [--quiet]");
    for (const QString &item : cli::ExportFlags().synopsis()) {
        if (line.size() + 1 + item.size() > 100) {
            text += line + u'\n';
            line = indent + item;
        } else {
            line += u' ' + item;
        }
    }
    return text + line
        + QStringLiteral("\n       cartograph-cli analyse DIR [--cache PATH] [--quiet]\n"
                         "       cartograph-cli --version | --help\n"
                         "FILE '-' writes that one export to standard output.\n");
}

int runText(const QStringList &args)
{
    if (args.size() != 1)
        return fail(QStringLiteral("usage: cartograph-cli text FILE"), 2);
    const QFileInfo info(args.front());
    if (!info.isFile())
        return fail(QStringLiteral("%1: no such file").arg(args.front()));
    std::vector<Problem> problems;
    const ingest::CorpusReader reader;
    const auto document = reader.readFile(info.absoluteFilePath(), info.fileName(), problems);
    for (const Problem &problem : problems)
        err() << problem.path << ": " << problem.message << Qt::endl;
    if (!document)
        return 1;
    out() << document->text;
    out().flush();
    return 0;
}

// What went wrong while reading, always on stderr (also when stdout carries an
// export), one line each.
void printProblems(const std::vector<Problem> &problems)
{
    for (const Problem &problem : problems)
        err() << "cartograph-cli: " << problem.path << ": " << problem.message << '\n';
    err().flush();
}

// Prints what a person wants to see first: counts, the top concepts and the
// strongest links (the problems go to stderr, see printProblems).
void printSummary(const project::BuildResult &build, int top, qint64 elapsedMs)
{
    const graph::ConceptGraph &g = build.graph;
    int communities = 0;
    for (graph::NodeIndex i = 0; i < g.nodeCount(); ++i)
        communities = std::max(communities, g.node(i).community + 1);

    QTextStream &o = out();
    o << "Corpus      " << build.corpus.root << "\n"
      << "Documents   " << build.corpus.documents.size() << " read, " << build.problems.size() << " problems\n"
      << "Concepts    " << g.nodeCount() << "\n"
      << "Links       " << g.edgeCount() << "\n"
      << "Communities " << communities << "\n"
      << "Time        " << elapsedMs << " ms\n\n";

    o << "Top concepts\n";
    const int shown = std::min(top, g.nodeCount());
    for (graph::NodeIndex i = 0; i < shown; ++i) {
        const graph::NodeData &node = g.node(i);
        o << QStringLiteral("  %1  %2  %3  score %4  degree %5  community %6\n")
                 .arg(i + 1, 3)
                 .arg(node.info.label, -40)
                 .arg(extract::conceptTypeName(node.info.type), -12)
                 .arg(node.info.score, 0, 'f', 2)
                 .arg(node.degree)
                 .arg(node.community);
    }

    std::vector<graph::EdgeIndex> edges(static_cast<size_t>(g.edgeCount()));
    for (graph::EdgeIndex e = 0; e < g.edgeCount(); ++e)
        edges[static_cast<size_t>(e)] = e;
    // Rank links by shared sentences first, association weight second: a link
    // seen many times is more telling than a rare pair of rare words.
    std::sort(edges.begin(), edges.end(), [&](graph::EdgeIndex a, graph::EdgeIndex b) {
        const auto &ra = g.edge(a).relation;
        const auto &rb = g.edge(b).relation;
        if (ra.count != rb.count)
            return ra.count > rb.count;
        return ra.weight > rb.weight;
    });
    o << "\nTop links\n";
    for (size_t k = 0; k < edges.size() && k < static_cast<size_t>(top); ++k) {
        const graph::EdgeData &edge = g.edge(edges[k]);
        o << "  " << g.node(edge.source).info.label << " — " << g.node(edge.target).info.label << "  ("
          << edge.relation.count << " sentences, weight " << QString::number(edge.relation.weight, 'f', 2);
        if (!edge.relation.label.isEmpty())
            o << ", \"" << edge.relation.label << '"';
        o << ")\n";
    }
    if (!build.problems.empty())
        o << "\n" << build.problems.size() << " problems (on stderr)\n";
    o.flush();
}

// A QGuiApplication when an image is asked for (fonts and painting need one),
// on the offscreen platform when there is no display; else a QCoreApplication.
std::unique_ptr<QCoreApplication> makeApplication(int &argc, char **argv)
{
    if (!cli::ExportFlags::imageRequested(argc, argv))
        return std::make_unique<QCoreApplication>(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QGuiApplication>(argc, argv);
}

// Builds a folder, or a NAME.cartograph.yaml project with its curation,
// saved positions and notes (returned in *project for exports that use them).
std::optional<project::BuildResult> buildInput(const QString &input, const project::BuildOptions &options,
                                               std::optional<project::Project> *project, QString *error,
                                               ProgressSink *progress)
{
    if (!project::ProjectFile::isProjectPath(input))
        return project::buildCorpus(input, options, error, progress);
    *project = project::ProjectFile::load(input, error);
    if (!*project)
        return std::nullopt;
    return project::buildProject(**project, options, error, progress);
}

// Parses one command's arguments. A usage error or a count of positional
// arguments other than one ends the run with 2, --help with 0 (the exit code
// returned); nullopt lets the command go on.
std::optional<int> parseCommand(QCommandLineParser &parser, const QString &command, const QStringList &arguments,
                                const QString &needsOne)
{
    if (!parser.parse(QStringList{QStringLiteral("cartograph-cli ") + command} + arguments))
        return fail(parser.errorText() + u'\n' + usage(), 2);
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        out().flush();
        return 0;
    }
    if (parser.positionalArguments().size() != 1)
        return fail(needsOne + u'\n' + usage(), 2);
    return std::nullopt;
}

int runBuild(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Build a concept map from a folder of documents."));
    parser.addPositionalArgument(QStringLiteral("DIR|PROJECT"),
                                 QStringLiteral("Folder of documents, or a NAME.cartograph.yaml project"));
    const QCommandLineOption top(QStringLiteral("top"), QStringLiteral("Concepts and links in the summary."),
                                 QStringLiteral("N"), QStringLiteral("25"));
    const QCommandLineOption noLayout(QStringLiteral("no-layout"), QStringLiteral("Skip the layout stage."));
    const QCommandLineOption quiet({QStringLiteral("q"), QStringLiteral("quiet")},
                                   QStringLiteral("No progress or closing line on stderr (problems are still "
                                                  "reported)."));
    const QCommandLineOption cachePath(QStringLiteral("cache"),
                                       QStringLiteral("Analysis cache to read and fill (an SQLite file); "
                                                      "more --cache files are read too and copied from."),
                                       QStringLiteral("PATH"));
    parser.addOptions({top, noLayout, quiet, cachePath});
    const cli::ExportFlags exports;
    exports.addTo(parser);
    parser.addHelpOption();
    if (const std::optional<int> exit = parseCommand(parser, QStringLiteral("build"), arguments,
                                                     QStringLiteral("build needs one folder or project")))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    bool ok = false;
    const int topCount = parser.value(top).toInt(&ok);
    if (!ok || topCount < 0)
        return fail(QStringLiteral("--top needs a non-negative number"), 2);
    QString error;
    if (!exports.validate(parser, &error))
        return fail(error, 2);

    project::BuildOptions options;
    options.computeLayout = !parser.isSet(noLayout);
    if (parser.isSet(cachePath) && parser.value(cachePath).isEmpty())
        return fail(QStringLiteral("--cache needs a file"), 2);
    const QStringList caches = parser.values(cachePath);
    if (!caches.isEmpty()) {
        options.analysisCache = caches.front();
        options.moreAnalysisCaches = caches.mid(1);
    }
    const bool showProgress = !parser.isSet(quiet) && cli::stderrIsTerminal();
    cli::TerminalProgress progress;
    QElapsedTimer timer;
    timer.start();
    std::optional<project::Project> loadedProject;
    // Like compilers (clang's -disable-free), the process hands the build's
    // memory back to the system at exit instead of freeing it piece by piece:
    // on SOTU that is millions of small blocks, a tenth of the run.
    // (held by a static, so leak checkers see it reachable)
    static const auto *kept = new std::optional<project::BuildResult>(buildInput(
        positional.front(), options, &loadedProject, &error, showProgress ? &progress : nullptr));
    const auto &build = *kept;
    progress.finish();
    if (!build)
        return fail(error);
    const qint64 elapsed = timer.elapsed();
    printProblems(build->problems);

    if (!exports.anySet(parser)) {
        printSummary(*build, topCount, elapsed);
        return 0;
    }
    timer.restart();
    const bool written = exports.write(parser, *build, loadedProject ? &*loadedProject : nullptr, &error,
                                       showProgress ? &progress : nullptr);
    progress.finish();
    if (!written)
        return fail(error);
    if (!parser.isSet(quiet) && !options.analysisCache.isEmpty())
        err() << "analyses: " << build->analysesFromCache << " from the cache, " << build->documentsAnalysed
              << " made" << Qt::endl;
    if (!parser.isSet(quiet))
        err() << "built " << build->graph.nodeCount() << " concepts and " << build->graph.edgeCount()
              << " links from " << build->corpus.documents.size() << " documents in " << elapsed << " ms"
              << (build->problems.empty() ? QString() : QStringLiteral(", %1 problems").arg(build->problems.size()))
              << "; exports written in " << timer.elapsed() << " ms" << Qt::endl;
    return 0;
}

// Fills the analysis cache with a folder's documents, without assembling a map.
int runAnalyse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Analyse a folder's documents into the analysis cache."));
    parser.addPositionalArgument(QStringLiteral("DIR"), QStringLiteral("Folder of documents"));
    const QCommandLineOption cachePath(QStringLiteral("cache"),
                                       QStringLiteral("Analysis cache to fill (default: %1).")
                                           .arg(cache::AnalysisCache::defaultPath()),
                                       QStringLiteral("PATH"));
    const QCommandLineOption quiet({QStringLiteral("q"), QStringLiteral("quiet")},
                                   QStringLiteral("No progress or summary line."));
    parser.addOptions({cachePath, quiet});
    parser.addHelpOption();
    if (const std::optional<int> exit = parseCommand(parser, QStringLiteral("analyse"), arguments,
                                                     QStringLiteral("analyse needs one folder")))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(cachePath) && parser.value(cachePath).isEmpty())
        return fail(QStringLiteral("--cache needs a file"), 2);
    cache::CorpusAnalyser::Options options;
    const QStringList caches = parser.values(cachePath);
    options.cachePath = caches.isEmpty() ? QString() : caches.front();
    options.moreCachePaths = caches.mid(1);
    const bool showProgress = !parser.isSet(quiet) && cli::stderrIsTerminal();
    cli::TerminalProgress progress;
    QElapsedTimer timer;
    timer.start();
    QString error;
    const auto analysed = cache::CorpusAnalyser(options).analyse(positional.front(), &error,
                                                                 showProgress ? &progress : nullptr);
    progress.finish();
    if (!analysed)
        return fail(error);
    printProblems(analysed->corpus.problems);
    if (!parser.isSet(quiet)) {
        out() << analysed->corpus.documents.size() << " documents: " << analysed->fromCache << " from the cache, "
              << analysed->analysed << " analysed in " << timer.elapsed() << " ms\n";
        out().flush();
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> app = makeApplication(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cartograph-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CARTOGRAPH_VERSION));
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    if (args.isEmpty()) {
        err() << usage() << Qt::flush;
        return 2;
    }
    if (args.front() == QLatin1String("--help") || args.front() == QLatin1String("-h")) {
        out() << usage() << Qt::flush;
        return 0;
    }
    if (args.front() == QLatin1String("--version") || args.front() == QLatin1String("-V")) {
        out() << "cartograph-cli " << CARTOGRAPH_VERSION << "\n" << Qt::flush;
        return 0;
    }
    const QString command = args.takeFirst();
    if (command == QLatin1String("text"))
        return runText(args);
    if (command == QLatin1String("build"))
        return runBuild(args);
    if (command == QLatin1String("analyse") || command == QLatin1String("analyze"))
        return runAnalyse(args);
    return fail(QStringLiteral("unknown command '%1' (try text, build or analyse)\n").arg(command) + usage(),
                2);
}
