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
        // Natural spring length K in output units (scene pixels for the
        // canvas); connected neighbours end up roughly this far apart.
        double idealEdgeLength = 100.0;
        // Pull towards the centre of the nodes linked more than the average,
        // growing with the square of that excess of weighted degree (a
        // degree-weighted gravity in the manner of ForceAtlas2), relative to
        // the repulsion at the rim of the layout: it keeps the best-connected
        // concepts in the middle instead of pushed to an edge by a large
        // periphery, and leaves evenly linked graphs (chains, grids) alone.
        // 0 turns it off.
        double gravity = 12.0;
    };

    explicit ForceLayout(Options options);
    ForceLayout();

    // previous: optional start positions per node (nullopt = free to place);
    // pinned: nodes whose previous position must be kept exactly.
    // Connected components are laid out separately and packed on a spiral
    // around the largest; with previous positions, components that had them
    // stay where they were and new components are packed beside them. Progress is reported as
    // ("Layout", iteration, total). If cancelled, returns an empty vector.
    // Identical input, options and seed give identical positions, whatever
    // the thread count.
    [[nodiscard]] std::vector<Point> run(const LayoutGraph &graph,
                                         const std::vector<std::optional<Point>> &previous = {},
                                         const std::vector<bool> &pinned = {},
                                         ProgressSink *progress = nullptr,
                                         const CancelToken *cancel = nullptr) const;

    // Lays out a concept graph in place, honouring NodeData::pinned and using
    // existing positions where hasPositions is true. If cancelled, positions
    // are left untouched.
    void run(graph::ConceptGraph &graph, bool hasPositions = false, ProgressSink *progress = nullptr,
             const CancelToken *cancel = nullptr) const;

private:
    Options m_options;
};

[[nodiscard]] LayoutGraph toLayoutGraph(const graph::ConceptGraph &graph);

// Normalised stress of a layout against hop distances (edge weights ignored),
// sampled from `pivots` BFS sources chosen by `seed` (all nodes when fewer),
// at the optimal scale:
//   over all pairs (p, j), p a pivot, j != p reachable from p, d = hops(p, j),
//   r = ||x_p - x_j|| / d, N = number of pairs:
//   stress = min_s (1/N) sum (s r - 1)^2      [= sum (s||x|| - d)^2 / d^2 / N]
//          = 1 - (sum r)^2 / (N sum r^2)       at s* = sum r / sum r^2.
// 0 is a perfect hop-distance embedding; 1 when every position coincides.
// Pairs in different components do not count. Returns 0 for graphs with no
// connected pair and NaN when positions.size() != graph.nodeCount.
[[nodiscard]] double normalisedStress(const LayoutGraph &graph, const std::vector<Point> &positions,
                                      int pivots = 64, unsigned seed = 1);

} // namespace carto::layout
