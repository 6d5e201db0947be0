// MainWindow's menus, toolbar, context menu and shortcut list: what each
// action does is one call into the document (edits) or the session (files).
#include "mainwindow.h"

#include "appsettings.h"
#include "canvas/mapview.h"
#include "document/projectdocument.h"
#include "panels/conceptpanel.h"
#include "panels/filterpanel.h"
#include "panels/pathpanel.h"
#include "project/projectfile.h"

#include <QAction>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QTableWidget>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace carto::app {

void MainWindow::createActions()
{
    createFileMenu();

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document->createRedoAction(this, tr("&Redo"));
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
    QAction *pathFrom = edit->addAction(tr("Find &Path Between Selected and Hovered"), this, [this] {
        // Two selected concepts, or the selected one and the one under the mouse.
        prefillPath();
        if (m_pathPanel->findPath(m_pathPanel->fromText(), m_pathPanel->toText()) > 0)
            if (auto *dock = qobject_cast<QDockWidget *>(m_pathPanel->parentWidget())) {
                dock->show();
                dock->raise();
            }
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
    // Window-wide, so Esc in a panel (after Tab or a search) comes back to the map.
    QAction *back = view->addAction(tr("&Back to the Map (leave focus, clear selection)"), this,
                                    &MainWindow::backToMap);
    back->setShortcut(QKeySequence(Qt::Key_Escape));
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
    createThemeMenu(view);
    view->addMenu(m_panelsMenu);

    createHelpMenu();

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(u"mainToolBar"_s);
    bar->setMovable(false);
    bar->addAction(m_openFolder);
    bar->addAction(fit);
    bar->addAction(m_relayout);
    bar->addAction(m_colourByType);
    bar->addSeparator();
    bar->addAction(undo);
    bar->addAction(redo);
    bar->addSeparator();
    bar->addWidget(m_search);
}

void MainWindow::createHelpMenu()
{
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts)
        ->setShortcut(QKeySequence(u"Ctrl+/"_s));
    help->addAction(tr("&About Cartograph"), this, [this] {
        QMessageBox::about(this, tr("About Cartograph"),
                           tr("<b>Cartograph</b> %1<p>Concept maps from folders of documents.</p>"
                              "<p>Wheel: zoom · drag: pan · Shift-drag: select · double-click: focus · Esc: back"
                              " · Help ▸ Keyboard Shortcuts: all of them</p>")
                               .arg(QCoreApplication::applicationVersion()));
    });
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
    out.append({tr("Map ▸ Focus on the selected concept"), tr("Enter")});
    out.append({tr("Map ▸ Select the linked concept that way"), tr("Arrow keys")});
    out.append({tr("Map ▸ Select a concept or link (its label too)"), tr("Click")});
    out.append({tr("Map ▸ Add to the selection"), tr("Ctrl+click, Shift+drag")});
    out.append({tr("Map ▸ Focus on a concept and its neighbours"), tr("Double-click")});
    out.append({tr("Map ▸ Move a concept (and pin it)"), tr("Drag a concept")});
    out.append({tr("Map ▸ Merge one concept into another (asks first)"), tr("Drag a concept onto another")});
    out.append({tr("Map ▸ Zoom under the mouse"), tr("Wheel")});
    out.append({tr("Map ▸ Pan"), tr("Drag the empty map")});
    out.append({tr("Map ▸ Actions on a concept"), tr("Right click")});
    out.append({tr("Search box ▸ Select the concept and go to the map"), tr("Enter")});
    out.append({tr("Legend ▸ Highlight a community or type / show only it"), tr("Click / double-click")});
    out.append({tr("Window ▸ Open a folder or project"), tr("Drop it on the window")});
    return out;
}

void MainWindow::showShortcuts()
{
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(u"shortcutsDialog"_s);
    dialog->setWindowTitle(tr("Keyboard Shortcuts"));
    auto *table = new QTableWidget(dialog);
    table->setAccessibleName(tr("Keyboard shortcuts"));
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

void MainWindow::createFileMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    createProjectActions(file);
    m_openFolder = file->addAction(tr("Open &Folder…"), this, &MainWindow::chooseFolder);
    m_openFolder->setShortcut(QKeySequence(u"Ctrl+Shift+O"_s));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(tr("Open &Sample Corpus"), this, &MainWindow::openSampleCorpus)->setObjectName(u"openSample"_s);
    QAction *rebuild = file->addAction(tr("Re&build"), this, &MainWindow::rebuildProject);
    rebuild->setShortcut(QKeySequence::Refresh);
    file->addSeparator();
    QMenu *exportMenu = file->addMenu(tr("&Export"));
    exportMenu->addAction(tr("&Image…"), this, &MainWindow::exportImage)->setShortcut(QKeySequence(u"Ctrl+E"_s));
    exportMenu->addAction(tr("&Data…"), this, &MainWindow::exportData)->setShortcut(QKeySequence(u"Ctrl+Shift+E"_s));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
}

void MainWindow::createProjectActions(QMenu *file)
{
    file->addAction(tr("&New Project"), this, &MainWindow::newProject)->setShortcut(QKeySequence::New);
    file->addAction(tr("&Open Project…"), this, &MainWindow::chooseProject)->setShortcut(QKeySequence::Open);
    file->addAction(tr("&Save"), this, &MainWindow::save)->setShortcut(QKeySequence::Save);
    file->addAction(tr("Save &As…"), this, [this] {
        const QString path = chooseSavePath();
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
        if (sel.size() >= 2)
            m_document->mergeConcepts(sel.mid(1), sel.front());
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

} // namespace carto::app
