#include "canvas/legendwidget.h"
#include "canvas/mapview.h"
#include "canvas/minimap.h"
#include "document/projectdocument.h"
#include "mainwindow.h"
#include "offscreenscreen.h"
#include "panels/conceptpanel.h"
#include "panels/documentviewpanel.h"
#include "panels/filterpanel.h"
#include "panels/noteeditor.h"
#include "panels/pathpanel.h"

#include <QActionGroup>
#include <set>
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTabBar>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>

using namespace Qt::StringLiterals;
using namespace carto;
using carto::app::MainWindow;

// The first minutes of a new user, on a 1920x1080 screen with empty settings
// and no --size: the window's size, the map's fit, keyboard flow, direct
// handling, the path finder, notes and panels. One build of the seeds, made
// in initTestCase, so every slot also passes alone.
class FirstMinutesTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void firstStart_windowCoversScreenAndMapTakesMostOfIt();
    void resize_visibleNodesFillTheViewport();
    void dockTabs_titlesAreNotElided();
    void statistics_openInAWindowBigEnoughForAxes();
    void mentionClick_highlightIsInsideDocumentView();
    void labelClick_selectsItsNode();
    void selection_keepsItsNeighboursBright();
    void undoMerge_restoresTheSlider();
    void dragOntoNode_asksBeforeMerging();
    void searchEnterThenEscape_keyboardStaysOnMap();
    void tabThenEscape_leavesFocusMode();
    void shortcuts_listMouseGestures();
    void pathFinder_prefilledFromSelection_offersAlternatives();
    void notePreview_linkSelectsConcept();
    void noteLink_drawnAsSoonAsTyped();
    void legendClick_highlightsCommunity_doubleClickShowsOnlyIt();
    void legend_namesItCutsShort_areWholeInTheirToolTips();
    void hiddenList_showAgainIsInSight();
    void theme_viewMenuSwitchesAndSystemFollowsPlatform();

private:
    [[nodiscard]] app::ProjectDocument *doc() const { return m_window->document(); }
    [[nodiscard]] app::MapView *map() const { return m_window->mapView(); }
    [[nodiscard]] QPoint viewportPos(graph::NodeIndex node) const
    {
        return map()->mapFromScene(map()->nodeScenePos(node));
    }
    [[nodiscard]] QDockWidget *dockOf(QWidget *panel) const { return qobject_cast<QDockWidget *>(panel->parentWidget()); }
    // Waits for a curation rebuild to land.
    [[nodiscard]] bool waitForRebuild(QSignalSpy &finished) const
    {
        return QTest::qWaitFor([&] { return !finished.isEmpty() && !m_window->isBuilding(); }, 180000);
    }

    std::unique_ptr<MainWindow> m_window;
    QPalette m_platformPalette;
};

void FirstMinutesTest::initTestCase()
{
    QVERIFY2(QDir(QStringLiteral(CARTO_SHARED_DIR "/seeds")).exists(), "shared seeds corpus missing");
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"CartographFirstMinutesTest"_s);
    QSettings().clear(); // a first start: no geometry, no theme, no recent folders
    m_platformPalette = QApplication::palette();
    m_window = std::make_unique<MainWindow>();
    m_window->setPrompt([](const QString &, const QString &, QMessageBox::StandardButtons) {
        return QMessageBox::Yes;
    });
    m_window->show(); // no resize: the window sizes itself
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy finished(m_window.get(), &MainWindow::buildFinished);
    m_window->openFolder(QStringLiteral(CARTO_SHARED_DIR "/seeds"));
    QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 180000));
    QVERIFY(finished.first().first().toBool());
}

void FirstMinutesTest::cleanupTestCase()
{
    m_window.reset();
}

void FirstMinutesTest::init()
{
    // Every slot starts from the fitted map with nothing selected.
    if (doc()->isFocused())
        doc()->exitFocus();
    doc()->clearSelection();
    QEvent leave(QEvent::Leave); // no node stays hovered from an earlier slot
    QApplication::sendEvent(map(), &leave);
    map()->fitToVisible();
    // Shortcuts reach only the active window.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::qWait(50);
}

void FirstMinutesTest::firstStart_windowCoversScreenAndMapTakesMostOfIt()
{
    const QRect available = m_window->screen()->availableGeometry();
    const QRect frame = m_window->frameGeometry();
    const double covered = double(frame.width()) * frame.height() / (double(available.width()) * available.height());
    QVERIFY2(covered >= 0.70, qPrintable(u"window %1x%2 of %3x%4"_s.arg(frame.width()).arg(frame.height())
                                             .arg(available.width()).arg(available.height())));
    QVERIFY(available.contains(frame));
    const int mapWidth = map()->viewport()->width();
    QVERIFY2(mapWidth >= 0.60 * m_window->width(),
             qPrintable(u"map %1 of window %2"_s.arg(mapWidth).arg(m_window->width())));
}

void FirstMinutesTest::resize_visibleNodesFillTheViewport()
{
    const QSize before = m_window->size();
    for (const QSize size : {QSize(1200, 800), QSize(1500, 1000)}) {
        m_window->resize(size);
        QTRY_COMPARE(m_window->size(), size);
        QTest::qWait(300); // the docks give way, then the map refits
        QVERIFY(map()->isAutoFit());
        // A smaller window takes width from the docks too.
        QVERIFY2(map()->viewport()->width() >= 0.5 * size.width(),
                 qPrintable(u"map %1 of %2"_s.arg(map()->viewport()->width()).arg(size.width())));
        // The nodes as drawn: their discs, not only their centres.
        QRectF box;
        for (int v = 0; v < doc()->nodeCount(); ++v)
            if (doc()->isNodeVisible(v)) {
                const double r = map()->renderer().screenRadius(v, map()->currentScale());
                box |= QRectF(QPointF(viewportPos(v)) - QPointF(r, r), QSizeF(2 * r, 2 * r));
            }
        const QRect viewport = map()->viewport()->rect();
        QVERIFY(QRectF(viewport).adjusted(-4, -4, 4, 4).contains(box));
        const double fill = std::max(box.width() / viewport.width(), box.height() / viewport.height());
        QVERIFY2(fill >= 0.90, qPrintable(u"visible nodes fill %1 of the viewport at %2x%3"_s.arg(fill)
                                              .arg(size.width()).arg(size.height())));
    }
    // The whole map in view needs no minimap; zoomed in, it shows where the view is.
    QVERIFY(!map()->minimap()->isVisible());
    map()->zoomIn();
    QVERIFY(!map()->isAutoFit());
    QVERIFY(map()->minimap()->isVisible());
    m_window->resize(before);
}

void FirstMinutesTest::dockTabs_titlesAreNotElided()
{
    const auto bars = m_window->findChildren<QTabBar *>();
    int tabs = 0;
    for (const QTabBar *bar : bars) {
        if (!bar->isVisible())
            continue;
        for (int i = 0; i < bar->count(); ++i) {
            const int needed = bar->fontMetrics().horizontalAdvance(bar->tabText(i));
            QVERIFY2(bar->tabRect(i).width() >= needed + 8,
                     qPrintable(u"tab “%1” is %2 px for %3 px of text"_s.arg(bar->tabText(i))
                                    .arg(bar->tabRect(i).width()).arg(needed)));
            ++tabs;
        }
    }
    QVERIFY2(tabs >= 5, "the docks are tabbed");
}

void FirstMinutesTest::statistics_openInAWindowBigEnoughForAxes()
{
    QDockWidget *stats = m_window->statsDock();
    QVERIFY(!stats->isVisible());
    stats->toggleViewAction()->trigger();
    QTRY_VERIFY(stats->isVisible());
    QVERIFY(stats->isFloating());
    QVERIFY2(stats->width() >= 700 && stats->height() >= 500,
             qPrintable(u"%1x%2"_s.arg(stats->width()).arg(stats->height())));
    stats->toggleViewAction()->trigger();
    QTRY_VERIFY(!stats->isVisible());
}

void FirstMinutesTest::mentionClick_highlightIsInsideDocumentView()
{
    // The first click and later ones, on mentions deep in their documents.
    const graph::NodeIndex node = doc()->nodesByScore().front();
    doc()->selectNodes({node});
    const QStandardItemModel *model = m_window->conceptPanel()->mentionModel();
    QVERIFY(model->rowCount() > 0);
    int clicked = 0;
    for (int d = model->rowCount() - 1; d >= 0 && clicked < 3; --d) {
        const QStandardItem *docItem = model->item(d);
        if (docItem->rowCount() == 0)
            continue;
        m_window->conceptPanel()->openMention(docItem->child(docItem->rowCount() - 1)->index());
        const app::DocumentViewPanel *view = m_window->documentViewPanel();
        QTRY_VERIFY(view->isVisible());
        QTest::qWait(150); // the view settles its layout and centres again
        const QRect span = view->highlightRect();
        const QRect visible = view->browser()->viewport()->rect();
        QVERIFY2(!span.isEmpty() && visible.contains(span),
                 qPrintable(u"highlight %1,%2 %3x%4 in %5x%6"_s.arg(span.x()).arg(span.y()).arg(span.width())
                                .arg(span.height()).arg(visible.width()).arg(visible.height())));
        // A line of context above it.
        QVERIFY(span.top() >= view->browser()->fontMetrics().height());
        ++clicked;
    }
    QVERIFY(clicked > 0);
}

void FirstMinutesTest::labelClick_selectsItsNode()
{
    QTest::qWait(50);
    map()->viewport()->repaint();
    const auto &labelled = map()->renderer().lastLabelledNodes();
    const auto &rects = map()->renderer().lastLabelRects();
    QVERIFY(!labelled.empty());
    // A label point away from every disc, so only the label can be hit.
    for (size_t i = 0; i < labelled.size(); ++i) {
        const QPoint at = rects[i].center().toPoint();
        if (map()->renderer().nodeAt(map()->mapToScene(at), map()->currentScale()) >= 0)
            continue;
        QTest::mouseClick(map()->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(doc()->selectedNodes(), QList<graph::NodeIndex>{labelled[i]});
        return;
    }
    QFAIL("every label overlaps a disc");
}

void FirstMinutesTest::selection_keepsItsNeighboursBright()
{
    const graph::NodeIndex node = doc()->nodesByScore()[2];
    doc()->selectNodes({node});
    const auto neighbours = doc()->graph().neighbours(node);
    const std::set<int> near(neighbours.begin(), neighbours.end());
    int bright = 0, faded = 0;
    for (int v = 0; v < doc()->nodeCount(); ++v) {
        if (!doc()->isNodeVisible(v))
            continue;
        if (v == node || near.count(v)) {
            QVERIFY(map()->renderer().isEmphasised(v));
            ++bright;
        } else if (!map()->renderer().isEmphasised(v)) {
            ++faded;
        }
    }
    QVERIFY(bright > 1);
    QVERIFY(faded > 0);
}

void FirstMinutesTest::undoMerge_restoresTheSlider()
{
    QSlider *slider = m_window->filterPanel()->topNSlider();
    slider->setValue(slider->maximum()); // "all"
    const int all = doc()->nodeCount();
    QCOMPARE(doc()->visibleNodeCount(), all);
    const graph::NodeIndex from = doc()->nodesByScore()[5];
    const graph::NodeIndex into = doc()->nodesByScore()[6];
    const QString fromLabel = doc()->graph().node(from).info.label;
    QSignalSpy rebuilt(m_window.get(), &MainWindow::buildFinished);
    m_window->mergeConcepts(from, into);
    QVERIFY(waitForRebuild(rebuilt));
    QCOMPARE(doc()->nodeCount(), all - 1);
    rebuilt.clear();
    doc()->undo();
    QVERIFY(waitForRebuild(rebuilt));
    QTRY_COMPARE(doc()->nodeCount(), all);
    QVERIFY(doc()->findConcept(fromLabel) >= 0);
    QCOMPARE(slider->value(), slider->maximum());
    QCOMPARE(doc()->visibleNodeCount(), all);
}

void FirstMinutesTest::dragOntoNode_asksBeforeMerging()
{
    const graph::NodeIndex a = doc()->nodesByScore()[3];
    const graph::NodeIndex b = doc()->nodesByScore()[4];
    const int before = doc()->nodeCount();
    const int undoIndex = doc()->undoStack()->index();
    const int undoCount = doc()->undoStack()->count();
    QString asked;
    m_window->setPrompt([&](const QString &, const QString &text, QMessageBox::StandardButtons) {
        asked = text;
        return QMessageBox::No;
    });
    Q_EMIT map()->mergeRequested(a, b); // what dropping a onto b sends
    m_window->setPrompt([](const QString &, const QString &, QMessageBox::StandardButtons) { return QMessageBox::Yes; });
    QVERIFY2(asked.contains(doc()->graph().node(a).info.label) && asked.contains(doc()->graph().node(b).info.label),
             qPrintable(asked));
    QTest::qWait(400); // a merge would have started a rebuild by now
    QVERIFY(!m_window->isBuilding());
    QCOMPARE(doc()->nodeCount(), before);
    QCOMPARE(doc()->undoStack()->index(), undoIndex);
    QCOMPARE(doc()->undoStack()->count(), undoCount);
}

void FirstMinutesTest::searchEnterThenEscape_keyboardStaysOnMap()
{
    const graph::NodeIndex expected = doc()->findConcept(u"DeepSeek"_s);
    QVERIFY(expected >= 0);
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QLineEdit *box = m_window->searchBox();
    QTRY_VERIFY(box->hasFocus());
    QTest::keyClicks(box, u"DeepSeek"_s);
    QTest::keyClick(box, Qt::Key_Return);
    QCOMPARE(doc()->selectedNodes(), QList<graph::NodeIndex>{expected});
    QTRY_VERIFY(map()->hasFocus());
    // F now acts on the map (focus), not on the text.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F);
    QVERIFY(doc()->isFocused());
    QCOMPARE(box->text(), u"DeepSeek"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(!doc()->isFocused());
    QVERIFY(map()->hasFocus());
}

void FirstMinutesTest::tabThenEscape_leavesFocusMode()
{
    const graph::NodeIndex node = doc()->nodesByScore()[1];
    map()->centreOnNode(node);
    QTest::mouseDClick(map()->viewport(), Qt::LeftButton, {}, viewportPos(node));
    QVERIFY(doc()->isFocused());
    map()->setFocus();
    QTest::keyClick(map(), Qt::Key_Tab);
    QWidget *now = QApplication::focusWidget();
    QVERIFY2(now && now != map(), "Tab moved the keyboard off the map");
    QTest::keyClick(now, Qt::Key_Escape);
    QVERIFY(!doc()->isFocused());
    QTRY_VERIFY(map()->hasFocus());
    QVERIFY2(!m_window->countsText().contains(u"Esc to leave"_s), qPrintable(m_window->countsText()));
}

void FirstMinutesTest::shortcuts_listMouseGestures()
{
    QStringList keys;
    for (const auto &[action, key] : m_window->shortcutList())
        keys.append(key);
    for (const QString &gesture : {u"Double-click"_s, u"Drag a concept onto another"_s, u"Wheel"_s,
                                   u"Drag the empty map"_s, u"Esc"_s, u"Ctrl+F"_s})
        QVERIFY2(keys.contains(gesture), qPrintable(gesture + u" missing from "_s + keys.join(u" | "_s)));
}

void FirstMinutesTest::pathFinder_prefilledFromSelection_offersAlternatives()
{
    // Two well-connected concepts with several routes between them.
    const graph::NodeIndex a = doc()->nodesByScore()[0];
    const graph::NodeIndex b = doc()->nodesByScore()[12];
    app::PathPanel *panel = m_window->pathPanel();
    doc()->selectNodes({a, b});
    QCOMPARE(panel->fromText(), doc()->graph().node(a).info.label);
    QCOMPARE(panel->toText(), doc()->graph().node(b).info.label);
    // One selected and one under the mouse.
    const graph::NodeIndex c = doc()->nodesByScore()[7];
    doc()->selectNodes({a});
    map()->centreOnNode(c);
    QTRY_VERIFY(!map()->isAnimating());
    QCOMPARE(map()->nodeUnder(viewportPos(c)), c);
    const QPointF at = viewportPos(c);
    QMouseEvent move(QEvent::MouseMove, at, map()->viewport()->mapToGlobal(at), Qt::NoButton, Qt::NoButton,
                     Qt::NoModifier);
    QApplication::sendEvent(map()->viewport(), &move);
    QTRY_COMPARE(panel->toText(), doc()->graph().node(c).info.label);
    QCOMPARE(panel->fromText(), doc()->graph().node(a).info.label);

    const int hops = panel->findPath(doc()->graph().node(a).info.label, doc()->graph().node(b).info.label);
    QVERIFY(hops > 0);
    QVERIFY2(panel->pathCount() >= 2, qPrintable(QString::number(panel->pathCount())));
    QVERIFY(panel->pathChoice()->isVisible());
    QCOMPARE(panel->pathChoice()->count(), panel->pathCount());
    for (int i = 0; i < panel->pathCount(); ++i) {
        const auto &path = panel->paths()[size_t(i)];
        QCOMPARE(path.front().from, a);
        QCOMPARE(path.back().to, b);
        for (size_t k = 1; k < path.size(); ++k)
            QCOMPARE(path[k].from, path[k - 1].to);
        for (int j = 0; j < i; ++j) {
            const auto &other = panel->paths()[size_t(j)];
            const bool same = other.size() == path.size()
                && std::equal(path.begin(), path.end(), other.begin(),
                              [](const auto &x, const auto &y) { return x.to == y.to; });
            QVERIFY2(!same, "alternatives differ");
        }
        // Shown on the map and listed hop by hop, each with evidence.
        QVERIFY(panel->showPath(i));
        QCOMPARE(int(doc()->highlightedPath().size()), int(path.size()));
        for (int r = 0; r < panel->pathModel()->rowCount(); ++r)
            QVERIFY(panel->pathModel()->item(r)->rowCount() > 0);
    }
}

void FirstMinutesTest::notePreview_linkSelectsConcept()
{
    const graph::NodeIndex target = doc()->nodesByScore()[2];
    const QString name = doc()->graph().node(target).info.label;
    const QString markdown = u"See [[%1]] and [[%1|that one]]."_s.arg(name);
    const QString rendered = app::NoteEditor::previewMarkdown(markdown);
    QVERIFY2(!rendered.contains(u"[["_s), qPrintable(rendered));
    app::NoteEditor editor(QString(), app::NoteEditor::CaretOnReplace::KeepPosition);
    editor.setNote(markdown, true);
    QTextBrowser *preview = editor.findChild<QTextBrowser *>();
    QVERIFY(preview);
    QVERIFY(!preview->toPlainText().contains(u"[["_s));
    QVERIFY(preview->toPlainText().contains(u"that one"_s));
    // The anchors the preview holds name the concept.
    QStringList anchors;
    for (QTextBlock block = preview->document()->begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().isAnchor())
                anchors.append(app::NoteEditor::conceptOfLink(QUrl(it.fragment().charFormat().anchorHref())));
    QCOMPARE(anchors.size(), 2);
    QCOMPARE(anchors.first(), name);
    // Clicking one selects the concept in the window.
    doc()->selectNodes({doc()->nodesByScore()[0]});
    QSignalSpy requested(m_window->conceptPanel(), &app::ConceptPanel::conceptRequested);
    QTextBrowser *windowPreview = m_window->conceptPanel()->notePreview();
    m_window->conceptPanel()->noteEditor()->setPlainText(markdown);
    const auto url = QUrl(u"cartograph-concept:"_s + QString::fromLatin1(QUrl::toPercentEncoding(name)));
    Q_EMIT windowPreview->anchorClicked(url);
    QCOMPARE(doc()->selectedNodes(), QList<graph::NodeIndex>{target});
    QCOMPARE(requested.count(), 1);
    doc()->undo();
}

void FirstMinutesTest::noteLink_drawnAsSoonAsTyped()
{
    const graph::NodeIndex owner = doc()->nodesByScore()[0];
    const graph::NodeIndex other = doc()->nodesByScore()[1];
    doc()->selectNodes({owner});
    map()->viewport()->repaint();
    const int before = map()->renderer().lastUserLinkCount();
    QPlainTextEdit *editor = m_window->conceptPanel()->noteEditor();
    editor->setFocus();
    QTest::keyClicks(editor, u"[["_s + doc()->graph().node(other).info.label + u"]]"_s);
    QCOMPARE(int(doc()->userLinks().size()), 1);
    // Painted by the event loop without anything else asking for a repaint.
    QTRY_COMPARE(map()->renderer().lastUserLinkCount(), before + 1);
    editor->clear();
    QTRY_COMPARE(int(doc()->userLinks().size()), 0);
}

void FirstMinutesTest::legend_namesItCutsShort_areWholeInTheirToolTips()
{
    app::LegendWidget *legend = map()->legend();
    legend->setCollapsed(false);
    QVERIFY(legend->entryCount() > 1);
    const QSize size = legend->size();
    // as laid out, and squeezed so that names are cut
    for (const int width : {size.width(), 110}) {
        legend->resize(width, size.height());
        const QFontMetrics fm(legend->font());
        int cut = 0;
        for (int i = 0; i < legend->entryCount(); ++i) {
            const QString &text = legend->entries().at(i).text;
            const bool fits = fm.horizontalAdvance(text) <= legend->entryRect(i).width() - 16;
            QCOMPARE(legend->entryToolTip(i), fits ? QString() : text);
            cut += !fits;
        }
        if (width == 110)
            QVERIFY(cut > 0);
    }
    legend->resize(size);
}

void FirstMinutesTest::legendClick_highlightsCommunity_doubleClickShowsOnlyIt()
{
    app::LegendWidget *legend = map()->legend();
    legend->setCollapsed(false);
    QVERIFY(legend->entryCount() > 1);
    const int key = legend->entries().first().key;
    QVERIFY(key >= 0);
    const QPoint at = legend->entryRect(0).center();
    QTest::mouseClick(legend, Qt::LeftButton, {}, at);
    QVERIFY(map()->renderer().highlightedGroup().has_value());
    QCOMPARE(map()->renderer().highlightedGroup()->key, key);
    int dimmed = 0;
    for (int v = 0; v < doc()->nodeCount(); ++v)
        if (doc()->isNodeVisible(v) && doc()->graph().node(v).community != key) {
            QVERIFY(!map()->renderer().isEmphasised(v));
            ++dimmed;
        }
    QVERIFY(dimmed > 0);
    // Same names as Filters > Communities.
    QStringList communities;
    for (int r = 0; r < m_window->filterPanel()->communityList()->count(); ++r)
        communities.append(m_window->filterPanel()->communityList()->item(r)->text());
    QVERIFY2(communities.contains(legend->entries().first().text),
             qPrintable(legend->entries().first().text + u" not in "_s + communities.join(u" | "_s)));
    QTest::mouseDClick(legend, Qt::LeftButton, {}, at);
    for (int v = 0; v < doc()->nodeCount(); ++v)
        if (doc()->isNodeVisible(v))
            QCOMPARE(doc()->graph().node(v).community, key);
    QTest::mouseDClick(legend, Qt::LeftButton, {}, legend->entryRect(0).center());
    QTRY_VERIFY(doc()->visibleNodeCount() > 0);
    map()->renderer().setHighlightedGroup(std::nullopt);
}

void FirstMinutesTest::hiddenList_showAgainIsInSight()
{
    const graph::NodeIndex node = doc()->nodesByScore()[8];
    doc()->selectNodes({node});
    app::FilterPanel *filters = m_window->filterPanel();
    dockOf(filters)->raise();
    filters->hideSelected();
    QTRY_VERIFY(!doc()->isNodeVisible(node));
    QListWidget *hidden = filters->hiddenList();
    QTRY_COMPARE(hidden->count(), 1);
    hidden->setCurrentRow(0);
    QPushButton *again = filters->showAgainButton();
    QTRY_VERIFY(again->isVisible());
    // In sight: not clipped away by a scroll area or the dock's edge.
    QVERIFY(!again->visibleRegion().isEmpty());
    QVERIFY(!hidden->visibleRegion().isEmpty());
    QTest::mouseClick(again, Qt::LeftButton);
    QTRY_VERIFY(doc()->isNodeVisible(node));
}

void FirstMinutesTest::theme_viewMenuSwitchesAndSystemFollowsPlatform()
{
    auto *dark = m_window->findChild<QAction *>(u"theme_dark"_s);
    auto *system = m_window->findChild<QAction *>(u"theme_system"_s);
    QVERIFY(dark && system);
    QVERIFY(system->isChecked()); // a first start follows the desktop
    dark->trigger();
    QVERIFY(app::theme::isDark(QApplication::palette()));
    QTRY_VERIFY(app::theme::isDark(m_window->palette()));
    QVERIFY(app::theme::isDark(map()->palette()));
    QCOMPARE(QSettings().value(u"window/theme"_s).toString(), u"dark"_s);
    system->trigger();
    QCOMPARE(QApplication::palette().color(QPalette::Window), m_platformPalette.color(QPalette::Window));
    QCOMPARE(QApplication::palette().color(QPalette::Text), m_platformPalette.color(QPalette::Text));
    QCOMPARE(QSettings().value(u"window/theme"_s).toString(), u"system"_s);
}

CARTO_TEST_MAIN_ON_SCREEN(FirstMinutesTest, 1920, 1080)
#include "firstminutes_test.moc"
