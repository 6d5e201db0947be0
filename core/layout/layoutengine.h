#pragma once

// Internal to carto_layout: the numeric pieces of ForceLayout (compressed
// adjacency, coarsening, Barnes-Hut quadtree, spring-electrical refinement).
// Not part of the module's public contract; forcelayout.cpp is the only user.

#include "graph/conceptgraph.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace carto::layout::detail {

using graph::Point;

// Deterministic, platform-independent pseudo-random numbers (SplitMix64), so a
// seed gives the same layout with any standard library.
class SplitMix final
{
public:
    explicit SplitMix(std::uint64_t seed) : m_state(seed) { }
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, 1).
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    // Uniform in [0, n).
    int below(int n) { return int(next() % std::uint64_t(n)); }

private:
    std::uint64_t m_state;
};

// Hash of a (seed, index) pair to [0, 1): jitter that does not depend on the
// order nodes are visited in.
double hashUnit(std::uint64_t seed, std::uint64_t index);

// Undirected graph in compressed sparse row form; every edge is stored in both
// directions, self loops dropped and parallel edges merged (weights summed).
struct Csr
{
    int n = 0;
    std::vector<int> offset;  // n + 1
    std::vector<int> target;
    std::vector<double> weight;

    struct InputEdge
    {
        int source;
        int target;
        double weight;
    };
    static Csr fromEdges(int n, std::vector<InputEdge> edges);
    [[nodiscard]] int degree(int v) const { return offset[size_t(v) + 1] - offset[size_t(v)]; }
};

// One level of the multilevel hierarchy. Level 0 is the input graph;
// toCoarse maps this level's nodes to the next coarser level's nodes.
struct Level
{
    Csr graph;
    std::vector<double> mass;    // number of input nodes merged into each node
    std::vector<int> toCoarse;   // empty on the coarsest level
};

// Coarsens by matching (light-cluster heavy-edge first, then pairing the
// leftover neighbours of a common node, then attaching the rest to their
// lightest neighbour cluster) until the graph is small or stops shrinking.
std::vector<Level> buildHierarchy(Csr input, std::uint64_t seed, int coarsestSize = 24);

// Parameters of one spring-electrical refinement (Hu 2005: attraction d^2/K,
// repulsion C K^2/d, Barnes-Hut for repulsion, adaptive step length).
struct RefineParams
{
    double k = 1.0;          // natural spring length
    double c = 0.2;          // relative strength of repulsion
    double theta = 0.9;      // Barnes-Hut opening angle
    int maxIterations = 100;
    double initialStep = 1.0;
    double maxStep = 1e300;  // the adaptive step never grows past this
    double tolerance = 0.01; // stop when the mean move falls below tolerance * k
    int threads = 1;
    bool unitWeights = false; // coarse levels: merged weights would over-contract
    const std::vector<char> *fixed = nullptr; // nodes that must not move
    // Per-node pull towards the layout's centroid (force units, constant in
    // distance); empty for none. See ForceLayout: it keeps the heavy core central.
    std::vector<double> gravity;
};

// Rotates points about their centroid so their principal axis is the x axis.
void alignLongAxisHorizontally(std::vector<Point> &points);

// Each node's summed edge weight.
std::vector<double> weightedDegrees(const Csr &g);
// Gravity (RefineParams::gravity) of one level's nodes: importance is each
// node's members' summed weighted degree, mass their number.
std::vector<double> levelGravity(const std::vector<double> &importance, const std::vector<double> &mass,
                                 double strength, double k);
// Gravity of every level of a hierarchy (ForceLayout::Options::gravity).
std::vector<std::vector<double>> gravityPerLevel(const std::vector<Level> &levels, double strength, double k);

// Runs refinement iterations in place. `iterationDone(i)` is called after each
// iteration on the calling thread; returning false cancels. Returns the number
// of iterations run, or -1 when cancelled.
int refine(const Csr &graph, std::vector<Point> &positions, const RefineParams &params,
           const std::function<bool(int)> &iterationDone);

} // namespace carto::layout::detail
