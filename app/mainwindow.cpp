#include "mainwindow.h"

#include "appsettings.h"
#include "canvas/mapstatusoverlay.h"
#include "canvas/mapview.h"
#include "document/projectdocument.h"
#include "document/projectsession.h"
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
#include "dropopener.h"
#include "samplecorpus.h"

#include <QAbstractButton>
#include <QCloseEvent>
#include <QCompleter>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace carto::app {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new ProjectDocument(this))
    , m_session(new ProjectSession(m_document, this))
    , m_map(new MapView(m_document, this))
    , m_searchModel(new SearchModel(m_document, this))
    , m_search(new QLineEdit(this))
    , m_counts(new QLabel(this))
    , m_stage(new QLabel(this))
    , m_exported(new QLabel(this))
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
    // A found concept takes the keyboard to the map, so its keys (F, Esc, arrows) act on it.
    auto findAndGo = [this](const QString &text) {
        if (searchFor(text))
            m_map->setFocus(Qt::OtherFocusReason);
    };
    connect(completer, qOverload<const QString &>(&QCompleter::activated), this, findAndGo);
    connect(m_search, &QLineEdit::returnPressed, this, [this, findAndGo] { findAndGo(m_search->text()); });

    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    statusBar()->addWidget(m_counts, 1);
    m_exported->setObjectName(u"exportedMessage"_s);
    m_exported->setTextFormat(Qt::RichText);
    m_exported->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_exported->hide();
    connect(m_exported, &QLabel::linkActivated, this,
            [](const QString &link) { QDesktopServices::openUrl(QUrl(link)); });
    statusBar()->addPermanentWidget(m_exported);
    statusBar()->addPermanentWidget(m_stage);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    setBusy(false);

    createDocks();
    createActions();
    connectSession();
    nameControls();

    connect(m_cancel, &QPushButton::clicked, this, &MainWindow::cancelJobs);
    connect(m_document, &ProjectDocument::visibilityChanged, this, &MainWindow::updateCounts);
    connect(m_document, &ProjectDocument::selectionChanged, this, &MainWindow::updateCounts);
    connect(m_document, &ProjectDocument::modifiedChanged, this, &QWidget::setWindowModified);
    connect(m_map, &MapView::mergeRequested, this, &MainWindow::onMergeRequested);
    connect(m_map, &MapView::contextMenuRequested, this, &MainWindow::showContextMenu);
    connect(m_map, &MapView::hoveredChanged, this, [this](int node) {
        m_hovered = node;
        prefillPath();
    });
    connect(m_document, &ProjectDocument::selectionChanged, this, &MainWindow::prefillPath);
    connect(m_map->statusOverlay(), &MapStatusOverlay::openFolderRequested, this, &MainWindow::chooseFolder);
    // The map's own graphics scene takes every drag over it, so its viewport is watched too.
    auto *drops = new DropOpener(this);
    drops->watch(this);
    drops->watch(m_map->viewport());
    connect(drops, &DropOpener::folderDropped, this, [this](const QString &path) { onDropOpen(path, false); });
    connect(drops, &DropOpener::projectDropped, this, [this](const QString &path) { onDropOpen(path, true); });

    AppSettings settings;
    if (restoreGeometry(settings.windowGeometry()))
        restoreState(settings.windowState());
    else
        sizeForFirstStart();
    setTheme(theme::fromName(settings.theme()), false);
    m_colourByType->setChecked(settings.colourByType());
    m_focusDepth2->setChecked(settings.focusDepth() == 2);
    updateRecentMenu();
    updateCounts();
}

MainWindow::~MainWindow() = default;

void MainWindow::connectSession()
{
    m_session->setPrompt([this](const QString &title, const QString &text, QMessageBox::StandardButtons buttons) {
        return ask(title, text, buttons);
    });
    m_session->setSavePathChooser([this] { return chooseSavePath(); });
    m_session->setViewStateProvider([this](project::ViewState &view) { storeViewState(view); });
    connect(m_session, &ProjectSession::jobStarted, this, [this](const QString &stage) {
        setBusy(true);
        m_stage->setText(stage);
        showMapState();
    });
    connect(m_session, &ProjectSession::jobEnded, this, [this] {
        setBusy(false);
        showMapState();
    });
    connect(m_session, &ProjectSession::progressed, this, &MainWindow::onProgress);
    connect(m_session, &ProjectSession::buildStarted, this, [this](bool replacing) {
        m_openProblem.clear();
        m_buildFailure.clear();
        m_building = true;
        if (!replacing)
            setWindowTitle(tr("%1 — building — Cartograph").arg(m_session->displayName()));
        updateCounts();
        showMapState();
    });
    connect(m_session, &ProjectSession::buildFinished, this, &MainWindow::onBuildFinished);
    connect(m_session, &ProjectSession::layoutFinished, this, &MainWindow::layoutFinished);
    connect(m_session, &ProjectSession::viewRestoreRequested, this, &MainWindow::restoreViewState);
    connect(m_session, &ProjectSession::projectChanged, this, &MainWindow::updateTitle);
    connect(m_session, &ProjectSession::recentChanged, this, &MainWindow::updateRecentMenu);
    connect(m_session, &ProjectSession::statusMessage, this,
            [this](const QString &text, int ms) {
                m_lastStatus = text;
                statusBar()->showMessage(text, ms);
            });
    connect(m_session, &ProjectSession::errorReported, this, &MainWindow::reportError);
    connect(m_session, &ProjectSession::saved, this, &MainWindow::projectSaved);
}

bool MainWindow::isBuilding() const
{
    return m_session->isBuilding();
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
    m_statsDock = stats;
    QDockWidget *notes = addDock(m_notesPanel, tr("Notes"), u"notesDock"_s, Qt::RightDockWidgetArea,
                                 QKeySequence(u"Alt+8"_s));
    tabifyDockWidget(conceptDock, link);
    tabifyDockWidget(docView, notes);
    tabifyDockWidget(link, docView);
    conceptDock->raise();
    tabifyDockWidget(filters, docs);
    tabifyDockWidget(docs, path);
    filters->raise();
    // Charts need room for their axes: the statistics open in a window of
    // their own (Alt+7) instead of a fourth narrow tab.
    stats->setFloating(true);
    stats->resize(780, 560);
    stats->hide();
    connect(stats->toggleViewAction(), &QAction::triggered, this, [this, stats](bool shown) {
        if (shown && stats->isFloating())
            stats->move(geometry().center() - QPoint(stats->width() / 2, stats->height() / 2));
    });

    auto showDoc = [this](DocumentId d, TextRange r) { showDocumentAt(d, r); };
    connect(m_conceptPanel, &ConceptPanel::documentRequested, this, showDoc);
    connect(m_linkPanel, &LinkPanel::documentRequested, this, showDoc);
    connect(m_pathPanel, &PathPanel::documentRequested, this, showDoc);
    connect(m_documentsPanel, &DocumentsPanel::documentActivated, this, [this](DocumentId d) {
        showDocumentAt(d, {});
        m_statsPanel->setDocument(d);
    });
    connect(m_documentsPanel, &DocumentsPanel::problemFileRequested, this, [this](const QString &path) {
        // A document of the corpus opens in the Document view, anything else in its own application.
        for (const ingest::Document &doc : m_document->corpus().documents)
            if (QFileInfo(doc.absolutePath) == QFileInfo(path)) {
                showDocumentAt(doc.id, {});
                return;
            }
        QDesktopServices::openUrl(QUrl::fromLocalFile(path));
    });
    connect(m_documentView, &DocumentViewPanel::conceptActivated, m_map, &MapView::centreOnNode);
    connect(m_conceptPanel, &ConceptPanel::conceptRequested, m_map, &MapView::centreOnNode);
    connect(m_linkPanel, &LinkPanel::conceptRequested, m_map, &MapView::centreOnNode);
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

void MainWindow::openInitial(const QString &path)
{
    m_session->openInitial(path);
}

bool MainWindow::openFolder(const QString &folder)
{
    return m_session->openFolder(folder);
}

bool MainWindow::openProject(const QString &path)
{
    return m_session->openProject(path);
}

void MainWindow::openSampleCorpus()
{
    const QString sample = sampleCorpusFolder();
    if (sample.isEmpty())
        statusBar()->showMessage(tr("The sample corpus is not installed."), 5000);
    else
        m_session->openFolder(sample);
}

void MainWindow::newProject()
{
    if (!m_session->newProject())
        return;
    updateTitle();
    updateCounts();
}

void MainWindow::rebuildProject()
{
    m_session->rebuild();
}

bool MainWindow::save()
{
    return m_session->save();
}

bool MainWindow::saveAs(const QString &path)
{
    return m_session->saveAs(path);
}

void MainWindow::autosave()
{
    m_session->autosave();
}

void MainWindow::setAutosaveInterval(int ms)
{
    m_session->setAutosaveInterval(ms);
}

QString MainWindow::chooseSavePath()
{
    if (m_chooseSavePath)
        return m_chooseSavePath();
    const QString current = m_document->projectPath();
    QString suggested = current;
    if (suggested.isEmpty()) {
        const QString folder = m_document->project().corpusFolders.value(0);
        suggested = QDir(folder.isEmpty() ? QDir::homePath() : QFileInfo(folder).absolutePath())
                        .filePath(QDir(folder).dirName() + project::ProjectFile::suffix());
    }
    return QFileDialog::getSaveFileName(this, current.isEmpty() ? tr("Save Project") : tr("Save Project As"),
                                        suggested, tr("Cartograph projects (*%1)").arg(project::ProjectFile::suffix()));
}

void MainWindow::storeViewState(project::ViewState &view) const
{
    view.zoom = m_map->layoutZoom();
    view.centre = m_map->layoutCentre();
    view.colourByType = m_colourByType->isChecked();
    m_filterPanel->storeViewState(view);
}

void MainWindow::restoreViewState(const project::ViewState &view)
{
    // An opened project comes back as the user left it: filters, colours, zoom, centre.
    m_colourByType->setChecked(view.colourByType);
    m_filterPanel->restoreViewState(view);
    m_map->restoreView(view.zoom, view.centre);
}

QMessageBox::StandardButton MainWindow::ask(const QString &title, const QString &text,
                                            QMessageBox::StandardButtons buttons)
{
    if (m_prompt)
        return m_prompt(title, text, buttons);
    QMessageBox box(QMessageBox::Question, title, text, buttons, this);
    box.setTextFormat(Qt::PlainText); // file names are not markup
    if (QAbstractButton *reload = box.button(ProjectSession::kReload))
        reload->setText(tr("Reload"));
    if (QAbstractButton *saveAs = box.button(ProjectSession::kSaveAs))
        saveAs->setText(tr("Save As…"));
    if (QAbstractButton *overwrite = box.button(ProjectSession::kOverwrite))
        overwrite->setText(tr("Overwrite"));
    return QMessageBox::StandardButton(box.exec());
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
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::updateTitle()
{
    if (m_building)
        return; // "— building —" until the build lands
    if (!m_document->hasBuild() || m_document->corpus().documents.empty()) {
        // Nothing is open that could be saved or shown: the title says so.
        setWindowTitle(m_openProblem.isEmpty() && m_document->project().corpusFolders.isEmpty()
                           ? tr("Cartograph[*]")
                           : tr("%1 — nothing to show[*] — Cartograph").arg(m_session->displayName()));
        return;
    }
    setWindowTitle(tr("%1[*] — Cartograph").arg(m_session->displayName()));
}

void MainWindow::chooseProject()
{
    const QString start = m_document->projectPath().isEmpty() ? QDir::homePath()
                                                              : QFileInfo(m_document->projectPath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), start,
                                                      tr("Cartograph projects (*%1)").arg(project::ProjectFile::suffix()));
    if (!path.isEmpty())
        m_session->openProject(path);
}

void MainWindow::renameConcept(graph::NodeIndex node, const QString &name)
{
    m_document->renameConcept(node, name);
}

void MainWindow::mergeConcepts(graph::NodeIndex from, graph::NodeIndex into)
{
    m_document->mergeConcepts(from, into);
}

void MainWindow::splitAlias(graph::NodeIndex node, const QString &alias)
{
    m_document->splitAlias(node, alias);
}

void MainWindow::setConceptType(graph::NodeIndex node, extract::ConceptType type)
{
    m_document->setConceptType(node, type);
}

void MainWindow::addConcept(const QString &name, const QStringList &aliases)
{
    m_document->addConcept(name, aliases);
}

void MainWindow::setPinned(graph::NodeIndex node, bool pinned)
{
    m_document->setPinned(node, pinned);
}

void MainWindow::hideConcept(graph::NodeIndex node)
{
    m_document->hideConcepts({node});
}

void MainWindow::chooseFolder()
{
    const QString start = m_document->folder().isEmpty() ? QDir::homePath() : m_document->folder();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a Folder of Documents"), start);
    if (!folder.isEmpty())
        m_session->openFolder(folder);
}

void MainWindow::onBuildFinished(bool ok, bool replaced)
{
    m_building = false;
    m_buildFailure = ok || replaced ? QString() : m_lastStatus;
    showMapState();
    updateTitle();
    if (ok && !replaced) {
        // The counts line says what is shown; the message (which covers it for a
        // while) repeats it so the first view always explains itself.
        updateCounts();
        const QString note = std::exchange(m_openNote, {});
        statusBar()->showMessage(tr("Built %1 from %2")
                                         .arg(tr("%n concept(s)", nullptr, m_document->nodeCount()),
                                              tr("%n document(s)", nullptr, int(m_document->corpus().documents.size())))
                                     + u" · "_s + countsText() + (note.isEmpty() ? QString() : u" · "_s + note),
                                 note.isEmpty() ? 8000 : 15000);
    }
    Q_EMIT buildFinished(ok);
}

void MainWindow::onProgress(const QString &stage, qint64 done, qint64 total)
{
    m_stage->setText(stage);
    if (m_building && !m_document->hasBuild())
        m_map->statusOverlay()->showProgress(
            tr("Building the map…"),
            total > 0 ? tr("%1: %2 of %3").arg(stage).arg(done).arg(total) : stage, done, total);
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
    m_session->cancelJobs();
}

void MainWindow::relayout()
{
    m_session->relayout();
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
        return m_building ? tr("Building the map of %1…").arg(m_session->displayName())
                                       : tr("No project open");
    const int all = m_document->nodeCount();
    const int shown = m_document->visibleNodeCount();
    QString text = shown < all && m_document->filter().topN > 0 && !m_document->isFocused()
        // Large maps open on their best concepts: say so, and where to get the rest.
        ? tr("Showing %1 of %n concept(s) \u2014 Filters \u25B8 Concepts to show more", nullptr, all).arg(shown)
        : tr("Showing %1 of %n concept(s)", nullptr, all).arg(shown);
    text += tr(" · %1 of %n link(s)", nullptr, m_document->edgeCount()).arg(m_document->visibleEdgeCount());
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
                m_session->openProject(path);
            else
                m_session->openFolder(path);
        });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_session->close()) {
        event->ignore();
        return;
    }
    AppSettings settings;
    settings.setWindowGeometry(saveGeometry());
    settings.setWindowState(saveState());
    QMainWindow::closeEvent(event);
}

} // namespace carto::app
