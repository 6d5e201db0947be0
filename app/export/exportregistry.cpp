#include "exportregistry.h"

#include "export/csvwriter.h"
#include "export/exportfileset.h"
#include "export/gexfwriter.h"
#include "export/graphmlwriter.h"
#include "export/jsongraphwriter.h"
#include "export/mapimageexporter.h"
#include "export/markdownvaultwriter.h"
#include "project/build.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace carto::app {

namespace {

using Kind = ExportFormat::Kind;
using ImageFormat = ImageExportOptions::Format;

QString tr(const char *text)
{
    return QCoreApplication::translate("carto::app::ExportRegistry", text);
}

bool needsBuild(const ExportRequest &request, QString *error)
{
    if (request.build)
        return true;
    *error = tr("There is no map to export.");
    return false;
}

// A one-file data format: its bytes from the build, written atomically.
template<QByteArray (*Bytes)(const project::BuildResult &, const project::Project *)>
void setDataFile(ExportFormat &format)
{
    format.render = [](const ExportRequest &request, QByteArray *bytes, QString *error) {
        if (!needsBuild(request, error))
            return false;
        *bytes = Bytes(*request.build, request.project);
        return true;
    };
    format.write = [](const ExportRequest &request, const QString &path, QString *error) {
        return needsBuild(request, error)
            && exporter::ExportFileSet::writeFile(path, Bytes(*request.build, request.project), error);
    };
}

// An image of the map, drawn by the request's MapImageExporter in this format.
void setImage(ExportFormat &format, ImageFormat image)
{
    format.image = image;
    auto options = [image](const ExportRequest &request) {
        ImageExportOptions o = request.imageOptions;
        o.format = image;
        return o;
    };
    auto needsExporter = [](const ExportRequest &request, QString *error) {
        if (request.images)
            return true;
        *error = tr("There is no map to draw.");
        return false;
    };
    format.render = [options, needsExporter](const ExportRequest &request, QByteArray *bytes, QString *error) {
        return needsExporter(request, error) && request.images->render(options(request), bytes, error);
    };
    format.write = [options, needsExporter](const ExportRequest &request, const QString &path, QString *error) {
        return needsExporter(request, error) && request.images->write(path, options(request), error);
    };
}

std::vector<ExportFormat> makeFormats()
{
    std::vector<ExportFormat> formats;
    auto add = [&formats](QString name, const char *title, const char *help, QStringList suffixes, QString mime,
                          Kind kind) -> ExportFormat & {
        formats.push_back({std::move(name), title, help, std::move(suffixes), std::move(mime), kind, {}, {}, {}});
        return formats.back();
    };
    // Titles are marked for lupdate here and translated where shown (displayTitle).
    setDataFile<&exporter::JsonGraphWriter::toJson>(
        add(u"json"_s, QT_TRANSLATE_NOOP("carto::app::ExportRegistry", "JSON Graph Format"),
            "Write JSON Graph Format to FILE (- for stdout).", {u"json"_s}, u"application/json"_s, Kind::File));
    setDataFile<&exporter::GraphMlWriter::toGraphMl>(
        add(u"graphml"_s, QT_TRANSLATE_NOOP("carto::app::ExportRegistry", "GraphML (yEd, Cytoscape)"),
            "Write GraphML to FILE (- for stdout).", {u"graphml"_s}, u"application/graphml+xml"_s, Kind::File));
    setDataFile<&exporter::GexfWriter::toGexf>(
        add(u"gexf"_s, QT_TRANSLATE_NOOP("carto::app::ExportRegistry", "GEXF (Gephi)"),
            "Write GEXF 1.3 (Gephi) to FILE (- for stdout).", {u"gexf"_s}, u"application/gexf+xml"_s, Kind::File));
    add(u"csv"_s, QT_TRANSLATE_NOOP("carto::app::ExportRegistry", "CSV (nodes.csv and edges.csv)"),
        "Write nodes.csv and edges.csv into DIR.", {u"csv"_s}, u"text/csv"_s, Kind::Folder)
        .write = [](const ExportRequest &request, const QString &path, QString *error) {
        return needsBuild(request, error) && exporter::CsvWriter::write(*request.build, path, error, request.project);
    };
    add(u"markdown"_s, QT_TRANSLATE_NOOP("carto::app::ExportRegistry", "Markdown vault (Obsidian)"),
        "Write an Obsidian vault (one note per concept) into DIR.", {u"md"_s}, u"text/markdown"_s, Kind::Folder)
        .write = [](const ExportRequest &request, const QString &path, QString *error) {
        return needsBuild(request, error)
            && exporter::MarkdownVaultWriter::write(*request.build, path, error, request.project, request.progress,
                                                    request.cancel);
    };
    setImage(add(u"png"_s, QT_TRANSLATE_NOOP("carto::app::ExportRegistry", "PNG image"),
                 "Write the map as a PNG image to FILE (- for stdout).", {u"png"_s}, u"image/png"_s, Kind::Image),
             ImageFormat::Png);
    setImage(add(u"svg"_s, QT_TRANSLATE_NOOP("carto::app::ExportRegistry", "SVG drawing (vector)"),
                 "Write the map as SVG (vector) to FILE (- for stdout).", {u"svg"_s}, u"image/svg+xml"_s,
                 Kind::Image),
             ImageFormat::Svg);
    setImage(add(u"pdf"_s, QT_TRANSLATE_NOOP("carto::app::ExportRegistry", "PDF document (vector)"),
                 "Write the map as PDF (vector) to FILE (- for stdout).", {u"pdf"_s}, u"application/pdf"_s,
                 Kind::Image),
             ImageFormat::Pdf);
    return formats;
}

std::vector<const ExportFormat *> select(bool images)
{
    std::vector<const ExportFormat *> chosen;
    for (const ExportFormat &format : ExportRegistry::formats())
        if (format.isImage() == images)
            chosen.push_back(&format);
    return chosen;
}

} // namespace

QString ExportFormat::displayTitle() const
{
    return tr(title);
}

const std::vector<ExportFormat> &ExportRegistry::formats()
{
    static const std::vector<ExportFormat> kFormats = makeFormats();
    return kFormats;
}

std::vector<const ExportFormat *> ExportRegistry::dataFormats()
{
    return select(false);
}

std::vector<const ExportFormat *> ExportRegistry::imageFormats()
{
    return select(true);
}

const ExportFormat *ExportRegistry::find(QStringView name)
{
    const auto &all = formats();
    const auto it = std::find_if(all.begin(), all.end(), [name](const ExportFormat &f) { return f.name == name; });
    return it == all.end() ? nullptr : &*it;
}

const ExportFormat *ExportRegistry::forPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix();
    for (const ExportFormat &format : formats()) {
        if (format.writesFolder())
            continue;
        for (const QString &s : format.suffixes)
            if (s.compare(suffix, Qt::CaseInsensitive) == 0)
                return &format;
    }
    return nullptr;
}

const ExportFormat &ExportRegistry::forImage(ImageExportOptions::Format image)
{
    for (const ExportFormat &format : formats())
        if (format.image == image)
            return format;
    Q_UNREACHABLE(); // makeFormats() registers every ImageExportOptions::Format
}

} // namespace carto::app
