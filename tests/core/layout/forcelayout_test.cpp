#include "layout/forcelayout.h"
#include "support/syntheticgraphs.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

using namespace carto;
using layout::ForceLayout;
using layout::LayoutGraph;
using layout::Point;

namespace {

// Holme–Kim graph (preferential attachment, m = 3, triangle closing with
// probability 0.5): connected, hubs and clusters like a concept map.
LayoutGraph conceptLikeGraph(int n, unsigned seed)
{
    LayoutGraph g;
    g.nodeCount = n;
    for (const auto &[a, b] : testsupport::holmeKimEdges(n, seed))
        g.edges.push_back({a, b, 1.0});
    return g;
}

// A map whose links are capped per concept, as extraction caps them: a dense,
// strongly linked core (nodes 0..99), a middle layer linked to the core, to
// itself and to the periphery, and a large periphery (1,200 nodes) linked to
// itself and to the middle layer only, never to the core; plus a few pairs and
// isolated concepts as their own components. Without gravity the periphery's
// repulsion pushes the core to one edge of the layout.
constexpr int kCoreSize = 100;
LayoutGraph cappedCoreGraph(unsigned seed)
{
    const int middle = 300, periphery = 1200, pairs = 8, isolated = 4;
    const int linked = kCoreSize + middle + periphery;
    LayoutGraph g;
    g.nodeCount = linked + 2 * pairs + isolated;
    std::mt19937 rng(seed);
    auto pick = [&rng](int from, int count) { return from + int(rng() % unsigned(count)); };
    for (int a = 0; a < kCoreSize; ++a)
        for (int b = a + 1; b < kCoreSize; ++b)
            if (rng() % 10 < 3)
                g.edges.push_back({a, b, 3.0});
    for (int m = kCoreSize; m < kCoreSize + middle; ++m)
        for (int i = 0; i < 6; ++i) {
            g.edges.push_back({m, pick(0, kCoreSize), 1.0});
            g.edges.push_back({m, pick(kCoreSize, middle), 1.0});
            g.edges.push_back({m, pick(kCoreSize + middle, periphery), 1.0});
        }
    for (int p = kCoreSize + middle; p < linked; ++p)
        for (int i = 0; i < 5; ++i)
            g.edges.push_back({p, pick(kCoreSize + middle, periphery), 1.0});
    for (int i = 0; i < pairs; ++i)
        g.edges.push_back({linked + 2 * i, linked + 2 * i + 1, 1.0});
    return g;
}

// The q-quantile of the x (or y) coordinates.
double quantile(const std::vector<Point> &positions, bool y, double q)
{
    std::vector<double> values;
    for (const Point &p : positions)
        values.push_back(y ? p.y : p.x);
    std::sort(values.begin(), values.end());
    return values[size_t(q * double(values.size() - 1))];
}

LayoutGraph pathGraph(int n)
{
    LayoutGraph g;
    g.nodeCount = n;
    for (int v = 0; v + 1 < n; ++v)
        g.edges.push_back({v, v + 1, 1.0});
    return g;
}

double distance(Point a, Point b)
{
    return std::hypot(a.x - b.x, a.y - b.y);
}

double diameter(const std::vector<Point> &positions)
{
    double minX = positions[0].x, maxX = minX, minY = positions[0].y, maxY = minY;
    for (const Point &p : positions) {
        minX = std::min(minX, p.x);
        maxX = std::max(maxX, p.x);
        minY = std::min(minY, p.y);
        maxY = std::max(maxY, p.y);
    }
    return std::hypot(maxX - minX, maxY - minY);
}

class RecordingProgress final : public ProgressSink
{
public:
    void report(const QString &stage, qint64 done, qint64 total) override
    {
        stages.insert(stage);
        lastDone = done;
        lastTotal = total;
        ++calls;
    }
    std::set<QString> stages;
    qint64 lastDone = -1;
    qint64 lastTotal = -1;
    int calls = 0;
};

// Cancels the token at the first progress report.
// Cancels at the first report and records how far the layout got afterwards.
class CancellingProgress final : public ProgressSink
{
public:
    explicit CancellingProgress(CancelToken &token) : m_token(token) { }
    void report(const QString &, qint64 done, qint64 total) override
    {
        m_token.cancel();
        ++calls;
        lastDone = done;
        lastTotal = total;
    }

    int calls = 0;
    qint64 lastDone = 0;
    qint64 lastTotal = 0;

private:
    CancelToken &m_token;
};

} // namespace

class ForceLayoutTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void run_sameSeed_givesIdenticalPositions()
    {
        const LayoutGraph g = conceptLikeGraph(300, 7);
        const ForceLayout layout(ForceLayout::Options{.seed = 3});
        QCOMPARE(layout.run(g), layout.run(g));
    }

    void run_threadCount_doesNotChangePositions()
    {
        // Large enough that the force loop really runs on several threads.
        const LayoutGraph g = conceptLikeGraph(3000, 11);
        const ForceLayout one(ForceLayout::Options{.seed = 5, .threads = 1});
        const ForceLayout two(ForceLayout::Options{.seed = 5, .threads = 2});
        QCOMPARE(one.run(g), two.run(g));
    }

    void run_differentSeeds_giveDifferentPositions()
    {
        const LayoutGraph g = conceptLikeGraph(100, 7);
        QVERIFY(ForceLayout(ForceLayout::Options{.seed = 1}).run(g)
                != ForceLayout(ForceLayout::Options{.seed = 2}).run(g));
    }

    void run_conceptLikeGraph_positionsFiniteAndDistinct()
    {
        const LayoutGraph g = conceptLikeGraph(500, 1);
        const std::vector<Point> positions = ForceLayout().run(g);
        QCOMPARE(positions.size(), size_t(500));
        std::set<std::pair<double, double>> seen;
        for (const Point &p : positions) {
            QVERIFY(std::isfinite(p.x) && std::isfinite(p.y));
            seen.insert({p.x, p.y});
        }
        QCOMPARE(seen.size(), positions.size());
    }

    void run_conceptLikeGraph_neighboursCloserThanRandomPairs()
    {
        const LayoutGraph g = conceptLikeGraph(500, 2);
        const std::vector<Point> positions = ForceLayout().run(g);
        double edgeSum = 0.0;
        for (const auto &e : g.edges)
            edgeSum += distance(positions[size_t(e.source)], positions[size_t(e.target)]);
        std::mt19937 rng(9);
        double randomSum = 0.0;
        const int samples = 5000;
        for (int s = 0; s < samples; ++s)
            randomSum += distance(positions[rng() % 500], positions[rng() % 500]);
        const double meanEdge = edgeSum / double(g.edges.size());
        const double meanRandom = randomSum / samples;
        QVERIFY2(meanEdge * 2.0 < meanRandom, qPrintable(QStringLiteral("edge %1 random %2").arg(meanEdge).arg(meanRandom)));
    }

    void run_conceptLikeGraph_stressComparableToSfdp()
    {
        // sfdp reaches about 0.18 on these graphs; a tangled or collapsed
        // layout scores far worse (random placement is around 0.4 and more).
        const LayoutGraph g = conceptLikeGraph(1000, 42);
        const double stress = layout::normalisedStress(g, ForceLayout().run(g));
        QVERIFY2(stress < 0.22, qPrintable(QString::number(stress)));
    }

    void run_addOneNode_oldNodesMoveLittle()
    {
        LayoutGraph g = conceptLikeGraph(200, 4);
        const ForceLayout layout;
        const std::vector<Point> before = layout.run(g);

        g.nodeCount = 201;
        g.edges.push_back({200, 17, 1.0});
        std::vector<std::optional<Point>> previous(before.begin(), before.end());
        previous.push_back(std::nullopt);
        const std::vector<Point> after = layout.run(g, previous);

        QCOMPARE(after.size(), size_t(201));
        double moved = 0.0;
        for (size_t v = 0; v < before.size(); ++v)
            moved += distance(before[v], after[v]);
        moved /= double(before.size());
        const double size = diameter(before);
        QVERIFY2(moved < 0.05 * size, qPrintable(QStringLiteral("moved %1 diameter %2").arg(moved).arg(size)));
        // The newcomer lands near the node it links to, not somewhere far.
        QVERIFY(distance(after[200], after[17]) < 0.25 * size);
    }

    void run_pinnedNodes_keepTheirPositionsExactly()
    {
        const LayoutGraph g = conceptLikeGraph(150, 8);
        std::vector<std::optional<Point>> previous(150);
        std::vector<bool> pinned(150, false);
        // Few pinned nodes (fresh layout aligned to them) and far-off spots.
        for (int v : {0, 10, 99}) {
            previous[size_t(v)] = Point{1000.0 + v, -500.0 - 3.0 * v};
            pinned[size_t(v)] = true;
        }
        const std::vector<Point> positions = ForceLayout().run(g, previous, pinned);
        for (int v : {0, 10, 99})
            QCOMPARE(positions[size_t(v)], *previous[size_t(v)]);

        // Mostly known positions (refined in place): pinned ones still stay.
        const std::vector<Point> first = ForceLayout().run(g);
        std::vector<std::optional<Point>> all(first.begin(), first.end());
        std::vector<bool> somePinned(150, false);
        somePinned[3] = somePinned[40] = true;
        all[3] = Point{first[3].x + 300.0, first[3].y};
        const std::vector<Point> again = ForceLayout().run(g, all, somePinned);
        QCOMPARE(again[3], *all[3]);
        QCOMPARE(again[40], first[40]);
    }

    void run_denseCappedCore_liesInTheMiddleOfTheMap_data()
    {
        QTest::addColumn<unsigned>("seed");
        QTest::newRow("graph 1") << 1u;
        QTest::newRow("graph 2") << 2u;
        QTest::newRow("graph 3") << 3u;
    }

    void run_denseCappedCore_liesInTheMiddleOfTheMap()
    {
        // The most linked concepts are what a fitted view of the top concepts
        // shows: they must sit in the middle of the map, not in a fan at its
        // edge, and no component may be parked far from the main map.
        QFETCH(unsigned, seed);
        const LayoutGraph g = cappedCoreGraph(seed);
        ForceLayout::Options options;
        options.seed = seed;
        const std::vector<Point> positions = ForceLayout(options).run(g);
        QCOMPARE(positions.size(), size_t(g.nodeCount));
        // The map's extent without its outermost stragglers: 5% to 95% on each axis.
        const double x0 = quantile(positions, false, 0.05), x1 = quantile(positions, false, 0.95);
        const double y0 = quantile(positions, true, 0.05), y1 = quantile(positions, true, 0.95);
        Point core;
        for (int v = 0; v < kCoreSize; ++v) {
            core.x += positions[size_t(v)].x / kCoreSize;
            core.y += positions[size_t(v)].y / kCoreSize;
        }
        const double offX = (core.x - (x0 + x1) / 2) / (x1 - x0);
        const double offY = (core.y - (y0 + y1) / 2) / (y1 - y0);
        QVERIFY2(std::abs(offX) < 0.12 && std::abs(offY) < 0.12,
                 qPrintable(QStringLiteral("core centroid off the centre by %1, %2 of the extent").arg(offX).arg(offY)));
        // Every component lies within the map's overall frame around the main one.
        const double extent = std::max(x1 - x0, y1 - y0);
        for (int v = kCoreSize; v < g.nodeCount; ++v)
            QVERIFY2(distance(positions[size_t(v)], core) < 1.5 * extent,
                     qPrintable(QStringLiteral("node %1 is %2 from the core, extent %3")
                                    .arg(v)
                                    .arg(distance(positions[size_t(v)], core))
                                    .arg(extent)));
    }

    void run_elongatedGraph_liesLandscape()
    {
        // A ladder 40 rungs long: whatever direction the layout grew it in,
        // it is turned to lie along the x axis, as screens are wide.
        LayoutGraph g;
        g.nodeCount = 80;
        for (int i = 0; i < 40; ++i) {
            g.edges.push_back({2 * i, 2 * i + 1, 1.0});
            if (i + 1 < 40) {
                g.edges.push_back({2 * i, 2 * i + 2, 1.0});
                g.edges.push_back({2 * i + 1, 2 * i + 3, 1.0});
            }
        }
        for (unsigned seed : {1u, 2u, 3u}) {
            ForceLayout::Options options;
            options.seed = seed;
            const std::vector<Point> p = ForceLayout(options).run(g);
            const double width = quantile(p, false, 1.0) - quantile(p, false, 0.0);
            const double height = quantile(p, true, 1.0) - quantile(p, true, 0.0);
            QVERIFY2(width > 1.3 * height, qPrintable(QStringLiteral("seed %1: %2 x %3").arg(seed).arg(width).arg(height)));
        }
    }

    void run_disconnectedComponents_boundingBoxesDoNotOverlap()
    {
        // Three graphs of different sizes, a triangle and ten isolated nodes.
        LayoutGraph g;
        std::vector<std::vector<int>> members;
        for (int size : {120, 40, 15}) {
            const LayoutGraph part = conceptLikeGraph(size, unsigned(size));
            std::vector<int> nodes;
            for (int v = 0; v < size; ++v)
                nodes.push_back(g.nodeCount + v);
            for (const auto &e : part.edges)
                g.edges.push_back({e.source + g.nodeCount, e.target + g.nodeCount, 1.0});
            g.nodeCount += size;
            members.push_back(nodes);
        }
        const int t = g.nodeCount;
        g.edges.push_back({t, t + 1, 1.0});
        g.edges.push_back({t + 1, t + 2, 1.0});
        g.edges.push_back({t, t + 2, 1.0});
        members.push_back({t, t + 1, t + 2});
        g.nodeCount += 3;
        for (int i = 0; i < 10; ++i)
            members.push_back({g.nodeCount++});

        const std::vector<Point> positions = ForceLayout().run(g);
        struct Box { double minX, minY, maxX, maxY; };
        std::vector<Box> boxes;
        for (const auto &nodes : members) {
            Box b{1e300, 1e300, -1e300, -1e300};
            for (int v : nodes) {
                b.minX = std::min(b.minX, positions[size_t(v)].x);
                b.minY = std::min(b.minY, positions[size_t(v)].y);
                b.maxX = std::max(b.maxX, positions[size_t(v)].x);
                b.maxY = std::max(b.maxY, positions[size_t(v)].y);
            }
            boxes.push_back(b);
        }
        for (size_t a = 0; a < boxes.size(); ++a) {
            for (size_t b = a + 1; b < boxes.size(); ++b) {
                const bool apart = boxes[a].maxX < boxes[b].minX || boxes[b].maxX < boxes[a].minX
                                   || boxes[a].maxY < boxes[b].minY || boxes[b].maxY < boxes[a].minY;
                QVERIFY2(apart, qPrintable(QStringLiteral("components %1 and %2 overlap").arg(a).arg(b)));
            }
        }
        // Packed, not strewn: the picture is not much wider than it is tall.
        const Box all{boxes[0].minX, 0, 0, 0};
        double minX = all.minX, maxX = -1e300, minY = 1e300, maxY = -1e300;
        for (const Box &b : boxes) {
            minX = std::min(minX, b.minX);
            maxX = std::max(maxX, b.maxX);
            minY = std::min(minY, b.minY);
            maxY = std::max(maxY, b.maxY);
        }
        const double aspect = (maxX - minX) / (maxY - minY);
        QVERIFY2(aspect > 0.25 && aspect < 4.0, qPrintable(QString::number(aspect)));
    }

    void run_emptyGraph_returnsNoPositions()
    {
        QVERIFY(ForceLayout().run(LayoutGraph{}).empty());
    }

    void run_singleNode_returnsOneFinitePosition()
    {
        LayoutGraph g;
        g.nodeCount = 1;
        const std::vector<Point> positions = ForceLayout().run(g);
        QCOMPARE(positions.size(), size_t(1));
        QVERIFY(std::isfinite(positions[0].x) && std::isfinite(positions[0].y));
    }

    void run_selfLoopsAndDuplicateEdges_areTolerated()
    {
        LayoutGraph g = pathGraph(5);
        g.edges.push_back({2, 2, 1.0});
        g.edges.push_back({1, 0, 3.0});
        g.edges.push_back({3, 4, 0.0});
        const std::vector<Point> positions = ForceLayout().run(g);
        QCOMPARE(positions.size(), size_t(5));
        for (const Point &p : positions)
            QVERIFY(std::isfinite(p.x) && std::isfinite(p.y));
    }

    void run_withProgress_reportsLayoutStageToCompletion()
    {
        RecordingProgress progress;
        const std::vector<Point> positions = ForceLayout().run(conceptLikeGraph(400, 3), {}, {}, &progress);
        QCOMPARE(positions.size(), size_t(400));
        QVERIFY(progress.calls > 1);
        QCOMPARE(progress.stages, std::set<QString>{QStringLiteral("Layout")});
        QVERIFY(progress.lastTotal > 0);
        QCOMPARE(progress.lastDone, progress.lastTotal);
    }

    void run_cancelled_stopsAtTheNextCheckAndReturnsEmpty()
    {
        // No wall-clock bound (that belongs in benchmarks): cancelling at the first
        // progress report must stop the work long before the last iteration.
        const LayoutGraph g = conceptLikeGraph(20000, 5);
        CancelToken token;
        CancellingProgress progress(token);
        const std::vector<Point> positions = ForceLayout().run(g, {}, {}, &progress, &token);
        QVERIFY(positions.empty());
        QVERIFY(progress.calls >= 1);
        QVERIFY(progress.calls <= 2);
        QVERIFY2(progress.lastDone < progress.lastTotal,
                 qPrintable(QStringLiteral("%1 of %2").arg(progress.lastDone).arg(progress.lastTotal)));

        CancelToken already;
        already.cancel();
        QVERIFY(ForceLayout().run(g, {}, {}, nullptr, &already).empty());
    }

    void runConceptGraph_pinnedNode_staysAndOthersGetPositions()
    {
        extract::Extraction extraction;
        for (int i = 0; i < 6; ++i) {
            extract::Concept c;
            c.id = ConceptId(QStringLiteral("c%1").arg(i));
            c.label = c.id.value();
            extraction.concepts.push_back(c);
        }
        for (int i = 0; i + 1 < 6; ++i) {
            extract::Relation r;
            r.source = extraction.concepts[size_t(i)].id;
            r.target = extraction.concepts[size_t(i) + 1].id;
            r.weight = 0.5;
            extraction.relations.push_back(r);
        }
        graph::ConceptGraph g = graph::ConceptGraph::fromExtraction(extraction);
        QCOMPARE(layout::toLayoutGraph(g).edges.size(), size_t(5));
        ForceLayout().run(g);
        for (int v = 0; v < g.nodeCount(); ++v)
            QVERIFY(std::isfinite(g.node(v).position.x) && std::isfinite(g.node(v).position.y));
        QVERIFY(g.node(0).position != g.node(5).position);

        g.node(2).pinned = true;
        g.node(2).position = {5000.0, 5000.0};
        ForceLayout().run(g, true);
        QCOMPARE(g.node(2).position, (Point{5000.0, 5000.0}));
    }

    void normalisedStress_perfectPathLayout_isZero()
    {
        const LayoutGraph g = pathGraph(50);
        std::vector<Point> positions;
        for (int v = 0; v < 50; ++v)
            positions.push_back({7.5 * v, 3.0}); // any scale: stress is scale-free
        QVERIFY(layout::normalisedStress(g, positions) < 1e-12);
    }

    void normalisedStress_collapsedLayout_isOne()
    {
        const LayoutGraph g = pathGraph(10);
        QCOMPARE(layout::normalisedStress(g, std::vector<Point>(10, Point{1.0, 1.0})), 1.0);
    }

    void normalisedStress_foldedPath_isWorseThanStraight()
    {
        const LayoutGraph g = pathGraph(20);
        std::vector<Point> straight, folded;
        for (int v = 0; v < 20; ++v) {
            straight.push_back({double(v), 0.0});
            folded.push_back({double(v < 10 ? v : 19 - v), v < 10 ? 0.0 : 1.0});
        }
        QVERIFY(layout::normalisedStress(g, folded) > layout::normalisedStress(g, straight) + 0.05);
    }

    void normalisedStress_sizeMismatch_isNaN()
    {
        QVERIFY(std::isnan(layout::normalisedStress(pathGraph(3), {Point{}})));
    }
};

QTEST_GUILESS_MAIN(ForceLayoutTest)
#include "forcelayout_test.moc"
