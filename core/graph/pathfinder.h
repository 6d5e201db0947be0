#pragma once

#include "foundation/progress.h"

#include <memory>
#include <vector>

namespace carto::graph {

// Cheapest loopless paths in an undirected graph where both passing along an
// edge and passing through a node cost something: Yen's k shortest paths
// (Yen 1971) over Boost.Graph's Dijkstra, on a compact CSR copy with both
// directions of every edge (so the cost of entering a node rides on the arc).
// Boost has Dijkstra but no k-shortest-paths algorithm, hence Yen here.
// Called by ConceptGraph::bestPaths(); plain indices in and out.
class PathFinder final
{
public:
    struct Link
    {
        int a = -1;
        int b = -1;
        double cost = 1.0; // > 0
    };

    struct Route
    {
        std::vector<int> nodes; // from ... to
        std::vector<int> links; // index into the links given, one per hop
        double cost = 0.0;      // the links' costs plus the costs of the nodes passed through
    };

    // nodeCost[v] >= 0 is paid for passing through v (never for the ends).
    // Links with an end out of range are ignored.
    PathFinder(int nodeCount, const std::vector<Link> &links, std::vector<double> nodeCost);
    ~PathFinder();
    PathFinder(const PathFinder &) = delete;
    PathFinder &operator=(const PathFinder &) = delete;

    // Up to count loopless routes from `from` to `to`, cheapest first; among
    // equal costs the one with fewer hops, then the lower node indices, first.
    // Empty when they are not connected, equal or out of range, or once
    // cancelled (polled before each Dijkstra run).
    [[nodiscard]] std::vector<Route> cheapest(int from, int to, int count, const CancelToken *cancel = nullptr) const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace carto::graph
