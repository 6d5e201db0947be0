// Times ConceptGraph::computeMetrics and bestPaths (three alternatives, the
// path panel's query) on synthetic concept-like graphs.
// Not a test: prints figures. Budget: ≤ 0.25 s for 3,000 nodes / ~40,000 edges.
//
// Graphs are Barabási–Albert with triangle closing (Holme & Kim 2002): each new
// node links to m existing ones, the first by preferential attachment and each
// further one, with probability p, to a neighbour of the previous target
// (closing a triangle), as co-occurrence graphs of concepts tend to do.

#include "graph/conceptgraph.h"
#include "support/syntheticgraphs.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSet>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <random>
#include <vector>

using namespace carto;

namespace {

extract::Extraction syntheticExtraction(int nodes, int m, unsigned seed)
{
    extract::Extraction extraction;
    extraction.concepts.reserve(static_cast<size_t>(nodes));
    for (int i = 0; i < nodes; ++i) {
        extract::Concept item;
        item.id = ConceptId(QStringLiteral("concept-%1").arg(i));
        item.label = QStringLiteral("Concept %1").arg(i);
        item.aliases = {item.label};
        item.score = 10.0 / (1.0 + i % 97); // a few specific concepts, many generic ones
        extraction.concepts.push_back(std::move(item));
    }
    std::mt19937 engine(seed + 1);
    std::uniform_real_distribution<double> weight(0.05, 1.0);
    for (const auto &[a, b] : testsupport::holmeKimEdges(nodes, seed, m, 0.5)) {
        extract::Relation relation;
        relation.source = extraction.concepts[static_cast<size_t>(a)].id;
        relation.target = extraction.concepts[static_cast<size_t>(b)].id;
        relation.count = 1;
        relation.weight = weight(engine);
        relation.evidence.push_back({Span{DocumentId(0), TextRange{0, 10}}});
        extraction.relations.push_back(std::move(relation));
    }
    return extraction;
}

void run(int nodes, int m)
{
    const extract::Extraction extraction = syntheticExtraction(nodes, m, 20240601U);
    QElapsedTimer timer;
    timer.start();
    const graph::ConceptGraph built = graph::ConceptGraph::fromExtraction(extraction);
    const double buildMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;

    std::vector<double> times;
    double modularity = 0.0;
    int communities = 0;
    for (int repeat = 0; repeat < 3; ++repeat) {
        graph::ConceptGraph graph = built;
        timer.restart();
        graph.computeMetrics(1);
        times.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        modularity = graph.modularity();
        communities = 0;
        for (int i = 0; i < graph.nodeCount(); ++i)
            communities = std::max(communities, graph.node(i).community + 1);
    }
    std::sort(times.begin(), times.end());
    // bestPaths between seeded random pairs: the cost of one path panel query
    std::mt19937 pairs(7);
    std::vector<double> pathTimes;
    size_t hops = 0;
    for (int query = 0; query < 21; ++query) {
        const auto a = static_cast<graph::NodeIndex>(pairs() % static_cast<unsigned>(nodes));
        const auto b = static_cast<graph::NodeIndex>(pairs() % static_cast<unsigned>(nodes));
        timer.restart();
        const std::vector<graph::Path> paths = built.bestPaths(a, b, 3);
        pathTimes.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        hops += paths.empty() ? 0 : paths.front().steps.size();
    }
    std::sort(pathTimes.begin(), pathTimes.end());
    std::printf("graph_bench nodes=%d edges=%d m=%d  fromExtraction %.1f ms  computeMetrics min %.1f ms median %.1f ms"
                "  (Q=%.3f, %d communities)  bestPaths(3) median %.1f ms max %.1f ms (%.1f hops)\n",
                built.nodeCount(), built.edgeCount(), m, buildMs, times.front(), times[1], modularity, communities,
                pathTimes[pathTimes.size() / 2], pathTimes.back(), static_cast<double>(hops) / 21.0);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    run(3000, 3);
    run(3000, 14); // ~40,000 edges: the interactive budget case (≤ 250 ms)
    run(20000, 3);
    run(20000, 14);
    return 0;
}
