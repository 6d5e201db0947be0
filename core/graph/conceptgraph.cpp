#include "graph/conceptgraph.h"

#include "graph/louvain.h"
#include "graph/pathfinder.h"

#include "extract/relations.h"

#include <QHash>
#include <QSet>
#include <QtGlobal>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/connected_components.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <random>
#include <thread>

namespace carto::graph {

namespace {

// The edge index is an interior property next to the bundle so Boost
// algorithms get an edge index map for free and EdgeIndex stays dense.
using EdgeProperty = boost::property<boost::edge_index_t, int, EdgeData>;
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, NodeData, EdgeProperty>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

// Algorithms need positive weights; a relation without a weight still links.
double strengthOf(const EdgeData &edge)
{
    return edge.relation.weight > 0.0 ? edge.relation.weight : 1.0;
}

// Numbers groups so 0 is the largest; ties go to the group holding the lowest node.
std::vector<int> renumberBySize(const std::vector<int> &group)
{
    if (group.empty())
        return {};
    const int count = *std::max_element(group.begin(), group.end()) + 1;
    std::vector<int> size(static_cast<size_t>(count), 0);
    std::vector<size_t> first(static_cast<size_t>(count), group.size());
    for (size_t i = 0; i < group.size(); ++i) {
        const auto g = static_cast<size_t>(group[i]);
        ++size[g];
        first[g] = std::min(first[g], i);
    }
    std::vector<int> byRank(static_cast<size_t>(count));
    std::iota(byRank.begin(), byRank.end(), 0);
    std::sort(byRank.begin(), byRank.end(), [&](int a, int b) {
        const auto ua = static_cast<size_t>(a);
        const auto ub = static_cast<size_t>(b);
        return size[ua] != size[ub] ? size[ua] > size[ub] : first[ua] < first[ub];
    });
    std::vector<int> rank(static_cast<size_t>(count));
    for (int r = 0; r < count; ++r)
        rank[static_cast<size_t>(byRank[static_cast<size_t>(r)])] = r;
    std::vector<int> result(group.size());
    for (size_t i = 0; i < group.size(); ++i)
        result[i] = rank[static_cast<size_t>(group[i])];
    return result;
}

// The adjacency_list keeps each vertex's out-edges beside its (large) NodeData,
// so traversals hop across memory. Sampled Brandes runs hundreds of BFS, so it
// works on a compact Boost CSR copy holding both directions of every edge,
// read into two flat arrays.
using Csr = boost::compressed_sparse_row_graph<boost::directedS>;
using CsrVertex = boost::graph_traits<Csr>::vertex_descriptor;

struct FlatGraph
{
    std::vector<std::uint32_t> offsets; // vertex v's neighbours: [offsets[v], offsets[v + 1])
    std::vector<std::uint32_t> targets; // in the CSR's order
};

FlatGraph flatten(const Csr &csr)
{
    FlatGraph g;
    const size_t n = boost::num_vertices(csr);
    g.offsets.reserve(n + 1);
    g.targets.reserve(boost::num_edges(csr));
    g.offsets.push_back(0);
    for (size_t v = 0; v < n; ++v) {
        for (const CsrVertex x : boost::make_iterator_range(boost::adjacent_vertices(CsrVertex(v), csr)))
            g.targets.push_back(static_cast<std::uint32_t>(x));
        g.offsets.push_back(static_cast<std::uint32_t>(g.targets.size()));
    }
    return g;
}

// Sums Brandes dependencies δ_s(v) over the given sources into `centrality`.
// Each source's shortest paths are counted by a breadth-first search written
// out on the flat arrays (Boost's BFS, through its visitor and colour map,
// took half as long again): vertices are discovered in queue order, each
// neighbour in CSR order, as Boost's breadth_first_search does, so the sums
// are made in the same order and the result is the same. The successors it
// finds are kept for the dependency sums, which then need not scan every
// arc again (a third less time on a 3,000-concept map).
void accumulateDependencies(const FlatGraph &g, const std::vector<CsrVertex> &sources, std::vector<double> &centrality,
                            const CancelToken *cancel)
{
    const size_t n = g.offsets.size() - 1;
    centrality.assign(n, 0.0);
    std::vector<int> distance(n, -1);
    std::vector<double> sigma(n, 0.0);
    std::vector<double> delta(n, 0.0);
    std::vector<std::uint32_t> order; // discovery order, also the BFS queue
    order.reserve(n);
    // Each vertex's successors (neighbours one hop further) in adjacency order:
    // order[i]'s are successors[successorEnd[i - 1] .. successorEnd[i]).
    std::vector<std::uint32_t> successors;
    successors.reserve(g.targets.size());
    std::vector<std::uint32_t> successorEnd;
    successorEnd.reserve(n);
    for (const CsrVertex s : sources) {
        if (cancel && cancel->isCancelled())
            return;
        order.clear();
        successors.clear();
        successorEnd.clear();
        distance[s] = 0;
        sigma[s] = 1.0;
        order.push_back(static_cast<std::uint32_t>(s));
        for (size_t head = 0; head < order.size(); ++head) {
            const std::uint32_t u = order[head];
            const int next = distance[u] + 1;
            for (std::uint32_t e = g.offsets[u]; e < g.offsets[u + 1]; ++e) {
                const std::uint32_t v = g.targets[e];
                if (distance[v] < 0) {
                    distance[v] = next;
                    sigma[v] = sigma[u];
                    order.push_back(v);
                    successors.push_back(v);
                } else if (distance[v] == next) {
                    sigma[v] += sigma[u];
                    successors.push_back(v);
                }
            }
            successorEnd.push_back(static_cast<std::uint32_t>(successors.size()));
        }
        // δ(w) = σ(w) · Σ (1 + δ(x)) / σ(x) over successors x, in adjacency
        // order. `delta` holds (1 + δ(x)) / σ(x) once x is done, saving a
        // division per arc.
        for (size_t i = order.size(); i-- > 0;) {
            const std::uint32_t w = order[i];
            double sum = 0.0;
            for (std::uint32_t k = i > 0 ? successorEnd[i - 1] : 0; k < successorEnd[i]; ++k)
                sum += delta[successors[k]];
            const double dw = sigma[w] * sum;
            delta[w] = (1.0 + dw) / sigma[w];
            if (w != s)
                centrality[w] += dw;
        }
        for (const std::uint32_t v : order) {
            distance[v] = -1;
            sigma[v] = 0.0;
            delta[v] = 0.0;
        }
    }
}

// A uniform index in [0, bound) from raw engine output, identical with every
// standard library (std::uniform_int_distribution is implementation-defined).
size_t boundedRandom(std::mt19937 &engine, size_t bound)
{
    return static_cast<size_t>(static_cast<std::uint64_t>(engine()) * bound >> 32);
}

} // namespace

struct ConceptGraph::Impl
{
    Graph graph;
    std::vector<Edge> edges; // EdgeIndex -> descriptor
    QHash<ConceptId, NodeIndex> byId;

    Impl() = default;
    Impl(const Impl &other)
        : graph(other.graph)
        , byId(other.byId)
    {
        // Descriptors point into the graph they came from; rebuild them here.
        reindexEdges();
    }
    Impl &operator=(const Impl &) = delete;

    void reindexEdges()
    {
        edges.assign(boost::num_edges(graph), Edge());
        for (const Edge e : boost::make_iterator_range(boost::edges(graph)))
            edges[static_cast<size_t>(boost::get(boost::edge_index, graph, e))] = e;
    }

    [[nodiscard]] bool validNode(NodeIndex index) const
    {
        return index >= 0 && static_cast<size_t>(index) < boost::num_vertices(graph);
    }

    [[nodiscard]] std::vector<WeightedEdge> weightedEdges() const
    {
        std::vector<WeightedEdge> result;
        result.reserve(edges.size());
        for (const Edge e : edges) {
            const EdgeData &data = graph[e];
            result.push_back({data.source, data.target, strengthOf(data)});
        }
        return result;
    }

    void computeBetweenness(const MetricsOptions &options);
    void computePageRank(const CancelToken *cancel);
    void computeComponents();
};

void ConceptGraph::Impl::computeBetweenness(const MetricsOptions &options)
{
    const size_t n = boost::num_vertices(graph);
    std::vector<double> centrality(n, 0.0);
    if (n >= 3) {
        const long long work = static_cast<long long>(n) * static_cast<long long>(n + 2 * boost::num_edges(graph));
        const size_t pivots = std::min(static_cast<size_t>(std::max(options.betweennessPivots, 1)), n);
        if (work <= options.exactBetweennessWork) {
            const auto map = boost::make_iterator_property_map(centrality.begin(), boost::get(boost::vertex_index, graph));
            boost::brandes_betweenness_centrality(graph, boost::centrality_map(map));
            boost::relative_betweenness_centrality(graph, map);
        } else {
            // Boost's Brandes always sums over every source and cannot be
            // told to sample, so the pivot estimate (Brandes & Pich 2007) is
            // written here on top of Boost's BFS: k sources chosen by seed,
            // dependencies scaled by n/k.
            std::vector<std::pair<CsrVertex, CsrVertex>> arcs;
            arcs.reserve(2 * edges.size());
            for (const Edge e : edges) {
                const EdgeData &data = graph[e];
                arcs.emplace_back(data.source, data.target);
                arcs.emplace_back(data.target, data.source);
            }
            const FlatGraph csr = flatten(Csr(boost::edges_are_unsorted_multi_pass, arcs.begin(), arcs.end(), n));

            std::vector<CsrVertex> all(n);
            std::iota(all.begin(), all.end(), CsrVertex(0));
            std::mt19937 engine(options.seed);
            for (size_t i = 0; i < pivots; ++i)
                std::swap(all[i], all[i + boundedRandom(engine, n - i)]);
            all.resize(pivots);
            std::sort(all.begin(), all.end()); // cache-friendlier and order-independent of the shuffle

            size_t threadCount = options.threads > 0 ? static_cast<size_t>(options.threads)
                                                     : std::max(1U, std::thread::hardware_concurrency());
            threadCount = std::min(threadCount, pivots);
            std::vector<std::vector<CsrVertex>> chunks(threadCount);
            for (size_t i = 0; i < pivots; ++i)
                chunks[i % threadCount].push_back(all[i]);
            std::vector<std::vector<double>> partial(threadCount);
            {
                std::vector<std::jthread> workers;
                for (size_t t = 1; t < threadCount; ++t)
                    workers.emplace_back([&csr, &chunks, &partial, &options, t] {
                        accumulateDependencies(csr, chunks[t], partial[t], options.cancel);
                    });
                accumulateDependencies(csr, chunks[0], partial[0], options.cancel);
            }
            // Summed in chunk order so the result does not depend on thread timing.
            for (const auto &part : partial) {
                for (size_t v = 0; v < n; ++v)
                    centrality[v] += part[v];
            }
            // Full sum ≈ (n/k)·sampled; undirected pairs count twice; relative
            // betweenness divides by (n-1)(n-2)/2.
            const double scale = static_cast<double>(n) / static_cast<double>(pivots)
                / (static_cast<double>(n - 1) * static_cast<double>(n - 2));
            for (double &c : centrality)
                c *= scale;
        }
    }
    for (size_t v = 0; v < n; ++v)
        graph[v].betweenness = std::clamp(centrality[v], 0.0, 1.0);
}

void ConceptGraph::Impl::computePageRank(const CancelToken *cancel)
{
    // Boost's page_rank follows out-edges without weights and uses the
    // unnormalised (1-d) + d·Σ form with dangling nodes left to the caller, so
    // the weighted random walk on the undirected graph is written here:
    // P(u→v) = w_uv / s_u, isolated nodes teleport uniformly, ranks sum to 1.
    const size_t n = boost::num_vertices(graph);
    if (n == 0)
        return;
    constexpr double damping = 0.85;
    // The edges' ends and strengths in flat arrays: the iterations read them
    // up to 200 times, and the graph's edge properties lie scattered.
    std::vector<std::uint32_t> ends;
    std::vector<double> weights;
    ends.reserve(2 * edges.size());
    weights.reserve(edges.size());
    std::vector<double> strength(n, 0.0);
    for (const Edge e : edges) {
        const EdgeData &data = graph[e];
        ends.push_back(static_cast<std::uint32_t>(data.source));
        ends.push_back(static_cast<std::uint32_t>(data.target));
        weights.push_back(strengthOf(data));
        strength[static_cast<size_t>(data.source)] += strengthOf(data);
        strength[static_cast<size_t>(data.target)] += strengthOf(data);
    }
    std::vector<double> rank(n, 1.0 / static_cast<double>(n));
    std::vector<double> next(n);
    for (int iteration = 0; iteration < 200; ++iteration) {
        if (cancel && cancel->isCancelled())
            return;
        double dangling = 0.0;
        for (size_t v = 0; v < n; ++v) {
            if (strength[v] <= 0.0)
                dangling += rank[v];
        }
        const double base = (1.0 - damping + damping * dangling) / static_cast<double>(n);
        std::fill(next.begin(), next.end(), base);
        for (size_t i = 0; i < weights.size(); ++i) {
            const size_t a = ends[2 * i];
            const size_t b = ends[2 * i + 1];
            const double w = weights[i];
            next[b] += damping * rank[a] * w / strength[a];
            next[a] += damping * rank[b] * w / strength[b];
        }
        double change = 0.0;
        for (size_t v = 0; v < n; ++v)
            change += std::abs(next[v] - rank[v]);
        rank.swap(next);
        if (change < 1e-10)
            break;
    }
    for (size_t v = 0; v < n; ++v)
        graph[v].pageRank = rank[v];
}

void ConceptGraph::Impl::computeComponents()
{
    const size_t n = boost::num_vertices(graph);
    std::vector<int> component(n, 0);
    if (n > 0)
        boost::connected_components(graph, boost::make_iterator_property_map(component.begin(),
                                                                              boost::get(boost::vertex_index, graph)));
    component = renumberBySize(component);
    for (size_t v = 0; v < n; ++v)
        graph[v].component = component[v];
}

ConceptGraph::ConceptGraph()
    : d(std::make_unique<Impl>())
{
}

ConceptGraph::~ConceptGraph() = default;

ConceptGraph::ConceptGraph(const ConceptGraph &other)
    : d(std::make_unique<Impl>(*other.d))
{
}

ConceptGraph &ConceptGraph::operator=(const ConceptGraph &other)
{
    if (this != &other)
        d = std::make_unique<Impl>(*other.d);
    return *this;
}

ConceptGraph::ConceptGraph(ConceptGraph &&) noexcept = default;
ConceptGraph &ConceptGraph::operator=(ConceptGraph &&) noexcept = default;

ConceptGraph ConceptGraph::fromExtraction(extract::Extraction extraction)
{
    ConceptGraph result;
    Impl &impl = *result.d;
    impl.byId.reserve(static_cast<qsizetype>(extraction.concepts.size()));
    // Boost's add_vertex and add_edge copy the property they are given (a
    // concept with its mentions, a relation with its evidence), so the graph
    // is made with empty ones and the data moved in: a third of the time of
    // assembling a map after a curation edit went to those copies.
    std::vector<size_t> kept; // the concept of each vertex
    kept.reserve(extraction.concepts.size());
    for (size_t i = 0; i < extraction.concepts.size(); ++i) {
        const ConceptId &id = extraction.concepts[i].id;
        if (impl.byId.contains(id))
            continue; // ids are unique by contract; keep the first if not
        impl.byId.insert(id, static_cast<NodeIndex>(kept.size()));
        kept.push_back(i);
    }
    impl.graph = Graph(kept.size());
    for (size_t v = 0; v < kept.size(); ++v)
        impl.graph[static_cast<Vertex>(v)].info = std::move(extraction.concepts[kept[v]]);

    QSet<quint64> linked;
    linked.reserve(static_cast<qsizetype>(extraction.relations.size()));
    for (extract::Relation &relation : extraction.relations) {
        const auto source = impl.byId.constFind(relation.source);
        const auto target = impl.byId.constFind(relation.target);
        if (source == impl.byId.constEnd() || target == impl.byId.constEnd() || *source == *target)
            continue;
        const auto low = static_cast<quint64>(std::min(*source, *target));
        const auto high = static_cast<quint64>(std::max(*source, *target));
        const quint64 key = low << 32 | high;
        if (linked.contains(key))
            continue;
        linked.insert(key);
        const auto index = static_cast<int>(impl.edges.size());
        const auto added = boost::add_edge(static_cast<Vertex>(*source), static_cast<Vertex>(*target),
                                           EdgeProperty(index), impl.graph);
        impl.graph[added.first] = EdgeData{*source, *target, std::move(relation)};
        impl.edges.push_back(added.first);
    }
    return result;
}

int ConceptGraph::nodeCount() const
{
    return static_cast<int>(boost::num_vertices(d->graph));
}

int ConceptGraph::edgeCount() const
{
    return static_cast<int>(d->edges.size());
}

const NodeData &ConceptGraph::node(NodeIndex index) const
{
    Q_ASSERT(d->validNode(index));
    return d->graph[static_cast<Vertex>(index)];
}

NodeData &ConceptGraph::node(NodeIndex index)
{
    Q_ASSERT(d->validNode(index));
    return d->graph[static_cast<Vertex>(index)];
}

const EdgeData &ConceptGraph::edge(EdgeIndex index) const
{
    Q_ASSERT(index >= 0 && static_cast<size_t>(index) < d->edges.size());
    return d->graph[d->edges[static_cast<size_t>(index)]];
}

std::optional<NodeIndex> ConceptGraph::find(const ConceptId &id) const
{
    const auto it = d->byId.constFind(id);
    if (it == d->byId.constEnd())
        return std::nullopt;
    return *it;
}

std::optional<NodeIndex> ConceptGraph::findByName(const QString &name) const
{
    const QString wanted = name.trimmed();
    if (wanted.isEmpty())
        return std::nullopt;
    const int n = nodeCount();
    // A linear scan keeps the answer right even after node(i).concept is edited.
    for (NodeIndex i = 0; i < n; ++i) {
        if (node(i).info.label.compare(wanted, Qt::CaseInsensitive) == 0)
            return i;
    }
    for (NodeIndex i = 0; i < n; ++i) {
        if (node(i).info.aliases.contains(wanted, Qt::CaseInsensitive))
            return i;
    }
    return std::nullopt;
}

std::vector<EdgeIndex> ConceptGraph::incidentEdges(NodeIndex index) const
{
    std::vector<EdgeIndex> result;
    if (!d->validNode(index))
        return result;
    for (const Edge e : boost::make_iterator_range(boost::out_edges(static_cast<Vertex>(index), d->graph)))
        result.push_back(boost::get(boost::edge_index, d->graph, e));
    return result;
}

std::vector<NodeIndex> ConceptGraph::neighbours(NodeIndex index) const
{
    std::vector<NodeIndex> result;
    if (!d->validNode(index))
        return result;
    for (const Vertex v : boost::make_iterator_range(boost::adjacent_vertices(static_cast<Vertex>(index), d->graph)))
        result.push_back(static_cast<NodeIndex>(v));
    return result;
}

std::optional<EdgeIndex> ConceptGraph::edgeBetween(NodeIndex a, NodeIndex b) const
{
    if (!d->validNode(a) || !d->validNode(b))
        return std::nullopt;
    const auto [e, found] = boost::edge(static_cast<Vertex>(a), static_cast<Vertex>(b), d->graph);
    if (!found)
        return std::nullopt;
    return boost::get(boost::edge_index, d->graph, e);
}

void ConceptGraph::computeMetrics(unsigned seed)
{
    MetricsOptions options;
    options.seed = seed;
    computeMetrics(options);
}

void ConceptGraph::computeMetrics(const MetricsOptions &options)
{
    Graph &g = d->graph;
    const size_t n = boost::num_vertices(g);
    for (size_t v = 0; v < n; ++v) {
        NodeData &data = g[v];
        data.degree = static_cast<int>(boost::out_degree(v, g));
        data.weightedDegree = 0.0;
        for (const Edge e : boost::make_iterator_range(boost::out_edges(v, g)))
            data.weightedDegree += strengthOf(g[e]);
    }
    const auto cancelled = [&options] { return options.cancel && options.cancel->isCancelled(); };
    d->computeBetweenness(options);
    if (cancelled())
        return;
    d->computePageRank(options.cancel);
    if (cancelled())
        return;
    d->computeComponents();
    const CommunityResult communities = louvain(nodeCount(), d->weightedEdges(), options.seed, options.cancel);
    for (size_t v = 0; v < n; ++v)
        g[v].community = communities.community[v];
}

double ConceptGraph::modularity() const
{
    const int n = nodeCount();
    std::vector<int> community(static_cast<size_t>(n));
    int highest = -1;
    for (NodeIndex i = 0; i < n; ++i)
        highest = std::max(highest, node(i).community);
    // Unassigned nodes count as singletons.
    for (NodeIndex i = 0; i < n; ++i) {
        const int c = node(i).community;
        community[static_cast<size_t>(i)] = c >= 0 ? c : highest + 1 + i;
    }
    return graph::modularity(n, d->weightedEdges(), community);
}

std::vector<PathStep> ConceptGraph::shortestPath(NodeIndex from, NodeIndex to) const
{
    std::vector<Path> paths = bestPaths(from, to, 1);
    return paths.empty() ? std::vector<PathStep>() : std::move(paths.front().steps);
}

std::vector<Path> ConceptGraph::bestPaths(NodeIndex from, NodeIndex to, int count, const PathCosts &costs,
                                          const CancelToken *cancel) const
{
    if (!d->validNode(from) || !d->validNode(to) || from == to || count <= 0)
        return {};
    const Graph &g = d->graph;
    const size_t n = boost::num_vertices(g);
    std::vector<double> scores(n);
    size_t highestDegree = 0;
    for (size_t v = 0; v < n; ++v) {
        scores[v] = g[v].info.score;
        highestDegree = std::max(highestDegree, static_cast<size_t>(boost::out_degree(v, g)));
    }
    const std::vector<double> specificity = extract::specificities(scores);
    const double hubScale = std::log1p(static_cast<double>(std::max<size_t>(highestDegree, 1)));
    std::vector<double> nodeCost(n);
    for (size_t v = 0; v < n; ++v) {
        const double hub = std::log1p(static_cast<double>(boost::out_degree(v, g))) / hubScale;
        nodeCost[v] = costs.hub * hub + costs.generic * (1.0 - specificity[v]);
    }
    double strongest = 0.0;
    for (const Edge e : d->edges)
        strongest = std::max(strongest, strengthOf(g[e]));
    std::vector<PathFinder::Link> links;
    links.reserve(d->edges.size());
    for (const Edge e : d->edges) {
        const EdgeData &data = g[e];
        links.push_back({data.source, data.target, 1.0 + costs.weakLink * (1.0 - strengthOf(data) / strongest)});
    }
    const PathFinder finder(static_cast<int>(n), links, std::move(nodeCost));
    std::vector<Path> paths;
    for (const PathFinder::Route &route : finder.cheapest(from, to, count, cancel)) {
        Path path;
        path.cost = route.cost;
        for (size_t i = 0; i < route.links.size(); ++i)
            path.steps.push_back(PathStep{route.nodes[i], route.nodes[i + 1], route.links[i]});
        paths.push_back(std::move(path));
    }
    return paths;
}

} // namespace carto::graph
