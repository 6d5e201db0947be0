#pragma once

#include "extract/concepttype.h"
#include "graph/conceptgraph.h"
#include "project/project.h"

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
class QFileSystemWatcher;
class QTimer;

namespace carto::project {
struct BuildResult;
}

namespace carto::app {

class BuildJob;
class ConceptPanel;
class DocumentsPanel;
class DocumentViewPanel;
class FilterPanel;
class LayoutJob;
class LinkPanel;
class MapView;
class NotesPanel;
class PathPanel;
class ProjectDocument;
class SearchModel;
class StatsPanel;

// The main window: the map in the centre, panels in docks, a search box with
// completion, menus with shortcuts, and a status bar with counts and the build
// progress (stage, file count, Cancel). Owns the ProjectDocument and the jobs.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens what the command line names (a NAME.cartograph.yaml or a folder),
    // else offers an untitled project's recovery file, else the last folder,
    // else the bundled sample corpus.
    void openInitial(const QString &path);

    // Asks the user something with a standard message box; tests replace it so
    // no modal dialog blocks them. Returns the button chosen.
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
    [[nodiscard]] bool isBuilding() const;
    // The status bar's counts line ("Showing 400 of 3000 concepts — …").
    [[nodiscard]] QString countsText() const;
    // Every menu action with a shortcut ("View ▸ Fit to Window", "Ctrl+0, Home"),
    // then the map's own keys: what Help ▸ Keyboard Shortcuts lists.
    [[nodiscard]] QList<QPair<QString, QString>> shortcutList() const;

public Q_SLOTS:
    // Starts an untitled project on a folder of documents.
    void openFolder(const QString &folder);
    // Opens a project file. A broken file reports an error naming line and
    // column, leaves the file alone and keeps the current map; returns false.
    bool openProject(const QString &path);
    void newProject();
    // Save to the project file (Save As when untitled); false when cancelled or failed.
    bool save();
    bool saveAs(const QString &path);
    // Writes the recovery file now if there are unsaved changes.
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

private:
    void createActions();
    void createProjectActions(QMenu *file);
    void createCurationActions(QMenu *edit);
    void showContextMenu(graph::NodeIndex node, const QPoint &globalPos);
    void chooseProject();
    void exportImage();
    void exportData();
    // Save / Discard / Cancel when there are unsaved changes; true to go on.
    bool maybeSave();
    void reportError(const QString &message);
    void updateTitle();
    void startBuild(const project::Project &project, bool replace);
    void watchCorpus();
    void onCorpusChanged();
    [[nodiscard]] QString corpusFingerprint() const;
    [[nodiscard]] project::Project currentProject() const;
    QMessageBox::StandardButton ask(const QString &title, const QString &text, QMessageBox::StandardButtons buttons);
    void createDocks();
    void onBuildFinished(const std::shared_ptr<project::BuildResult> &result, const QString &folder);
    void onProgress(const QString &stage, qint64 done, qint64 total);
    void setBusy(bool busy);
    void updateCounts();
    void updateRecentMenu();
    void showDocumentAt(DocumentId document, TextRange sentence);

    ProjectDocument *m_document;
    MapView *m_map;
    SearchModel *m_searchModel;
    BuildJob *m_buildJob;
    LayoutJob *m_layoutJob;
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
    QTimer *m_autosave;
    QTimer *m_rebuildTimer;
    QTimer *m_watchTimer;
    QFileSystemWatcher *m_watcher;
    QString m_fingerprint;
    bool m_replaceOnFinish = false;
    bool m_restoreView = false;
    bool m_dirtyAfterBuild = false;
    QLineEdit *m_search;
    QLabel *m_counts;
    QLabel *m_stage;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_panelsMenu = nullptr;
    QAction *m_colourByType = nullptr;
    QAction *m_focusDepth2 = nullptr;
    QAction *m_relayout = nullptr;
    unsigned m_layoutSeed = 1;
};

} // namespace carto::app
