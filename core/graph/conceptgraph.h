#pragma once

#include "extract/extraction.h"
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
    extract::Concept concept;
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

// One hop of a path: the edge taken and the evidence that links its ends.
struct PathStep
{
    NodeIndex from = -1;
    NodeIndex to = -1;
    EdgeIndex edge = -1;
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
    ConceptGraph(ConceptGraph &&) noexcept;
    ConceptGraph &operator=(ConceptGraph &&) noexcept;

    // Builds nodes from concepts and edges from relations whose ends both exist.
    [[nodiscard]] static ConceptGraph fromExtraction(const extract::Extraction &extraction);

    [[nodiscard]] int nodeCount() const;
    [[nodiscard]] int edgeCount() const;
    [[nodiscard]] const NodeData &node(NodeIndex index) const;
    [[nodiscard]] NodeData &node(NodeIndex index);
    [[nodiscard]] const EdgeData &edge(EdgeIndex index) const;
    [[nodiscard]] std::optional<NodeIndex> find(const ConceptId &id) const;
    // Finds by label or alias, case-insensitively.
    [[nodiscard]] std::optional<NodeIndex> findByName(const QString &name) const;
    [[nodiscard]] std::vector<EdgeIndex> incidentEdges(NodeIndex index) const;
    [[nodiscard]] std::vector<NodeIndex> neighbours(NodeIndex index) const;
    [[nodiscard]] std::optional<EdgeIndex> edgeBetween(NodeIndex a, NodeIndex b) const;

    // Degree, weighted degree, betweenness, PageRank, components, communities.
    void computeMetrics(unsigned seed = 1);
    // Modularity of the current community assignment (edge weights used).
    [[nodiscard]] double modularity() const;

    // Fewest-hop path between two concepts (ties broken by stronger links);
    // empty when they are not connected or equal.
    [[nodiscard]] std::vector<PathStep> shortestPath(NodeIndex from, NodeIndex to) const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace carto::graph
