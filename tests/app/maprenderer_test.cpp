#include "canvas/mapview.h"
#include "canvas/lodpolicy.h"
#include "document/projectdocument.h"

#include <QImage>
#include <QPainter>
#include <QTest>

#include <random>

using namespace Qt::StringLiterals;
using namespace carto;

// MapRenderer on a synthetic crowded map: the label density limit, level of
// detail and hit-testing, without any corpus.
class MapRendererTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void paintLabels_crowdedMap_noTwoLabelsOverlap();
    void paintLabels_zoomIn_showsMoreLabels();
    void paintLabels_fullView_keepsMostImportantLabel();
    void screenRadius_zoomIn_growsSubLinearly();
    void paintLabels_zoomedIn_labelsKeepOffOtherNodes();
    void nodeAt_nodeCentre_returnsThatNode();
    void nodesIn_rect_returnsNodesInside();

private:
    void render(double zoom);

    std::unique_ptr<app::ProjectDocument> m_document;
    std::unique_ptr<app::MapView> m_view;
};

void MapRendererTest::init()
{
    extract::Extraction extraction;
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const int n = 400;
    for (int i = 0; i < n; ++i) {
        extract::Concept c;
        c.id = ConceptId(u"c%1"_s.arg(i));
        c.label = u"Concept number %1"_s.arg(i);
        c.aliases = {c.label};
        c.score = double(n - i);
        extraction.concepts.push_back(c);
    }
    for (int i = 1; i < n; ++i) {
        extract::Relation r;
        r.source = extraction.concepts[size_t(i / 2)].id;
        r.target = extraction.concepts[size_t(i)].id;
        r.weight = unit(rng);
        extraction.relations.push_back(r);
    }
    auto build = std::make_shared<project::BuildResult>();
    build->graph = graph::ConceptGraph::fromExtraction(extraction);
    for (int i = 0; i < n; ++i)
        build->graph.node(i).position = {unit(rng), unit(rng)};
    m_document = std::make_unique<app::ProjectDocument>();
    m_document->setBuild(build, u"synthetic"_s);
    m_view = std::make_unique<app::MapView>(m_document.get());
    m_view->resize(800, 600);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_view->fitToVisible();
}

void MapRendererTest::render(double zoom)
{
    if (zoom != 1.0)
        m_view->scale(zoom, zoom);
    QImage image(m_view->viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    m_view->render(&painter, QRectF(image.rect()), m_view->viewport()->rect());
}

void MapRendererTest::paintLabels_crowdedMap_noTwoLabelsOverlap()
{
    render(1.0);
    const auto &rects = m_view->renderer().lastLabelRects();
    QVERIFY(!rects.empty());
    QVERIFY(int(rects.size()) < m_document->nodeCount());
    for (size_t a = 0; a < rects.size(); ++a)
        for (size_t b = a + 1; b < rects.size(); ++b)
            QVERIFY2(!rects[a].intersects(rects[b]), "labels overlap");
}

void MapRendererTest::paintLabels_zoomIn_showsMoreLabels()
{
    render(1.0);
    const size_t zoomedOut = m_view->renderer().lastLabelledNodes().size();
    render(4.0);
    const auto &rects = m_view->renderer().lastLabelRects();
    // Zoomed in, the visible part shows more labels per node than before.
    QVERIFY(rects.size() > 0);
    double density = double(rects.size()) / double(std::max(1, m_view->renderer().lastNodeCount()));
    QVERIFY(density > double(zoomedOut) / double(m_document->nodeCount()));
    for (size_t a = 0; a < rects.size(); ++a)
        for (size_t b = a + 1; b < rects.size(); ++b)
            QVERIFY(!rects[a].intersects(rects[b]));
}

void MapRendererTest::paintLabels_fullView_keepsMostImportantLabel()
{
    render(1.0);
    const auto &labelled = m_view->renderer().lastLabelledNodes();
    QVERIFY(!labelled.empty());
    QCOMPARE(labelled.front(), m_document->nodesByScore().front());
}

void MapRendererTest::screenRadius_zoomIn_growsSubLinearly()
{
    const app::MapRenderer &renderer = m_view->renderer();
    const graph::NodeIndex big = m_document->nodesByScore().front();
    const double s = m_view->currentScale();
    const double near = renderer.screenRadius(big, s * 4);
    const double far = renderer.screenRadius(big, s * 16);
    // Four times the zoom: the node grows, but by clearly less than four times.
    QVERIFY(far > near);
    QVERIFY2(far / near < 2.5, qPrintable(u"%1 -> %2 px"_s.arg(near).arg(far)));
    // Hit-testing follows the drawn size: just inside the disc hits, just outside misses.
    const QPointF centre = m_view->nodeScenePos(big);
    const double sceneRadius = far / (s * 16);
    QCOMPARE(m_view->renderer().nodeAt(centre + QPointF(sceneRadius * 0.9, 0), s * 16), big);
    QVERIFY(m_view->renderer().nodeAt(centre + QPointF(sceneRadius + 10.0 / (s * 16), 0), s * 16) != big);
}

void MapRendererTest::paintLabels_zoomedIn_labelsKeepOffOtherNodes()
{
    render(3.0);
    const app::MapRenderer &renderer = m_view->renderer();
    const auto &rects = renderer.lastLabelRects();
    const auto &labelled = renderer.lastLabelledNodes();
    QVERIFY(!rects.empty());
    const QTransform t = m_view->viewportTransform();
    const double s = m_view->currentScale();
    int covered = 0;
    for (size_t i = 0; i < rects.size(); ++i) {
        for (int v = 0; v < m_document->nodeCount(); ++v) {
            if (v == labelled[i])
                continue;
            const double r = renderer.screenRadius(v, s);
            if (r < app::lod::roundNodeMinRadiusPx)
                continue;
            const QPointF c = t.map(m_view->nodeScenePos(v));
            const double cx = std::clamp(c.x(), rects[i].left(), rects[i].right());
            const double cy = std::clamp(c.y(), rects[i].top(), rects[i].bottom());
            if (std::hypot(c.x() - cx, c.y() - cy) < r)
                ++covered;
        }
    }
    // Only the few most important labels may lie over a disc (which is then redrawn on top).
    QVERIFY2(covered <= app::lod::labelRankAlways / 4, qPrintable(QString::number(covered)));
}

void MapRendererTest::nodeAt_nodeCentre_returnsThatNode()
{
    m_view->scale(6, 6);
    const graph::NodeIndex node = m_document->nodesByScore().front();
    m_view->centerOn(m_view->nodeScenePos(node));
    QCOMPARE(m_view->renderer().nodeAt(m_view->nodeScenePos(node), m_view->currentScale()), node);
    QCOMPARE(m_view->renderer().nodeAt(m_view->nodeScenePos(node) + QPointF(1e6, 1e6), m_view->currentScale()), -1);
}

void MapRendererTest::nodesIn_rect_returnsNodesInside()
{
    const QRectF rect = m_document->sceneBounds();
    const QRectF left(rect.topLeft(), QSizeF(rect.width() / 2, rect.height()));
    const QList<graph::NodeIndex> inside = m_view->renderer().nodesIn(left);
    QVERIFY(!inside.isEmpty());
    int expected = 0;
    for (int i = 0; i < m_document->nodeCount(); ++i)
        expected += left.contains(m_view->nodeScenePos(i)) ? 1 : 0;
    QCOMPARE(int(inside.size()), expected);
}

QTEST_MAIN(MapRendererTest)
#include "maprenderer_test.moc"
