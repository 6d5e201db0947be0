#include "canvas/mapnavigator.h"
#include "canvas/mapview.h"
#include "document/projectdocument.h"
#include "export/exportdatadialog.h"
#include "export/exportimagedialog.h"
#include "mainwindow.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAccessibleEvent>
#include <QComboBox>
#include <QDialog>
#include <QDockWidget>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTest>
#include <QTextEdit>
// Private, as in Qt's own accessibility tests: the offscreen platform's
// accessibility is inactive, and Qt hands events to an update handler only
// while it is active.
#include <QtGui/private/qguiapplication_p.h>
#include <QtGui/qpa/qplatformaccessibility.h>
#include <QtGui/qpa/qplatformintegration.h>

#include <cmath>
#include <vector>

using namespace Qt::StringLiterals;
using namespace carto;
using carto::app::MainWindow;
using carto::app::MapNavigator;

namespace {

// What assistive technology was told, recorded by the update handler.
struct Announcement
{
    QAccessible::Event type;
    QString name;  // of the object the event is about
    QString value; // a value change's value
};
std::vector<Announcement> g_announced;

void recordEvent(QAccessibleEvent *event)
{
    QAccessibleInterface *iface = event->accessibleInterface();
    Announcement a{event->type(), iface ? iface->text(QAccessible::Name) : QString(), {}};
    if (event->type() == QAccessible::ValueChanged)
        a.value = static_cast<QAccessibleValueChangeEvent *>(event)->value().toString();
    g_announced.push_back(a);
}

// A control a keyboard or screen-reader user reaches: it takes focus, or it
// is a button, slider, text field, list, combo box or spin box. Left out are
// the parts Qt's accessibility presents through their owner: scroll bars and
// item-view headers, a scroll area's viewport, a spin box's inner line edit,
// a focus proxy, and the mouse-only helper buttons Qt adds inside a line
// edit (clear) and a table (select all), which take no focus.
bool isInteractive(const QWidget *w)
{
    if (qobject_cast<const QScrollBar *>(w) || qobject_cast<const QHeaderView *>(w))
        return false;
    if (const auto *area = qobject_cast<const QAbstractScrollArea *>(w->parentWidget()); area && area->viewport() == w)
        return false;
    if (w->parentWidget() && (w->parentWidget()->focusProxy() == w || qobject_cast<QAbstractSpinBox *>(w->parentWidget())))
        return false;
    // A tab bar is named after its current tab; QMainWindow keeps empty ones for later.
    if (const auto *bar = qobject_cast<const QTabBar *>(w); bar && bar->count() == 0)
        return false;
    const QByteArray cls = w->metaObject()->className();
    if ((cls == "QLineEditIconButton" || cls == "QTableCornerButton") && w->focusPolicy() == Qt::NoFocus)
        return false;
    return w->focusPolicy() != Qt::NoFocus || qobject_cast<const QAbstractButton *>(w)
        || qobject_cast<const QAbstractSlider *>(w) || qobject_cast<const QLineEdit *>(w)
        || qobject_cast<const QComboBox *>(w) || qobject_cast<const QAbstractSpinBox *>(w)
        || qobject_cast<const QAbstractItemView *>(w) || qobject_cast<const QTextEdit *>(w)
        || qobject_cast<const QPlainTextEdit *>(w) || qobject_cast<const QTabBar *>(w);
}

// "QLineEdit 'searchBox' in carto::app::MainWindow" for each unnamed control.
QStringList unnamedControls(QWidget *root)
{
    QStringList out;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        // Popups (a combo box's list, a completer) are windows of their own.
        if (!isInteractive(w) || w->window() != root)
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        if (!iface || iface->text(QAccessible::Name).trimmed().isEmpty()) {
            QString where;
            for (QWidget *p = w->parentWidget(); p && where.isEmpty(); p = p->parentWidget())
                where = p->objectName();
            out.append(u"%1 '%2' in '%3' (parent %4)"_s.arg(QString::fromLatin1(w->metaObject()->className()),
                                                               w->objectName(), where,
                                                               QString::fromLatin1(w->parentWidget()
                                                                                       ? w->parentWidget()->metaObject()->className()
                                                                                       : "none")));
        }
    }
    return out;
}

} // namespace

// The window as a screen reader meets it: every control named, the map a
// named canvas that tells the selected concept and exposes its neighbours,
// events on each change, and arrow keys that walk the map along its links.
class AccessibilityTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void mainWindow_everyControlHasAnAccessibleName();
    void dialogs_everyControlHasAnAccessibleName();
    void map_isANamedCanvas();
    void selectConcept_valueNamesConceptTypeAndNeighbours();
    void selectConcept_childrenAreTheConceptAndItsNeighbours();
    void selectConcept_announcesValueAndFocus();
    void arrowKey_movesSelectionToNeighbourThatWay_data();
    void arrowKey_movesSelectionToNeighbourThatWay();
    void arrowKey_withNothingSelected_selectsBestConcept();
    void arrowKeys_walkTheMapAndEnterFocuses();

private:
    [[nodiscard]] app::ProjectDocument *doc() const { return m_window->document(); }
    // A shown concept with `count` to 39 shown neighbours (all of them children); -1 when none.
    [[nodiscard]] graph::NodeIndex conceptWithNeighbours(int count) const;
    [[nodiscard]] QList<graph::NodeIndex> shownNeighbours(graph::NodeIndex node) const;

    std::unique_ptr<MainWindow> m_window;
};

void AccessibilityTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"CartographTest"_s);
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy finished(m_window.get(), &MainWindow::buildFinished);
    m_window->openFolder(QStringLiteral(CARTO_SAMPLES_DIR));
    QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 120000));
    QVERIFY(finished.first().first().toBool());
    QVERIFY(doc()->visibleNodeCount() > 5);
    QPlatformAccessibility *platform = QGuiApplicationPrivate::platformIntegration()->accessibility();
    QVERIFY(platform);
    platform->setActive(true);
    QVERIFY(QAccessible::isActive());
    QAccessible::installUpdateHandler(recordEvent);
}

void AccessibilityTest::cleanupTestCase()
{
    QAccessible::installUpdateHandler(nullptr);
    m_window.reset();
}

void AccessibilityTest::init()
{
    if (doc()->isFocused())
        m_window->mapView()->exitFocus();
    doc()->clearSelection();
    g_announced.clear();
}

QList<graph::NodeIndex> AccessibilityTest::shownNeighbours(graph::NodeIndex node) const
{
    QList<graph::NodeIndex> out;
    const graph::ConceptGraph &g = doc()->graph();
    for (const graph::EdgeIndex e : g.incidentEdges(node)) {
        const graph::NodeIndex other = g.edge(e).source == node ? g.edge(e).target : g.edge(e).source;
        if (doc()->isEdgeVisible(e) && doc()->isNodeVisible(other))
            out.append(other);
    }
    return out;
}

graph::NodeIndex AccessibilityTest::conceptWithNeighbours(int count) const
{
    for (const graph::NodeIndex node : doc()->nodesByScore())
        if (doc()->isNodeVisible(node) && shownNeighbours(node).size() >= count && shownNeighbours(node).size() < 40)
            return node;
    return -1;
}

void AccessibilityTest::mainWindow_everyControlHasAnAccessibleName()
{
    // With a concept selected the panels show their lists and buttons too.
    doc()->selectNodes({conceptWithNeighbours(1)});
    const QStringList unnamed = unnamedControls(m_window.get());
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
    // The statistics window floats: a window of its own, walked on its own.
    const QStringList unnamedStats = unnamedControls(m_window->statsDock());
    QVERIFY2(unnamedStats.isEmpty(), qPrintable(unnamedStats.join(u'\n')));
}

void AccessibilityTest::dialogs_everyControlHasAnAccessibleName()
{
    app::ExportImageDialog image(doc(), m_window->mapView(), m_window.get());
    QStringList unnamed = unnamedControls(&image);
    app::ExportDataDialog data(doc(), m_window.get());
    unnamed += unnamedControls(&data);
    m_window->showShortcuts();
    auto *shortcuts = m_window->findChild<QDialog *>(u"shortcutsDialog"_s);
    QVERIFY(shortcuts);
    unnamed += unnamedControls(shortcuts);
    shortcuts->close();
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
}

void AccessibilityTest::map_isANamedCanvas()
{
    QAccessibleInterface *map = QAccessible::queryAccessibleInterface(m_window->mapView());
    QVERIFY(map);
    QCOMPARE(map->role(), QAccessible::Canvas);
    QCOMPARE(map->text(QAccessible::Name), u"Concept map"_s);
    QCOMPARE(map->text(QAccessible::Value), u"No concept selected"_s);
    QVERIFY2(map->text(QAccessible::Description).contains(u"Arrow keys"_s),
             qPrintable(map->text(QAccessible::Description)));
    // Reachable from the window: the map is in the window's accessible tree.
    QAccessibleInterface *window = QAccessible::queryAccessibleInterface(m_window.get());
    QAccessibleInterface *up = map;
    while (up && up->object() != m_window.get())
        up = up->parent();
    QCOMPARE(up, window);
}

void AccessibilityTest::selectConcept_valueNamesConceptTypeAndNeighbours()
{
    const graph::NodeIndex node = conceptWithNeighbours(2);
    QVERIFY(node >= 0);
    doc()->selectNodes({node});
    const graph::NodeData &data = doc()->graph().node(node);
    QAccessibleInterface *map = QAccessible::queryAccessibleInterface(m_window->mapView());
    const QString value = map->text(QAccessible::Value);
    QVERIFY2(value.startsWith(data.info.label + u", "_s), qPrintable(value));
    QVERIFY2(value.contains(extract::conceptTypeName(data.info.type)), qPrintable(value));
    QVERIFY2(value.contains(u"%1 linked concept"_s.arg(shownNeighbours(node).size())), qPrintable(value));
    QVERIFY2(map->text(QAccessible::Description).startsWith(value), qPrintable(map->text(QAccessible::Description)));
}

void AccessibilityTest::selectConcept_childrenAreTheConceptAndItsNeighbours()
{
    const graph::NodeIndex node = conceptWithNeighbours(2);
    QVERIFY(node >= 0);
    doc()->selectNodes({node});
    QAccessibleInterface *map = QAccessible::queryAccessibleInterface(m_window->mapView());
    QStringList concepts;
    QAccessibleInterface *selected = nullptr;
    for (int i = 0; i < map->childCount(); ++i) {
        QAccessibleInterface *child = map->child(i);
        QVERIFY(child);
        QCOMPARE(map->indexOfChild(child), i);
        if (child->role() != QAccessible::ListItem)
            continue; // the legend and the minimap come first
        QCOMPARE(child->parent(), map);
        concepts.append(child->text(QAccessible::Name));
        if (child->state().selected)
            selected = child;
    }
    QVERIFY(selected);
    QCOMPARE(selected->text(QAccessible::Name), doc()->graph().node(node).info.label);
    QVERIFY2(selected->text(QAccessible::Description).contains(u"linked concept"_s),
             qPrintable(selected->text(QAccessible::Description)));
    QVERIFY(selected->rect().isValid());
    // Each shown neighbour is a child, so a screen reader can list where to go.
    for (const graph::NodeIndex n : shownNeighbours(node))
        QVERIFY2(concepts.contains(doc()->graph().node(n).info.label), qPrintable(doc()->graph().node(n).info.label));
    QCOMPARE(concepts.size(), shownNeighbours(node).size() + 1);
    // Pressing a neighbour's item selects it, as a click does.
    QAccessibleInterface *neighbour = map->child(map->indexOfChild(selected) + 1);
    QVERIFY(neighbour && neighbour->actionInterface());
    const QString target = neighbour->text(QAccessible::Name);
    neighbour->actionInterface()->doAction(QAccessibleActionInterface::pressAction());
    QCOMPARE(doc()->selectedNodes().size(), 1);
    QCOMPARE(doc()->graph().node(doc()->selectedNodes().constFirst()).info.label, target);
}

void AccessibilityTest::selectConcept_announcesValueAndFocus()
{
    const graph::NodeIndex node = conceptWithNeighbours(1);
    QVERIFY(node >= 0);
    m_window->mapView()->setFocus(Qt::OtherFocusReason);
    QVERIFY(QTest::qWaitFor([&] { return m_window->mapView()->hasFocus(); }));
    g_announced.clear();
    doc()->selectNodes({node});
    const QString label = doc()->graph().node(node).info.label;
    bool value = false, focus = false, description = false;
    for (const Announcement &a : g_announced) {
        value = value || (a.type == QAccessible::ValueChanged && a.name == u"Concept map"_s && a.value.startsWith(label));
        focus = focus || (a.type == QAccessible::Focus && a.name == label);
        description = description || (a.type == QAccessible::DescriptionChanged && a.name == u"Concept map"_s);
    }
    QVERIFY(value);
    QVERIFY(focus);
    QVERIFY(description);
    g_announced.clear();
    doc()->clearSelection();
    QVERIFY(std::any_of(g_announced.begin(), g_announced.end(), [](const Announcement &a) {
        return a.type == QAccessible::ValueChanged && a.value == u"No concept selected"_s;
    }));
}

void AccessibilityTest::arrowKey_movesSelectionToNeighbourThatWay_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<QPointF>("way");
    QTest::newRow("right") << int(Qt::Key_Right) << QPointF(1, 0);
    QTest::newRow("left") << int(Qt::Key_Left) << QPointF(-1, 0);
    QTest::newRow("up") << int(Qt::Key_Up) << QPointF(0, -1);
    QTest::newRow("down") << int(Qt::Key_Down) << QPointF(0, 1);
}

void AccessibilityTest::arrowKey_movesSelectionToNeighbourThatWay()
{
    QFETCH(int, key);
    QFETCH(QPointF, way);
    // A concept with a neighbour that way, whose neighbours lie in different directions.
    auto cosine = [&](graph::NodeIndex from, graph::NodeIndex to) {
        const QPointF d = doc()->scenePos(to) - doc()->scenePos(from);
        return QPointF::dotProduct(d, way) / std::hypot(d.x(), d.y());
    };
    graph::NodeIndex from = -1;
    for (const graph::NodeIndex node : doc()->nodesByScore()) {
        const QList<graph::NodeIndex> near = shownNeighbours(node);
        if (doc()->isNodeVisible(node) && near.size() >= 2
            && std::any_of(near.begin(), near.end(), [&](graph::NodeIndex n) { return cosine(node, n) > 0.5; })) {
            from = node;
            break;
        }
    }
    QVERIFY2(from >= 0, "no concept with a neighbour that way");
    doc()->selectNodes({from});
    m_window->mapView()->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(m_window->mapView(), Qt::Key(key));
    QCOMPARE(doc()->selectedNodes().size(), 1);
    const graph::NodeIndex to = doc()->selectedNodes().constFirst();
    QVERIFY(shownNeighbours(from).contains(to));
    QVERIFY2(cosine(from, to) > 0, "moved against the arrow");
    // The angle decides (the link's strength only breaks near ties): no
    // neighbour lies much more nearly that way than the one chosen.
    double straightest = 0;
    for (const graph::NodeIndex n : shownNeighbours(from))
        straightest = std::max(straightest, cosine(from, n));
    QVERIFY(cosine(from, to) >= straightest * 2.0 / 3.0);
    // The chosen concept is scrolled into view.
    const QPoint at = m_window->mapView()->mapFromScene(m_window->mapView()->nodeScenePos(to));
    QVERIFY(m_window->mapView()->viewport()->rect().contains(at));
}

void AccessibilityTest::arrowKey_withNothingSelected_selectsBestConcept()
{
    m_window->mapView()->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(m_window->mapView(), Qt::Key_Down);
    QCOMPARE(doc()->selectedNodes().size(), 1);
    graph::NodeIndex best = -1;
    for (const graph::NodeIndex node : doc()->nodesByScore())
        if (doc()->isNodeVisible(node)) {
            best = node;
            break;
        }
    QCOMPARE(doc()->selectedNodes().constFirst(), best);
}

void AccessibilityTest::arrowKeys_walkTheMapAndEnterFocuses()
{
    const graph::NodeIndex start = conceptWithNeighbours(3);
    QVERIFY(start >= 0);
    doc()->selectNodes({start});
    m_window->mapView()->setFocus(Qt::OtherFocusReason);
    // Every step lands on a neighbour of the last concept, or stays when none lies that way.
    QList<graph::NodeIndex> visited{start};
    for (const Qt::Key key : {Qt::Key_Right, Qt::Key_Down, Qt::Key_Left, Qt::Key_Up, Qt::Key_Right, Qt::Key_Down}) {
        const graph::NodeIndex before = doc()->selectedNodes().constFirst();
        QTest::keyClick(m_window->mapView(), key);
        const graph::NodeIndex after = doc()->selectedNodes().constFirst();
        QVERIFY(after == before || shownNeighbours(before).contains(after));
        if (after != before)
            visited.append(after);
    }
    QVERIFY2(visited.size() > 1, "the walk never moved");
    // Enter focuses on the concept reached, as a double-click does.
    const graph::NodeIndex reached = doc()->selectedNodes().constFirst();
    QTest::keyClick(m_window->mapView(), Qt::Key_Return);
    QVERIFY(doc()->isFocused());
    QCOMPARE(doc()->focusCentre(), reached);
    // A modified arrow is left to the view (no selection change).
    QTest::keyClick(m_window->mapView(), Qt::Key_Right, Qt::ControlModifier);
    QCOMPARE(doc()->selectedNodes().constFirst(), reached);
    // The navigator never leads off the shown map.
    for (const MapNavigator::Direction d : {MapNavigator::Direction::Left, MapNavigator::Direction::Right})
        if (const graph::NodeIndex n = MapNavigator(*doc()).step(reached, d); n >= 0)
            QVERIFY(doc()->isNodeVisible(n));
}

QTEST_MAIN(AccessibilityTest)
#include "accessibility_test.moc"
