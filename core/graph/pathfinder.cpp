#include "graph/pathfinder.h"

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/range/iterator_range.hpp>

#include <algorithm>
#include <limits>
#include <optional>
#include <utility>

namespace carto::graph {

namespace {

struct Arc
{
    int link = -1;
};
using Csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, Arc>;
using Vertex = boost::graph_traits<Csr>::vertex_descriptor;
using CsrEdge = boost::graph_traits<Csr>::edge_descriptor;

// What Yen's spur searches may not use: links of routes found with the same
// root, and the root's nodes.
struct Allowed
{
    const Csr *graph = nullptr;
    const std::vector<char> *removedLinks = nullptr;
    const std::vector<char> *removedNodes = nullptr;

    bool operator()(CsrEdge e) const { return !(*removedLinks)[static_cast<size_t>((*graph)[e].link)]; }
    bool operator()(Vertex v) const { return !(*removedNodes)[v]; }
};
using Filtered = boost::filtered_graph<Csr, Allowed, Allowed>;

struct ReachedTarget
{
};

// Records each node's best incoming arc and stops when the target is settled.
class RouteVisitor final : public boost::default_dijkstra_visitor
{
public:
    RouteVisitor(Vertex target, std::vector<std::pair<int, int>> &via) : m_target(target), m_via(&via) {}

    template <typename G>
    void edge_relaxed(CsrEdge e, const G &g) const
    {
        (*m_via)[boost::target(e, g)] = {static_cast<int>(boost::source(e, g)), g[e].link};
    }
    template <typename G>
    void examine_vertex(Vertex u, const G &) const
    {
        if (u == m_target)
            throw ReachedTarget{};
    }

private:
    Vertex m_target;
    std::vector<std::pair<int, int>> *m_via; // (previous node, link)
};

bool before(const PathFinder::Route &a, const PathFinder::Route &b)
{
    if (a.cost != b.cost)
        return a.cost < b.cost;
    if (a.nodes.size() != b.nodes.size())
        return a.nodes.size() < b.nodes.size();
    return a.nodes < b.nodes;
}

} // namespace

struct PathFinder::Impl
{
    int nodeCount = 0;
    std::vector<Link> links;
    std::vector<double> nodeCost;
    Csr graph;
    std::vector<double> arcCost; // by CSR edge index: the link's cost plus entering its target

    double costOf(const Route &r) const
    {
        double cost = 0.0;
        for (int l : r.links)
            cost += links[static_cast<size_t>(l)].cost;
        for (size_t i = 1; i + 1 < r.nodes.size(); ++i)
            cost += nodeCost[static_cast<size_t>(r.nodes[i])];
        return cost;
    }

    std::optional<Route> search(int from, int to, const std::vector<char> &removedLinks,
                                const std::vector<char> &removedNodes) const;
};

std::optional<PathFinder::Route> PathFinder::Impl::search(int from, int to, const std::vector<char> &removedLinks,
                                                          const std::vector<char> &removedNodes) const
{
    const Allowed allowed{&graph, &removedLinks, &removedNodes};
    const Filtered filtered(graph, allowed, allowed);
    const auto n = static_cast<size_t>(nodeCount);
    std::vector<double> distance(n, std::numeric_limits<double>::infinity());
    std::vector<std::pair<int, int>> via(n, {-1, -1});
    const auto index = boost::get(boost::vertex_index, graph);
    bool reached = false;
    try {
        boost::dijkstra_shortest_paths(
            filtered, static_cast<Vertex>(from),
            boost::weight_map(boost::make_iterator_property_map(arcCost.begin(), boost::get(boost::edge_index, graph)))
                .distance_map(boost::make_iterator_property_map(distance.begin(), index))
                .visitor(RouteVisitor(static_cast<Vertex>(to), via)));
    } catch (const ReachedTarget &) {
        reached = true;
    }
    if (!reached)
        return std::nullopt;
    Route route;
    for (int v = to; v != from; v = via[static_cast<size_t>(v)].first) {
        route.nodes.push_back(v);
        route.links.push_back(via[static_cast<size_t>(v)].second);
    }
    route.nodes.push_back(from);
    std::reverse(route.nodes.begin(), route.nodes.end());
    std::reverse(route.links.begin(), route.links.end());
    route.cost = costOf(route);
    return route;
}

PathFinder::PathFinder(int nodeCount, const std::vector<Link> &links, std::vector<double> nodeCost)
    : d(std::make_unique<Impl>())
{
    d->nodeCount = std::max(0, nodeCount);
    d->links = links;
    d->nodeCost = std::move(nodeCost);
    d->nodeCost.resize(static_cast<size_t>(d->nodeCount), 0.0);
    std::vector<std::pair<Vertex, Vertex>> arcs;
    std::vector<Arc> properties;
    arcs.reserve(2 * links.size());
    properties.reserve(2 * links.size());
    for (size_t i = 0; i < links.size(); ++i) {
        const Link &l = links[i];
        if (l.a < 0 || l.b < 0 || l.a >= d->nodeCount || l.b >= d->nodeCount || l.a == l.b)
            continue;
        arcs.emplace_back(static_cast<Vertex>(l.a), static_cast<Vertex>(l.b));
        arcs.emplace_back(static_cast<Vertex>(l.b), static_cast<Vertex>(l.a));
        properties.push_back({static_cast<int>(i)});
        properties.push_back({static_cast<int>(i)});
    }
    d->graph = Csr(boost::edges_are_unsorted_multi_pass, arcs.begin(), arcs.end(), properties.begin(),
                   static_cast<Csr::vertices_size_type>(d->nodeCount));
    d->arcCost.resize(boost::num_edges(d->graph));
    for (const CsrEdge e : boost::make_iterator_range(boost::edges(d->graph))) {
        const Link &l = d->links[static_cast<size_t>(d->graph[e].link)];
        d->arcCost[boost::get(boost::edge_index, d->graph, e)] =
            l.cost + d->nodeCost[boost::target(e, d->graph)];
    }
}

PathFinder::~PathFinder() = default;

std::vector<PathFinder::Route> PathFinder::cheapest(int from, int to, int count, const CancelToken *cancel) const
{
    if (count <= 0 || from == to || from < 0 || to < 0 || from >= d->nodeCount || to >= d->nodeCount)
        return {};
    const auto cancelled = [cancel] { return cancel && cancel->isCancelled(); };
    std::vector<char> removedLinks(d->links.size(), 0);
    std::vector<char> removedNodes(static_cast<size_t>(d->nodeCount), 0);
    if (cancelled())
        return {};
    std::optional<Route> first = d->search(from, to, removedLinks, removedNodes);
    if (!first)
        return {};
    std::vector<Route> found{std::move(*first)};
    std::vector<Route> candidates;
    while (static_cast<int>(found.size()) < count) {
        const Route last = found.back();
        for (size_t i = 0; i + 1 < last.nodes.size(); ++i) {
            if (cancelled())
                return {};
            // the spur leaves the last route at its i-th node: no link a
            // found route with the same root takes from there, no root node
            for (const Route &r : found) {
                if (r.nodes.size() > i + 1 && std::equal(last.nodes.begin(), last.nodes.begin() + static_cast<std::ptrdiff_t>(i) + 1, r.nodes.begin()))
                    removedLinks[static_cast<size_t>(r.links[i])] = 1;
            }
            for (size_t j = 0; j < i; ++j)
                removedNodes[static_cast<size_t>(last.nodes[j])] = 1;
            if (std::optional<Route> spur = d->search(last.nodes[i], to, removedLinks, removedNodes)) {
                Route route;
                route.nodes.assign(last.nodes.begin(), last.nodes.begin() + static_cast<std::ptrdiff_t>(i));
                route.links.assign(last.links.begin(), last.links.begin() + static_cast<std::ptrdiff_t>(i));
                route.nodes.insert(route.nodes.end(), spur->nodes.begin(), spur->nodes.end());
                route.links.insert(route.links.end(), spur->links.begin(), spur->links.end());
                route.cost = d->costOf(route);
                const auto same = [&](const Route &r) { return r.links == route.links; };
                if (std::none_of(found.begin(), found.end(), same) && std::none_of(candidates.begin(), candidates.end(), same))
                    candidates.push_back(std::move(route));
            }
            std::fill(removedLinks.begin(), removedLinks.end(), 0);
            std::fill(removedNodes.begin(), removedNodes.end(), 0);
        }
        if (candidates.empty())
            break;
        const auto best = std::min_element(candidates.begin(), candidates.end(), before);
        found.push_back(std::move(*best));
        candidates.erase(best);
    }
    return found;
}

} // namespace carto::graph
