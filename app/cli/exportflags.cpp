#include "exportflags.h"

#include "clioutput.h"
#include "document/projectdocument.h"
#include "export/mapimageexporter.h"

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

// The document the images are drawn from, showing what the window shows
// first: the project's filters, or for a plain folder the same top-concepts
// cut the filter panel starts with.
std::unique_ptr<app::ProjectDocument> documentFor(const project::BuildResult &build, const project::Project *project)
{
    auto document = std::make_unique<app::ProjectDocument>();
    if (project)
        document->setProject(*project, QString());
    document->setBuild(std::make_shared<project::BuildResult>(build), build.corpus.root);
    app::FilterState filter;
    if (project) {
        filter.topN = project->view.topN;
        filter.minWeight = project->view.minLinkWeight;
    } else if (document->nodeCount() > 400) {
        filter.topN = 400;
    }
    document->setFilter(filter);
    return document;
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
    for (const app::ExportFormat &format : app::ExportRegistry::formats())
        m_flags.push_back({&format, QCommandLineOption(format.name, QString::fromLatin1(format.help),
                                                       format.writesFolder() ? QStringLiteral("DIR")
                                                                             : QStringLiteral("FILE"))});
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
        if (flag.format->writesFolder()) {
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

QStringList ExportFlags::synopsis() const
{
    QStringList items;
    for (const Flag &flag : m_flags)
        items << QStringLiteral("[--%1 %2]").arg(flag.option.names().front(), flag.option.valueName());
    for (const QCommandLineOption *option : {&m_width, &m_page, &m_title})
        items << QStringLiteral("[--%1 %2]").arg(option->names().front(), option->valueName());
    return items;
}

bool ExportFlags::imageRequested(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        for (const app::ExportFormat *format : app::ExportRegistry::imageFormats()) {
            const QByteArray flag = "--" + format->name.toLatin1();
            if (arg == flag || arg.startsWith(flag + '='))
                return true;
        }
    }
    return false;
}

app::ImageExportOptions ExportFlags::imageOptions(const QCommandLineParser &parser,
                                                  const project::Project *project) const
{
    app::ImageExportOptions options;
    options.width = parser.value(m_width).toInt();
    options.pageSize = pageSize(parser.value(m_page)).value_or(QPageSize::A4);
    options.title = parser.value(m_title);
    options.colourByType = project && project->view.colourByType;
    return options;
}

bool ExportFlags::write(const QCommandLineParser &parser, const project::BuildResult &build,
                        const project::Project *project, QString *error, ProgressSink *progress) const
{
    app::ExportRequest request;
    request.build = &build;
    request.project = project;
    request.progress = progress;
    request.imageOptions = imageOptions(parser, project);
    // Made for the first image only: a document over a copy of the build.
    std::unique_ptr<app::ProjectDocument> document;
    std::optional<app::MapImageExporter> images;
    for (const Flag &flag : m_flags) {
        if (!parser.isSet(flag.option))
            continue;
        if (flag.format->isImage() && !images) {
            document = documentFor(build, project);
            images.emplace(document.get());
            request.images = &*images;
        }
        const QString target = parser.value(flag.option);
        QByteArray bytes;
        const bool ok = target == kStdout
            ? flag.format->render(request, &bytes, error) && writeStdout(bytes, error)
            : flag.format->write(request, target, error);
        if (!ok)
            return false;
    }
    return true;
}

} // namespace carto::cli
