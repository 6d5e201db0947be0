#pragma once

#include "graph/conceptgraph.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QPushButton;
class QAction;

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

    // Opens the folder given on the command line, else the last project, else
    // the bundled sample corpus.
    void openInitial(const QString &folder);

    [[nodiscard]] ProjectDocument *document() const { return m_document; }
    [[nodiscard]] MapView *mapView() const { return m_map; }
    [[nodiscard]] ConceptPanel *conceptPanel() const { return m_conceptPanel; }
    [[nodiscard]] LinkPanel *linkPanel() const { return m_linkPanel; }
    [[nodiscard]] DocumentViewPanel *documentViewPanel() const { return m_documentView; }
    [[nodiscard]] DocumentsPanel *documentsPanel() const { return m_documentsPanel; }
    [[nodiscard]] FilterPanel *filterPanel() const { return m_filterPanel; }
    [[nodiscard]] PathPanel *pathPanel() const { return m_pathPanel; }
    [[nodiscard]] StatsPanel *statsPanel() const { return m_statsPanel; }
    [[nodiscard]] QLineEdit *searchBox() const { return m_search; }
    [[nodiscard]] bool isBuilding() const;

public Q_SLOTS:
    void openFolder(const QString &folder);
    void chooseFolder();
    // Selects, centres and zooms to a concept by label or alias; false when unknown.
    bool searchFor(const QString &text);
    void relayout();
    void cancelJobs();

Q_SIGNALS:
    void buildFinished(bool ok);
    void layoutFinished();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
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
