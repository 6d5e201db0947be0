#pragma once
// Synthetic concept-map-like graphs for tests and benchmarks (no module
// dependency, so the layout, graph and render code can all use them).

#include <algorithm>
#include <cstddef>
#include <random>
#include <set>
#include <utility>
#include <vector>

namespace carto::testsupport {

// Holme–Kim graph (Holme & Kim 2002): Barabási–Albert preferential attachment
// with m edges per new node where, after the first, each edge closes a
// triangle (links a neighbour of the previous target) with probability p,
// else attaches preferentially; as co-occurrence graphs of concepts tend to
// do. Starts from a clique of m + 1 nodes; connected, simple, with hubs and
// clusters. Deterministic for a seed. Returns the n nodes' edges as pairs.
inline std::vector<std::pair<int, int>> holmeKimEdges(int n, unsigned seed, int m = 3, double p = 0.5)
{
    std::mt19937_64 rng(seed);
    auto below = [&rng](std::size_t k) { return std::size_t(rng() % k); };
    auto unit = [&rng]() { return double(rng() >> 11) * 0x1.0p-53; };
    std::vector<std::pair<int, int>> edges;
    std::vector<std::vector<int>> adjacency(static_cast<std::size_t>(std::max(n, 0)));
    std::vector<int> endpoints; // each node once per incident edge: preferential sampling
    auto link = [&](int a, int b) {
        edges.emplace_back(a, b);
        adjacency[std::size_t(a)].push_back(b);
        adjacency[std::size_t(b)].push_back(a);
        endpoints.push_back(a);
        endpoints.push_back(b);
    };
    const int start = std::min(n, m + 1);
    for (int a = 0; a < start; ++a)
        for (int b = a + 1; b < start; ++b)
            link(a, b);
    for (int v = start; v < n; ++v) {
        std::set<int> chosen;
        int previous = -1;
        for (int e = 0; e < m; ++e) {
            int target = -1;
            if (previous >= 0 && unit() < p) {
                const auto &candidates = adjacency[std::size_t(previous)];
                for (int attempt = 0; attempt < 8 && target < 0; ++attempt) {
                    const int t = candidates[below(candidates.size())];
                    if (t != v && !chosen.count(t))
                        target = t;
                }
            }
            while (target < 0) {
                const int t = endpoints[below(endpoints.size())];
                if (!chosen.count(t))
                    target = t;
            }
            chosen.insert(target);
            previous = target;
        }
        for (int t : chosen)
            link(v, t);
    }
    return edges;
}

} // namespace carto::testsupport
