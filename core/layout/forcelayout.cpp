#include "layout/forcelayout.h"

#include "layout/layoutengine.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>
#include <thread>
#include <unordered_map>

namespace carto::layout {

using detail::Csr;
using detail::Level;
using detail::RefineParams;

namespace {

// Iteration budgets per level when Options::maxIterations is 0. The coarsest
// graph is tiny, so it gets many; fine levels start from a good prolonged
// layout and only need local untangling.
constexpr int kCoarsestIterations = 300;
int levelIterations(int nodes, bool finest)
{
    if (finest)
        return nodes < 1000 ? 80 : nodes < 5000 ? 40 : 30;
    return nodes < 1000 ? 80 : nodes < 5000 ? 50 : 40;
}
constexpr int kIncrementalIterations = 50;

// Counts iterations across every component and level and forwards them to
// the sink at most about a hundred times.
class ProgressCounter final
{
public:
    ProgressCounter(ProgressSink *sink, const CancelToken *cancel, qint64 total)
        : m_sink(sink), m_cancel(cancel), m_total(std::max<qint64>(total, 1))
    {
    }
    // Returns false when the work should stop.
    bool advance(qint64 by = 1)
    {
        m_done = std::min(m_total, m_done + by);
        if (m_sink && (m_done - m_reported >= m_total / 100 || m_done == m_total)) {
            m_reported = m_done;
            m_sink->report(QStringLiteral("Layout"), m_done, m_total);
        }
        return !cancelled();
    }
    void finish() { advance(m_total - m_done); }
    [[nodiscard]] bool cancelled() const { return m_cancel && m_cancel->isCancelled(); }

private:
    ProgressSink *m_sink;
    const CancelToken *m_cancel;
    qint64 m_total;
    qint64 m_done = 0;
    qint64 m_reported = 0;
};

struct Box
{
    double minX = 0.0, minY = 0.0, maxX = 0.0, maxY = 0.0;
};

Box boundingBox(const std::vector<Point> &points)
{
    Box box{points[0].x, points[0].y, points[0].x, points[0].y};
    for (const Point &p : points) {
        box.minX = std::min(box.minX, p.x);
        box.minY = std::min(box.minY, p.y);
        box.maxX = std::max(box.maxX, p.x);
        box.maxY = std::max(box.maxY, p.y);
    }
    return box;
}

// One connected component: its nodes (ascending global indices) and graph.
struct Component
{
    std::vector<int> nodes;
    Csr graph;
    enum class Mode { Fresh, Aligned, InPlace } mode = Mode::Fresh;
    std::vector<Level> levels;  // Fresh and Aligned
    std::vector<Point> positions;
};

std::vector<Component> splitComponents(const Csr &g)
{
    std::vector<int> componentOf(size_t(g.n), -1);
    std::vector<Component> components;
    std::vector<int> local(size_t(g.n), -1);
    for (int start = 0; start < g.n; ++start) {
        if (componentOf[size_t(start)] >= 0)
            continue;
        const int id = int(components.size());
        Component c;
        c.nodes.push_back(start);
        componentOf[size_t(start)] = id;
        for (size_t head = 0; head < c.nodes.size(); ++head) {
            const int v = c.nodes[head];
            for (int a = g.offset[size_t(v)]; a < g.offset[size_t(v) + 1]; ++a) {
                const int u = g.target[size_t(a)];
                if (componentOf[size_t(u)] < 0) {
                    componentOf[size_t(u)] = id;
                    c.nodes.push_back(u);
                }
            }
        }
        std::sort(c.nodes.begin(), c.nodes.end());
        for (size_t i = 0; i < c.nodes.size(); ++i)
            local[size_t(c.nodes[i])] = int(i);
        std::vector<Csr::InputEdge> edges;
        for (int v : c.nodes) {
            for (int a = g.offset[size_t(v)]; a < g.offset[size_t(v) + 1]; ++a) {
                const int u = g.target[size_t(a)];
                if (v < u)
                    edges.push_back({local[size_t(v)], local[size_t(u)], g.weight[size_t(a)]});
            }
        }
        c.graph = Csr::fromEdges(int(c.nodes.size()), std::move(edges));
        components.push_back(std::move(c));
    }
    return components;
}

// Rigid transform (rotation, optional reflection, translation) of `from`
// that best matches `to` in the least-squares sense (2D Procrustes).
void alignTo(std::vector<Point> &points, const std::vector<int> &anchors, const std::vector<Point> &targets)
{
    const double m = double(anchors.size());
    Point ca, cb;
    for (size_t k = 0; k < anchors.size(); ++k) {
        ca.x += points[size_t(anchors[k])].x / m;
        ca.y += points[size_t(anchors[k])].y / m;
        cb.x += targets[k].x / m;
        cb.y += targets[k].y / m;
    }
    double bestAngle = 0.0;
    bool bestReflect = false;
    double bestFit = -std::numeric_limits<double>::infinity();
    for (bool reflect : {false, true}) {
        double dot = 0.0, cross = 0.0;
        for (size_t k = 0; k < anchors.size(); ++k) {
            const double ax = points[size_t(anchors[k])].x - ca.x;
            const double ay = (points[size_t(anchors[k])].y - ca.y) * (reflect ? -1.0 : 1.0);
            const double bx = targets[k].x - cb.x, by = targets[k].y - cb.y;
            dot += ax * bx + ay * by;
            cross += ax * by - ay * bx;
        }
        // The residual is minimised where the rotated correlation is largest.
        const double fit = std::hypot(dot, cross);
        if (fit > bestFit + 1e-12) {
            bestFit = fit;
            bestAngle = std::atan2(cross, dot);
            bestReflect = reflect;
        }
    }
    if (anchors.size() < 2)
        bestAngle = 0.0, bestReflect = false;
    const double cs = std::cos(bestAngle), sn = std::sin(bestAngle);
    for (Point &p : points) {
        const double x = p.x - ca.x;
        const double y = (p.y - ca.y) * (bestReflect ? -1.0 : 1.0);
        p = {cb.x + cs * x - sn * y, cb.y + sn * x + cs * y};
    }
}

// Spiral packing: the largest component sits at the origin and the others, in
// decreasing size, take the first free slot along an outward Archimedean spiral,
// so small components and isolated concepts hug the main map instead of filling
// rows far from it (a fitted view then shows the main map large). Free slots are
// found with a uniform grid of placed boxes. Returns per-component offsets that
// move each component's bounding box to its slot.
std::vector<Point> packBoxes(const std::vector<Box> &boxes, double gap)
{
    std::vector<Point> offsets(boxes.size());
    if (boxes.empty())
        return offsets;
    std::vector<int> order(boxes.size());
    std::iota(order.begin(), order.end(), 0);
    auto width = [&](int i) { return boxes[size_t(i)].maxX - boxes[size_t(i)].minX + gap; };
    auto height = [&](int i) { return boxes[size_t(i)].maxY - boxes[size_t(i)].minY + gap; };
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return width(a) * height(a) > width(b) * height(b); });

    // Grid cells about the size of a typical small component.
    std::vector<double> sides;
    for (int i : order)
        sides.push_back(std::max(width(i), height(i)));
    std::nth_element(sides.begin(), sides.begin() + static_cast<std::ptrdiff_t>(sides.size() / 2), sides.end());
    const double cell = std::max(sides[sides.size() / 2], gap);
    std::unordered_map<std::int64_t, std::vector<int>> grid;
    std::vector<Box> placed;
    auto cellKey = [](std::int64_t cx, std::int64_t cy) { return (cx << 32) ^ (cy & 0xffffffff); };
    auto forCells = [&](const Box &b, auto &&f) {
        const auto x0 = static_cast<std::int64_t>(std::floor(b.minX / cell));
        const auto x1 = static_cast<std::int64_t>(std::floor(b.maxX / cell));
        const auto y0 = static_cast<std::int64_t>(std::floor(b.minY / cell));
        const auto y1 = static_cast<std::int64_t>(std::floor(b.maxY / cell));
        for (std::int64_t cx = x0; cx <= x1; ++cx) {
            for (std::int64_t cy = y0; cy <= y1; ++cy) {
                if (!f(cellKey(cx, cy)))
                    return false;
            }
        }
        return true;
    };
    auto isFree = [&](const Box &b) {
        return forCells(b, [&](std::int64_t key) {
            const auto it = grid.find(key);
            if (it == grid.end())
                return true;
            for (int j : it->second) {
                const Box &o = placed[size_t(j)];
                if (b.minX < o.maxX && o.minX < b.maxX && b.minY < o.maxY && o.minY < b.maxY)
                    return false;
            }
            return true;
        });
    };
    auto place = [&](int i, const Box &slot) {
        offsets[size_t(i)] = {slot.minX - boxes[size_t(i)].minX, slot.minY - boxes[size_t(i)].minY};
        placed.push_back(slot);
        const int index = static_cast<int>(placed.size()) - 1;
        forCells(slot, [&](std::int64_t key) {
            grid[key].push_back(index);
            return true;
        });
    };

    // Boxes carry half a gap on each side, so touching boxes keep a full gap apart.
    const int first = order.front();
    place(first, Box{-width(first) / 2.0, -height(first) / 2.0, width(first) / 2.0, height(first) / 2.0});
    const double step = cell / 2.0;               // distance between spiral arms and along them
    const double armGrowth = step / (2.0 * std::numbers::pi); // r = armGrowth * theta
    for (size_t n = 1; n < order.size(); ++n) {
        const int i = order[n];
        const double w = width(i), h = height(i);
        double theta = 0.0;
        for (;;) {
            const double r = armGrowth * theta;
            const double cx = r * std::cos(theta), cy = r * std::sin(theta);
            const Box slot{cx - w / 2.0, cy - h / 2.0, cx + w / 2.0, cy + h / 2.0};
            if (isFree(slot)) {
                place(i, slot);
                break;
            }
            theta += r > step ? step / r : 1.0;
        }
    }
    // Shift the half-gap margins back out of the offsets.
    for (size_t i = 0; i < boxes.size(); ++i) {
        offsets[i].x += gap / 2.0;
        offsets[i].y += gap / 2.0;
    }
    return offsets;
}

} // namespace

ForceLayout::ForceLayout(Options options) : m_options(options) { }
ForceLayout::ForceLayout() : ForceLayout(Options{}) { }

std::vector<Point> ForceLayout::run(const LayoutGraph &graph, const std::vector<std::optional<Point>> &previous,
                                    const std::vector<bool> &pinned, ProgressSink *progress,
                                    const CancelToken *cancel) const
{
    const int n = std::max(0, graph.nodeCount);
    if (n == 0)
        return {};
    const double k = m_options.idealEdgeLength > 0.0 ? m_options.idealEdgeLength : 100.0;

    const int threads = m_options.threads > 0 ? m_options.threads
                                              : std::max(1, int(std::thread::hardware_concurrency()));
    const std::uint64_t seed = m_options.seed;

    // Weights only shape attraction: scale them to mean 1 and clamp, so a few
    // strong links cannot collapse the picture nor weak ones let it drift.
    double weightSum = 0.0;
    int weightCount = 0;
    for (const auto &e : graph.edges) {
        if (e.weight > 0.0 && std::isfinite(e.weight)) {
            weightSum += e.weight;
            ++weightCount;
        }
    }
    const double meanWeight = weightCount > 0 ? weightSum / weightCount : 1.0;
    std::vector<Csr::InputEdge> edges;
    edges.reserve(graph.edges.size());
    for (const auto &e : graph.edges) {
        const double w = e.weight > 0.0 && std::isfinite(e.weight) ? e.weight / meanWeight : 0.0;
        edges.push_back({e.source, e.target, std::clamp(w, 0.2, 5.0)});
    }
    const Csr whole = Csr::fromEdges(n, std::move(edges));

    std::vector<char> known(static_cast<size_t>(n), 0), fixed(size_t(n), 0);
    for (int v = 0; v < n && size_t(v) < previous.size(); ++v) {
        const auto &p = previous[size_t(v)];
        known[size_t(v)] = p && std::isfinite(p->x) && std::isfinite(p->y);
        fixed[size_t(v)] = known[size_t(v)] && size_t(v) < pinned.size() && pinned[size_t(v)];
    }

    std::vector<Component> components = splitComponents(whole);
    qint64 planned = 0;
    for (size_t ci = 0; ci < components.size(); ++ci) {
        if (cancel && cancel->isCancelled())
            return {}; // coarsening a large graph takes a while too
        Component &c = components[ci];
        const auto knownCount = std::count_if(c.nodes.begin(), c.nodes.end(), [&](int v) { return known[size_t(v)]; });
        if (knownCount == 0)
            c.mode = Component::Mode::Fresh;
        else if (2 * size_t(knownCount) >= c.nodes.size())
            c.mode = Component::Mode::InPlace;
        else
            c.mode = Component::Mode::Aligned;
        if (c.mode == Component::Mode::InPlace) {
            planned += kIncrementalIterations;
            continue;
        }
        if (c.nodes.size() < 2)
            continue;
        c.levels = detail::buildHierarchy(c.graph, seed + ci * 7919);
        for (size_t l = 0; l < c.levels.size(); ++l) {
            const int size = c.levels[l].graph.n;
            const bool coarsest = l + 1 == c.levels.size();
            planned += m_options.maxIterations > 0 ? m_options.maxIterations
                       : coarsest                  ? kCoarsestIterations
                                                   : levelIterations(size, l == 0);
        }
        if (c.mode == Component::Mode::Aligned)
            planned += kIncrementalIterations;
    }

    ProgressCounter counter(progress, cancel, planned);
    auto tick = [&counter](int) { return counter.advance(); };

    for (size_t ci = 0; ci < components.size(); ++ci) {
        if (counter.cancelled())
            return {};
        Component &c = components[ci];
        const int size = int(c.nodes.size());
        std::vector<char> localFixed(size_t(size), 0);
        for (int i = 0; i < size; ++i)
            localFixed[size_t(i)] = fixed[size_t(c.nodes[size_t(i)])];

        if (c.mode == Component::Mode::InPlace) {
            // Start from the previous picture; new nodes go to the centroid of
            // their placed neighbours, spreading outwards breadth-first.
            c.positions.assign(size_t(size), Point{});
            std::vector<char> placed(size_t(size), 0);
            Point centroid;
            int knownCount = 0;
            for (int i = 0; i < size; ++i) {
                if (known[size_t(c.nodes[size_t(i)])]) {
                    c.positions[size_t(i)] = *previous[size_t(c.nodes[size_t(i)])];
                    placed[size_t(i)] = 1;
                    centroid.x += c.positions[size_t(i)].x;
                    centroid.y += c.positions[size_t(i)].y;
                    ++knownCount;
                }
            }
            centroid = {centroid.x / knownCount, centroid.y / knownCount};
            for (bool changed = true; changed;) {
                changed = false;
                std::vector<char> placedNow = placed;
                for (int i = 0; i < size; ++i) {
                    if (placed[size_t(i)])
                        continue;
                    Point sum;
                    int count = 0;
                    for (int a = c.graph.offset[size_t(i)]; a < c.graph.offset[size_t(i) + 1]; ++a) {
                        const int j = c.graph.target[size_t(a)];
                        if (placed[size_t(j)]) {
                            sum.x += c.positions[size_t(j)].x;
                            sum.y += c.positions[size_t(j)].y;
                            ++count;
                        }
                    }
                    if (count == 0)
                        continue;
                    const double angle = 2.0 * std::numbers::pi * detail::hashUnit(seed, std::uint64_t(c.nodes[size_t(i)]));
                    c.positions[size_t(i)] = {sum.x / count + 0.5 * k * std::cos(angle),
                                              sum.y / count + 0.5 * k * std::sin(angle)};
                    placedNow[size_t(i)] = 1;
                    changed = true;
                }
                placed.swap(placedNow);
            }
            for (int i = 0; i < size; ++i)
                if (!placed[size_t(i)])
                    c.positions[size_t(i)] = centroid;
            RefineParams params;
            params.k = k;
            params.theta = m_options.theta;
            params.threads = threads;
            params.maxIterations = kIncrementalIterations;
            // A low temperature: the old picture is already balanced, so only
            // the neighbourhood of what changed should move noticeably.
            params.initialStep = 0.05 * k;
            params.maxStep = 0.05 * k;
            params.tolerance = 0.005;
            params.fixed = &localFixed;
            // The same gravity as a fresh layout, so its balance is kept, not relaxed away.
            if (m_options.gravity > 0.0)
                params.gravity = detail::levelGravity(detail::weightedDegrees(c.graph), std::vector<double>(size_t(size), 1.0),
                                              m_options.gravity, k);
            const int ran = detail::refine(c.graph, c.positions, params, tick);
            if (ran < 0)
                return {};
            counter.advance(kIncrementalIterations - ran);
            continue;
        }

        if (size == 1) {
            c.positions = {Point{}};
        } else {
            // Multilevel: random start on the coarsest graph, then prolong each
            // level's layout to the next finer one and refine it.
            std::vector<Point> pos;
            const std::vector<std::vector<double>> pull = detail::gravityPerLevel(c.levels, m_options.gravity, k);
            for (size_t l = c.levels.size(); l-- > 0;) {
                const Level &level = c.levels[l];
                const int ln = level.graph.n;
                const bool coarsest = l + 1 == c.levels.size();
                RefineParams params;
                params.k = k;
                params.theta = m_options.theta;
                params.threads = threads;
                params.unitWeights = l > 0;
                params.gravity = pull[l];
                if (coarsest) {
                    detail::SplitMix rng(seed * 31 + ci);
                    const double side = std::sqrt(double(ln)) * k;
                    pos.resize(size_t(ln));
                    for (Point &p : pos)
                        p = {rng.uniform() * side, rng.uniform() * side};
                    params.maxIterations = kCoarsestIterations;
                    params.initialStep = side * 0.2;
                } else {
                    const Level &coarser = c.levels[l + 1];
                    const double scale = std::sqrt(double(ln) / double(coarser.graph.n));
                    std::vector<Point> fine(static_cast<size_t>(ln));
                    for (int v = 0; v < ln; ++v) {
                        const Point p = pos[size_t(level.toCoarse[size_t(v)])];
                        const double angle = 2.0 * std::numbers::pi * detail::hashUnit(seed + l, std::uint64_t(v));
                        fine[size_t(v)] = {p.x * scale + 0.1 * k * std::cos(angle),
                                           p.y * scale + 0.1 * k * std::sin(angle)};
                    }
                    pos = std::move(fine);
                    params.maxIterations = levelIterations(ln, l == 0);
                    params.initialStep = 0.5 * k;
                }
                if (m_options.maxIterations > 0)
                    params.maxIterations = m_options.maxIterations;
                const int planned = params.maxIterations;
                const int ran = detail::refine(level.graph, pos, params, tick);
                if (ran < 0)
                    return {};
                counter.advance(planned - ran);
            }
            c.positions = std::move(pos);
            // A fresh component has no orientation of its own: turn its long
            // axis horizontal, the shape of the screens and pages it is shown on.
            if (c.mode == Component::Mode::Fresh)
                detail::alignLongAxisHorizontally(c.positions);
        }

        if (c.mode == Component::Mode::Aligned) {
            std::vector<int> anchors;
            std::vector<Point> targets;
            for (int i = 0; i < size; ++i) {
                if (known[size_t(c.nodes[size_t(i)])]) {
                    anchors.push_back(i);
                    targets.push_back(*previous[size_t(c.nodes[size_t(i)])]);
                }
            }
            alignTo(c.positions, anchors, targets);
            const bool anyFixed = std::any_of(localFixed.begin(), localFixed.end(), [](char f) { return f != 0; });
            if (anyFixed) {
                for (int i = 0; i < size; ++i)
                    if (localFixed[size_t(i)])
                        c.positions[size_t(i)] = *previous[size_t(c.nodes[size_t(i)])];
                RefineParams params;
                params.k = k;
                params.theta = m_options.theta;
                params.threads = threads;
                params.maxIterations = kIncrementalIterations;
                params.initialStep = 0.3 * k;
                params.maxStep = 0.3 * k;
                params.fixed = &localFixed;
                const int ran = detail::refine(c.graph, c.positions, params, tick);
                if (ran < 0)
                    return {};
                counter.advance(kIncrementalIterations - ran);
            } else {
                counter.advance(kIncrementalIterations);
            }
        }
    }

    // Place components. Fresh ones are packed together; when some components
    // kept their previous place, the fresh block goes to the right of them.
    std::vector<Point> result(static_cast<size_t>(n));
    std::vector<size_t> fresh;
    Box keptBox{};
    bool haveKept = false;
    for (size_t ci = 0; ci < components.size(); ++ci) {
        const Component &c = components[ci];
        if (c.mode == Component::Mode::Fresh) {
            fresh.push_back(ci);
            continue;
        }
        const Box b = boundingBox(c.positions);
        keptBox = haveKept ? Box{std::min(keptBox.minX, b.minX), std::min(keptBox.minY, b.minY),
                                 std::max(keptBox.maxX, b.maxX), std::max(keptBox.maxY, b.maxY)}
                           : b;
        haveKept = true;
        for (size_t i = 0; i < c.nodes.size(); ++i)
            result[size_t(c.nodes[i])] = c.positions[i];
    }
    if (!fresh.empty()) {
        std::vector<Box> boxes;
        for (size_t ci : fresh)
            boxes.push_back(boundingBox(components[ci].positions));
        const std::vector<Point> offsets = packBoxes(boxes, k);
        Box packed{};
        for (size_t f = 0; f < fresh.size(); ++f) {
            const Box &b = boxes[f];
            const Box moved{b.minX + offsets[f].x, b.minY + offsets[f].y, b.maxX + offsets[f].x,
                            b.maxY + offsets[f].y};
            packed = f == 0 ? moved
                            : Box{std::min(packed.minX, moved.minX), std::min(packed.minY, moved.minY),
                                  std::max(packed.maxX, moved.maxX), std::max(packed.maxY, moved.maxY)};
        }
        // Centre the packing on the origin, or park it right of the kept part.
        const Point shift = haveKept ? Point{keptBox.maxX + 2.0 * k - packed.minX, keptBox.minY - packed.minY}
                                     : Point{-(packed.minX + packed.maxX) / 2.0, -(packed.minY + packed.maxY) / 2.0};
        for (size_t f = 0; f < fresh.size(); ++f) {
            const Component &c = components[fresh[f]];
            for (size_t i = 0; i < c.nodes.size(); ++i)
                result[size_t(c.nodes[i])] = {c.positions[i].x + offsets[f].x + shift.x,
                                              c.positions[i].y + offsets[f].y + shift.y};
        }
    }
    counter.finish();
    return result;
}

double normalisedStress(const LayoutGraph &graph, const std::vector<Point> &positions, int pivots, unsigned seed)
{
    const int n = std::max(0, graph.nodeCount);
    if (positions.size() != size_t(n))
        return std::numeric_limits<double>::quiet_NaN();
    std::vector<Csr::InputEdge> edges;
    edges.reserve(graph.edges.size());
    for (const auto &e : graph.edges)
        edges.push_back({e.source, e.target, 1.0});
    const Csr g = Csr::fromEdges(n, std::move(edges));

    // Pivots: a seeded partial Fisher-Yates shuffle, or every node.
    std::vector<int> nodes(static_cast<size_t>(n));
    std::iota(nodes.begin(), nodes.end(), 0);
    const int count = pivots <= 0 || pivots >= n ? n : pivots;
    detail::SplitMix rng(seed);
    for (int i = 0; i < count && count < n; ++i)
        std::swap(nodes[size_t(i)], nodes[size_t(i + rng.below(n - i))]);

    double sumR = 0.0, sumR2 = 0.0;
    double pairs = 0.0;
    std::vector<int> distance(static_cast<size_t>(n), -1);
    std::vector<int> queue;
    queue.reserve(size_t(n));
    for (int pi = 0; pi < count; ++pi) {
        const int p = nodes[size_t(pi)];
        std::fill(distance.begin(), distance.end(), -1);
        queue.clear();
        queue.push_back(p);
        distance[size_t(p)] = 0;
        for (size_t head = 0; head < queue.size(); ++head) {
            const int v = queue[head];
            for (int a = g.offset[size_t(v)]; a < g.offset[size_t(v) + 1]; ++a) {
                const int u = g.target[size_t(a)];
                if (distance[size_t(u)] < 0) {
                    distance[size_t(u)] = distance[size_t(v)] + 1;
                    queue.push_back(u);
                }
            }
        }
        for (size_t q = 1; q < queue.size(); ++q) {
            const int j = queue[q];
            const double d = distance[size_t(j)];
            const double r = std::hypot(positions[size_t(p)].x - positions[size_t(j)].x,
                                        positions[size_t(p)].y - positions[size_t(j)].y) / d;
            sumR += r;
            sumR2 += r * r;
            pairs += 1.0;
        }
    }
    if (pairs == 0.0)
        return 0.0;
    if (sumR2 == 0.0)
        return 1.0;
    return std::max(0.0, 1.0 - sumR * sumR / (pairs * sumR2));
}

} // namespace carto::layout
