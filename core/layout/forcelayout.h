#pragma once

#include "foundation/progress.h"
#include "graph/conceptgraph.h"

#include <optional>
#include <vector>

namespace carto::layout {

using graph::Point;

// A graph reduced to what a layout needs.
struct LayoutGraph
{
    int nodeCount = 0;
    struct Edge
    {
        int source = 0;
        int target = 0;
        double weight = 1.0;
    };
    std::vector<Edge> edges;
};

// Multilevel Barnes-Hut force-directed layout (coarsen by matching, lay out the
// coarsest graph, refine level by level with a quadtree for repulsion).
// Deterministic for a seed. Given previous positions it starts from them and
// keeps them stable under small changes; pinned nodes never move.
class ForceLayout final
{
public:
    struct Options
    {
        unsigned seed = 1;
        int maxIterations = 0; // 0: automatic per level
        double theta = 0.9;    // Barnes-Hut opening angle
        int threads = 0;       // 0: hardware concurrency
    };

    explicit ForceLayout(Options options);
    ForceLayout();

    // previous: optional start positions per node (nullopt = free to place);
    // pinned: nodes whose previous position must be kept exactly.
    [[nodiscard]] std::vector<Point> run(const LayoutGraph &graph,
                                         const std::vector<std::optional<Point>> &previous = {},
                                         const std::vector<bool> &pinned = {},
                                         ProgressSink *progress = nullptr,
                                         const CancelToken *cancel = nullptr) const;

    // Lays out a concept graph in place, honouring NodeData::pinned and using
    // existing positions where hasPositions is true.
    void run(graph::ConceptGraph &graph, bool hasPositions = false, ProgressSink *progress = nullptr,
             const CancelToken *cancel = nullptr) const;

private:
    Options m_options;
};

[[nodiscard]] LayoutGraph toLayoutGraph(const graph::ConceptGraph &graph);

// Normalised stress of a layout against hop distances, sampled from `pivots` BFS
// sources, at the optimal scale: sum w(d_ij*s - ||xi-xj||)^2 / sum w d_ij^2 ...
// see the implementation for the exact definition.
[[nodiscard]] double normalisedStress(const LayoutGraph &graph, const std::vector<Point> &positions,
                                      int pivots = 64, unsigned seed = 1);

} // namespace carto::layout
