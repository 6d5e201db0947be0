// The ConceptGraph-facing half of ForceLayout, kept apart from forcelayout.cpp
// so the numeric core builds and tests without the graph module's objects.
#include "layout/forcelayout.h"

namespace carto::layout {

LayoutGraph toLayoutGraph(const graph::ConceptGraph &graph)
{
    LayoutGraph result;
    result.nodeCount = graph.nodeCount();
    result.edges.reserve(size_t(graph.edgeCount()));
    for (graph::EdgeIndex e = 0; e < graph.edgeCount(); ++e) {
        const graph::EdgeData &edge = graph.edge(e);
        result.edges.push_back({edge.source, edge.target, edge.relation.weight});
    }
    return result;
}

void ForceLayout::run(graph::ConceptGraph &graph, bool hasPositions, ProgressSink *progress,
                      const CancelToken *cancel) const
{
    const int n = graph.nodeCount();
    std::vector<std::optional<Point>> previous;
    std::vector<bool> pinned(static_cast<size_t>(n), false);
    if (hasPositions) {
        previous.resize(size_t(n));
        for (graph::NodeIndex v = 0; v < n; ++v)
            previous[size_t(v)] = graph.node(v).position;
    }
    for (graph::NodeIndex v = 0; v < n; ++v)
        pinned[size_t(v)] = graph.node(v).pinned;
    const std::vector<Point> positions = run(toLayoutGraph(graph), previous, pinned, progress, cancel);
    if (positions.size() != size_t(n))
        return; // cancelled: leave the graph as it was
    for (graph::NodeIndex v = 0; v < n; ++v)
        graph.node(v).position = positions[size_t(v)];
}

} // namespace carto::layout
