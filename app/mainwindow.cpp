#include "mainwindow.h"

#include "appsettings.h"
#include "canvas/mapview.h"
#include "commands/curationcommand.h"
#include "commands/hideconceptcommand.h"
#include "commands/pincommand.h"
#include "document/projectdocument.h"
#include "export/exportdatadialog.h"
#include "export/exportimagedialog.h"
#include "jobs/buildjob.h"
#include "jobs/layoutjob.h"
#include "models/searchmodel.h"
#include "panels/conceptpanel.h"
#include "panels/documentspanel.h"
#include "panels/documentviewpanel.h"
#include "panels/filterpanel.h"
#include "panels/linkpanel.h"
#include "panels/notespanel.h"
#include "panels/pathpanel.h"
#include "panels/statspanel.h"
#include "project/projectfile.h"
#include "project/recoveryfile.h"
#include "samplecorpus.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QCompleter>
#include <QDir>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QFileSystemWatcher>
#include <QInputDialog>
#include <QTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace carto::app {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new ProjectDocument(this))
    , m_map(new MapView(m_document, this))
    , m_searchModel(new SearchModel(m_document, this))
    , m_buildJob(new BuildJob(this))
    , m_layoutJob(new LayoutJob(this))
    , m_search(new QLineEdit(this))
    , m_counts(new QLabel(this))
    , m_stage(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    m_autosave = new QTimer(this);
    m_rebuildTimer = new QTimer(this);
    m_watchTimer = new QTimer(this);
    m_watcher = new QFileSystemWatcher(this);
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Cartograph"));
    setCentralWidget(m_map);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    m_search->setObjectName(u"searchBox"_s);
    m_search->setPlaceholderText(tr("Find a concept (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(320);
    auto *completer = new QCompleter(m_searchModel, m_search);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setMaxVisibleItems(15);
    m_search->setCompleter(completer);
    connect(completer, qOverload<const QString &>(&QCompleter::activated), this, &MainWindow::searchFor);
    connect(m_search, &QLineEdit::returnPressed, this, [this] { searchFor(m_search->text()); });

    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    statusBar()->addWidget(m_counts, 1);
    statusBar()->addPermanentWidget(m_stage);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    setBusy(false);

    createDocks();
    createActions();

    connect(m_buildJob, &BuildJob::progressed, this, &MainWindow::onProgress);
    connect(m_buildJob, &BuildJob::finished, this, &MainWindow::onBuildFinished);
    connect(m_buildJob, &BuildJob::failed, this, [this](const QString &error) {
        setBusy(false);
        const bool kept = m_replaceOnFinish;
        m_replaceOnFinish = false;
        statusBar()->showMessage(tr("Build failed: %1").arg(error));
        if (!kept)
            updateTitle();
        Q_EMIT buildFinished(false);
    });
    connect(m_buildJob, &BuildJob::cancelled, this, [this] {
        setBusy(false);
        m_replaceOnFinish = false;
        statusBar()->showMessage(tr("Build cancelled"), 5000);
        Q_EMIT buildFinished(false);
    });
    connect(m_layoutJob, &LayoutJob::progressed, this, &MainWindow::onProgress);
    connect(m_layoutJob, &LayoutJob::finished, this, [this](const std::vector<graph::Point> &positions) {
        setBusy(false);
        m_document->applyLayout(positions);
        Q_EMIT layoutFinished();
    });
    connect(m_layoutJob, &LayoutJob::cancelled, this, [this] { setBusy(false); });
    connect(m_cancel, &QPushButton::clicked, this, &MainWindow::cancelJobs);
    connect(m_document, &ProjectDocument::visibilityChanged, this, &MainWindow::updateCounts);
    connect(m_document, &ProjectDocument::selectionChanged, this, &MainWindow::updateCounts);
    connect(m_document->undoStack(), &QUndoStack::cleanChanged, this,
            [this](bool clean) { setWindowModified(!clean); });

    // Unsaved work goes to the recovery file every 30 s; the project file is only
    // written by Save.
    m_autosave->setInterval(30000);
    connect(m_autosave, &QTimer::timeout, this, &MainWindow::autosave);
    m_autosave->start();
    // Curation edits and corpus changes rebuild after a pause, so a burst of
    // edits (or a checkout touching many files) costs one build.
    m_rebuildTimer->setSingleShot(true);
    m_rebuildTimer->setInterval(250);
    connect(m_rebuildTimer, &QTimer::timeout, this, &MainWindow::rebuildProject);
    connect(m_document, &ProjectDocument::curationChanged, m_rebuildTimer, qOverload<>(&QTimer::start));
    m_watchTimer->setSingleShot(true);
    m_watchTimer->setInterval(1500);
    connect(m_watchTimer, &QTimer::timeout, this, &MainWindow::onCorpusChanged);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_watchTimer, qOverload<>(&QTimer::start));
    connect(m_watcher, &QFileSystemWatcher::fileChanged, m_watchTimer, qOverload<>(&QTimer::start));
    connect(m_map, &MapView::mergeRequested, this, &MainWindow::mergeConcepts);
    connect(m_map, &MapView::contextMenuRequested, this, &MainWindow::showContextMenu);

    AppSettings settings;
    restoreGeometry(settings.windowGeometry());
    restoreState(settings.windowState());
    m_colourByType->setChecked(settings.colourByType());
    m_focusDepth2->setChecked(settings.focusDepth() == 2);
    updateRecentMenu();
    updateCounts();
}

MainWindow::~MainWindow() = default;

bool MainWindow::isBuilding() const
{
    return m_buildJob->isRunning();
}

void MainWindow::createDocks()
{
    m_conceptPanel = new ConceptPanel(m_document, this);
    m_linkPanel = new LinkPanel(m_document, this);
    m_documentView = new DocumentViewPanel(m_document, this);
    m_documentsPanel = new DocumentsPanel(m_document, this);
    m_filterPanel = new FilterPanel(m_document, this);
    m_pathPanel = new PathPanel(m_document, m_searchModel, this);
    m_statsPanel = new StatsPanel(m_document, this);
    m_notesPanel = new NotesPanel(m_document, this);

    m_panelsMenu = new QMenu(tr("&Panels"), this);
    auto addDock = [this](QWidget *panel, const QString &title, const QString &name, Qt::DockWidgetArea area,
                          const QKeySequence &shortcut) {
        auto *dock = new QDockWidget(title, this);
        dock->setObjectName(name);
        dock->setWidget(panel);
        addDockWidget(area, dock);
        QAction *toggle = dock->toggleViewAction();
        toggle->setShortcut(shortcut);
        m_panelsMenu->addAction(toggle);
        return dock;
    };
    QDockWidget *conceptDock = addDock(m_conceptPanel, tr("Concept"), u"conceptDock"_s, Qt::RightDockWidgetArea,
                                   QKeySequence(u"Alt+1"_s));
    QDockWidget *link = addDock(m_linkPanel, tr("Link"), u"linkDock"_s, Qt::RightDockWidgetArea,
                                QKeySequence(u"Alt+2"_s));
    QDockWidget *docView = addDock(m_documentView, tr("Document"), u"documentViewDock"_s, Qt::RightDockWidgetArea,
                                   QKeySequence(u"Alt+3"_s));
    QDockWidget *filters = addDock(m_filterPanel, tr("Filters"), u"filterDock"_s, Qt::LeftDockWidgetArea,
                                   QKeySequence(u"Alt+4"_s));
    QDockWidget *docs = addDock(m_documentsPanel, tr("Documents"), u"documentsDock"_s, Qt::LeftDockWidgetArea,
                                QKeySequence(u"Alt+5"_s));
    QDockWidget *path = addDock(m_pathPanel, tr("Path finder"), u"pathDock"_s, Qt::LeftDockWidgetArea,
                                QKeySequence(u"Alt+6"_s));
    QDockWidget *stats = addDock(m_statsPanel, tr("Statistics"), u"statsDock"_s, Qt::LeftDockWidgetArea,
                                 QKeySequence(u"Alt+7"_s));
    QDockWidget *notes = addDock(m_notesPanel, tr("Notes"), u"notesDock"_s, Qt::RightDockWidgetArea,
                                 QKeySequence(u"Alt+8"_s));
    tabifyDockWidget(conceptDock, link);
    tabifyDockWidget(docView, notes);
    tabifyDockWidget(link, docView);
    conceptDock->raise();
    tabifyDockWidget(filters, docs);
    tabifyDockWidget(docs, path);
    tabifyDockWidget(path, stats);
    filters->raise();
    resizeDocks({conceptDock, filters}, {380, 280}, Qt::Horizontal);

    auto showDoc = [this](DocumentId d, TextRange r) { showDocumentAt(d, r); };
    connect(m_conceptPanel, &ConceptPanel::documentRequested, this, showDoc);
    connect(m_linkPanel, &LinkPanel::documentRequested, this, showDoc);
    connect(m_pathPanel, &PathPanel::documentRequested, this, showDoc);
    connect(m_documentsPanel, &DocumentsPanel::documentActivated, this, [this](DocumentId d) {
        showDocumentAt(d, {});
        m_statsPanel->setDocument(d);
    });
    connect(m_documentView, &DocumentViewPanel::conceptActivated, m_map, &MapView::centreOnNode);
    connect(m_notesPanel, &NotesPanel::conceptActivated, this, [this](graph::NodeIndex node) {
        m_document->selectNodes({node});
        m_map->centreOnNode(node);
    });
    connect(m_document, &ProjectDocument::selectionChanged, this, [this, conceptDock, link] {
        if (m_document->selectedEdge() >= 0)
            link->raise();
        else if (!m_document->selectedNodes().isEmpty())
            conceptDock->raise();
    });
    connect(m_document, &ProjectDocument::pathChanged, this, [this] { m_map->viewport()->update(); });
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    createProjectActions(file);
    QAction *open = file->addAction(tr("Open &Folder…"), this, &MainWindow::chooseFolder);
    open->setShortcut(QKeySequence(u"Ctrl+Shift+O"_s));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(tr("Open &Sample Corpus"), this, [this] {
        const QString sample = sampleCorpusFolder();
        if (sample.isEmpty())
            statusBar()->showMessage(tr("The sample corpus is not installed."), 5000);
        else
            openFolder(sample);
    });
    QAction *rebuild = file->addAction(tr("Re&build"), this, &MainWindow::rebuildProject);
    rebuild->setShortcut(QKeySequence::Refresh);
    file->addSeparator();
    QMenu *exportMenu = file->addMenu(tr("&Export"));
    exportMenu->addAction(tr("&Image…"), this, &MainWindow::exportImage)->setShortcut(QKeySequence(u"Ctrl+E"_s));
    exportMenu->addAction(tr("&Data…"), this, &MainWindow::exportData)->setShortcut(QKeySequence(u"Ctrl+Shift+E"_s));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction *find = edit->addAction(tr("&Find Concept"), this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    QAction *hide = edit->addAction(tr("&Hide Selected Concepts"), m_filterPanel, &FilterPanel::hideSelected);
    hide->setShortcut(QKeySequence::Delete);
    createCurationActions(edit);
    edit->addSeparator();
    QAction *pathFrom = edit->addAction(tr("Find &Path Between Two Selected"), this, [this] {
        const auto &sel = m_document->selectedNodes();
        if (sel.size() == 2)
            m_pathPanel->findPath(m_document->graph().node(sel[0]).info.label,
                                  m_document->graph().node(sel[1]).info.label);
    });
    pathFrom->setShortcut(QKeySequence(u"Ctrl+P"_s));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *fit = view->addAction(tr("&Fit to Window"), m_map, &MapView::fitToVisible);
    fit->setShortcuts({QKeySequence(u"Ctrl+0"_s), QKeySequence(Qt::Key_Home)});
    QAction *focus = view->addAction(tr("&Focus on Selection"), this, [this] {
        if (!m_document->selectedNodes().isEmpty())
            m_map->enterFocus(m_document->selectedNodes().constLast());
    });
    focus->setShortcut(QKeySequence(u"F"_s));
    QAction *unfocus = view->addAction(tr("&Leave Focus"), m_map, &MapView::exitFocus);
    unfocus->setShortcut(QKeySequence(u"Shift+F"_s));
    m_focusDepth2 = view->addAction(tr("Focus Shows Two &Steps"));
    m_focusDepth2->setCheckable(true);
    connect(m_focusDepth2, &QAction::toggled, this, [this](bool on) {
        m_map->setFocusDepth(on ? 2 : 1);
        AppSettings().setFocusDepth(on ? 2 : 1);
    });
    view->addAction(tr("Zoom &In"), m_map, &MapView::zoomIn)->setShortcuts(QKeySequence::ZoomIn);
    view->addAction(tr("Zoom &Out"), m_map, &MapView::zoomOut)->setShortcuts(QKeySequence::ZoomOut);
    view->addSeparator();
    m_colourByType = view->addAction(tr("Colour by &Type"));
    m_colourByType->setCheckable(true);
    m_colourByType->setShortcut(QKeySequence(u"Ctrl+T"_s));
    connect(m_colourByType, &QAction::toggled, this, [this](bool on) {
        m_map->setColourByType(on);
        AppSettings().setColourByType(on);
    });
    m_relayout = view->addAction(tr("Re-&layout"), this, &MainWindow::relayout);
    m_relayout->setShortcut(QKeySequence(u"Ctrl+L"_s));
    view->addSeparator();
    view->addMenu(m_panelsMenu);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts)
        ->setShortcut(QKeySequence(u"Ctrl+/"_s));
    help->addAction(tr("&About Cartograph"), this, [this] {
        QMessageBox::about(this, tr("About Cartograph"),
                           tr("<b>Cartograph</b> %1<p>Concept maps from folders of documents.</p>"
                              "<p>Wheel: zoom · drag: pan · Shift-drag: select · double-click: focus · Esc: back</p>")
                               .arg(QCoreApplication::applicationVersion()));
    });

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(u"mainToolBar"_s);
    bar->setMovable(false);
    bar->addAction(open);
    bar->addAction(fit);
    bar->addAction(m_relayout);
    bar->addAction(m_colourByType);
    bar->addSeparator();
    bar->addAction(undo);
    bar->addAction(redo);
    bar->addSeparator();
    bar->addWidget(m_search);
}

QList<QPair<QString, QString>> MainWindow::shortcutList() const
{
    // Read from the menus themselves, so the list can never disagree with them.
    QList<QPair<QString, QString>> out;
    std::function<void(const QMenu *, const QString &)> walk = [&](const QMenu *menu, const QString &path) {
        for (const QAction *action : menu->actions()) {
            if (action->isSeparator())
                continue;
            const QString name = path + QString(action->text()).remove(u'&').remove(u"…"_s);
            if (action->menu()) {
                walk(action->menu(), name + u" ▸ "_s);
                continue;
            }
            QStringList keys;
            for (const QKeySequence &key : action->shortcuts())
                keys.append(key.toString(QKeySequence::NativeText));
            if (!keys.isEmpty())
                out.append({name, keys.join(u", "_s)});
        }
    };
    for (const QAction *top : menuBar()->actions())
        if (top->menu())
            walk(top->menu(), QString(top->text()).remove(u'&') + u" ▸ "_s);
    // Map gestures and keys that have no menu entry.
    out.append({tr("Map ▸ Leave focus or clear the selection"), tr("Esc")});
    out.append({tr("Map ▸ Focus on the selected concept"), tr("Enter")});
    out.append({tr("Map ▸ Add to the selection"), tr("Ctrl+click, Shift+drag")});
    return out;
}

void MainWindow::showShortcuts()
{
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(u"shortcutsDialog"_s);
    dialog->setWindowTitle(tr("Keyboard Shortcuts"));
    auto *table = new QTableWidget(dialog);
    const auto list = shortcutList();
    table->setColumnCount(2);
    table->setRowCount(int(list.size()));
    table->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut")});
    for (int r = 0; r < list.size(); ++r) {
        table->setItem(r, 0, new QTableWidgetItem(list[r].first));
        table->setItem(r, 1, new QTableWidgetItem(list[r].second));
    }
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->resizeColumnToContents(1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog->resize(520, 600);
    dialog->show(); // not modal: the list can stay open beside the map
}

void MainWindow::openInitial(const QString &path)
{
    if (!path.isEmpty()) {
        if (project::ProjectFile::isProjectPath(path))
            openProject(path);
        else
            openFolder(path);
        return;
    }
    // Unsaved work of an untitled project from a session that did not end well.
    if (project::RecoveryFile::hasNewer(QString())) {
        const auto answer = ask(tr("Restore Unsaved Work?"),
                                tr("Cartograph found unsaved changes to an untitled project from an earlier "
                                   "session. Restore them?"),
                                QMessageBox::Yes | QMessageBox::No);
        if (answer == QMessageBox::Yes) {
            QString error;
            if (auto recovered = project::RecoveryFile::load(QString(), &error)) {
                m_document->setProject(std::move(*recovered), QString());
                m_dirtyAfterBuild = true;
                m_restoreView = true;
                startBuild(m_document->project(), false);
                return;
            }
            reportError(error);
        } else {
            project::RecoveryFile::discard(QString());
        }
    }
    const QString last = AppSettings().lastFolder();
    if (!last.isEmpty() && QFileInfo(last).isDir()) {
        openFolder(last);
        return;
    }
    const QString sample = sampleCorpusFolder();
    if (!sample.isEmpty())
        openFolder(sample);
    else
        statusBar()->showMessage(tr("Open a folder of documents with File ▸ Open Folder (Ctrl+Shift+O)."));
}

void MainWindow::openFolder(const QString &folder)
{
    const QString path = QFileInfo(folder).absoluteFilePath();
    project::Project untitled;
    untitled.corpusFolders = {path};
    m_document->setProject(std::move(untitled), QString());
    m_restoreView = false;
    m_dirtyAfterBuild = false;
    startBuild(m_document->project(), false);
}

bool MainWindow::openProject(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QString error;
    std::optional<project::Project> loaded = project::ProjectFile::load(absolute, &error);
    bool dirty = false;
    if (project::RecoveryFile::hasNewer(absolute)) {
        const auto answer = ask(tr("Restore Unsaved Work?"),
                                tr("“%1” has unsaved changes from an earlier session. Restore them?")
                                    .arg(QFileInfo(absolute).fileName()),
                                QMessageBox::Yes | QMessageBox::No);
        if (answer == QMessageBox::Yes) {
            QString recoveryError;
            if (auto recovered = project::RecoveryFile::load(absolute, &recoveryError)) {
                loaded = std::move(recovered);
                dirty = true;
            } else {
                reportError(recoveryError);
            }
        } else {
            project::RecoveryFile::discard(absolute);
        }
    }
    if (!loaded) {
        // The file is left exactly as it is and the current map stays open.
        reportError(tr("Could not open the project: %1").arg(error));
        return false;
    }
    if (loaded->corpusFolders.isEmpty()) {
        reportError(tr("The project “%1” names no corpus folder.").arg(QFileInfo(absolute).fileName()));
        return false;
    }
    m_document->setProject(std::move(*loaded), absolute);
    m_restoreView = true;
    m_dirtyAfterBuild = dirty;
    AppSettings().addRecentFolder(absolute);
    updateRecentMenu();
    startBuild(m_document->project(), false);
    return true;
}

void MainWindow::newProject()
{
    if (!maybeSave())
        return;
    cancelJobs();
    project::RecoveryFile::discard(m_document->projectPath());
    m_document->setProject({}, QString());
    m_document->clear();
    m_watcher->removePaths(m_watcher->files() + m_watcher->directories());
    updateTitle();
    updateCounts();
    statusBar()->showMessage(tr("New project: open a folder of documents with File ▸ Open Folder."), 5000);
}

void MainWindow::startBuild(const project::Project &project, bool replace)
{
    m_layoutJob->cancel();
    m_replaceOnFinish = replace && m_document->hasBuild();
    setBusy(true);
    m_stage->setText(tr("Starting…"));
    if (!m_replaceOnFinish) {
        const QString name = m_document->projectPath().isEmpty()
            ? QDir(project.corpusFolders.value(0)).dirName()
            : QFileInfo(m_document->projectPath()).fileName();
        setWindowTitle(tr("%1 — building — Cartograph").arg(name));
    }
    m_buildJob->startProject(project);
}

void MainWindow::rebuildProject()
{
    if (m_document->project().corpusFolders.isEmpty())
        return;
    // Current positions and pins go in, so the rebuilt map stays where it was.
    startBuild(m_document->projectForSave(), true);
}

project::Project MainWindow::currentProject() const
{
    project::Project out = m_document->projectForSave();
    if (!m_document->hasBuild())
        return out;
    out.view.zoom = m_map->layoutZoom();
    out.view.centre = m_map->layoutCentre();
    out.view.colourByType = m_colourByType->isChecked();
    m_filterPanel->storeViewState(out.view);
    return out;
}

bool MainWindow::save()
{
    if (m_document->projectPath().isEmpty()) {
        QString path = m_chooseSavePath ? m_chooseSavePath() : QString();
        if (!m_chooseSavePath) {
            const QString folder = m_document->project().corpusFolders.value(0);
            const QString suggested = QDir(folder.isEmpty() ? QDir::homePath() : QFileInfo(folder).absolutePath())
                                          .filePath(QDir(folder).dirName() + project::ProjectFile::suffix());
            path = QFileDialog::getSaveFileName(this, tr("Save Project"), suggested,
                                                tr("Cartograph projects (*%1)").arg(project::ProjectFile::suffix()));
        }
        if (path.isEmpty())
            return false;
        return saveAs(path);
    }
    return saveAs(m_document->projectPath());
}

bool MainWindow::saveAs(const QString &requested)
{
    QString path = QFileInfo(requested).absoluteFilePath();
    if (!project::ProjectFile::isProjectPath(path))
        path += project::ProjectFile::suffix();
    const project::Project project = currentProject();
    QString error;
    if (!project::ProjectFile::save(project, path, &error)) {
        reportError(tr("Could not save the project: %1").arg(error));
        return false;
    }
    const QString previous = m_document->projectPath();
    project::RecoveryFile::discard(previous);
    if (previous != path)
        project::RecoveryFile::discard(path);
    m_document->setViewState(project.view);
    m_document->setProjectPath(path);
    m_document->undoStack()->setClean();
    setWindowModified(false);
    AppSettings().addRecentFolder(path);
    updateRecentMenu();
    updateTitle();
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 4000);
    Q_EMIT projectSaved(path);
    return true;
}

void MainWindow::autosave()
{
    if (!isWindowModified() || !m_document->hasBuild())
        return;
    QString error;
    if (!project::RecoveryFile::save(currentProject(), m_document->projectPath(), &error))
        statusBar()->showMessage(tr("Autosave failed: %1").arg(error), 5000);
}

void MainWindow::setAutosaveInterval(int ms)
{
    m_autosave->start(ms);
}

bool MainWindow::maybeSave()
{
    if (!isWindowModified())
        return true;
    const auto answer = ask(tr("Unsaved Changes"), tr("The project has unsaved changes. Save them?"),
                            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    if (answer == QMessageBox::Discard) {
        project::RecoveryFile::discard(m_document->projectPath());
        return true;
    }
    return false;
}

QMessageBox::StandardButton MainWindow::ask(const QString &title, const QString &text,
                                            QMessageBox::StandardButtons buttons)
{
    if (m_prompt)
        return m_prompt(title, text, buttons);
    return QMessageBox::question(this, title, text, buttons);
}

void MainWindow::reportError(const QString &message)
{
    m_lastError = message;
    statusBar()->showMessage(message, 15000);
    Q_EMIT errorReported(message);
    if (m_prompt)
        return; // tests (and other embedders) read lastError() / errorReported()
    // Window-modal but not blocking: the app keeps running behind the message.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Cartograph"), message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::updateTitle()
{
    QString name;
    if (!m_document->projectPath().isEmpty()) {
        name = QFileInfo(m_document->projectPath()).fileName();
        name.chop(project::ProjectFile::suffix().size());
    } else if (!m_document->project().corpusFolders.isEmpty()) {
        name = tr("Untitled (%1)").arg(QDir(m_document->project().corpusFolders.constFirst()).dirName());
    } else {
        name = tr("Untitled");
    }
    setWindowTitle(tr("%1[*] — Cartograph").arg(name));
}

void MainWindow::chooseProject()
{
    if (!maybeSave())
        return;
    const QString start = m_document->projectPath().isEmpty() ? QDir::homePath()
                                                              : QFileInfo(m_document->projectPath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), start,
                                                      tr("Cartograph projects (*%1)").arg(project::ProjectFile::suffix()));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::createProjectActions(QMenu *file)
{
    file->addAction(tr("&New Project"), this, &MainWindow::newProject)->setShortcut(QKeySequence::New);
    file->addAction(tr("&Open Project…"), this, &MainWindow::chooseProject)->setShortcut(QKeySequence::Open);
    file->addAction(tr("&Save"), this, &MainWindow::save)->setShortcut(QKeySequence::Save);
    file->addAction(tr("Save &As…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save Project As"), m_document->projectPath(),
            tr("Cartograph projects (*%1)").arg(project::ProjectFile::suffix()));
        if (!path.isEmpty())
            saveAs(path);
    })->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
}

void MainWindow::createCurationActions(QMenu *edit)
{
    auto single = [this]() -> graph::NodeIndex {
        const auto &sel = m_document->selectedNodes();
        return sel.isEmpty() ? -1 : sel.constLast();
    };
    edit->addAction(tr("Re&name Concept…"), this, [this, single] {
        const graph::NodeIndex v = single();
        if (v < 0)
            return;
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Rename Concept"), tr("New name:"), QLineEdit::Normal,
                                                   m_document->graph().node(v).info.label, &ok);
        if (ok)
            renameConcept(v, name);
    })->setShortcut(QKeySequence(Qt::Key_F2));
    edit->addAction(tr("&Merge Selected Concepts"), this, [this] {
        // The first selected concept survives; the others fold into it.
        const auto sel = m_document->selectedNodes();
        if (sel.size() < 2)
            return;
        m_document->undoStack()->beginMacro(tr("Merge %n concept(s)", nullptr, int(sel.size()) - 1));
        for (int i = 1; i < sel.size(); ++i)
            mergeConcepts(sel[i], sel[0]);
        m_document->undoStack()->endMacro();
    })->setShortcut(QKeySequence(u"Ctrl+M"_s));
    edit->addAction(tr("&Add Concept…"), this, [this] {
        bool ok = false;
        const QString text = QInputDialog::getText(this, tr("Add Concept"),
                                                   tr("Name, then aliases, separated by commas:"), QLineEdit::Normal,
                                                   QString(), &ok);
        if (!ok)
            return;
        QStringList parts = text.split(u',', Qt::SkipEmptyParts);
        if (parts.isEmpty())
            return;
        const QString name = parts.takeFirst();
        addConcept(name, parts);
    })->setShortcut(QKeySequence(u"Ctrl+Shift+A"_s));
    edit->addAction(tr("P&in / Unpin"), this, [this, single] {
        const graph::NodeIndex v = single();
        if (v >= 0)
            setPinned(v, !m_document->isPinned(v));
    })->setShortcut(QKeySequence(u"Ctrl+Shift+P"_s));
}

void MainWindow::showContextMenu(graph::NodeIndex node, const QPoint &globalPos)
{
    QMenu menu(this);
    if (node < 0) {
        menu.addAction(tr("Add Concept…"), this, [this] {
            bool ok = false;
            const QString name = QInputDialog::getText(this, tr("Add Concept"), tr("Name:"), QLineEdit::Normal,
                                                       QString(), &ok);
            if (ok)
                addConcept(name, {});
        });
        menu.exec(globalPos);
        return;
    }
    const graph::NodeData &data = m_document->graph().node(node);
    const QString label = data.info.label;
    menu.addSection(label);
    menu.addAction(tr("Rename…"), this, [this, node, label] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Rename Concept"), tr("New name:"), QLineEdit::Normal,
                                                   label, &ok);
        if (ok)
            renameConcept(node, name);
    });
    QMenu *mergeMenu = menu.addMenu(tr("Merge Into"));
    int offered = 0;
    for (const int w : m_document->graph().neighbours(node)) {
        if (offered++ >= 15)
            break;
        mergeMenu->addAction(m_document->graph().node(w).info.label, this, [this, node, w] { mergeConcepts(node, w); });
    }
    mergeMenu->addSeparator();
    mergeMenu->addAction(tr("Other Concept…"), this, [this, node] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Merge Into"), tr("Concept to merge into:"),
                                                   QLineEdit::Normal, QString(), &ok);
        const graph::NodeIndex into = ok ? m_document->findConcept(name) : -1;
        if (into >= 0)
            mergeConcepts(node, into);
    });
    QMenu *splitMenu = menu.addMenu(tr("Split Alias Off"));
    for (const QString &alias : data.info.aliases)
        if (alias.compare(label, Qt::CaseInsensitive) != 0)
            splitMenu->addAction(alias, this, [this, node, alias] { splitAlias(node, alias); });
    splitMenu->setEnabled(!splitMenu->isEmpty());
    QMenu *typeMenu = menu.addMenu(tr("Type"));
    for (int t = 0; t <= int(extract::ConceptType::Theme); ++t) {
        const auto type = extract::ConceptType(t);
        QAction *a = typeMenu->addAction(extract::conceptTypeName(type), this,
                                         [this, node, type] { setConceptType(node, type); });
        a->setCheckable(true);
        a->setChecked(type == data.info.type);
    }
    const bool pinned = m_document->isPinned(node);
    menu.addAction(pinned ? tr("Unpin") : tr("Pin Here"), this, [this, node, pinned] { setPinned(node, !pinned); });
    menu.addAction(tr("Hide"), this, [this, node] { hideConcept(node); });
    menu.addSeparator();
    menu.addAction(tr("Edit Note"), this, [this, node] {
        m_document->selectNodes({node});
        m_conceptPanel->focusNote();
    });
    menu.exec(globalPos);
}

void MainWindow::renameConcept(graph::NodeIndex node, const QString &name)
{
    if (auto *command = CurationCommand::rename(m_document, node, name))
        m_document->undoStack()->push(command);
}

void MainWindow::mergeConcepts(graph::NodeIndex from, graph::NodeIndex into)
{
    if (auto *command = CurationCommand::merge(m_document, from, into))
        m_document->undoStack()->push(command);
}

void MainWindow::splitAlias(graph::NodeIndex node, const QString &alias)
{
    if (auto *command = CurationCommand::split(m_document, node, alias))
        m_document->undoStack()->push(command);
}

void MainWindow::setConceptType(graph::NodeIndex node, extract::ConceptType type)
{
    if (auto *command = CurationCommand::setType(m_document, node, type))
        m_document->undoStack()->push(command);
}

void MainWindow::addConcept(const QString &name, const QStringList &aliases)
{
    if (auto *command = CurationCommand::addConcept(m_document, name, aliases))
        m_document->undoStack()->push(command);
}

void MainWindow::setPinned(graph::NodeIndex node, bool pinned)
{
    if (node < 0 || node >= m_document->nodeCount() || m_document->isPinned(node) == pinned)
        return;
    m_document->undoStack()->push(new PinCommand(m_document, m_document->graph().node(node).info.id, pinned));
}

void MainWindow::hideConcept(graph::NodeIndex node)
{
    if (node < 0 || node >= m_document->nodeCount())
        return;
    m_document->undoStack()->push(new HideConceptCommand(m_document, m_document->graph().node(node).info.id, true));
}

void MainWindow::exportImage()
{
    if (!m_document->hasBuild())
        return;
    ExportImageDialog dialog(m_document, m_map, this);
    dialog.exec();
}

void MainWindow::exportData()
{
    if (!m_document->hasBuild())
        return;
    ExportDataDialog dialog(m_document, this);
    dialog.exec();
}

QString MainWindow::corpusFingerprint() const
{
    // Names, sizes and times of the corpus's files: a save of the project file or
    // its recovery file into the corpus folder must not trigger a rebuild.
    QCryptographicHash hash(QCryptographicHash::Sha1);
    for (const QString &folder : m_document->project().corpusFolders) {
        QStringList entries;
        QDirIterator it(folder, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            const QFileInfo info = it.fileInfo();
            const QString name = info.fileName();
            if (name.startsWith(u'.') || name.endsWith(project::ProjectFile::suffix(), Qt::CaseInsensitive)
                || name.endsWith(u".recovery"_s))
                continue;
            entries.append(u"%1|%2|%3"_s.arg(info.filePath()).arg(info.size()).arg(
                info.lastModified().toMSecsSinceEpoch()));
        }
        entries.sort();
        hash.addData(entries.join(u'\n').toUtf8());
    }
    return QString::fromLatin1(hash.result().toHex());
}

void MainWindow::watchCorpus()
{
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    QStringList paths;
    for (const QString &folder : m_document->project().corpusFolders) {
        paths.append(folder);
        QDirIterator dirs(folder, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (dirs.hasNext())
            paths.append(dirs.next());
        QDirIterator files(folder, QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext() && paths.size() < 4000)
            paths.append(files.next());
    }
    if (!paths.isEmpty())
        m_watcher->addPaths(paths);
    m_fingerprint = corpusFingerprint();
}

void MainWindow::onCorpusChanged()
{
    const QString now = corpusFingerprint();
    if (now == m_fingerprint)
        return;
    if (m_buildJob->isRunning()) {
        m_watchTimer->start(); // try again once the running build is done
        return;
    }
    statusBar()->showMessage(tr("The documents changed: rebuilding…"), 4000);
    rebuildProject();
}

void MainWindow::chooseFolder()
{
    const QString start = m_document->folder().isEmpty() ? QDir::homePath() : m_document->folder();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a Folder of Documents"), start);
    if (!folder.isEmpty())
        openFolder(folder);
}

void MainWindow::onBuildFinished(const std::shared_ptr<project::BuildResult> &result, const QString &folder)
{
    setBusy(false);
    if (m_replaceOnFinish) {
        m_replaceOnFinish = false;
        m_document->replaceBuild(result);
        watchCorpus();
        updateTitle();
        Q_EMIT buildFinished(true);
        return;
    }
    m_document->setBuild(result, folder);
    if (m_restoreView) {
        // An opened project comes back as the user left it: filters, colours, zoom, centre.
        m_restoreView = false;
        const project::ViewState view = m_document->project().view;
        m_colourByType->setChecked(view.colourByType);
        m_filterPanel->restoreViewState(view);
        m_map->restoreView(view.zoom, view.centre);
    }
    if (m_dirtyAfterBuild) {
        // Restored from a recovery file: unsaved until the user saves.
        m_dirtyAfterBuild = false;
        updateTitle(); // the title needs its [*] before the marker can show
        m_document->undoStack()->resetClean();
        setWindowModified(true);
    }
    watchCorpus();
    AppSettings settings;
    if (m_document->projectPath().isEmpty()) {
        settings.setLastFolder(folder);
        settings.addRecentFolder(folder);
    }
    updateRecentMenu();
    updateTitle();
    // The counts line says what is shown; the message (which covers it for a
    // while) repeats it so the first view always explains itself.
    updateCounts();
    statusBar()->showMessage(tr("Built %1 concepts from %n document(s)", nullptr,
                                int(m_document->corpus().documents.size()))
                                     .arg(m_document->nodeCount())
                                 + u" · "_s + countsText(),
                             8000);
    Q_EMIT buildFinished(true);
}

void MainWindow::onProgress(const QString &stage, qint64 done, qint64 total)
{
    m_stage->setText(stage);
    if (total > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(1000 * std::min(done, total) / total));
        m_progress->setFormat(u"%1 / %2"_s.arg(done).arg(total));
    } else {
        m_progress->setRange(0, 0);
    }
}

void MainWindow::setBusy(bool busy)
{
    m_progress->setVisible(busy);
    m_stage->setVisible(busy);
    m_cancel->setVisible(busy);
    if (busy) {
        m_progress->setRange(0, 0);
        m_progress->setFormat(QString());
    }
    if (m_relayout)
        m_relayout->setEnabled(!busy);
}

void MainWindow::cancelJobs()
{
    m_buildJob->cancel();
    m_layoutJob->cancel();
}

void MainWindow::relayout()
{
    if (!m_document->hasBuild() || m_layoutJob->isRunning() || m_buildJob->isRunning())
        return;
    const std::vector<graph::Point> positions = m_document->layoutPositions();
    std::vector<std::optional<graph::Point>> previous(positions.begin(), positions.end());
    setBusy(true);
    m_stage->setText(tr("Layout"));
    m_layoutJob->start(layout::toLayoutGraph(m_document->graph()), std::move(previous), m_document->pinnedNodes(),
                       ++m_layoutSeed);
}

bool MainWindow::searchFor(const QString &text)
{
    const graph::NodeIndex node = m_searchModel->nodeFor(text);
    if (node < 0) {
        statusBar()->showMessage(tr("No concept named “%1”").arg(text), 4000);
        return false;
    }
    if (!m_document->isNodeVisible(node)) {
        // Searching for a filtered-out concept should still find it: leave focus, unhide.
        m_document->exitFocus();
        FilterState filter = m_document->filter();
        filter.topN = 0;
        m_document->setFilter(filter);
    }
    m_document->selectNodes({node});
    m_map->centreOnNode(node);
    return true;
}

void MainWindow::showDocumentAt(DocumentId document, TextRange sentence)
{
    m_documentView->showDocument(document, sentence);
    if (auto *dock = qobject_cast<QDockWidget *>(m_documentView->parentWidget())) {
        dock->show();
        dock->raise();
    }
}

void MainWindow::updateCounts()
{
    m_counts->setText(countsText());
}

QString MainWindow::countsText() const
{
    if (!m_document->hasBuild())
        return tr("No project open");
    const int all = m_document->nodeCount();
    const int shown = m_document->visibleNodeCount();
    QString text = shown < all && m_document->filter().topN > 0 && !m_document->isFocused()
        // Large maps open on their best concepts: say so, and where to get the rest.
        ? tr("Showing %1 of %2 concepts \u2014 Filters \u25B8 Concepts to show more").arg(shown).arg(all)
        : tr("Showing %1 of %2 concepts").arg(shown).arg(all);
    text += tr(" · %1 of %2 links").arg(m_document->visibleEdgeCount()).arg(m_document->edgeCount());
    if (const auto n = m_document->selectedNodes().size(); n > 0)
        text += tr(" · %n selected", nullptr, int(n));
    if (m_document->isFocused())
        text += tr(" · focus on %1 (Esc to leave)").arg(m_document->graph().node(m_document->focusCentre()).info.label);
    return text;
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = AppSettings().recentFolders();
    for (const QString &path : recent)
        m_recentMenu->addAction(path, this, [this, path] {
            if (project::ProjectFile::isProjectPath(path))
                openProject(path);
            else
                openFolder(path);
        });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    project::RecoveryFile::discard(m_document->projectPath());
    cancelJobs();
    AppSettings settings;
    settings.setWindowGeometry(saveGeometry());
    settings.setWindowState(saveState());
    QMainWindow::closeEvent(event);
}

} // namespace carto::app
