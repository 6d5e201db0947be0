#include "exportflags.h"

#include "clioutput.h"
#include "document/projectdocument.h"
#include "export/csvwriter.h"
#include "export/exportfileset.h"
#include "export/gexfwriter.h"
#include "export/graphmlwriter.h"
#include "export/jsongraphwriter.h"
#include "export/mapimageexporter.h"
#include "export/markdownvaultwriter.h"

#include <QPageSize>

#include <algorithm>
#include <memory>
#include <optional>

namespace carto::cli {

namespace {

const QString kStdout = QStringLiteral("-");

// The page names --page accepts, as QPageSize spells them.
std::optional<QPageSize::PageSizeId> pageSize(const QString &name)
{
    if (name.compare(QStringLiteral("slide"), Qt::CaseInsensitive) == 0)
        return QPageSize::Custom; // a 16:9 slide (MapImageExporter::pageOf)
    for (const QPageSize::PageSizeId id : {QPageSize::A4, QPageSize::A3, QPageSize::A2, QPageSize::A5,
                                           QPageSize::Letter, QPageSize::Legal, QPageSize::Tabloid}) {
        if (QPageSize::key(id).compare(name, Qt::CaseInsensitive) == 0)
            return id;
    }
    return std::nullopt;
}

} // namespace

ExportFlags::ExportFlags()
    : m_width(QStringLiteral("width"), QStringLiteral("Image width: pixels (PNG) or points (SVG). Default 2400."),
              QStringLiteral("PX"), QStringLiteral("2400"))
    , m_page(QStringLiteral("page"),
             QStringLiteral("PDF page: A4 (default), A3, A2, A5, Letter, Legal or Tabloid; turned to suit the map."),
             QStringLiteral("SIZE"), QStringLiteral("A4"))
    , m_title(QStringLiteral("title"), QStringLiteral("Title drawn above the map."), QStringLiteral("TEXT"))
{
    const QString file = QStringLiteral("FILE");
    const QString dir = QStringLiteral("DIR");
    m_flags = {
        {Kind::Json, {QStringLiteral("json"), QStringLiteral("Write JSON Graph Format to FILE (- for stdout)."), file}},
        {Kind::GraphMl, {QStringLiteral("graphml"), QStringLiteral("Write GraphML to FILE (- for stdout)."), file}},
        {Kind::Gexf, {QStringLiteral("gexf"), QStringLiteral("Write GEXF 1.3 (Gephi) to FILE (- for stdout)."), file}},
        {Kind::Csv, {QStringLiteral("csv"), QStringLiteral("Write nodes.csv and edges.csv into DIR."), dir}},
        {Kind::Markdown,
         {QStringLiteral("markdown"), QStringLiteral("Write an Obsidian vault (one note per concept) into DIR."), dir}},
        {Kind::Png, {QStringLiteral("png"), QStringLiteral("Write the map as a PNG image to FILE (- for stdout)."), file}},
        {Kind::Svg, {QStringLiteral("svg"), QStringLiteral("Write the map as SVG (vector) to FILE (- for stdout)."), file}},
        {Kind::Pdf, {QStringLiteral("pdf"), QStringLiteral("Write the map as PDF (vector) to FILE (- for stdout)."), file}},
    };
}

void ExportFlags::addTo(QCommandLineParser &parser) const
{
    for (const Flag &flag : m_flags)
        parser.addOption(flag.option);
    parser.addOptions({m_width, m_page, m_title});
}

bool ExportFlags::anySet(const QCommandLineParser &parser) const
{
    return std::any_of(m_flags.begin(), m_flags.end(), [&](const Flag &f) { return parser.isSet(f.option); });
}

bool ExportFlags::validate(const QCommandLineParser &parser, QString *error) const
{
    int toStdout = 0;
    for (const Flag &flag : m_flags) {
        if (!parser.isSet(flag.option))
            continue;
        const QStringList values = parser.values(flag.option);
        if (values.size() > 1) {
            *error = QStringLiteral("--%1 is given %2 times").arg(flag.option.names().front()).arg(values.size());
            return false;
        }
        if (values.front().isEmpty()) {
            *error = QStringLiteral("--%1 needs a file or folder name").arg(flag.option.names().front());
            return false;
        }
        if (values.front() != kStdout)
            continue;
        if (isFolder(flag.kind)) {
            *error = QStringLiteral("--%1 writes a folder; '-' (standard output) is only for one-file exports")
                         .arg(flag.option.names().front());
            return false;
        }
        ++toStdout;
    }
    if (toStdout > 1) {
        *error = QStringLiteral("only one export can go to standard output ('-')");
        return false;
    }
    bool ok = false;
    const int px = parser.value(m_width).toInt(&ok);
    if (!ok || px < 64) {
        *error = QStringLiteral("--width needs a number of pixels (at least 64)");
        return false;
    }
    if (!pageSize(parser.value(m_page))) {
        *error = QStringLiteral("--page: unknown page size '%1' (A4, A3, A2, A5, Letter, Legal, Tabloid, slide)")
                     .arg(parser.value(m_page));
        return false;
    }
    return true;
}

bool ExportFlags::imageRequested(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        for (const char *flag : {"--png", "--svg", "--pdf"})
            if (arg == flag || arg.startsWith(QByteArray(flag) + '='))
                return true;
    }
    return false;
}

bool ExportFlags::writeData(Kind kind, const QString &target, const project::BuildResult &build,
                            const project::Project *project, QString *error, ProgressSink *progress) const
{
    QByteArray bytes;
    switch (kind) {
    case Kind::Csv:
        return exporter::CsvWriter::write(build, target, error, project);
    case Kind::Markdown:
        return exporter::MarkdownVaultWriter::write(build, target, error, project, progress);
    case Kind::Json:
        bytes = exporter::JsonGraphWriter::toJson(build, project);
        break;
    case Kind::GraphMl:
        bytes = exporter::GraphMlWriter::toGraphMl(build, project);
        break;
    case Kind::Gexf:
        bytes = exporter::GexfWriter::toGexf(build, project);
        break;
    case Kind::Png:
    case Kind::Svg:
    case Kind::Pdf:
        return false; // writeImages
    }
    return target == kStdout ? writeStdout(bytes, error) : exporter::ExportFileSet::writeFile(target, bytes, error);
}

bool ExportFlags::write(const QCommandLineParser &parser, const project::BuildResult &build,
                        const project::Project *project, QString *error, ProgressSink *progress) const
{
    for (const Flag &flag : m_flags) {
        if (parser.isSet(flag.option) && !isImage(flag.kind)
            && !writeData(flag.kind, parser.value(flag.option), build, project, error, progress))
            return false;
    }
    return writeImages(parser, build, project, error);
}

bool ExportFlags::writeImages(const QCommandLineParser &parser, const project::BuildResult &build,
                              const project::Project *project, QString *error) const
{
    if (std::none_of(m_flags.begin(), m_flags.end(),
                     [&](const Flag &f) { return isImage(f.kind) && parser.isSet(f.option); }))
        return true;
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
    options.width = parser.value(m_width).toInt();
    options.pageSize = pageSize(parser.value(m_page)).value_or(QPageSize::A4);
    options.title = parser.value(m_title);
    options.colourByType = project && project->view.colourByType;
    const app::MapImageExporter exporter(&document);
    for (const Flag &flag : m_flags) {
        if (!isImage(flag.kind) || !parser.isSet(flag.option))
            continue;
        options.format = flag.kind == Kind::Png ? app::ImageExportOptions::Format::Png
            : flag.kind == Kind::Svg           ? app::ImageExportOptions::Format::Svg
                                               : app::ImageExportOptions::Format::Pdf;
        const QString target = parser.value(flag.option);
        QByteArray bytes;
        const bool ok = target == kStdout ? exporter.render(options, &bytes, error) && writeStdout(bytes, error)
                                          : exporter.write(target, options, error);
        if (!ok)
            return false;
    }
    return true;
}

} // namespace carto::cli
