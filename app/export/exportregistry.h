#pragma once

#include "export/imageexportoptions.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <functional>
#include <optional>
#include <vector>

namespace carto {
class CancelToken;
class ProgressSink;
namespace project {
struct BuildResult;
struct Project;
} // namespace project
} // namespace carto

namespace carto::app {

class MapImageExporter;

// What one export reads. Data formats read the build (and the project's
// notes); image formats draw through a MapImageExporter with imageOptions
// (whose format the registry sets). The pointers are not owned.
struct ExportRequest
{
    const project::BuildResult *build = nullptr;
    const project::Project *project = nullptr;
    const MapImageExporter *images = nullptr;
    ImageExportOptions imageOptions;
    ProgressSink *progress = nullptr; // the vault reports its notes
    const CancelToken *cancel = nullptr; // the vault stops between notes
};

// One export format: its name (the CLI's --name, the remembered choice), what
// people see in a dialog, the suffixes of the files it writes, their MIME type,
// and how to run it.
struct ExportFormat
{
    enum class Kind {
        File,   // one file of data (core/export)
        Folder, // a folder of files (CSV, the Markdown vault)
        Image,  // a drawing of the map (MapImageExporter)
    };

    QString name;         // "graphml"
    const char *title;    // "GraphML (yEd, Cytoscape)": the dialog's entry, untranslated
    const char *help;     // the CLI's help line for --name
    QStringList suffixes; // of the file, or of the files in the folder; first: the one proposed
    QString mimeType;     // of the file, or of the files in the folder
    Kind kind = Kind::File;
    std::optional<ImageExportOptions::Format> image; // Kind::Image only
    // Writes to path (a file, or the folder for Kind::Folder), atomically;
    // false and *error on failure.
    std::function<bool(const ExportRequest &, const QString &path, QString *error)> write;
    // The file's bytes without writing them (`cartograph-cli --json -`); empty for Kind::Folder.
    std::function<bool(const ExportRequest &, QByteArray *bytes, QString *error)> render;

    // The title in the user's language (context "carto::app::ExportRegistry").
    [[nodiscard]] QString displayTitle() const;
    [[nodiscard]] bool writesFolder() const { return kind == Kind::Folder; }
    [[nodiscard]] bool isImage() const { return kind == Kind::Image; }
};

// The one list of export formats: the data formats of core/export (JSON Graph
// Format, GraphML, GEXF, CSV, Markdown vault) and the images MapImageExporter
// draws (PNG, SVG, PDF). cartograph-cli makes its --FORMAT flags, help text and
// dispatch from it; File ▸ Export ▸ Data… and Image… their format lists. A new
// format added here reaches both.
class ExportRegistry final
{
public:
    ExportRegistry() = delete;

    // Every format, data formats first, in the order the CLI's help lists them.
    [[nodiscard]] static const std::vector<ExportFormat> &formats();
    // The data formats (files and folders) or the image formats, in that order.
    [[nodiscard]] static std::vector<const ExportFormat *> dataFormats();
    [[nodiscard]] static std::vector<const ExportFormat *> imageFormats();
    // By name ("gexf"), case-sensitively as the CLI's flags; nullptr when unknown.
    [[nodiscard]] static const ExportFormat *find(QStringView name);
    // The file format (not folder) whose suffix a path ends with, ignoring case; nullptr when none.
    [[nodiscard]] static const ExportFormat *forPath(const QString &path);
    // The image format drawing ImageExportOptions::Format.
    [[nodiscard]] static const ExportFormat &forImage(ImageExportOptions::Format format);
};

} // namespace carto::app
