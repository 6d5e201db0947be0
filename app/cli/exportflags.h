#pragma once

#include "export/exportregistry.h"
#include "foundation/progress.h"
#include "project/build.h"
#include "project/project.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <vector>

namespace carto::cli {

// The export flags of `cartograph-cli build`: one --NAME per format of the
// ExportRegistry (today --json, --graphml, --gexf files, --csv, --markdown
// folders, --png, --svg, --pdf images), plus --width, --page and --title for
// images. A file or image export given "-" goes to standard output; only one
// export may, and a folder export may not. Images are drawn by carto::render's
// MapImageExporter, the same MapRenderer as the window, so the CLI's image
// matches the GUI's; they need a QGuiApplication (see imageRequested), no widgets.
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

    // The flags as the usage line shows them: "[--json FILE]", …, "[--title TEXT]".
    [[nodiscard]] QStringList synopsis() const;

    // True when argv asks for an image, decided before any application object exists.
    [[nodiscard]] static bool imageRequested(int argc, char **argv);

private:
    struct Flag
    {
        const app::ExportFormat *format;
        QCommandLineOption option;
    };

    [[nodiscard]] app::ImageExportOptions imageOptions(const QCommandLineParser &parser,
                                                       const project::Project *project) const;

    std::vector<Flag> m_flags;
    QCommandLineOption m_width;
    QCommandLineOption m_page;
    QCommandLineOption m_title;
};

} // namespace carto::cli
