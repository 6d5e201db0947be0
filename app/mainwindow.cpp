#include "mainwindow.h"

#include "appsettings.h"
#include "canvas/mapview.h"
#include "document/projectdocument.h"
#include "jobs/buildjob.h"
#include "jobs/layoutjob.h"
#include "models/searchmodel.h"
#include "panels/conceptpanel.h"
#include "panels/documentspanel.h"
#include "panels/documentviewpanel.h"
#include "panels/filterpanel.h"
#include "panels/linkpanel.h"
#include "panels/pathpanel.h"
#include "panels/statspanel.h"
#include "samplecorpus.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QCompleter>
#include <QDir>
#include <QDockWidget>
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
        statusBar()->showMessage(tr("Build failed: %1").arg(error));
        setWindowTitle(tr("Cartograph"));
        Q_EMIT buildFinished(false);
    });
    connect(m_buildJob, &BuildJob::cancelled, this, [this] {
        setBusy(false);
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
    tabifyDockWidget(conceptDock, link);
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
    QAction *open = file->addAction(tr("&Open Folder…"), this, &MainWindow::chooseFolder);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(tr("Open &Sample Corpus"), this, [this] {
        const QString sample = sampleCorpusFolder();
        if (sample.isEmpty())
            statusBar()->showMessage(tr("The sample corpus is not installed."), 5000);
        else
            openFolder(sample);
    });
    QAction *rebuild = file->addAction(tr("Re&build"), this, [this] {
        if (!m_document->folder().isEmpty())
            openFolder(m_document->folder());
    });
    rebuild->setShortcut(QKeySequence::Refresh);
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

void MainWindow::openInitial(const QString &folder)
{
    if (!folder.isEmpty()) {
        openFolder(folder);
        return;
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
        statusBar()->showMessage(tr("Open a folder of documents with File ▸ Open Folder (Ctrl+O)."));
}

void MainWindow::openFolder(const QString &folder)
{
    const QString path = QFileInfo(folder).absoluteFilePath();
    m_layoutJob->cancel();
    setBusy(true);
    m_stage->setText(tr("Starting…"));
    setWindowTitle(tr("%1 — building — Cartograph").arg(QDir(path).dirName()));
    m_buildJob->start(path);
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
    m_document->setBuild(result, folder);
    AppSettings settings;
    settings.setLastFolder(folder);
    settings.addRecentFolder(folder);
    updateRecentMenu();
    setWindowTitle(tr("%1[*] — Cartograph").arg(QDir(folder).dirName()));
    statusBar()->showMessage(tr("Built %1 concepts from %n document(s)", nullptr,
                                int(m_document->corpus().documents.size()))
                                 .arg(m_document->nodeCount()),
                             5000);
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
    if (!m_document->hasBuild()) {
        m_counts->setText(tr("No project open"));
        return;
    }
    QString text = tr("%1 concepts · %2 links · showing %3 · %4")
                       .arg(m_document->nodeCount())
                       .arg(m_document->edgeCount())
                       .arg(m_document->visibleNodeCount())
                       .arg(m_document->visibleEdgeCount());
    if (const auto n = m_document->selectedNodes().size(); n > 0)
        text += tr(" · %n selected", nullptr, int(n));
    if (m_document->isFocused())
        text += tr(" · focus on %1 (Esc to leave)").arg(m_document->graph().node(m_document->focusCentre()).info.label);
    m_counts->setText(text);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = AppSettings().recentFolders();
    for (const QString &folder : recent)
        m_recentMenu->addAction(folder, this, [this, folder] { openFolder(folder); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    cancelJobs();
    AppSettings settings;
    settings.setWindowGeometry(saveGeometry());
    settings.setWindowState(saveState());
    QMainWindow::closeEvent(event);
}

} // namespace carto::app
