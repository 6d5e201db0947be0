#include "graph/pathfinder.h"

#include <QTest>

#include <algorithm>
#include <functional>
#include <random>

using namespace carto;
using namespace carto::graph;

namespace {

using Links = std::vector<PathFinder::Link>;

// Every loopless route's cost, by depth-first enumeration: the reference
// Yen's algorithm must agree with on small graphs.
std::vector<double> allRouteCosts(int n, const Links &links, const std::vector<double> &nodeCost, int from, int to)
{
    std::vector<std::vector<std::pair<int, double>>> adjacent(static_cast<size_t>(n));
    for (const PathFinder::Link &l : links) {
        adjacent[static_cast<size_t>(l.a)].emplace_back(l.b, l.cost);
        adjacent[static_cast<size_t>(l.b)].emplace_back(l.a, l.cost);
    }
    std::vector<double> costs;
    std::vector<char> onPath(static_cast<size_t>(n), 0);
    std::function<void(int, double)> walk = [&](int v, double cost) {
        if (v == to) {
            costs.push_back(cost);
            return;
        }
        onPath[static_cast<size_t>(v)] = 1;
        for (const auto &[w, c] : adjacent[static_cast<size_t>(v)]) {
            if (!onPath[static_cast<size_t>(w)])
                walk(w, cost + c + (w == to ? 0.0 : nodeCost[static_cast<size_t>(w)]));
        }
        onPath[static_cast<size_t>(v)] = 0;
    };
    walk(from, 0.0);
    std::sort(costs.begin(), costs.end());
    return costs;
}

void verifyRoute(const PathFinder::Route &r, const Links &links, int from, int to)
{
    QCOMPARE(r.nodes.front(), from);
    QCOMPARE(r.nodes.back(), to);
    QCOMPARE(r.links.size() + 1, r.nodes.size());
    std::vector<int> sorted = r.nodes;
    std::sort(sorted.begin(), sorted.end());
    QVERIFY(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end()); // loopless
    for (size_t i = 0; i < r.links.size(); ++i) {
        const PathFinder::Link &l = links[static_cast<size_t>(r.links[i])];
        QVERIFY((l.a == r.nodes[i] && l.b == r.nodes[i + 1]) || (l.b == r.nodes[i] && l.a == r.nodes[i + 1]));
    }
}

} // namespace

class PathFinderTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cheapest_expensiveNode_isPassedByALongerDetour()
    {
        // 0-1-3 through a costly node 1, or 0-2-4-3 through free ones.
        const Links links = {{0, 1, 1.0}, {1, 3, 1.0}, {0, 2, 1.0}, {2, 4, 1.0}, {4, 3, 1.0}};
        const PathFinder finder(5, links, {0.0, 5.0, 0.0, 0.0, 0.0});

        const std::vector<PathFinder::Route> routes = finder.cheapest(0, 3, 3);

        QCOMPARE(routes.size(), size_t(2));
        QCOMPARE(routes[0].nodes, (std::vector<int>{0, 2, 4, 3}));
        QCOMPARE(routes[0].cost, 3.0);
        QCOMPARE(routes[1].nodes, (std::vector<int>{0, 1, 3}));
        QCOMPARE(routes[1].cost, 7.0); // two links and node 1; the ends cost nothing
        for (const PathFinder::Route &r : routes)
            verifyRoute(r, links, 0, 3);
    }

    void cheapest_randomSmallGraphs_matchEveryLooplessRouteEnumerated_data()
    {
        QTest::addColumn<unsigned>("seed");
        for (unsigned seed = 1; seed <= 40; ++seed)
            QTest::addRow("seed %u", seed) << seed;
    }

    void cheapest_randomSmallGraphs_matchEveryLooplessRouteEnumerated()
    {
        QFETCH(unsigned, seed);
        std::mt19937 engine(seed);
        const int n = 7;
        auto real = [&] { return 0.25 + static_cast<double>(engine() % 1000) / 250.0; };
        Links links;
        for (int a = 0; a < n; ++a) {
            for (int b = a + 1; b < n; ++b) {
                if (engine() % 100 < 45)
                    links.push_back({a, b, real()});
            }
        }
        std::vector<double> nodeCost(static_cast<size_t>(n));
        for (double &c : nodeCost)
            c = real() - 0.25;
        const int from = 0;
        const int to = n - 1;
        const std::vector<double> expected = allRouteCosts(n, links, nodeCost, from, to);

        const std::vector<PathFinder::Route> routes = PathFinder(n, links, nodeCost).cheapest(from, to, 4);

        QCOMPARE(routes.size(), std::min(expected.size(), size_t(4)));
        for (size_t i = 0; i < routes.size(); ++i) {
            verifyRoute(routes[i], links, from, to);
            QVERIFY2(std::abs(routes[i].cost - expected[i]) < 1e-9,
                     qPrintable(QStringLiteral("route %1 costs %2, expected %3").arg(i).arg(routes[i].cost).arg(expected[i])));
        }
    }

    void cheapest_noRoute_returnsNothing_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<int>("count");
        QTest::newRow("not connected") << 0 << 3 << 3;
        QTest::newRow("same node") << 1 << 1 << 3;
        QTest::newRow("out of range") << 0 << 9 << 3;
        QTest::newRow("negative") << -1 << 1 << 3;
        QTest::newRow("no routes asked") << 0 << 1 << 0;
    }

    void cheapest_noRoute_returnsNothing()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(int, count);
        const PathFinder finder(4, {{0, 1, 1.0}, {2, 3, 1.0}, {1, 7, 1.0}}, {0.0, 0.0, 0.0, 0.0});
        QVERIFY(finder.cheapest(from, to, count).empty());
        QCOMPARE(finder.cheapest(1, 0, 3).size(), size_t(1)); // the link to a node out of range is ignored
    }

    void cheapest_cancelled_returnsNothing()
    {
        const PathFinder finder(3, {{0, 1, 1.0}, {1, 2, 1.0}, {0, 2, 3.0}}, {0.0, 0.0, 0.0});
        QCOMPARE(finder.cheapest(0, 2, 2).size(), size_t(2));
        CancelToken cancel;
        cancel.cancel();
        QVERIFY(finder.cheapest(0, 2, 2, &cancel).empty());
    }
};

QTEST_GUILESS_MAIN(PathFinderTest)
#include "pathfinder_test.moc"
