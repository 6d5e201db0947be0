// MainWindow's first start, keyboard return to the map, the map's status card,
// opening what is dropped or passed on the command line, drag-to-merge
// confirmation, the path finder's prefill, the theme and image/data export.
#include "mainwindow.h"

#include "appsettings.h"
#include "canvas/mapstatusoverlay.h"
#include "canvas/mapview.h"
#include "document/projectdocument.h"
#include "document/projectsession.h"
#include "export/exportdatadialog.h"
#include "export/exportimagedialog.h"
#include "opentarget.h"
#include "panels/pathpanel.h"

#include <QAbstractButton>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QCoreApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QMenu>
#include <QResizeEvent>
#include <QScreen>
#include <QLabel>
#include <QStatusBar>
#include <QUrl>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace carto::app {

void MainWindow::sizeForFirstStart()
{
    const QScreen *screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    const QSize size(int(available.width() * 0.85), int(available.height() * 0.85));
    resize(size);
    move(available.center() - QPoint(size.width() / 2, size.height() / 2));
    fitDocksToWidth(size.width(), true);
}

void MainWindow::fitDocksToWidth(int width, bool grow)
{
    // Docks wide enough for their tab titles, the map at least 60% of the width
    // (on small windows the docks give way first, down to their minimum).
    const int left = std::clamp(int(width * 0.17), 200, 330);
    const int right = std::clamp(int(width * 0.21), 220, 420);
    QDockWidget *leftDock = nullptr, *rightDock = nullptr;
    for (QDockWidget *dock : findChildren<QDockWidget *>()) {
        // One dock per area, the tab in front (a dock behind a tab paints nothing).
        if (dock->isFloating() || dock->isHidden() || dock->visibleRegion().isEmpty())
            continue;
        QDockWidget *&slot = dockWidgetArea(dock) == Qt::LeftDockWidgetArea ? leftDock : rightDock;
        if (!slot)
            slot = dock;
    }
    QList<QDockWidget *> docks;
    QList<int> widths;
    for (const auto &[dock, wanted] : {std::pair{leftDock, left}, std::pair{rightDock, right}})
        if (dock && (grow || dock->width() > wanted)) {
            docks.append(dock);
            widths.append(wanted);
        }
    if (!docks.isEmpty())
        resizeDocks(docks, widths, Qt::Horizontal);
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    // A smaller window takes width from the docks too, not only from the map.
    // After the layout has taken the new size in, or it would undo the change.
    if (isVisible() && event->size().width() < event->oldSize().width())
        QTimer::singleShot(0, this, [this] { fitDocksToWidth(width(), false); });
}

void MainWindow::backToMap()
{
    // Esc from any panel (or the map itself): out of focus mode, keyboard on the map.
    const bool onMap = m_map->hasFocus() || m_map->viewport()->hasFocus();
    if (m_document->isFocused())
        m_map->exitFocus();
    else if (onMap)
        m_document->clearSelection();
    m_map->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::onMergeRequested(graph::NodeIndex from, graph::NodeIndex into)
{
    if (from < 0 || into < 0 || from >= m_document->nodeCount() || into >= m_document->nodeCount())
        return;
    if (!AppSettings().mergeWithoutAsking()) {
        const QString a = m_document->graph().node(from).info.label;
        const QString b = m_document->graph().node(into).info.label;
        const auto answer = ask(tr("Merge Concepts"),
                                tr("Merge “%1” into “%2”?\n\n“%1” becomes an alias of “%2”; Undo takes it back.")
                                    .arg(a, b),
                                QMessageBox::Yes | QMessageBox::YesToAll | QMessageBox::No);
        if (answer == QMessageBox::YesToAll)
            AppSettings().setMergeWithoutAsking(true);
        else if (answer != QMessageBox::Yes)
            return;
    }
    mergeConcepts(from, into);
}

void MainWindow::prefillPath()
{
    const auto &selected = m_document->selectedNodes();
    const auto label = [this](graph::NodeIndex v) { return m_document->graph().node(v).info.label; };
    if (selected.size() == 2)
        m_pathPanel->setEnds(label(selected[0]), label(selected[1]));
    else if (selected.size() == 1 && m_hovered >= 0 && m_hovered != selected[0] && m_hovered < m_document->nodeCount())
        m_pathPanel->setEnds(label(selected[0]), label(m_hovered));
    else if (selected.size() == 1)
        m_pathPanel->setEnds(label(selected[0]), QString());
}

void MainWindow::showMapState()
{
    MapStatusOverlay *card = m_map->statusOverlay();
    if (m_building && !m_document->hasBuild()) {
        card->showProgress(tr("Building the map…"), tr("Reading %1").arg(m_session->displayName()), 0, 0);
        return;
    }
    if (!m_openProblem.isEmpty()) {
        card->showProblem(m_openProblemTitle, m_openProblem);
        return;
    }
    if (m_building)
        return; // a rebuild: the old map stays until the new one lands
    const QString folder = m_document->project().corpusFolders.value(0);
    if (!folder.isEmpty() && !QFileInfo(folder).isDir()) {
        card->showProblem(tr("Folder not found"),
                          tr("%1 does not exist or cannot be read.").arg(QDir::toNativeSeparators(folder)));
        return;
    }
    const bool noDocuments = m_document->hasBuild() && m_document->corpus().documents.empty();
    if (!folder.isEmpty() && (noDocuments || !m_buildFailure.isEmpty())) {
        const bool cancelled
            = m_buildFailure == QCoreApplication::translate("carto::app::ProjectSession", "Build cancelled");
        card->showProblem(cancelled ? tr("Build cancelled") : tr("No readable documents"),
                          cancelled                  ? tr("Rebuild (F5) or open another folder.")
                              : m_buildFailure.isEmpty() ? tr("%1 holds no text, Markdown, HTML or PDF file that "
                                                              "could be read.")
                                                               .arg(QDir::toNativeSeparators(folder))
                                                         : tr("%1: %2").arg(QDir::toNativeSeparators(folder),
                                                                            m_buildFailure));
        return;
    }
    card->hide();
}

void MainWindow::openPaths(const QStringList &paths)
{
    if (paths.isEmpty()) {
        openInitial(QString());
        return;
    }
    const OpenTarget target = OpenTarget::fromPaths(paths);
    if (target.kind == OpenTarget::Kind::Nothing) {
        m_openProblem = target.problem;
        m_openProblemTitle = QFileInfo::exists(paths.front()) ? tr("Nothing to open") : tr("Folder not found");
        statusBar()->showMessage(target.problem, 15000);
        updateTitle();
        showMapState();
        return;
    }
    // Said once the build lands, with its counts (a message now would be replaced by them).
    m_openNote = target.skipped.isEmpty()
        ? QString()
        : tr("one window shows one project: not opened %1").arg(target.skipped.join(u", "_s));
    const bool opened = target.kind == OpenTarget::Kind::Project ? openProject(target.path) : openFolder(target.path);
    if (!opened)
        m_openNote.clear();
}

void MainWindow::onDropOpen(const QString &path, bool project)
{
    // openFolder/openProject ask to save unsaved work first (maybeSave()).
    if (project)
        openProject(path);
    else
        openFolder(path);
}

void MainWindow::createThemeMenu(QMenu *view)
{
    QMenu *menu = view->addMenu(tr("T&heme"));
    m_themeGroup = new QActionGroup(this);
    m_themeGroup->setExclusive(true);
    const std::pair<theme::Theme, QString> choices[] = {{theme::Theme::System, tr("&System")},
                                                        {theme::Theme::Light, tr("&Light")},
                                                        {theme::Theme::Dark, tr("&Dark")}};
    for (const auto &[choice, text] : choices) {
        QAction *action = menu->addAction(text, this, [this, choice] { setTheme(choice); });
        action->setCheckable(true);
        action->setData(theme::name(choice));
        action->setObjectName(u"theme_"_s + theme::name(choice));
        m_themeGroup->addAction(action);
    }
}

void MainWindow::setTheme(theme::Theme choice, bool remember)
{
    m_theme = choice;
    theme::apply(choice);
    if (m_themeGroup)
        for (QAction *action : m_themeGroup->actions())
            action->setChecked(action->data().toString() == theme::name(choice));
    if (remember)
        AppSettings().setTheme(theme::name(choice));
}

void MainWindow::exportImage()
{
    if (!m_document->hasBuild())
        return;
    ExportImageDialog dialog(m_document, m_map, this);
    if (dialog.exec() == QDialog::Accepted)
        showExported(dialog.writtenPath());
}

void MainWindow::showExported(const QString &path)
{
    if (path.isEmpty())
        return;
    // Says where the file went, with a way there, for a while.
    const QFileInfo file(path);
    m_exported->setText(tr("Exported %1 · <a href=\"%2\">Open folder</a>")
                            .arg(file.fileName().toHtmlEscaped(),
                                 QUrl::fromLocalFile(file.absolutePath()).toString().toHtmlEscaped()));
    m_exported->show();
    QTimer::singleShot(20000, m_exported, &QLabel::hide);
}

void MainWindow::exportData()
{
    if (!m_document->hasBuild())
        return;
    ExportDataDialog dialog(m_document, this);
    dialog.exec();
}

} // namespace carto::app
