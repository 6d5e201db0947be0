#include "canvas/mapview.h"
#include "document/projectdocument.h"
#include "mainwindow.h"
#include "panels/conceptpanel.h"
#include "panels/documentviewpanel.h"
#include "panels/filterpanel.h"
#include "panels/linkpanel.h"
#include "panels/pathpanel.h"
#include "panels/statspanel.h"
#include "models/snippets.h"

#include <QDir>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTest>

#include <cmath>
#include <deque>

using namespace Qt::StringLiterals;
using namespace carto;
using carto::app::MainWindow;

// Drives the real window on the seed corpus: build, click, select, search,
// filter, path finder, focus, drag. One build shared by all slots.
class MainWindowTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void open_seeds_buildsMapInBackground();
    void clickNode_conceptViewListsMentionsContainingAlias();
    void activateMention_documentViewHighlightsSentence();
    void clickEdge_linkViewShowsEvidence();
    void search_deepSeek_selectsAndCentres();
    void topNSlider_changesVisibleNodeCount();
    void pathFinder_everyHopHasEvidence();
    void doubleClick_entersFocusAndEscapeLeaves();
    void dragNode_movesPinsAndUndoes();
    void statsPanel_showsBars();

private:
    [[nodiscard]] QPoint viewportPos(graph::NodeIndex node) const;
    [[nodiscard]] app::ProjectDocument *doc() const { return m_window->document(); }

    std::unique_ptr<MainWindow> m_window;
    bool m_sawBuilding = false;
    bool m_buildOk = false;
};

void MainWindowTest::initTestCase()
{
    QVERIFY2(QDir(QStringLiteral(CARTO_SHARED_DIR "/seeds")).exists(), "shared seeds corpus missing");
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"CartographTest"_s);
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // Built here, not in a slot, so every slot also passes when run alone.
    QSignalSpy finished(m_window.get(), &MainWindow::buildFinished);
    m_window->openFolder(QStringLiteral(CARTO_SHARED_DIR "/seeds"));
    QVERIFY(m_window->isBuilding());
    m_sawBuilding = true;
    // The GUI thread keeps serving events while the build runs.
    QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 180000));
    m_buildOk = finished.first().first().toBool();
}

void MainWindowTest::cleanupTestCase()
{
    m_window.reset();
}

QPoint MainWindowTest::viewportPos(graph::NodeIndex node) const
{
    return m_window->mapView()->mapFromScene(m_window->mapView()->nodeScenePos(node));
}

void MainWindowTest::open_seeds_buildsMapInBackground()
{
    QVERIFY(m_sawBuilding);
    QVERIFY(m_buildOk);
    QVERIFY(doc()->hasBuild());
    QVERIFY(doc()->nodeCount() > 10);
    QVERIFY(doc()->edgeCount() > 10);
    QVERIFY(doc()->visibleNodeCount() > 0);
}

void MainWindowTest::clickNode_conceptViewListsMentionsContainingAlias()
{
    const graph::NodeIndex node = doc()->nodesByScore().front();
    m_window->mapView()->centreOnNode(node);
    QTest::mouseClick(m_window->mapView()->viewport(), Qt::LeftButton, {}, viewportPos(node));
    QCOMPARE(doc()->selectedNodes(), QList<graph::NodeIndex>{node});
    QCOMPARE(m_window->conceptPanel()->currentConcept(), node);

    const QStandardItemModel *model = m_window->conceptPanel()->mentionModel();
    QVERIFY(model->rowCount() > 0);
    const QStringList aliases = doc()->graph().node(node).info.aliases;
    int rows = 0;
    for (int d = 0; d < model->rowCount(); ++d) {
        const QStandardItem *docItem = model->item(d);
        for (int r = 0; r < docItem->rowCount(); ++r) {
            const QString sentence = docItem->child(r)->text();
            const bool hasAlias = std::any_of(aliases.begin(), aliases.end(), [&](const QString &a) {
                return sentence.contains(a.simplified(), Qt::CaseInsensitive);
            });
            QVERIFY2(hasAlias, qPrintable(sentence));
            ++rows;
        }
    }
    QVERIFY(rows > 0);
}

void MainWindowTest::activateMention_documentViewHighlightsSentence()
{
    doc()->selectNodes({doc()->nodesByScore().front()});
    const QStandardItemModel *model = m_window->conceptPanel()->mentionModel();
    QVERIFY(model->rowCount() > 0);
    const QStandardItem *row = model->item(0)->child(0);
    QVERIFY(row);
    QSignalSpy requested(m_window->conceptPanel(), &app::ConceptPanel::documentRequested);
    m_window->conceptPanel()->openMention(row->index());
    QCOMPARE(requested.count(), 1);
    const app::DocumentViewPanel *view = m_window->documentViewPanel();
    QCOMPARE(view->currentDocument().value(), row->data(app::DocumentRole).toInt());
    QCOMPARE(view->highlight().start, row->data(app::StartRole).toLongLong());
    QVERIFY(view->highlight().length() > 0);
}

void MainWindowTest::clickEdge_linkViewShowsEvidence()
{
    app::MapView *map = m_window->mapView();
    // Find a strong edge and a point on it away from any node, then click there.
    graph::EdgeIndex target = -1;
    QPoint clickAt;
    for (int e = 0; e < doc()->edgeCount() && target < 0; ++e) {
        const graph::EdgeData &edge = doc()->graph().edge(e);
        if (edge.relation.evidence.empty() || !doc()->isEdgeVisible(e))
            continue;
        const QPointF a = map->nodeScenePos(edge.source), b = map->nodeScenePos(edge.target);
        map->centerOn((a + b) / 2);
        map->viewport()->repaint(); // labels are placed as they are drawn
        for (double t = 0.3; t <= 0.7; t += 0.05) {
            // Test the pixel the click lands on, not the exact point on the line;
            // a label there would take the click for its node.
            const QPoint pixel = map->mapFromScene(a + (b - a) * t);
            const QPointF p = map->mapToScene(pixel);
            if (map->renderer().nodeAt(p, map->currentScale()) < 0 && map->renderer().labelAt(QPointF(pixel)) < 0
                && map->renderer().edgeAt(p, map->currentScale()) == e) {
                target = e;
                clickAt = pixel;
                break;
            }
        }
    }
    QVERIFY(target >= 0);
    QTest::mouseClick(map->viewport(), Qt::LeftButton, {}, clickAt);
    QCOMPARE(doc()->selectedEdge(), target);
    QCOMPARE(m_window->linkPanel()->currentEdge(), target);
    const QStandardItemModel *model = m_window->linkPanel()->evidenceModel();
    QVERIFY(model->rowCount() > 0);
    for (int r = 0; r < model->rowCount(); ++r)
        QVERIFY(!model->item(r)->text().isEmpty());
}

void MainWindowTest::search_deepSeek_selectsAndCentres()
{
    const graph::NodeIndex expected = doc()->findConcept(u"DeepSeek"_s);
    QVERIFY2(expected >= 0, "extraction found no DeepSeek concept");
    QLineEdit *box = m_window->searchBox();
    box->setText(u"DeepSeek"_s);
    Q_EMIT box->returnPressed();
    QCOMPARE(doc()->selectedNodes(), QList<graph::NodeIndex>{expected});
    app::MapView *map = m_window->mapView();
    const QPointF centre = map->mapToScene(map->viewport()->rect().center());
    const QPointF delta = (centre - map->nodeScenePos(expected)) * map->currentScale();
    QVERIFY2(std::hypot(delta.x(), delta.y()) < 3.0, "the view is centred on the concept");
    QVERIFY(map->currentScale() >= std::min(map->viewport()->width(), map->viewport()->height()) / 700.0 - 1e-9);
}

void MainWindowTest::topNSlider_changesVisibleNodeCount()
{
    QSlider *slider = m_window->filterPanel()->topNSlider();
    const int all = doc()->nodeCount();
    slider->setValue(10);
    QCOMPARE(doc()->visibleNodeCount(), 10);
    // The ten best-scored concepts are the ones left.
    for (int r = 0; r < 10; ++r)
        QVERIFY(doc()->isNodeVisible(doc()->nodesByScore()[size_t(r)]));
    slider->setValue(slider->maximum());
    QCOMPARE(doc()->visibleNodeCount(), all);
}

void MainWindowTest::pathFinder_everyHopHasEvidence()
{
    // The farthest node (in hops) from the best concept gives a multi-hop path.
    const graph::ConceptGraph &g = doc()->graph();
    const graph::NodeIndex from = doc()->nodesByScore().front();
    std::vector<int> dist(size_t(g.nodeCount()), -1);
    std::deque<int> queue{from};
    dist[size_t(from)] = 0;
    graph::NodeIndex far = from;
    while (!queue.empty()) {
        const int v = queue.front();
        queue.pop_front();
        if (dist[size_t(v)] > dist[size_t(far)])
            far = v;
        for (int w : g.neighbours(v))
            if (dist[size_t(w)] < 0) {
                dist[size_t(w)] = dist[size_t(v)] + 1;
                queue.push_back(w);
            }
    }
    QVERIFY(far != from);
    const int hops = m_window->pathPanel()->findPath(g.node(from).info.label, g.node(far).info.label);
    // The best path goes through specific concepts: never fewer hops than the fewest.
    QVERIFY(hops >= dist[size_t(far)]);
    QCOMPARE(int(doc()->highlightedPath().size()), hops);
    const QStandardItemModel *model = m_window->pathPanel()->pathModel();
    for (int r = 0; r < model->rowCount(); ++r)
        QVERIFY2(model->item(r)->rowCount() > 0, qPrintable(model->item(r)->text()));
    QCOMPARE(doc()->highlightedPath().front().from, from);
    QCOMPARE(doc()->highlightedPath().back().to, far);
}

void MainWindowTest::doubleClick_entersFocusAndEscapeLeaves()
{
    app::MapView *map = m_window->mapView();
    const graph::NodeIndex node = doc()->nodesByScore()[1];
    const int shownBefore = doc()->visibleNodeCount();
    map->centreOnNode(node);
    QTest::mouseDClick(map->viewport(), Qt::LeftButton, {}, viewportPos(node));
    QVERIFY(doc()->isFocused());
    QCOMPARE(doc()->focusCentre(), node);
    QVERIFY(doc()->visibleNodeCount() < shownBefore);
    for (const graph::NodeIndex w : doc()->graph().neighbours(node))
        QVERIFY(doc()->isNodeVisible(w));
    QTest::keyClick(map, Qt::Key_Escape);
    QVERIFY(!doc()->isFocused());
    QCOMPARE(doc()->visibleNodeCount(), shownBefore);
}

void MainWindowTest::dragNode_movesPinsAndUndoes()
{
    app::MapView *map = m_window->mapView();
    QWidget *vp = map->viewport();
    // Dropping onto another concept would merge: pick one of the leading
    // concepts and a direction whose whole path is clear of other nodes.
    graph::NodeIndex node = -1;
    QPoint start;
    QPoint step;
    QPointF before;
    const std::vector<graph::NodeIndex> &ranked = doc()->nodesByScore();
    for (size_t rank = 2; rank < std::min<size_t>(ranked.size(), 12) && node < 0; ++rank) {
        const graph::NodeIndex candidateNode = ranked[rank];
        map->centreOnNode(candidateNode);
        map->viewport()->repaint(); // labels are placed as they are drawn
        const QPoint at = viewportPos(candidateNode);
        // the press must take this node, not a label lying over it
        const graph::NodeIndex pressed = map->renderer().labelAt(QPointF(at));
        if (pressed >= 0 && pressed != candidateNode)
            continue;
        for (int angle = 0; angle < 360 && node < 0; angle += 30) {
            const double radians = angle * M_PI / 180.0;
            const QPoint candidate(int(std::lround(12 * std::cos(radians))), int(std::lround(12 * std::sin(radians))));
            bool clear = true;
            for (int k = 1; k <= 5 && clear; ++k) {
                const QPoint p = at + candidate * k;
                const graph::NodeIndex label = map->renderer().labelAt(QPointF(p));
                clear = map->renderer().nodeAt(map->mapToScene(p), map->currentScale(), candidateNode) < 0
                    && (label < 0 || label == candidateNode);
            }
            if (clear) {
                node = candidateNode;
                start = at;
                step = candidate;
                before = doc()->scenePos(node);
            }
        }
    }
    QVERIFY2(node >= 0, "no leading concept has a clear path to drag along");
    QTest::mousePress(vp, Qt::LeftButton, {}, start);
    for (int k = 1; k <= 5; ++k) {
        QMouseEvent move(QEvent::MouseMove, QPointF(start + step * k), vp->mapToGlobal(QPointF(start + step * k)),
                         Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(vp, &move);
    }
    QTest::mouseRelease(vp, Qt::LeftButton, {}, start + step * 5);
    QVERIFY(doc()->isPinned(node));
    const QPointF moved = doc()->scenePos(node) - before;
    QVERIFY(std::abs(moved.x() * map->currentScale() - step.x() * 5) < 2.0);
    // The five moves merged into one undo step.
    QCOMPARE(doc()->undoStack()->count(), 1);
    doc()->undo();
    QVERIFY(!doc()->isPinned(node));
    QVERIFY(std::hypot(doc()->scenePos(node).x() - before.x(), doc()->scenePos(node).y() - before.y()) < 1e-6);
}

void MainWindowTest::statsPanel_showsBars()
{
    app::StatsPanel *stats = m_window->statsPanel();
    stats->showChart(app::StatsPanel::Chart::TopConcepts);
    QVERIFY(stats->barCount() > 0);
    stats->showChart(app::StatsPanel::Chart::WeightDistribution);
    QVERIFY(stats->barCount() > 0);
    stats->setDocument(DocumentId(0));
    stats->showChart(app::StatsPanel::Chart::DocumentConcepts);
    QVERIFY(stats->barCount() > 0);
}

QTEST_MAIN(MainWindowTest)
#include "mainwindow_test.moc"
