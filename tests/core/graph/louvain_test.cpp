#include "graph/louvain.h"

#include <QFile>
#include <QTest>

#include <algorithm>
#include <set>

using namespace carto::graph;

Q_DECLARE_METATYPE(std::vector<WeightedEdge>)

namespace {

std::vector<WeightedEdge> readEdgeList(const QString &path)
{
    std::vector<WeightedEdge> edges;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return edges;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() >= 2)
            edges.push_back({parts[0].toInt(), parts[1].toInt(), 1.0});
    }
    return edges;
}

std::vector<WeightedEdge> clique(const std::vector<int> &members)
{
    std::vector<WeightedEdge> edges;
    for (size_t i = 0; i < members.size(); ++i) {
        for (size_t j = i + 1; j < members.size(); ++j)
            edges.push_back({members[i], members[j], 1.0});
    }
    return edges;
}

std::vector<WeightedEdge> twoTrianglesJoined()
{
    return {{0, 1, 1.0}, {1, 2, 1.0}, {0, 2, 1.0}, {3, 4, 1.0}, {4, 5, 1.0}, {3, 5, 1.0}, {2, 3, 1.0}};
}

} // namespace

class LouvainTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void louvain_karateClub_reachesKnownModularity_data();
    void louvain_karateClub_reachesKnownModularity();
    void louvain_twoCliquesJoinedByOneEdge_findsTheCliques();
    void louvain_disconnectedCliques_numbersLargestCommunityZero();
    void louvain_sameSeed_givesSameCommunities();
    void louvain_emptyGraph_returnsNoCommunities();
    void louvain_nodesWithoutEdges_staySingletons();
    void louvain_cancelledBeforeTheFirstPass_leavesEveryNodeAlone();
    void modularity_handComputedExamples_data();
    void modularity_handComputedExamples();
};

void LouvainTest::louvain_karateClub_reachesKnownModularity_data()
{
    QTest::addColumn<unsigned>("seed");
    for (const unsigned seed : {1U, 2U, 3U, 7U, 42U, 2024U})
        QTest::addRow("seed %u", seed) << seed;
}

void LouvainTest::louvain_karateClub_reachesKnownModularity()
{
    QFETCH(unsigned, seed);
    const std::vector<WeightedEdge> edges = readEdgeList(QStringLiteral(CARTO_TEST_DATA_DIR "/graph/karate.txt"));
    QCOMPARE(edges.size(), size_t(78));

    const CommunityResult result = louvain(34, edges, seed);

    QCOMPARE(result.community.size(), size_t(34));
    // The best known partition has Q = 0.4198; Louvain gets within a few thousandths.
    QVERIFY2(result.modularity >= 0.40 && result.modularity <= 0.43, qPrintable(QString::number(result.modularity)));
    QCOMPARE(result.modularity, modularity(34, edges, result.community));
    // The instructor (0) and the administrator (33) end up in different communities.
    QVERIFY(result.community[0] != result.community[33]);
}

void LouvainTest::louvain_twoCliquesJoinedByOneEdge_findsTheCliques()
{
    std::vector<WeightedEdge> edges = clique({0, 1, 2, 3, 4});
    const std::vector<WeightedEdge> second = clique({5, 6, 7, 8, 9});
    edges.insert(edges.end(), second.begin(), second.end());
    edges.push_back({4, 5, 1.0});

    const CommunityResult result = louvain(10, edges, 1);

    const std::set<int> distinct(result.community.begin(), result.community.end());
    QCOMPARE(distinct.size(), size_t(2));
    for (int i = 1; i < 5; ++i) {
        QCOMPARE(result.community[size_t(i)], result.community[0]);
        QCOMPARE(result.community[size_t(i + 5)], result.community[5]);
    }
    QVERIFY(result.community[0] != result.community[5]);
    // Two K5 (10 edges each) and a bridge: m = 21, each side has 2·10 inside and degree sum 21.
    QCOMPARE(result.modularity, 2.0 * (20.0 / 42.0 - 0.25));
}

void LouvainTest::louvain_disconnectedCliques_numbersLargestCommunityZero()
{
    std::vector<WeightedEdge> edges = clique({0, 1, 2});
    const std::vector<WeightedEdge> larger = clique({3, 4, 5, 6, 7});
    edges.insert(edges.end(), larger.begin(), larger.end());

    const CommunityResult result = louvain(8, edges, 5);

    for (int i = 3; i < 8; ++i)
        QCOMPARE(result.community[size_t(i)], 0);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(result.community[size_t(i)], 1);
}

void LouvainTest::louvain_sameSeed_givesSameCommunities()
{
    const std::vector<WeightedEdge> edges = readEdgeList(QStringLiteral(CARTO_TEST_DATA_DIR "/graph/karate.txt"));
    QVERIFY(!edges.empty());

    const CommunityResult first = louvain(34, edges, 99);
    const CommunityResult second = louvain(34, edges, 99);

    QCOMPARE(first.community, second.community);
    QCOMPARE(first.modularity, second.modularity);
}

void LouvainTest::louvain_emptyGraph_returnsNoCommunities()
{
    const CommunityResult result = louvain(0, {}, 1);

    QVERIFY(result.community.empty());
    QCOMPARE(result.modularity, 0.0);
}

void LouvainTest::louvain_nodesWithoutEdges_staySingletons()
{
    const CommunityResult result = louvain(3, {}, 1);

    QCOMPARE(result.community, (std::vector<int>{0, 1, 2}));
    QCOMPARE(result.modularity, 0.0);
}

void LouvainTest::louvain_cancelledBeforeTheFirstPass_leavesEveryNodeAlone()
{
    carto::CancelToken cancel;
    cancel.cancel();
    const CommunityResult result = louvain(6, twoTrianglesJoined(), 1, &cancel);
    QCOMPARE(result.community.size(), size_t(6));
    QCOMPARE(std::set<int>(result.community.begin(), result.community.end()).size(), size_t(6));
    // Not cancelled, the same graph has two communities.
    const CommunityResult finished = louvain(6, twoTrianglesJoined(), 1);
    QCOMPARE(std::set<int>(finished.community.begin(), finished.community.end()).size(), size_t(2));
}

void LouvainTest::modularity_handComputedExamples_data()
{
    QTest::addColumn<int>("nodeCount");
    QTest::addColumn<std::vector<WeightedEdge>>("edges");
    QTest::addColumn<std::vector<int>>("community");
    QTest::addColumn<double>("expected");

    // m = 7; each triangle has 2·3 inside and degree sum 7: Q = 2·(6/14 - 1/4) = 5/14.
    QTest::addRow("two triangles split") << 6 << twoTrianglesJoined() << std::vector<int>{0, 0, 0, 1, 1, 1}
                                         << 5.0 / 14.0;
    QTest::addRow("two triangles together") << 6 << twoTrianglesJoined() << std::vector<int>{0, 0, 0, 0, 0, 0}
                                            << 0.0;
    // Singletons: Q = -Σ (k_i / 2m)^2 = -(4·2² + 2·3²) / 14².
    QTest::addRow("two triangles singletons") << 6 << twoTrianglesJoined() << std::vector<int>{0, 1, 2, 3, 4, 5}
                                              << -34.0 / 196.0;
    // Weighted path 0-1 (3), 1-2 (1), split {0,1} {2}: 2m = 8, Q = 6/8 - (7/8)² - (1/8)².
    QTest::addRow("weighted path")
        << 3 << std::vector<WeightedEdge>{{0, 1, 3.0}, {1, 2, 1.0}} << std::vector<int>{0, 0, 1} << -0.03125;
}

void LouvainTest::modularity_handComputedExamples()
{
    QFETCH(int, nodeCount);
    QFETCH(std::vector<WeightedEdge>, edges);
    QFETCH(std::vector<int>, community);
    QFETCH(double, expected);

    QVERIFY(qAbs(modularity(nodeCount, edges, community) - expected) < 1e-12);
}

QTEST_GUILESS_MAIN(LouvainTest)
#include "louvain_test.moc"
