#include "graph/conceptgraph.h"

#include <QFile>
#include <QTest>

#include <numeric>

using namespace carto;
using namespace carto::graph;

namespace {

extract::Concept makeConcept(const QString &id, const QString &label, const QStringList &aliases = {})
{
    extract::Concept item;
    item.id = ConceptId(id);
    item.label = label;
    item.aliases = aliases;
    item.aliases.prepend(label);
    return item;
}

extract::Relation makeRelation(const QString &source, const QString &target, double weight = 1.0,
                               const QString &label = {})
{
    extract::Relation relation;
    relation.source = ConceptId(source);
    relation.target = ConceptId(target);
    relation.count = 1;
    relation.weight = weight;
    relation.label = label;
    // One evidence sentence per relation; the offsets only need to be distinct.
    static qsizetype offset = 0;
    relation.evidence.push_back({Span{DocumentId(0), TextRange{offset, offset + 10}}});
    offset += 11;
    return relation;
}

QString nodeName(int i)
{
    return QStringLiteral("n%1").arg(i);
}

// Nodes n0..n(count-1) linked by the given index pairs (all weight 1).
extract::Extraction makeGraph(int count, const std::vector<std::pair<int, int>> &links)
{
    extract::Extraction extraction;
    for (int i = 0; i < count; ++i)
        extraction.concepts.push_back(makeConcept(nodeName(i), nodeName(i)));
    for (const auto &[a, b] : links)
        extraction.relations.push_back(makeRelation(nodeName(a), nodeName(b)));
    return extraction;
}

extract::Extraction karateClub()
{
    std::vector<std::pair<int, int>> links;
    QFile file(QStringLiteral(CARTO_TEST_DATA_DIR "/graph/karate.txt"));
    if (file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            if (line.isEmpty() || line.startsWith('#'))
                continue;
            const QList<QByteArray> parts = line.split(' ');
            links.emplace_back(parts[0].toInt(), parts[1].toInt());
        }
    }
    return makeGraph(34, links);
}

// beaver - dam - wetland - flood; a relation to an unknown concept, a
// self-loop and a repeated pair that must all be dropped.
extract::Extraction smallExtraction()
{
    extract::Extraction extraction;
    extraction.concepts = {
        makeConcept(QStringLiteral("beaver"), QStringLiteral("Beaver"), {QStringLiteral("beavers")}),
        makeConcept(QStringLiteral("dam"), QStringLiteral("Dam"), {QStringLiteral("beaver dams")}),
        makeConcept(QStringLiteral("wetland"), QStringLiteral("Wetland")),
        makeConcept(QStringLiteral("flood"), QStringLiteral("Flood risk"), {QStringLiteral("flooding")}),
    };
    extraction.relations = {
        makeRelation(QStringLiteral("beaver"), QStringLiteral("dam"), 2.0, QStringLiteral("builds")),
        makeRelation(QStringLiteral("dam"), QStringLiteral("wetland"), 1.5),
        makeRelation(QStringLiteral("beaver"), QStringLiteral("unknown"), 1.0),
        makeRelation(QStringLiteral("flood"), QStringLiteral("wetland"), 0.5),
        makeRelation(QStringLiteral("dam"), QStringLiteral("dam"), 1.0),
        makeRelation(QStringLiteral("dam"), QStringLiteral("beaver"), 9.0),
    };
    return extraction;
}

} // namespace

class ConceptGraphTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromExtraction_smallExtraction_keepsConceptsAndValidRelationsInOrder();
    void find_knownAndUnknownIds_returnsIndexOrNothing();
    void findByName_labelOrAlias_matchesCaseInsensitively_data();
    void findByName_labelOrAlias_matchesCaseInsensitively();
    void incidentEdges_middleNode_listsBothLinks();
    void edgeBetween_linkedAndUnlinkedPairs_returnsEdgeOrNothing();
    void copy_outlivesOriginal_keepsEdgesAddressable();
    void computeMetrics_emptyGraph_leavesNothingToCompute();
    void computeMetrics_starGraph_centreCarriesAllBetweenness();
    void computeMetrics_pathGraph_betweennessMatchesHandValues();
    void computeMetrics_weightedLinks_sumsWeightedDegree();
    void computeMetrics_anyGraph_pageRankSumsToOne();
    void computeMetrics_disconnectedGraph_numbersComponentsLargestFirst();
    void computeMetrics_karateClub_matchesPublishedBetweenness();
    void computeMetrics_sampledBetweennessWithAllSources_equalsExact();
    void computeMetrics_sampledBetweenness_isDeterministicForSeed();
    void computeMetrics_twoTriangles_findsTwoCommunities();
    void computeMetrics_cancelled_stopsBeforeCentralityRanksAndCommunities();
    void modularity_handAssignedCommunities_matchesHandComputation();
    void shortestPath_connectedConcepts_followsEdgesWithEvidence();
    void shortestPath_equalHopPaths_prefersStrongerLinks();
    void shortestPath_unreachableOrSameNode_returnsEmpty();
    void shortestPath_genericHub_isPassedBySpecificDetour();
    void shortestPath_specificShortcut_beatsLongerDetour();
    void bestPaths_alternatives_cheapestFirstEachHopWithEvidence();
    void bestPaths_cancelledOrNoneAsked_returnsNothing();
};

void ConceptGraphTest::fromExtraction_smallExtraction_keepsConceptsAndValidRelationsInOrder()
{
    const ConceptGraph graph = ConceptGraph::fromExtraction(smallExtraction());

    QCOMPARE(graph.nodeCount(), 4);
    QCOMPARE(graph.edgeCount(), 3);
    QCOMPARE(graph.node(0).info.id, ConceptId(QStringLiteral("beaver")));
    QCOMPARE(graph.node(3).info.label, QStringLiteral("Flood risk"));
    QCOMPARE(graph.edge(0).relation.label, QStringLiteral("builds"));
    QCOMPARE(graph.edge(0).source, 0);
    QCOMPARE(graph.edge(0).target, 1);
    // The repeated beaver-dam pair (weight 9) was dropped, the first kept.
    QCOMPARE(graph.edge(0).relation.weight, 2.0);
    QCOMPARE(graph.edge(2).source, 3);
    QCOMPARE(graph.edge(2).target, 2);
    QCOMPARE(graph.node(0).community, -1); // metrics not computed yet
}

void ConceptGraphTest::find_knownAndUnknownIds_returnsIndexOrNothing()
{
    const ConceptGraph graph = ConceptGraph::fromExtraction(smallExtraction());

    QCOMPARE(graph.find(ConceptId(QStringLiteral("wetland"))), std::optional<NodeIndex>(2));
    QCOMPARE(graph.find(ConceptId(QStringLiteral("unknown"))), std::nullopt);
}

void ConceptGraphTest::findByName_labelOrAlias_matchesCaseInsensitively_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("expected"); // -1: not found

    QTest::addRow("label") << QStringLiteral("Wetland") << 2;
    QTest::addRow("label, other case") << QStringLiteral("FLOOD RISK") << 3;
    QTest::addRow("alias") << QStringLiteral("flooding") << 3;
    QTest::addRow("alias, other case") << QStringLiteral("Beaver Dams") << 1;
    QTest::addRow("surrounding space") << QStringLiteral("  beavers ") << 0;
    QTest::addRow("unknown") << QStringLiteral("river") << -1;
    QTest::addRow("empty") << QString() << -1;
}

void ConceptGraphTest::findByName_labelOrAlias_matchesCaseInsensitively()
{
    QFETCH(QString, name);
    QFETCH(int, expected);
    const ConceptGraph graph = ConceptGraph::fromExtraction(smallExtraction());

    const std::optional<NodeIndex> found = graph.findByName(name);

    QCOMPARE(found.value_or(-1), expected);
}

void ConceptGraphTest::incidentEdges_middleNode_listsBothLinks()
{
    const ConceptGraph graph = ConceptGraph::fromExtraction(smallExtraction());

    std::vector<EdgeIndex> edges = graph.incidentEdges(1);
    std::vector<NodeIndex> neighbours = graph.neighbours(1);
    std::sort(edges.begin(), edges.end());
    std::sort(neighbours.begin(), neighbours.end());

    QCOMPARE(edges, (std::vector<EdgeIndex>{0, 1}));
    QCOMPARE(neighbours, (std::vector<NodeIndex>{0, 2}));
    QCOMPARE(graph.neighbours(3), (std::vector<NodeIndex>{2}));
    QVERIFY(graph.incidentEdges(-1).empty());
}

void ConceptGraphTest::edgeBetween_linkedAndUnlinkedPairs_returnsEdgeOrNothing()
{
    const ConceptGraph graph = ConceptGraph::fromExtraction(smallExtraction());

    QCOMPARE(graph.edgeBetween(0, 1), std::optional<EdgeIndex>(0));
    QCOMPARE(graph.edgeBetween(1, 0), std::optional<EdgeIndex>(0));
    QCOMPARE(graph.edgeBetween(2, 3), std::optional<EdgeIndex>(2));
    QCOMPARE(graph.edgeBetween(0, 3), std::nullopt);
    QCOMPARE(graph.edgeBetween(0, 99), std::nullopt);
}

void ConceptGraphTest::copy_outlivesOriginal_keepsEdgesAddressable()
{
    auto original = std::make_unique<ConceptGraph>(ConceptGraph::fromExtraction(smallExtraction()));
    ConceptGraph copy = *original;
    ConceptGraph assigned;
    assigned = *original;
    original.reset();

    for (const ConceptGraph *graph : {&copy, &assigned}) {
        QCOMPARE(graph->edgeCount(), 3);
        QCOMPARE(graph->edge(1).relation.source, ConceptId(QStringLiteral("dam")));
        QCOMPARE(graph->edgeBetween(1, 2), std::optional<EdgeIndex>(1));
        QCOMPARE(graph->find(ConceptId(QStringLiteral("flood"))), std::optional<NodeIndex>(3));
    }
}

void ConceptGraphTest::computeMetrics_emptyGraph_leavesNothingToCompute()
{
    ConceptGraph graph = ConceptGraph::fromExtraction({});

    graph.computeMetrics();

    QCOMPARE(graph.nodeCount(), 0);
    QCOMPARE(graph.edgeCount(), 0);
    QCOMPARE(graph.modularity(), 0.0);
    QVERIFY(graph.shortestPath(0, 1).empty());
    QCOMPARE(graph.findByName(QStringLiteral("anything")), std::nullopt);
}

void ConceptGraphTest::computeMetrics_starGraph_centreCarriesAllBetweenness()
{
    ConceptGraph graph = ConceptGraph::fromExtraction(makeGraph(5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}}));

    graph.computeMetrics();

    QCOMPARE(graph.node(0).degree, 4);
    QCOMPARE(graph.node(0).betweenness, 1.0);
    for (int leaf = 1; leaf < 5; ++leaf) {
        QCOMPARE(graph.node(leaf).degree, 1);
        QCOMPARE(graph.node(leaf).betweenness, 0.0);
        QVERIFY(graph.node(0).pageRank > graph.node(leaf).pageRank);
    }
}

void ConceptGraphTest::computeMetrics_pathGraph_betweennessMatchesHandValues()
{
    // n0 - n1 - n2 - n3 - n4: n1 lies on 3 of the 6 pairs not involving it,
    // n2 on 4 of 6.
    ConceptGraph graph = ConceptGraph::fromExtraction(makeGraph(5, {{0, 1}, {1, 2}, {2, 3}, {3, 4}}));

    graph.computeMetrics();

    const std::vector<double> expected{0.0, 0.5, 4.0 / 6.0, 0.5, 0.0};
    for (int i = 0; i < 5; ++i) {
        QVERIFY2(qAbs(graph.node(i).betweenness - expected[size_t(i)]) < 1e-12, qPrintable(nodeName(i)));
        QCOMPARE(graph.node(i).degree, (i == 0 || i == 4) ? 1 : 2);
    }
    // The walk is symmetric, so the ends share a rank.
    QCOMPARE(graph.node(0).pageRank, graph.node(4).pageRank);
}

void ConceptGraphTest::computeMetrics_weightedLinks_sumsWeightedDegree()
{
    ConceptGraph graph = ConceptGraph::fromExtraction(smallExtraction());

    graph.computeMetrics();

    QCOMPARE(graph.node(0).weightedDegree, 2.0);
    QCOMPARE(graph.node(1).weightedDegree, 3.5);
    QCOMPARE(graph.node(2).weightedDegree, 2.0);
    QCOMPARE(graph.node(3).weightedDegree, 0.5);
    // dam's strong links make it the most visited concept.
    QVERIFY(graph.node(1).pageRank > graph.node(2).pageRank);
}

void ConceptGraphTest::computeMetrics_anyGraph_pageRankSumsToOne()
{
    // A triangle, a pair and an isolated node (which only receives teleports).
    ConceptGraph graph = ConceptGraph::fromExtraction(makeGraph(6, {{0, 1}, {1, 2}, {0, 2}, {3, 4}}));

    graph.computeMetrics();

    double sum = 0.0;
    for (int i = 0; i < graph.nodeCount(); ++i) {
        QVERIFY(graph.node(i).pageRank > 0.0);
        sum += graph.node(i).pageRank;
    }
    QVERIFY(qAbs(sum - 1.0) < 1e-9);
    // Every linked node here has the same degree as its neighbours, so they
    // share a rank. The isolated node keeps r = (1-d)/n + d·r/n, so r = (1-d)/(n-d).
    QVERIFY(qAbs(graph.node(0).pageRank - graph.node(3).pageRank) < 1e-9);
    QVERIFY(qAbs(graph.node(5).pageRank - 0.15 / 5.15) < 1e-9);
}

void ConceptGraphTest::computeMetrics_disconnectedGraph_numbersComponentsLargestFirst()
{
    // Pair n0-n1, isolated n2, triangle n3-n4-n5.
    ConceptGraph graph = ConceptGraph::fromExtraction(makeGraph(6, {{0, 1}, {3, 4}, {4, 5}, {3, 5}}));

    graph.computeMetrics();

    const std::vector<int> expected{1, 1, 2, 0, 0, 0};
    for (int i = 0; i < 6; ++i)
        QCOMPARE(graph.node(i).component, expected[size_t(i)]);
    QCOMPARE(graph.node(2).degree, 0);
    QCOMPARE(graph.node(2).betweenness, 0.0);
}

void ConceptGraphTest::computeMetrics_karateClub_matchesPublishedBetweenness()
{
    ConceptGraph graph = ConceptGraph::fromExtraction(karateClub());
    QCOMPARE(graph.edgeCount(), 78);

    graph.computeMetrics();

    // Normalised betweenness of the instructor and administrator, as networkx reports it.
    QVERIFY(qAbs(graph.node(0).betweenness - 0.43763528138528146) < 1e-9);
    QVERIFY(qAbs(graph.node(33).betweenness - 0.30407497594997596) < 1e-9);
    QCOMPARE(graph.node(0).degree, 16);
    QCOMPARE(graph.node(33).degree, 17);
    QVERIFY(graph.modularity() >= 0.40);
}

void ConceptGraphTest::computeMetrics_sampledBetweennessWithAllSources_equalsExact()
{
    ConceptGraph exact = ConceptGraph::fromExtraction(karateClub());
    ConceptGraph sampled = exact;
    exact.computeMetrics();

    MetricsOptions options;
    options.exactBetweennessWork = 0; // force the pivot estimate
    options.betweennessPivots = 1000; // more than there are nodes: every source is used
    options.threads = 2;
    sampled.computeMetrics(options);

    for (int i = 0; i < exact.nodeCount(); ++i)
        QVERIFY2(qAbs(exact.node(i).betweenness - sampled.node(i).betweenness) < 1e-12, qPrintable(nodeName(i)));
}

void ConceptGraphTest::computeMetrics_sampledBetweenness_isDeterministicForSeed()
{
    const ConceptGraph base = ConceptGraph::fromExtraction(karateClub());
    MetricsOptions options;
    options.exactBetweennessWork = 0;
    options.betweennessPivots = 12;
    options.seed = 5;

    ConceptGraph first = base;
    ConceptGraph second = base;
    ConceptGraph singleThread = base;
    first.computeMetrics(options);
    second.computeMetrics(options);
    options.threads = 1;
    singleThread.computeMetrics(options);

    for (int i = 0; i < base.nodeCount(); ++i) {
        QCOMPARE(first.node(i).betweenness, second.node(i).betweenness);
        QVERIFY(qAbs(first.node(i).betweenness - singleThread.node(i).betweenness) < 1e-12);
        QVERIFY(first.node(i).betweenness >= 0.0 && first.node(i).betweenness <= 1.0);
        QCOMPARE(first.node(i).community, second.node(i).community);
    }
}

void ConceptGraphTest::computeMetrics_twoTriangles_findsTwoCommunities()
{
    ConceptGraph graph = ConceptGraph::fromExtraction(makeGraph(6, {{0, 1}, {1, 2}, {0, 2}, {3, 4}, {4, 5}, {3, 5}, {2, 3}}));

    graph.computeMetrics(3);

    QCOMPARE(graph.node(0).community, graph.node(1).community);
    QCOMPARE(graph.node(1).community, graph.node(2).community);
    QCOMPARE(graph.node(3).community, graph.node(4).community);
    QCOMPARE(graph.node(4).community, graph.node(5).community);
    QVERIFY(graph.node(0).community != graph.node(5).community);
    QVERIFY(qAbs(graph.modularity() - 5.0 / 14.0) < 1e-12);
}

void ConceptGraphTest::computeMetrics_cancelled_stopsBeforeCentralityRanksAndCommunities()
{
    const ConceptGraph base = ConceptGraph::fromExtraction(karateClub());
    for (const long long exactWork : {20'000'000LL, 0LL}) { // exact Brandes and the pivot estimate
        MetricsOptions options;
        options.exactBetweennessWork = exactWork;
        CancelToken cancel;
        cancel.cancel();
        options.cancel = &cancel;
        ConceptGraph cancelled = base;
        cancelled.computeMetrics(options);
        options.cancel = nullptr;
        ConceptGraph finished = base;
        finished.computeMetrics(options);
        double cancelledRank = 0.0;
        double finishedRank = 0.0;
        for (int i = 0; i < base.nodeCount(); ++i) {
            cancelledRank += cancelled.node(i).pageRank;
            finishedRank += finished.node(i).pageRank;
            // Nothing past the first cancel check ran: no ranks, no communities.
            QCOMPARE(cancelled.node(i).community, -1);
            QVERIFY(finished.node(i).community >= 0);
            if (exactWork == 0)
                QCOMPARE(cancelled.node(i).betweenness, 0.0); // no source was visited
        }
        QCOMPARE(cancelledRank, 0.0);
        QVERIFY(qAbs(finishedRank - 1.0) < 1e-9);
    }
}

void ConceptGraphTest::modularity_handAssignedCommunities_matchesHandComputation()
{
    ConceptGraph graph = ConceptGraph::fromExtraction(makeGraph(6, {{0, 1}, {1, 2}, {0, 2}, {3, 4}, {4, 5}, {3, 5}, {2, 3}}));
    for (int i = 0; i < 6; ++i)
        graph.node(i).community = i < 3 ? 0 : 1;

    // m = 7; each triangle has 2·3 inside and degree sum 7: Q = 2·(6/14 - 1/4).
    QVERIFY(qAbs(graph.modularity() - 5.0 / 14.0) < 1e-12);

    for (int i = 0; i < 6; ++i)
        graph.node(i).community = 0;
    QVERIFY(qAbs(graph.modularity()) < 1e-12);
}

void ConceptGraphTest::shortestPath_connectedConcepts_followsEdgesWithEvidence()
{
    // A ring n0..n7 with a chord n0-n4: n0 to n5 takes n0-n4-n5.
    ConceptGraph graph = ConceptGraph::fromExtraction(
        makeGraph(8, {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6}, {6, 7}, {7, 0}, {0, 4}}));

    const std::vector<PathStep> path = graph.shortestPath(0, 5);

    QCOMPARE(path.size(), size_t(2));
    QCOMPARE(path.front().from, 0);
    QCOMPARE(path.back().to, 5);
    for (size_t i = 0; i < path.size(); ++i) {
        const EdgeData &edge = graph.edge(path[i].edge);
        QVERIFY((edge.source == path[i].from && edge.target == path[i].to)
                || (edge.source == path[i].to && edge.target == path[i].from));
        QVERIFY(!edge.relation.evidence.empty());
        if (i > 0)
            QCOMPARE(path[i].from, path[i - 1].to);
    }
}

void ConceptGraphTest::shortestPath_equalHopPaths_prefersStrongerLinks()
{
    // Diamond a-b-d and a-c-d; the links through c are stronger.
    extract::Extraction extraction;
    for (const char *name : {"a", "b", "c", "d"})
        extraction.concepts.push_back(makeConcept(QLatin1String(name), QLatin1String(name)));
    extraction.relations = {
        makeRelation(QStringLiteral("a"), QStringLiteral("b"), 1.0),
        makeRelation(QStringLiteral("b"), QStringLiteral("d"), 1.0),
        makeRelation(QStringLiteral("a"), QStringLiteral("c"), 3.0),
        makeRelation(QStringLiteral("c"), QStringLiteral("d"), 3.0),
    };
    const ConceptGraph graph = ConceptGraph::fromExtraction(extraction);

    const std::vector<PathStep> path = graph.shortestPath(0, 3);

    QCOMPARE(path.size(), size_t(2));
    QCOMPARE(path[0].to, 2);
    QCOMPARE(path[0].edge, 2);
    QCOMPARE(path[1].edge, 3);
}

void ConceptGraphTest::shortestPath_unreachableOrSameNode_returnsEmpty()
{
    const ConceptGraph graph = ConceptGraph::fromExtraction(makeGraph(4, {{0, 1}, {2, 3}}));

    QVERIFY(graph.shortestPath(0, 3).empty());
    QVERIFY(graph.shortestPath(1, 1).empty());
    QVERIFY(graph.shortestPath(0, 42).empty());
    QCOMPARE(graph.shortestPath(1, 0).size(), size_t(1));
}

namespace {

// a and b joined through a hub linked to ten leaves, and through two
// concepts linked to nothing else; scores per node.
extract::Extraction hubAndDetour(double hubScore, double detourScore)
{
    extract::Extraction x;
    auto add = [&](const QString &id, double score) {
        x.concepts.push_back(makeConcept(id, id));
        x.concepts.back().score = score;
    };
    add(QStringLiteral("a"), 10.0);
    add(QStringLiteral("b"), 10.0);
    add(QStringLiteral("hub"), hubScore);
    add(QStringLiteral("s1"), detourScore);
    add(QStringLiteral("s2"), detourScore);
    x.relations = {makeRelation(QStringLiteral("a"), QStringLiteral("hub")),
                   makeRelation(QStringLiteral("hub"), QStringLiteral("b")),
                   makeRelation(QStringLiteral("a"), QStringLiteral("s1")),
                   makeRelation(QStringLiteral("s1"), QStringLiteral("s2")),
                   makeRelation(QStringLiteral("s2"), QStringLiteral("b"))};
    for (int i = 0; i < 10; ++i) {
        add(QStringLiteral("leaf%1").arg(i), 1.0);
        x.relations.push_back(makeRelation(QStringLiteral("hub"), QStringLiteral("leaf%1").arg(i)));
    }
    return x;
}

QStringList pathIds(const ConceptGraph &graph, const std::vector<PathStep> &steps)
{
    QStringList ids;
    if (!steps.empty())
        ids << graph.node(steps.front().from).info.id.value();
    for (const PathStep &s : steps)
        ids << graph.node(s.to).info.id.value();
    return ids;
}

} // namespace

void ConceptGraphTest::shortestPath_genericHub_isPassedBySpecificDetour()
{
    // "DeepSeek -> access -> export controls": a generic hub costs more than
    // the extra hop through two specific concepts.
    const ConceptGraph graph = ConceptGraph::fromExtraction(hubAndDetour(0.5, 9.0));
    const QStringList ids = pathIds(graph, graph.shortestPath(0, 1));
    QCOMPARE(ids, (QStringList{QStringLiteral("a"), QStringLiteral("s1"), QStringLiteral("s2"), QStringLiteral("b")}));
}

void ConceptGraphTest::shortestPath_specificShortcut_beatsLongerDetour()
{
    // The same shape, but the middle concept is specific and the detour generic.
    const ConceptGraph graph = ConceptGraph::fromExtraction(hubAndDetour(9.0, 0.5));
    const QStringList ids = pathIds(graph, graph.shortestPath(0, 1));
    QCOMPARE(ids, (QStringList{QStringLiteral("a"), QStringLiteral("hub"), QStringLiteral("b")}));
}

void ConceptGraphTest::bestPaths_alternatives_cheapestFirstEachHopWithEvidence()
{
    // The ring with a chord: n0 to n5 by n4, by n7-n6, by n1-n2-n3-n4.
    const ConceptGraph graph = ConceptGraph::fromExtraction(
        makeGraph(8, {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6}, {6, 7}, {7, 0}, {0, 4}}));

    const std::vector<Path> paths = graph.bestPaths(0, 5, 5);

    QCOMPARE(paths.size(), size_t(3)); // the only loopless ones
    QCOMPARE(pathIds(graph, paths[0].steps), (QStringList{QStringLiteral("n0"), QStringLiteral("n4"), QStringLiteral("n5")}));
    QCOMPARE(pathIds(graph, paths[1].steps),
             (QStringList{QStringLiteral("n0"), QStringLiteral("n7"), QStringLiteral("n6"), QStringLiteral("n5")}));
    QCOMPARE(paths[2].steps.size(), size_t(5));
    for (size_t p = 0; p < paths.size(); ++p) {
        if (p > 0)
            QVERIFY(paths[p - 1].cost <= paths[p].cost);
        for (const PathStep &step : paths[p].steps) {
            const EdgeData &edge = graph.edge(step.edge);
            QVERIFY((edge.source == step.from && edge.target == step.to) || (edge.source == step.to && edge.target == step.from));
            QVERIFY(!edge.relation.evidence.empty());
        }
    }
    QCOMPARE(graph.shortestPath(0, 5).size(), paths[0].steps.size());
}

void ConceptGraphTest::bestPaths_cancelledOrNoneAsked_returnsNothing()
{
    const ConceptGraph graph = ConceptGraph::fromExtraction(makeGraph(3, {{0, 1}, {1, 2}}));
    QCOMPARE(graph.bestPaths(0, 2).size(), size_t(1));
    QVERIFY(graph.bestPaths(0, 2, 0).empty());
    CancelToken cancel;
    cancel.cancel();
    QVERIFY(graph.bestPaths(0, 2, 3, {}, &cancel).empty());
}

QTEST_GUILESS_MAIN(ConceptGraphTest)
#include "conceptgraph_test.moc"
