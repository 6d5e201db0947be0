#include "graph/louvain.h"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <random>

namespace carto::graph {

namespace {

// A symmetric weighted graph in compressed rows. A self-loop of weight w on an
// input edge counts 2w in A_ii (as in networkx), so that node strength k_i is
// always the row sum and 2m the sum of all strengths. Aggregated levels keep
// that convention: A'_CC is the sum of A_ij over i, j in C.
struct LevelGraph
{
    int nodeCount = 0;
    std::vector<int> offsets;       // nodeCount + 1
    std::vector<int> neighbours;    // row entries, self included when A_ii > 0
    std::vector<double> weights;    // A_ij per entry
    std::vector<double> strength;   // k_i
    double totalWeight = 0.0;       // 2m
};

struct Entry
{
    int a;
    int b;
    double w;
};

// Sums duplicate (a, b) entries and lays them out as compressed rows.
LevelGraph buildLevel(int nodeCount, std::vector<Entry> entries)
{
    std::sort(entries.begin(), entries.end(), [](const Entry &x, const Entry &y) {
        return x.a != y.a ? x.a < y.a : x.b < y.b;
    });
    LevelGraph g;
    g.nodeCount = nodeCount;
    g.offsets.assign(static_cast<size_t>(nodeCount) + 1, 0);
    g.strength.assign(static_cast<size_t>(nodeCount), 0.0);
    for (size_t i = 0; i < entries.size();) {
        const Entry &e = entries[i];
        double sum = 0.0;
        size_t j = i;
        for (; j < entries.size() && entries[j].a == e.a && entries[j].b == e.b; ++j)
            sum += entries[j].w;
        g.neighbours.push_back(e.b);
        g.weights.push_back(sum);
        ++g.offsets[static_cast<size_t>(e.a) + 1];
        g.strength[static_cast<size_t>(e.a)] += sum;
        i = j;
    }
    std::partial_sum(g.offsets.begin(), g.offsets.end(), g.offsets.begin());
    g.totalWeight = std::accumulate(g.strength.begin(), g.strength.end(), 0.0);
    return g;
}

// A uniform index in [0, bound) from the raw engine output, so the shuffle is
// the same with every standard library (std::uniform_int_distribution and
// std::shuffle are implementation-defined).
int boundedRandom(std::mt19937 &engine, int bound)
{
    return static_cast<int>(static_cast<std::uint64_t>(engine()) * static_cast<std::uint64_t>(bound) >> 32);
}

// Phase one of Blondel et al.: move single nodes to the neighbouring community
// with the best modularity gain until no move helps. Returns true if any node
// moved. `community` holds the result, numbered densely from 0.
bool moveNodes(const LevelGraph &g, std::mt19937 &engine, std::vector<int> &community, const CancelToken *cancel)
{
    const int n = g.nodeCount;
    community.resize(static_cast<size_t>(n));
    std::iota(community.begin(), community.end(), 0);
    if (g.totalWeight <= 0.0)
        return false;

    std::vector<double> total(g.strength); // Σ_tot per community
    std::vector<int> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    for (int i = n - 1; i > 0; --i)
        std::swap(order[static_cast<size_t>(i)], order[static_cast<size_t>(boundedRandom(engine, i + 1))]);

    // Links from the current node to each neighbouring community, reset sparsely.
    std::vector<double> linkTo(static_cast<size_t>(n), -1.0);
    std::vector<int> touched;
    const double m2 = g.totalWeight;
    // A move must beat staying by more than rounding noise, or equal-gain
    // alternatives could swap forever.
    const double epsilon = 1e-12;

    bool movedAny = false;
    for (bool moved = true; moved && !(cancel && cancel->isCancelled());) {
        moved = false;
        for (const int node : order) {
            const auto u = static_cast<size_t>(node);
            const int old = community[u];
            const double k = g.strength[u];
            touched.clear();
            linkTo[static_cast<size_t>(old)] = 0.0;
            touched.push_back(old);
            for (int e = g.offsets[u]; e < g.offsets[u + 1]; ++e) {
                const int v = g.neighbours[static_cast<size_t>(e)];
                if (v == node)
                    continue;
                const auto c = static_cast<size_t>(community[static_cast<size_t>(v)]);
                if (linkTo[c] < 0.0) {
                    linkTo[c] = 0.0;
                    touched.push_back(static_cast<int>(c));
                }
                linkTo[c] += g.weights[static_cast<size_t>(e)];
            }

            total[static_cast<size_t>(old)] -= k;
            // Gain of joining c, up to a factor 2/2m common to all choices.
            auto gain = [&](int c) { return linkTo[static_cast<size_t>(c)] - total[static_cast<size_t>(c)] * k / m2; };
            int best = old;
            double bestGain = gain(old);
            for (const int c : touched) {
                const double candidate = gain(c);
                if (candidate > bestGain + epsilon * m2) {
                    best = c;
                    bestGain = candidate;
                }
            }
            total[static_cast<size_t>(best)] += k;
            if (best != old) {
                community[u] = best;
                moved = true;
                movedAny = true;
            }
            for (const int c : touched)
                linkTo[static_cast<size_t>(c)] = -1.0;
        }
    }

    // Renumber densely in order of first appearance.
    std::vector<int> dense(static_cast<size_t>(n), -1);
    int next = 0;
    for (int &c : community) {
        int &slot = dense[static_cast<size_t>(c)];
        if (slot < 0)
            slot = next++;
        c = slot;
    }
    return movedAny;
}

// Phase two: one node per community, links summed.
LevelGraph aggregate(const LevelGraph &g, const std::vector<int> &community)
{
    const int count = community.empty() ? 0 : *std::max_element(community.begin(), community.end()) + 1;
    std::vector<Entry> entries;
    entries.reserve(g.neighbours.size());
    for (int u = 0; u < g.nodeCount; ++u) {
        for (int e = g.offsets[static_cast<size_t>(u)]; e < g.offsets[static_cast<size_t>(u) + 1]; ++e) {
            entries.push_back({community[static_cast<size_t>(u)],
                               community[static_cast<size_t>(g.neighbours[static_cast<size_t>(e)])],
                               g.weights[static_cast<size_t>(e)]});
        }
    }
    return buildLevel(count, std::move(entries));
}

std::vector<Entry> entriesFromEdges(int nodeCount, const std::vector<WeightedEdge> &edges)
{
    std::vector<Entry> entries;
    entries.reserve(edges.size() * 2);
    for (const WeightedEdge &edge : edges) {
        // Non-positive weights carry no association; out-of-range ends are input errors.
        if (!(edge.weight > 0.0) || edge.source < 0 || edge.target < 0 || edge.source >= nodeCount
            || edge.target >= nodeCount)
            continue;
        if (edge.source == edge.target) {
            entries.push_back({edge.source, edge.source, 2.0 * edge.weight});
        } else {
            entries.push_back({edge.source, edge.target, edge.weight});
            entries.push_back({edge.target, edge.source, edge.weight});
        }
    }
    return entries;
}

} // namespace

CommunityResult louvain(int nodeCount, const std::vector<WeightedEdge> &edges, unsigned seed, const CancelToken *cancel)
{
    CommunityResult result;
    if (nodeCount <= 0)
        return result;

    std::mt19937 engine(seed);
    LevelGraph level = buildLevel(nodeCount, entriesFromEdges(nodeCount, edges));
    // membership[i]: community of original node i at the current level.
    std::vector<int> membership(static_cast<size_t>(nodeCount));
    std::iota(membership.begin(), membership.end(), 0);

    std::vector<int> community;
    while (true) {
        const bool moved = moveNodes(level, engine, community, cancel);
        if (!moved || (cancel && cancel->isCancelled()))
            break;
        for (int &m : membership)
            m = community[static_cast<size_t>(m)];
        level = aggregate(level, community);
    }

    // Renumber by descending size; ties go to the community holding the lowest node.
    const int count = *std::max_element(membership.begin(), membership.end()) + 1;
    std::vector<int> size(static_cast<size_t>(count), 0);
    std::vector<int> firstNode(static_cast<size_t>(count), nodeCount);
    for (int i = 0; i < nodeCount; ++i) {
        const auto c = static_cast<size_t>(membership[static_cast<size_t>(i)]);
        ++size[c];
        firstNode[c] = std::min(firstNode[c], i);
    }
    std::vector<int> byRank(static_cast<size_t>(count));
    std::iota(byRank.begin(), byRank.end(), 0);
    std::sort(byRank.begin(), byRank.end(), [&](int a, int b) {
        const auto ua = static_cast<size_t>(a);
        const auto ub = static_cast<size_t>(b);
        return size[ua] != size[ub] ? size[ua] > size[ub] : firstNode[ua] < firstNode[ub];
    });
    std::vector<int> rank(static_cast<size_t>(count));
    for (int r = 0; r < count; ++r)
        rank[static_cast<size_t>(byRank[static_cast<size_t>(r)])] = r;
    result.community.resize(static_cast<size_t>(nodeCount));
    for (int i = 0; i < nodeCount; ++i)
        result.community[static_cast<size_t>(i)] = rank[static_cast<size_t>(membership[static_cast<size_t>(i)])];
    result.modularity = modularity(nodeCount, edges, result.community);
    return result;
}

double modularity(int nodeCount, const std::vector<WeightedEdge> &edges, const std::vector<int> &community)
{
    if (nodeCount <= 0 || community.size() != static_cast<size_t>(nodeCount))
        return 0.0;
    // Q = Σ_c [ in_c / 2m - (tot_c / 2m)^2 ], with in_c = Σ A_ij over i, j in c.
    // Communities may be any ints (negative ones too), so index them densely.
    std::vector<int> labels(community);
    std::sort(labels.begin(), labels.end());
    labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
    auto indexOf = [&](int c) {
        return static_cast<size_t>(std::lower_bound(labels.begin(), labels.end(), c) - labels.begin());
    };
    std::vector<double> inside(labels.size(), 0.0);
    std::vector<double> total(labels.size(), 0.0);
    double m2 = 0.0;
    for (const Entry &e : entriesFromEdges(nodeCount, edges)) {
        const size_t ca = indexOf(community[static_cast<size_t>(e.a)]);
        const size_t cb = indexOf(community[static_cast<size_t>(e.b)]);
        total[ca] += e.w;
        if (ca == cb)
            inside[ca] += e.w;
        m2 += e.w;
    }
    if (m2 <= 0.0)
        return 0.0;
    double q = 0.0;
    for (size_t c = 0; c < labels.size(); ++c)
        q += inside[c] / m2 - (total[c] / m2) * (total[c] / m2);
    return q;
}

} // namespace carto::graph
