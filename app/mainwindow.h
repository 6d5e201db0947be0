#pragma once

#include "extract/concepttype.h"
#include "graph/conceptgraph.h"
#include "project/project.h"
#include "theme.h"

#include <QMainWindow>
#include <QMessageBox>

#include <functional>
#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QPushButton;
class QAction;
class QActionGroup;
class QDockWidget;

namespace carto::app {

class ConceptPanel;
class DocumentsPanel;
class DocumentViewPanel;
class FilterPanel;
class LinkPanel;
class MapView;
class NotesPanel;
class PathPanel;
class ProjectDocument;
class ProjectSession;
class SearchModel;
class StatsPanel;

// The main window: the map in the centre, panels in docks, a search box with
// completion, menus with shortcuts, and a status bar with counts and the build
// progress (stage, file count, Cancel). Owns the ProjectDocument and the
// ProjectSession, which runs the project's life (open, save, recover, lock,
// autosave, watch, background jobs); the window shows it and asks the user.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens what the command line names (a NAME.cartograph.yaml or a folder),
    // else the last folder, else the bundled sample corpus; any of them offers
    // its unsaved work from a session that ended badly.
    void openInitial(const QString &path);
    // Opens what a file manager passes (the .desktop entry's %F): of several
    // paths the project file, else the first folder (OpenTarget); none of
    // them usable: the map says why and offers Open Folder. No paths: openInitial().
    void openPaths(const QStringList &paths);

    // Asks the user something with a standard message box (Reset, SaveAll and
    // Ignore read "Reload", "Save As…" and "Overwrite"); tests replace it so no
    // modal dialog blocks them. Returns the button chosen.
    using Prompt = std::function<QMessageBox::StandardButton(const QString &title, const QString &text,
                                                             QMessageBox::StandardButtons buttons)>;
    void setPrompt(Prompt prompt) { m_prompt = std::move(prompt); }
    // Chooses a file name to save to (Save As); tests replace it. Empty = cancelled.
    using SavePathChooser = std::function<QString()>;
    void setSavePathChooser(SavePathChooser chooser) { m_chooseSavePath = std::move(chooser); }
    // The last error shown (bad project file, failed save), also sent as errorReported().
    [[nodiscard]] QString lastError() const { return m_lastError; }
    void setAutosaveInterval(int ms);

    [[nodiscard]] ProjectDocument *document() const { return m_document; }
    [[nodiscard]] ProjectSession *session() const { return m_session; }
    [[nodiscard]] MapView *mapView() const { return m_map; }
    [[nodiscard]] ConceptPanel *conceptPanel() const { return m_conceptPanel; }
    [[nodiscard]] LinkPanel *linkPanel() const { return m_linkPanel; }
    [[nodiscard]] DocumentViewPanel *documentViewPanel() const { return m_documentView; }
    [[nodiscard]] DocumentsPanel *documentsPanel() const { return m_documentsPanel; }
    [[nodiscard]] FilterPanel *filterPanel() const { return m_filterPanel; }
    [[nodiscard]] PathPanel *pathPanel() const { return m_pathPanel; }
    [[nodiscard]] StatsPanel *statsPanel() const { return m_statsPanel; }
    [[nodiscard]] NotesPanel *notesPanel() const { return m_notesPanel; }
    [[nodiscard]] QLineEdit *searchBox() const { return m_search; }
    [[nodiscard]] QDockWidget *statsDock() const { return m_statsDock; }
    // View ▸ Theme; remember = false for --dark (not kept for the next start).
    void setTheme(theme::Theme theme, bool remember = true);
    [[nodiscard]] theme::Theme currentTheme() const { return m_theme; }
    [[nodiscard]] bool isBuilding() const;
    // The status bar's counts line ("Showing 400 of 3000 concepts — …").
    [[nodiscard]] QString countsText() const;
    // Every menu action with a shortcut ("View ▸ Fit to Window", "Ctrl+0, Home"),
    // then the map's own keys: what Help ▸ Keyboard Shortcuts lists.
    [[nodiscard]] QList<QPair<QString, QString>> shortcutList() const;

public Q_SLOTS:
    // Starts an untitled project on a folder of documents (after asking to
    // save unsaved work, like every open); false when cancelled.
    bool openFolder(const QString &folder);
    // Opens a project file. A broken file reports an error naming line and
    // column, leaves the file alone and keeps the current map; returns false.
    bool openProject(const QString &path);
    void openSampleCorpus();
    void newProject();
    // Save to the project file (Save As when untitled); false when cancelled or failed.
    bool save();
    bool saveAs(const QString &path);
    // Writes this session's recovery file now if there are unsaved changes.
    void autosave();
    // Rebuilds the open project in the background, keeping notes, curation, pins and positions.
    void rebuildProject();

    // Curation and pins, each one undoable command (menus, context menu, drag and drop).
    void renameConcept(graph::NodeIndex node, const QString &name);
    void mergeConcepts(graph::NodeIndex from, graph::NodeIndex into);
    void splitAlias(graph::NodeIndex node, const QString &alias);
    void setConceptType(graph::NodeIndex node, extract::ConceptType type);
    void addConcept(const QString &name, const QStringList &aliases);
    void setPinned(graph::NodeIndex node, bool pinned);
    void hideConcept(graph::NodeIndex node);
    void chooseFolder();
    // Selects, centres and zooms to a concept by label or alias; false when unknown.
    bool searchFor(const QString &text);
    // Lays the map out again (pinned nodes stay): one undoable command.
    void relayout();
    void cancelJobs();
    void showShortcuts();

Q_SIGNALS:
    void buildFinished(bool ok);
    void layoutFinished();
    void errorReported(const QString &message);
    void projectSaved(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    // Accessible names of the window's own controls (mainwindowaccessibility.cpp).
    void nameControls();
    void createActions();
    void createFileMenu();
    void createHelpMenu();
    void createThemeMenu(QMenu *view);
    // No saved geometry: about 85% of the screen, docks leaving the map most of it.
    void sizeForFirstStart();
    // Left and right docks to their share of a window this wide; grow = false only narrows them.
    void fitDocksToWidth(int width, bool grow);
    // Esc anywhere in the window: back to the map, out of focus mode.
    void backToMap();
    // A node dropped onto another: "Merge A into B?" (unless "always" was chosen).
    void onMergeRequested(graph::NodeIndex from, graph::NodeIndex into);
    // The path finder's ends from the selection (two nodes, or one and the hovered).
    void prefillPath();
    // The map's card: "Building…" during a first build, the reason when there is nothing to show.
    void showMapState();
    void onDropOpen(const QString &path, bool project);
    void createProjectActions(QMenu *file);
    void createCurationActions(QMenu *edit);
    void showContextMenu(graph::NodeIndex node, const QPoint &globalPos);
    void chooseProject();
    void exportImage();
public:
    // The status bar's "Exported NAME · Open folder" after an image export.
    void showExported(const QString &path);
    [[nodiscard]] QLabel *exportedMessage() const { return m_exported; }

private:
    void exportData();
    void reportError(const QString &message);
    void updateTitle();
    void restoreViewState(const project::ViewState &view);
    void storeViewState(project::ViewState &view) const;
    QMessageBox::StandardButton ask(const QString &title, const QString &text, QMessageBox::StandardButtons buttons);
    [[nodiscard]] QString chooseSavePath();
    void connectSession();
    void createDocks();
    void onBuildFinished(bool ok, bool replaced);
    void onProgress(const QString &stage, qint64 done, qint64 total);
    void setBusy(bool busy);
    void updateCounts();
    void updateRecentMenu();
    void showDocumentAt(DocumentId document, TextRange sentence);

    ProjectDocument *m_document;
    ProjectSession *m_session;
    MapView *m_map;
    SearchModel *m_searchModel;
    ConceptPanel *m_conceptPanel = nullptr;
    LinkPanel *m_linkPanel = nullptr;
    DocumentViewPanel *m_documentView = nullptr;
    DocumentsPanel *m_documentsPanel = nullptr;
    FilterPanel *m_filterPanel = nullptr;
    PathPanel *m_pathPanel = nullptr;
    StatsPanel *m_statsPanel = nullptr;
    NotesPanel *m_notesPanel = nullptr;
    Prompt m_prompt;
    SavePathChooser m_chooseSavePath;
    QString m_lastError;
    QLineEdit *m_search;
    QLabel *m_counts;
    QLabel *m_stage;
    QLabel *m_exported; // "Exported map.png · Open folder"
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_panelsMenu = nullptr;
    QAction *m_colourByType = nullptr;
    QAction *m_focusDepth2 = nullptr;
    QAction *m_relayout = nullptr;
    QAction *m_openFolder = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    QDockWidget *m_statsDock = nullptr;
    theme::Theme m_theme = theme::Theme::System;
    graph::NodeIndex m_hovered = -1;
    // Why the open paths gave nothing to open (OpenTarget::problem); shown on the map.
    QString m_openProblem;
    // A first build is under way (from buildStarted, before the job runs, to buildFinished).
    bool m_building = false;
    // Why the last build gave no map (the session's message); empty after a good one.
    QString m_buildFailure;
    QString m_lastStatus;
    QString m_openProblemTitle;
    // Paths given but not opened, said with the next build's message.
    QString m_openNote;
};

} // namespace carto::app
