// cartograph-cli: headless access to the engine. `text` prints a document's plain
// text (the text all offsets refer to); `build` maps a folder and prints a summary
// or writes JSON Graph Format / GraphML / GEXF / CSV / a Markdown vault; it also
// builds NAME.cartograph.yaml projects with their curation and saved layout.
#include "export/csvwriter.h"
#include "export/gexfwriter.h"
#include "export/graphmlwriter.h"
#include "export/jsongraphwriter.h"
#include "export/markdownvaultwriter.h"
#include "project/build.h"
#include "project/projectfile.h"

#include "document/projectdocument.h"
#include "export/mapimageexporter.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTextStream>

#include <algorithm>
#include <memory>
#include <cstdio>
#include <optional>

using namespace carto;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int fail(const QString &message, int code = 1)
{
    err() << "cartograph-cli: " << message << Qt::endl;
    return code;
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

// Prints what a person wants to see first: counts, the top concepts, the
// strongest links and what went wrong.
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

    if (!build.problems.empty()) {
        o << "\nProblems\n";
        for (const Problem &problem : build.problems)
            o << "  " << problem.path << ": " << problem.message << "\n";
    }
    o.flush();
}

// Data exports beyond JSON and GraphML: GEXF, CSV and the Markdown vault.
// Kept apart from runBuild so other export flags can be added beside them.
struct DataExportOptions
{
    QCommandLineOption gexf{QStringLiteral("gexf"), QStringLiteral("Write GEXF 1.3 (Gephi) to FILE."),
                            QStringLiteral("FILE")};
    QCommandLineOption csv{QStringLiteral("csv"), QStringLiteral("Write nodes.csv and edges.csv into DIR."),
                           QStringLiteral("DIR")};
    QCommandLineOption markdown{QStringLiteral("markdown"),
                                QStringLiteral("Write an Obsidian vault (one note per concept) into DIR."),
                                QStringLiteral("DIR")};

    void addTo(QCommandLineParser &parser) const { parser.addOptions({gexf, csv, markdown}); }

    [[nodiscard]] bool anySet(const QCommandLineParser &parser) const
    {
        return parser.isSet(gexf) || parser.isSet(csv) || parser.isSet(markdown);
    }

    // Writes every requested export; returns false with *error on the first failure.
    bool write(const QCommandLineParser &parser, const project::BuildResult &build, const project::Project *project,
               QString *error) const
    {
        if (parser.isSet(gexf) && !exporter::GexfWriter::write(build, parser.value(gexf), error))
            return false;
        if (parser.isSet(csv) && !exporter::CsvWriter::write(build, parser.value(csv), error))
            return false;
        if (parser.isSet(markdown)
            && !exporter::MarkdownVaultWriter::write(build, parser.value(markdown), error, project))
            return false;
        return true;
    }
};

// Image exports (--png, --svg, --pdf, --width): drawn by the app's MapImageExporter,
// the same MapRenderer as the window, so the CLI's image matches the GUI's.
// Needs a QGuiApplication (see makeApplication); no display: offscreen.
struct ImageExportFlags
{
    QCommandLineOption png{QStringLiteral("png"), QStringLiteral("Write the map as a PNG image to FILE."),
                           QStringLiteral("FILE")};
    QCommandLineOption svg{QStringLiteral("svg"), QStringLiteral("Write the map as SVG (vector) to FILE."),
                           QStringLiteral("FILE")};
    QCommandLineOption pdf{QStringLiteral("pdf"), QStringLiteral("Write the map as PDF (vector) to FILE."),
                           QStringLiteral("FILE")};
    QCommandLineOption width{QStringLiteral("width"),
                             QStringLiteral("Image width: pixels (PNG) or points (SVG, PDF). Default 2400."),
                             QStringLiteral("PX"), QStringLiteral("2400")};
    QCommandLineOption title{QStringLiteral("title"), QStringLiteral("Title drawn above the map."),
                             QStringLiteral("TEXT")};

    void addTo(QCommandLineParser &parser) const { parser.addOptions({png, svg, pdf, width, title}); }

    [[nodiscard]] bool anySet(const QCommandLineParser &parser) const
    {
        return parser.isSet(png) || parser.isSet(svg) || parser.isSet(pdf);
    }

    // True when argv asks for an image, decided before any application object exists.
    [[nodiscard]] static bool requested(int argc, char **argv)
    {
        for (int i = 1; i < argc; ++i) {
            const QByteArray arg(argv[i]);
            for (const char *flag : {"--png", "--svg", "--pdf"})
                if (arg == flag || arg.startsWith(QByteArray(flag) + '='))
                    return true;
        }
        return false;
    }

    bool write(const QCommandLineParser &parser, const project::BuildResult &build, const project::Project *project,
               QString *error) const
    {
        bool ok = false;
        const int px = parser.value(width).toInt(&ok);
        if (!ok || px < 64) {
            *error = QStringLiteral("--width needs a number of pixels (at least 64)");
            return false;
        }
        app::ProjectDocument document;
        if (project)
            document.setProject(*project, QString());
        document.setBuild(std::make_shared<project::BuildResult>(build), build.corpus.root);
        // What the window shows first: the project's filters, or for a plain
        // folder the same top-concepts cut the filter panel starts with.
        app::FilterState filter;
        if (project) {
            filter.topN = project->view.topN;
            filter.minWeight = project->view.minLinkWeight;
        } else if (document.nodeCount() > 400) {
            filter.topN = 400;
        }
        document.setFilter(filter);
        app::ImageExportOptions options;
        options.width = px;
        options.title = parser.value(title);
        options.colourByType = project && project->view.colourByType;
        const app::MapImageExporter exporter(&document);
        const std::pair<const QCommandLineOption *, app::ImageExportOptions::Format> outputs[] = {
            {&png, app::ImageExportOptions::Format::Png},
            {&svg, app::ImageExportOptions::Format::Svg},
            {&pdf, app::ImageExportOptions::Format::Pdf}};
        for (const auto &[option, format] : outputs) {
            if (!parser.isSet(*option))
                continue;
            options.format = format;
            if (!exporter.write(parser.value(*option), options, error))
                return false;
        }
        return true;
    }
};

// A QGuiApplication when an image is asked for (fonts and painting need one),
// on the offscreen platform when there is no display; else a QCoreApplication.
std::unique_ptr<QCoreApplication> makeApplication(int &argc, char **argv)
{
    if (!ImageExportFlags::requested(argc, argv))
        return std::make_unique<QCoreApplication>(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QGuiApplication>(argc, argv);
}

// Builds a folder, or a NAME.cartograph.yaml project with its curation,
// saved positions and notes (returned in *project for exports that use them).
std::optional<project::BuildResult> buildInput(const QString &input, const project::BuildOptions &options,
                                               std::optional<project::Project> *project, QString *error)
{
    if (!project::ProjectFile::isProjectPath(input))
        return project::buildCorpus(input, options, error);
    *project = project::ProjectFile::load(input, error);
    if (!*project)
        return std::nullopt;
    return project::buildProject(**project, options, error);
}

int runBuild(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Build a concept map from a folder of documents."));
    parser.addPositionalArgument(QStringLiteral("DIR|PROJECT"),
                                 QStringLiteral("Folder of documents, or a NAME.cartograph.yaml project"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Write JSON Graph Format to FILE."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption graphml(QStringLiteral("graphml"), QStringLiteral("Write GraphML to FILE."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption top(QStringLiteral("top"), QStringLiteral("Concepts and links in the summary."),
                                 QStringLiteral("N"), QStringLiteral("25"));
    const QCommandLineOption noLayout(QStringLiteral("no-layout"), QStringLiteral("Skip the layout stage."));
    parser.addOptions({json, graphml, top, noLayout});
    const DataExportOptions dataExports;
    dataExports.addTo(parser);
    const ImageExportFlags imageExports;
    imageExports.addTo(parser);
    parser.addHelpOption();
    if (!parser.parse(QStringList{QStringLiteral("cartograph-cli build")} + arguments))
        return fail(parser.errorText(), 2);
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        out().flush();
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return fail(QStringLiteral("usage: cartograph-cli build DIR|PROJECT.cartograph.yaml [--json FILE] "
                                   "[--graphml FILE] [--gexf FILE] [--csv DIR] [--markdown DIR] [--top N]"),
                    2);
    bool ok = false;
    const int topCount = parser.value(top).toInt(&ok);
    if (!ok || topCount < 0)
        return fail(QStringLiteral("--top needs a non-negative number"), 2);

    project::BuildOptions options;
    options.computeLayout = !parser.isSet(noLayout);
    QElapsedTimer timer;
    timer.start();
    QString error;
    std::optional<project::Project> loadedProject;
    const auto build = buildInput(positional.front(), options, &loadedProject, &error);
    if (!build)
        return fail(error);
    const qint64 elapsed = timer.elapsed();

    if (parser.isSet(json) && !exporter::JsonGraphWriter::write(*build, parser.value(json), &error))
        return fail(error);
    if (parser.isSet(graphml) && !exporter::GraphMlWriter::write(*build, parser.value(graphml), &error))
        return fail(error);
    if (!dataExports.write(parser, *build, loadedProject ? &*loadedProject : nullptr, &error))
        return fail(error);
    if (imageExports.anySet(parser)
        && !imageExports.write(parser, *build, loadedProject ? &*loadedProject : nullptr, &error))
        return fail(error);
    if (!parser.isSet(json) && !parser.isSet(graphml) && !dataExports.anySet(parser) && !imageExports.anySet(parser))
        printSummary(*build, topCount, elapsed);
    else
        err() << "built " << build->graph.nodeCount() << " concepts and " << build->graph.edgeCount()
              << " links from " << build->corpus.documents.size() << " documents in " << elapsed << " ms"
              << Qt::endl;
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
    if (args.isEmpty() || args.front() == QLatin1String("--help") || args.front() == QLatin1String("-h")) {
        out() << "usage: cartograph-cli text FILE\n"
                 "       cartograph-cli build DIR|PROJECT.cartograph.yaml [--json FILE] [--graphml FILE]\n"
                 "                            [--gexf FILE] [--csv DIR] [--markdown DIR] [--top N] [--no-layout]\n"
                 "                            [--png FILE] [--svg FILE] [--pdf FILE] [--width PX] [--title TEXT]\n";
        out().flush();
        return args.isEmpty() ? 2 : 0;
    }
    if (args.front() == QLatin1String("--version")) {
        out() << "cartograph-cli " << CARTOGRAPH_VERSION << "\n";
        out().flush();
        return 0;
    }
    const QString command = args.takeFirst();
    if (command == QLatin1String("text"))
        return runText(args);
    if (command == QLatin1String("build"))
        return runBuild(args);
    return fail(QStringLiteral("unknown command '%1' (try text or build)").arg(command), 2);
}
