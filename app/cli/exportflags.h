#pragma once

#include "foundation/progress.h"
#include "project/build.h"
#include "project/project.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

#include <vector>

namespace carto::cli {

// The export flags of `cartograph-cli build`: --json, --graphml, --gexf (files),
// --csv, --markdown (folders) and --png, --svg, --pdf (images, with --width,
// --page and --title). A file or image export given "-" goes to standard
// output; only one export may, and a folder export may not. Images are drawn by
// the app's MapImageExporter, the same MapRenderer as the window, so the CLI's
// image matches the GUI's; they need a QGuiApplication (see imageRequested).
class ExportFlags final
{
public:
    ExportFlags();

    void addTo(QCommandLineParser &parser) const;
    [[nodiscard]] bool anySet(const QCommandLineParser &parser) const;
    // Checks the flags before the build runs (so a mistake costs nothing):
    // "-" rules and --width/--page values. False with *error (exit 2) otherwise.
    [[nodiscard]] bool validate(const QCommandLineParser &parser, QString *error) const;
    // Writes every requested export (the vault reports its notes to progress,
    // when given); false with *error on the first failure.
    bool write(const QCommandLineParser &parser, const project::BuildResult &build, const project::Project *project,
               QString *error, ProgressSink *progress = nullptr) const;

    // True when argv asks for an image, decided before any application object exists.
    [[nodiscard]] static bool imageRequested(int argc, char **argv);

private:
    enum class Kind { Json, GraphMl, Gexf, Csv, Markdown, Png, Svg, Pdf };
    struct Flag
    {
        Kind kind;
        QCommandLineOption option;
    };

    [[nodiscard]] static bool isFolder(Kind kind) { return kind == Kind::Csv || kind == Kind::Markdown; }
    [[nodiscard]] static bool isImage(Kind kind) { return kind == Kind::Png || kind == Kind::Svg || kind == Kind::Pdf; }
    bool writeData(Kind kind, const QString &target, const project::BuildResult &build,
                   const project::Project *project, QString *error, ProgressSink *progress) const;
    bool writeImages(const QCommandLineParser &parser, const project::BuildResult &build,
                     const project::Project *project, QString *error) const;

    std::vector<Flag> m_flags;
    QCommandLineOption m_width;
    QCommandLineOption m_page;
    QCommandLineOption m_title;
};

} // namespace carto::cli
