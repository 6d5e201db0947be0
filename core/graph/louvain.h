#pragma once

#include "foundation/progress.h"

#include <vector>

namespace carto::graph {

// Louvain community detection (Blondel et al. 2008) over a weighted undirected
// edge list. Written here because Boost.Graph has no modularity optimiser.
// Deterministic for a given seed (node visiting order is shuffled with it).
struct WeightedEdge
{
    int source = 0;
    int target = 0;
    double weight = 1.0;
};

struct CommunityResult
{
    std::vector<int> community; // per node, renumbered so 0 is the largest
    double modularity = 0.0;
};

// Polls `cancel` once per pass over the nodes; cancelled, it returns the
// communities of the last finished level.
[[nodiscard]] CommunityResult louvain(int nodeCount, const std::vector<WeightedEdge> &edges, unsigned seed = 1,
                                      const CancelToken *cancel = nullptr);
[[nodiscard]] double modularity(int nodeCount, const std::vector<WeightedEdge> &edges,
                                const std::vector<int> &community);

} // namespace carto::graph
