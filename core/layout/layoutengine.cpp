#include "layout/layoutengine.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <thread>

namespace carto::layout::detail {

double hashUnit(std::uint64_t seed, std::uint64_t index)
{
    SplitMix mix(seed * 0x2545F4914F6CDD1DULL + index);
    return mix.uniform();
}

Csr Csr::fromEdges(int n, std::vector<InputEdge> edges)
{
    // Canonical orientation, then sort so parallel edges become neighbours.
    std::vector<InputEdge> kept;
    kept.reserve(edges.size());
    for (InputEdge e : edges) {
        if (e.source == e.target || e.source < 0 || e.target < 0 || e.source >= n || e.target >= n)
            continue;
        if (e.source > e.target)
            std::swap(e.source, e.target);
        kept.push_back(e);
    }
    std::sort(kept.begin(), kept.end(), [](const InputEdge &a, const InputEdge &b) {
        return a.source != b.source ? a.source < b.source : a.target < b.target;
    });
    std::vector<InputEdge> merged;
    merged.reserve(kept.size());
    for (const InputEdge &e : kept) {
        if (!merged.empty() && merged.back().source == e.source && merged.back().target == e.target)
            merged.back().weight += e.weight;
        else
            merged.push_back(e);
    }

    Csr g;
    g.n = n;
    g.offset.assign(size_t(n) + 1, 0);
    for (const InputEdge &e : merged) {
        ++g.offset[size_t(e.source) + 1];
        ++g.offset[size_t(e.target) + 1];
    }
    for (int v = 0; v < n; ++v)
        g.offset[size_t(v) + 1] += g.offset[size_t(v)];
    g.target.resize(merged.size() * 2);
    g.weight.resize(merged.size() * 2);
    std::vector<int> fill(g.offset.begin(), g.offset.end() - 1);
    // Sorted input keeps each adjacency list in ascending target order.
    for (const InputEdge &e : merged) {
        const auto a = size_t(fill[size_t(e.source)]++);
        g.target[a] = e.target;
        g.weight[a] = e.weight;
    }
    for (const InputEdge &e : merged) {
        const auto b = size_t(fill[size_t(e.target)]++);
        g.target[b] = e.source;
        g.weight[b] = e.weight;
    }
    return g;
}

namespace {

// Groups the nodes of `g` into clusters; returns the cluster of each node and
// the number of clusters.
std::vector<int> matchClusters(const Csr &g, const std::vector<double> &mass, std::uint64_t seed, int &clusterCount)
{
    const int n = g.n;
    std::vector<int> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    std::vector<std::uint64_t> key(static_cast<size_t>(n));
    SplitMix rng(seed);
    for (auto &k : key)
        k = rng.next();
    // Low-degree nodes choose first, so leaves pair up before hubs swallow them.
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const int da = g.degree(a), db = g.degree(b);
        return da != db ? da < db : key[size_t(a)] < key[size_t(b)];
    });

    std::vector<int> cluster(static_cast<size_t>(n), -1);
    std::vector<double> clusterMass;
    auto pair = [&](int a, int b) {
        cluster[size_t(a)] = cluster[size_t(b)] = int(clusterMass.size());
        clusterMass.push_back(mass[size_t(a)] + mass[size_t(b)]);
    };

    // Pass 1: heavy-edge matching, normalised by mass to keep clusters balanced.
    for (int u : order) {
        if (cluster[size_t(u)] >= 0)
            continue;
        int best = -1;
        double bestScore = -1.0;
        for (int a = g.offset[size_t(u)]; a < g.offset[size_t(u) + 1]; ++a) {
            const int v = g.target[size_t(a)];
            if (cluster[size_t(v)] >= 0)
                continue;
            const double score = g.weight[size_t(a)] / (mass[size_t(u)] * mass[size_t(v)]);
            if (score > bestScore) {
                bestScore = score;
                best = v;
            }
        }
        if (best >= 0)
            pair(u, best);
    }
    // Pass 2: two-hop matching. Leaves of a hub cannot match each other
    // directly; pairing them keeps scale-free graphs coarsening quickly.
    for (int h : order) {
        int pending = -1;
        for (int a = g.offset[size_t(h)]; a < g.offset[size_t(h) + 1]; ++a) {
            const int v = g.target[size_t(a)];
            if (cluster[size_t(v)] >= 0)
                continue;
            if (pending < 0) {
                pending = v;
            } else {
                pair(pending, v);
                pending = -1;
            }
        }
    }
    // Pass 3: whatever is left joins its lightest neighbouring cluster.
    for (int u : order) {
        if (cluster[size_t(u)] >= 0)
            continue;
        int best = -1;
        for (int a = g.offset[size_t(u)]; a < g.offset[size_t(u) + 1]; ++a) {
            const int c = cluster[size_t(g.target[size_t(a)])];
            if (c >= 0 && (best < 0 || clusterMass[size_t(c)] < clusterMass[size_t(best)]))
                best = c;
        }
        if (best >= 0) {
            cluster[size_t(u)] = best;
            clusterMass[size_t(best)] += mass[size_t(u)];
        } else {
            cluster[size_t(u)] = int(clusterMass.size());
            clusterMass.push_back(mass[size_t(u)]);
        }
    }
    clusterCount = int(clusterMass.size());
    return cluster;
}

// Barnes-Hut quadtree over unit-mass points, rebuilt every iteration. Cells
// live in one flat vector; `order` is the points sorted into leaf order, which
// is also the order the force loop walks for cache locality.
class QuadTree final
{
public:
    void build(const std::vector<Point> &positions)
    {
        m_positions = &positions;
        const int n = int(positions.size());
        m_order.resize(size_t(n));
        std::iota(m_order.begin(), m_order.end(), 0);
        m_cells.clear();
        double minX = positions[0].x, maxX = minX, minY = positions[0].y, maxY = minY;
        for (const Point &p : positions) {
            minX = std::min(minX, p.x);
            maxX = std::max(maxX, p.x);
            minY = std::min(minY, p.y);
            maxY = std::max(maxY, p.y);
        }
        const double half = std::max({maxX - minX, maxY - minY, 1e-9}) * 0.5 * 1.0001;
        m_cells.push_back({});
        buildCell(0, 0, n, (minX + maxX) * 0.5, (minY + maxY) * 0.5, half, 0);
    }

    [[nodiscard]] const std::vector<int> &order() const { return m_order; }

    // Sum over other points j of (p_i - p_j) / |p_i - p_j|^2, approximated.
    [[nodiscard]] Point repulsion(int i, double theta2) const
    {
        const std::vector<Point> &pos = *m_positions;
        const Point p = pos[size_t(i)];
        double fx = 0.0, fy = 0.0;
        std::array<int, 256> stack; // depth <= kMaxDepth, 3 pending siblings per level
        int top = 0;
        stack[size_t(top++)] = 0;
        while (top > 0) {
            const Cell &c = m_cells[size_t(stack[size_t(--top)])];
            if (c.mass == 0.0)
                continue;
            if (c.child < 0) {
                for (int k = c.begin; k < c.end; ++k) {
                    const int j = m_order[size_t(k)];
                    if (j == i)
                        continue;
                    const double dx = p.x - pos[size_t(j)].x;
                    const double dy = p.y - pos[size_t(j)].y;
                    const double d2 = dx * dx + dy * dy;
                    if (d2 < 1e-18) {
                        // Coincident points: push apart along a fixed axis so
                        // the pair separates deterministically.
                        fx += i < j ? -1.0 : 1.0;
                        continue;
                    }
                    fx += dx / d2;
                    fy += dy / d2;
                }
                continue;
            }
            const double dx = p.x - c.mx;
            const double dy = p.y - c.my;
            const double d2 = dx * dx + dy * dy;
            if (c.size * c.size < theta2 * d2) {
                fx += c.mass * dx / d2;
                fy += c.mass * dy / d2;
                continue;
            }
            for (int q = 0; q < 4; ++q)
                stack[size_t(top++)] = c.child + q;
        }
        return {fx, fy};
    }

private:
    static constexpr int kLeafSize = 8;
    static constexpr int kMaxDepth = 48;

    struct Cell
    {
        double mx = 0.0, my = 0.0; // centre of mass
        double mass = 0.0;
        double size = 0.0;         // side length
        int child = -1;            // first of four children, -1 for a leaf
        int begin = 0, end = 0;    // range of m_order (leaves)
    };

    void buildCell(int ci, int begin, int end, double cx, double cy, double half, int depth)
    {
        const std::vector<Point> &pos = *m_positions;
        m_cells[size_t(ci)].size = 2.0 * half;
        m_cells[size_t(ci)].begin = begin;
        m_cells[size_t(ci)].end = end;
        if (end - begin <= kLeafSize || depth >= kMaxDepth) {
            double sx = 0.0, sy = 0.0;
            for (int k = begin; k < end; ++k) {
                sx += pos[size_t(m_order[size_t(k)])].x;
                sy += pos[size_t(m_order[size_t(k)])].y;
            }
            Cell &c = m_cells[size_t(ci)];
            c.mass = end - begin;
            if (c.mass > 0) {
                c.mx = sx / c.mass;
                c.my = sy / c.mass;
            }
            return;
        }
        const auto first = m_order.begin();
        const auto mid = std::partition(first + begin, first + end, [&](int v) { return pos[size_t(v)].y < cy; });
        const auto lowSplit = std::partition(first + begin, mid, [&](int v) { return pos[size_t(v)].x < cx; });
        const auto highSplit = std::partition(mid, first + end, [&](int v) { return pos[size_t(v)].x < cx; });
        const std::array<int, 5> bounds{begin, int(lowSplit - first), int(mid - first), int(highSplit - first), end};
        const int child = int(m_cells.size());
        m_cells[size_t(ci)].child = child;
        m_cells.resize(m_cells.size() + 4);
        const double h = half * 0.5;
        const std::array<double, 4> qx{cx - h, cx + h, cx - h, cx + h};
        const std::array<double, 4> qy{cy - h, cy - h, cy + h, cy + h};
        double mass = 0.0, sx = 0.0, sy = 0.0;
        for (size_t q = 0; q < 4; ++q) {
            buildCell(child + int(q), bounds[q], bounds[q + 1], qx[q], qy[q], h, depth + 1);
            const Cell &c = m_cells[size_t(child) + q];
            mass += c.mass;
            sx += c.mass * c.mx;
            sy += c.mass * c.my;
        }
        Cell &c = m_cells[size_t(ci)];
        c.mass = mass;
        c.mx = sx / mass;
        c.my = sy / mass;
    }

    const std::vector<Point> *m_positions = nullptr;
    std::vector<int> m_order;
    std::vector<Cell> m_cells;
};

} // namespace

// Rotates points about their centroid so their principal axis (of largest
// spread) is the x axis.
void alignLongAxisHorizontally(std::vector<Point> &points)
{
    if (points.size() < 3)
        return;
    Point mean;
    for (const Point &p : points) {
        mean.x += p.x / double(points.size());
        mean.y += p.y / double(points.size());
    }
    double xx = 0.0, yy = 0.0, xy = 0.0;
    for (const Point &p : points) {
        const double dx = p.x - mean.x, dy = p.y - mean.y;
        xx += dx * dx;
        yy += dy * dy;
        xy += dx * dy;
    }
    const double angle = 0.5 * std::atan2(2.0 * xy, xx - yy); // of the principal axis
    const double cs = std::cos(-angle), sn = std::sin(-angle);
    for (Point &p : points) {
        const double dx = p.x - mean.x, dy = p.y - mean.y;
        p = {mean.x + cs * dx - sn * dy, mean.y + sn * dx + cs * dy};
    }
}

// Gravity per node of every level: a constant pull towards the centroid that
// grows with the square of how far the node's weighted degree exceeds the mean
// (a coarse node counts its members' mean). Without it a dense, strongly linked
// core whose links are capped (so the periphery hangs off mid-ranked concepts,
// not off the hubs) is pushed aside by the repulsion of the much larger
// periphery and ends as a fan at the layout's edge, its best-linked concept at
// the tip. Only the excess pulls, so the periphery and evenly linked graphs
// (a chain, a grid) keep their shape instead of curling up. The unit is the
// repulsion a node feels at the rim of its level's natural disc, c K sqrt(n).
std::vector<double> weightedDegrees(const Csr &g)
{
    std::vector<double> degree(size_t(g.n), 0.0);
    for (int v = 0; v < g.n; ++v)
        for (int a = g.offset[size_t(v)]; a < g.offset[size_t(v) + 1]; ++a)
            degree[size_t(v)] += g.weight[size_t(a)];
    return degree;
}

// importance: the members' summed weighted degree per node; mass: member count.
std::vector<double> levelGravity(const std::vector<double> &importance, const std::vector<double> &mass,
                                 double strength, double k)
{
    const int n = int(importance.size());
    double mean = 0.0;
    for (int v = 0; v < n; ++v)
        mean += importance[size_t(v)] / mass[size_t(v)] / n;
    const double unit = strength * RefineParams{}.c * k * std::sqrt(double(n));
    std::vector<double> pull(size_t(n), 0.0);
    for (int v = 0; v < n && mean > 0.0; ++v) {
        // Capped at twice the mean: a hub of a scale-free graph, tens of times
        // the mean, would otherwise be nailed to the centre and drag its
        // neighbourhood after it whenever the map is laid out again in place.
        const double excess = std::clamp(importance[size_t(v)] / mass[size_t(v)] / mean - 1.0, 0.0, 1.0);
        pull[size_t(v)] = unit * excess * excess;
    }
    return pull;
}

std::vector<std::vector<double>> gravityPerLevel(const std::vector<Level> &levels, double strength, double k)
{
    std::vector<std::vector<double>> pull(levels.size());
    if (strength <= 0.0 || levels.empty())
        return pull;
    std::vector<double> importance = weightedDegrees(levels.front().graph);
    for (size_t l = 0; l < levels.size(); ++l) {
        pull[l] = levelGravity(importance, levels[l].mass, strength, k);
        if (l + 1 < levels.size()) {
            std::vector<double> coarse(size_t(levels[l + 1].graph.n), 0.0);
            for (int v = 0; v < levels[l].graph.n; ++v)
                coarse[size_t(levels[l].toCoarse[size_t(v)])] += importance[size_t(v)];
            importance = std::move(coarse);
        }
    }
    return pull;
}

std::vector<Level> buildHierarchy(Csr input, std::uint64_t seed, int coarsestSize)
{
    std::vector<Level> levels;
    Level base;
    base.mass.assign(size_t(input.n), 1.0);
    base.graph = std::move(input);
    levels.push_back(std::move(base));
    while (levels.back().graph.n > coarsestSize && levels.size() < 64) {
        const Level &fine = levels.back();
        int count = 0;
        std::vector<int> cluster = matchClusters(fine.graph, fine.mass, seed + levels.size(), count);
        // A level that barely shrinks costs a full refinement for little gain.
        if (count > int(0.85 * fine.graph.n))
            break;
        Level coarse;
        coarse.mass.assign(size_t(count), 0.0);
        for (int v = 0; v < fine.graph.n; ++v)
            coarse.mass[size_t(cluster[size_t(v)])] += fine.mass[size_t(v)];
        std::vector<Csr::InputEdge> edges;
        edges.reserve(fine.graph.target.size() / 2);
        for (int v = 0; v < fine.graph.n; ++v) {
            for (int a = fine.graph.offset[size_t(v)]; a < fine.graph.offset[size_t(v) + 1]; ++a) {
                const int u = fine.graph.target[size_t(a)];
                if (v < u)
                    edges.push_back({cluster[size_t(v)], cluster[size_t(u)], fine.graph.weight[size_t(a)]});
            }
        }
        coarse.graph = Csr::fromEdges(count, std::move(edges));
        levels.back().toCoarse = std::move(cluster);
        levels.push_back(std::move(coarse));
    }
    return levels;
}

int refine(const Csr &graph, std::vector<Point> &positions, const RefineParams &params,
           const std::function<bool(int)> &iterationDone)
{
    const int n = graph.n;
    if (n <= 1)
        return 0;
    const double k = params.k;
    const double repulsionScale = params.c * k * k;
    const double theta2 = params.theta * params.theta;
    // Thread start-up costs more than the work on small graphs.
    const int threads = n < 1500 ? 1 : std::max(1, params.threads);
    int movable = n;
    if (params.fixed) {
        movable = 0;
        for (int v = 0; v < n; ++v)
            movable += (*params.fixed)[size_t(v)] ? 0 : 1;
    }
    if (movable == 0)
        return 0;

    QuadTree tree;
    std::vector<Point> force(static_cast<size_t>(n));
    double step = params.initialStep;
    double energy = std::numeric_limits<double>::infinity();
    int progress = 0;

    const bool pulled = params.gravity.size() == size_t(n);
    Point centroid;
    auto computeRange = [&](size_t from, size_t to) {
        const std::vector<int> &order = tree.order();
        for (size_t k2 = from; k2 < to; ++k2) {
            const int i = order[k2];
            // A fixed node's force is never read (it does not move, nor count
            // in the energy): a curation edit's layout holds all but a few.
            if (params.fixed && (*params.fixed)[size_t(i)])
                continue;
            const Point r = tree.repulsion(i, theta2);
            double fx = r.x * repulsionScale, fy = r.y * repulsionScale;
            const Point p = positions[size_t(i)];
            for (int a = graph.offset[size_t(i)]; a < graph.offset[size_t(i) + 1]; ++a) {
                const Point q = positions[size_t(graph.target[size_t(a)])];
                const double dx = q.x - p.x, dy = q.y - p.y;
                const double s = (params.unitWeights ? 1.0 : graph.weight[size_t(a)]) * std::sqrt(dx * dx + dy * dy) / k;
                fx += s * dx;
                fy += s * dy;
            }
            if (pulled) {
                const double dx = centroid.x - p.x, dy = centroid.y - p.y;
                const double d = std::sqrt(dx * dx + dy * dy);
                // Constant beyond an edge length, fading to nothing at the
                // centre so the hubs there settle instead of jittering across it.
                const double reach = std::max(d, k);
                fx += params.gravity[size_t(i)] * dx / reach;
                fy += params.gravity[size_t(i)] * dy / reach;
            }
            force[size_t(i)] = {fx, fy};
        }
    };

    int iteration = 0;
    while (iteration < params.maxIterations) {
        tree.build(positions);
        if (pulled) {
            centroid = {};
            for (const Point &p : positions) {
                centroid.x += p.x;
                centroid.y += p.y;
            }
            centroid.x /= n;
            centroid.y /= n;
        }
        if (threads == 1) {
            computeRange(0, size_t(n));
        } else {
            // Each thread writes only the forces of its own slice of nodes, so
            // the result does not depend on scheduling.
            std::vector<std::jthread> workers;
            for (int t = 1; t < threads; ++t)
                workers.emplace_back(computeRange, size_t(n) * size_t(t) / size_t(threads),
                                     size_t(n) * size_t(t + 1) / size_t(threads));
            computeRange(0, size_t(n) / size_t(threads));
        }

        const double previousEnergy = energy;
        energy = 0.0;
        double moved = 0.0;
        for (int i = 0; i < n; ++i) {
            if (params.fixed && (*params.fixed)[size_t(i)])
                continue;
            const Point f = force[size_t(i)];
            const double length = std::sqrt(f.x * f.x + f.y * f.y);
            energy += length * length;
            if (!(length > 0.0) || !std::isfinite(length))
                continue;
            // Move along the force, never further than the step (Fruchterman-
            // Reingold's temperature cap): nodes near balance barely move,
            // which keeps incremental layouts stable.
            const double move = std::min(step, length);
            positions[size_t(i)].x += f.x / length * move;
            positions[size_t(i)].y += f.y / length * move;
            moved += move;
        }
        // Hu's adaptive step: grow after five improving iterations in a row,
        // shrink whenever the energy rises.
        if (energy < previousEnergy) {
            if (++progress >= 5) {
                progress = 0;
                step = std::min(step / 0.9, params.maxStep);
            }
        } else {
            progress = 0;
            step *= 0.9;
        }
        ++iteration;
        if (iterationDone && !iterationDone(iteration))
            return -1;
        if (moved / movable < params.tolerance * k)
            break;
    }
    return iteration;
}

} // namespace carto::layout::detail
