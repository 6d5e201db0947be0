#pragma once

#include "extract/extraction.h"
#include "foundation/progress.h"
#include "foundation/typedid.h"

#include <memory>
#include <optional>
#include <vector>

namespace carto::graph {

// Dense index of a node or edge inside one ConceptGraph. Valid until the graph is
// rebuilt; store ConceptIds, not indices, across rebuilds.
using NodeIndex = int;
using EdgeIndex = int;

struct Point
{
    double x = 0.0;
    double y = 0.0;
    friend bool operator==(const Point &, const Point &) = default;
};

struct NodeData
{
    extract::Concept info; // the concept itself (`concept` is a C++20 keyword)
    // Metrics, filled by computeMetrics().
    int degree = 0;
    double weightedDegree = 0.0;
    double betweenness = 0.0; // normalised to [0, 1]
    double pageRank = 0.0;
    int component = -1;
    int community = -1;       // Louvain community, 0 = largest
    Point position;
    bool pinned = false;
};

struct EdgeData
{
    NodeIndex source = -1;
    NodeIndex target = -1;
    extract::Relation relation;
};

// Tuning of computeMetrics(). The defaults keep a 3,000-node, 40,000-edge graph
// well inside the interactive budget on two cores.
struct MetricsOptions
{
    unsigned seed = 1; // Louvain visiting order and betweenness pivot choice
    // Exact Brandes costs about V * (V + 2E) edge visits. Up to this much work
    // the exact Boost algorithm runs; above it betweenness is estimated from
    // `betweennessPivots` sampled sources (Brandes & Pich 2007), scaled by V/k.
    long long exactBetweennessWork = 20'000'000;
    int betweennessPivots = 256;
    // Worker threads for sampled betweenness; 0 = std::thread::hardware_concurrency().
    int threads = 0;
    // Polled between metrics, per betweenness source, PageRank iteration and
    // Louvain pass; once cancelled the metrics are left part-done (the caller
    // drops the graph).
    const CancelToken *cancel = nullptr;
};

// One hop of a path: the edge taken and the evidence that links its ends.
struct PathStep
{
    NodeIndex from = -1;
    NodeIndex to = -1;
    EdgeIndex edge = -1;
};

// A route between two concepts, cheapest first in bestPaths(): its hops (each
// with the edge whose evidence links its ends) and what it costs.
struct Path
{
    std::vector<PathStep> steps;
    double cost = 0.0;
};

// What a path pays (see ConceptGraph::bestPaths()).
//   hop          = 1 + weakLink × (1 − strength / strongest strength)
//   passing a concept (not the ends) =
//                  hub × ln(1 + degree) / ln(1 + highest degree)
//                + generic × (1 − specificity), specificity = score over the
//                  score at the top 1% of the graph's concepts, in [0.05, 1]
// so a path through specific, less connected concepts beats a shorter one
// through generic hubs ("access", "compliance") once those cost more than
// the extra hop.
struct PathCosts
{
    double weakLink = 0.5;
    double hub = 1.0;
    double generic = 2.0;
};

// The concept graph: an undirected Boost.Graph adjacency_list with bundled
// properties, hidden behind this interface. Built from an Extraction by
// GraphBuilder; read by layout, export and the app's models.
class ConceptGraph final
{
public:
    ConceptGraph();
    ~ConceptGraph();
    ConceptGraph(const ConceptGraph &other);
    ConceptGraph &operator=(const ConceptGraph &other);
    // A moved-from graph may only be assigned to or destroyed.
    ConceptGraph(ConceptGraph &&) noexcept;
    ConceptGraph &operator=(ConceptGraph &&) noexcept;

    // Builds nodes from concepts (in order) and edges from relations (in order)
    // whose ends both exist. Self-loops and repeats of an already linked pair
    // are dropped, so there is at most one edge per pair.
    // By value: a caller done with its extraction moves it in, and nothing is copied.
    [[nodiscard]] static ConceptGraph fromExtraction(extract::Extraction extraction);

    [[nodiscard]] int nodeCount() const;
    [[nodiscard]] int edgeCount() const;
    [[nodiscard]] const NodeData &node(NodeIndex index) const;
    [[nodiscard]] NodeData &node(NodeIndex index);
    [[nodiscard]] const EdgeData &edge(EdgeIndex index) const;
    [[nodiscard]] std::optional<NodeIndex> find(const ConceptId &id) const;
    // Finds by label or alias, case-insensitively; a label match anywhere wins
    // over an alias match, and the lower index wins among equals.
    [[nodiscard]] std::optional<NodeIndex> findByName(const QString &name) const;
    [[nodiscard]] std::vector<EdgeIndex> incidentEdges(NodeIndex index) const;
    [[nodiscard]] std::vector<NodeIndex> neighbours(NodeIndex index) const;
    [[nodiscard]] std::optional<EdgeIndex> edgeBetween(NodeIndex a, NodeIndex b) const;

    // Degree, weighted degree, betweenness, PageRank, components, communities.
    // Components and communities are numbered so 0 is the largest. Edge
    // strength is Relation::weight, or 1 when the weight is not positive.
    void computeMetrics(unsigned seed = 1);
    void computeMetrics(const MetricsOptions &options);
    // Modularity of the current community assignment (edge weights used).
    [[nodiscard]] double modularity() const;

    // The cheapest path between two concepts (bestPaths()' first). Empty when
    // they are not connected or equal.
    [[nodiscard]] std::vector<PathStep> shortestPath(NodeIndex from, NodeIndex to) const;
    // Up to `count` loopless paths between two concepts, cheapest first, each
    // passing through specific concepts rather than generic hubs (PathCosts);
    // the alternatives are Yen's next-cheapest. Empty when the concepts are
    // not connected or equal, or once cancel is set.
    [[nodiscard]] std::vector<Path> bestPaths(NodeIndex from, NodeIndex to, int count = 3,
                                              const PathCosts &costs = {}, const CancelToken *cancel = nullptr) const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace carto::graph
