#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QUrl;

namespace carto::app {

// What a list of paths opens in the window: the paths a file manager passes on
// the command line (the .desktop entry's %F) or the URLs dropped onto the
// window (DropOpener). A project file, NAME.cartograph.yaml, wins over a
// folder as the more specific choice; of several, the first opens and the
// others are listed in skipped, since one window shows one project. A path
// that is neither (a single document, a missing path, a remote URL) opens
// nothing, and problem says why in one sentence for the status bar.
struct OpenTarget final
{
    enum class Kind { Nothing, Project, Folder };

    Kind kind = Kind::Nothing;
    QString path;        // absolute and clean; empty for Kind::Nothing
    QStringList skipped; // the other paths given, as given, not opened
    QString problem;     // set for Kind::Nothing only

    [[nodiscard]] static OpenTarget fromPaths(const QStringList &paths);
    [[nodiscard]] static OpenTarget fromUrls(const QList<QUrl> &urls);
};

} // namespace carto::app
