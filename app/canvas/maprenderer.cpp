#include "maprenderer.h"

#include "canvas/colours.h"
#include "canvas/lodpolicy.h"
#include "document/projectdocument.h"

#include <QPaintEngine>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace carto::app {

namespace {
constexpr int kBucketAlpha[4] = {45, 75, 120, 175};

double transformScale(const QTransform &t)
{
    return std::sqrt(std::abs(t.determinant()));
}

// Clips segment ab to rect (Liang-Barsky); false when it misses. Long edges of a
// zoomed-in view would otherwise be stroked far outside the screen.
bool clipSegment(QPointF &a, QPointF &b, const QRectF &rect)
{
    double t0 = 0.0, t1 = 1.0;
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.x() - rect.left(), rect.right() - a.x(), a.y() - rect.top(), rect.bottom() - a.y()};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0.0) {
            if (q[i] < 0.0)
                return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0.0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1)
            return false;
    }
    const QPointF start = a;
    a = start + QPointF(dx, dy) * t0;
    b = start + QPointF(dx, dy) * t1;
    return true;
}

double segmentDistance(QPointF p, QPointF a, QPointF b)
{
    const QPointF ab = b - a;
    const double len2 = QPointF::dotProduct(ab, ab);
    double u = len2 > 0 ? QPointF::dotProduct(p - a, ab) / len2 : 0.0;
    u = std::clamp(u, 0.0, 1.0);
    const QPointF d = p - (a + u * ab);
    return std::hypot(d.x(), d.y());
}
} // namespace

MapRenderer::MapRenderer(const ProjectDocument *document)
    : m_document(document)
{
    QFont base;
    m_labelFonts[0] = base;
    m_labelFonts[0].setPixelSize(11);
    m_labelFonts[1] = base;
    m_labelFonts[1].setPixelSize(13);
    m_labelFonts[2] = base;
    m_labelFonts[2].setPixelSize(15);
    m_labelFonts[2].setBold(true);
}

void MapRenderer::rebuild()
{
    const int n = m_document->nodeCount();
    const int m = m_document->edgeCount();
    const graph::ConceptGraph &g = m_document->graph();

    m_pos.resize(size_t(n));
    for (int i = 0; i < n; ++i)
        m_pos[size_t(i)] = m_document->scenePos(i);

    // Rank and size by score: radius grows with the square root of relative score.
    m_rank.assign(size_t(n), 0);
    const auto &byScore = m_document->nodesByScore();
    for (int r = 0; r < int(byScore.size()); ++r)
        m_rank[size_t(byScore[size_t(r)])] = r;
    m_drawOrder.assign(byScore.rbegin(), byScore.rend());
    const double maxScore = n > 0 ? std::max(1e-9, g.node(byScore.front()).info.score) : 1.0;
    m_radius.assign(size_t(n), 4.0);
    m_maxRadius = 4.0;
    for (int i = 0; i < n; ++i) {
        const double rel = std::clamp(g.node(i).info.score / maxScore, 0.0, 1.0);
        m_radius[size_t(i)] = 4.0 + 14.0 * std::sqrt(rel);
        m_maxRadius = std::max(m_maxRadius, m_radius[size_t(i)]);
    }

    m_edgeOrder.resize(size_t(m));
    for (int e = 0; e < m; ++e)
        m_edgeOrder[size_t(e)] = e;
    std::stable_sort(m_edgeOrder.begin(), m_edgeOrder.end(), [&g](int a, int b) {
        return g.edge(a).relation.weight > g.edge(b).relation.weight;
    });
    m_edgeBucket.assign(size_t(m), 0);
    for (int r = 0; r < m; ++r) {
        const double q = double(r) / double(std::max(1, m));
        m_edgeBucket[size_t(m_edgeOrder[size_t(r)])] = q < 0.05 ? 3 : q < 0.2 ? 2 : q < 0.5 ? 1 : 0;
    }

    m_hovered = -1;
    m_selection.clear();
    m_group.reset();
    m_emphasis.assign(size_t(n), 0);
    m_emphasising = false;
    m_labels.assign(size_t(n), QStaticText());
    m_labelImages.assign(size_t(n), QImage());
    m_labelReady.assign(size_t(n), 0);
    m_labelStamp.assign(size_t(n), -1);
    m_lastLabelled.clear();
    m_gridDirty = true;
    recolour();
}

void MapRenderer::setPalette(const QPalette &palette)
{
    m_palette = palette;
    // Cached label images carry the old text and halo colours.
    for (QImage &image : m_labelImages)
        image = QImage();
    m_discSprites.clear(); // their outline is the background colour
}

double MapRenderer::screenRadius(graph::NodeIndex node, double scale) const
{
    return lod::nodeScreenRadius(m_radius[size_t(node)], scale);
}

void MapRenderer::setColourByType(bool byType)
{
    m_colourByType = byType;
    recolour();
}

void MapRenderer::recolour()
{
    const int n = m_document->nodeCount();
    m_colour.resize(size_t(n));
    for (int i = 0; i < n; ++i) {
        const graph::NodeData &node = m_document->graph().node(i);
        m_colour[size_t(i)] = m_colourByType ? colours::type(node.info.type) : colours::community(node.community);
    }
}

void MapRenderer::setPositions(std::vector<QPointF> positions)
{
    m_pos = std::move(positions);
    m_gridDirty = true;
}

void MapRenderer::setPosition(graph::NodeIndex node, QPointF pos)
{
    m_pos[size_t(node)] = pos;
    m_gridDirty = true;
}

QRectF MapRenderer::visibleBounds() const
{
    QRectF r;
    for (int i = 0; i < int(m_pos.size()); ++i) {
        if (!m_document->isNodeVisible(i))
            continue;
        const double rad = m_radius[size_t(i)];
        const QRectF nr(m_pos[size_t(i)] - QPointF(rad, rad), QSizeF(2 * rad, 2 * rad));
        r = r.isNull() ? nr : r.united(nr);
    }
    return r;
}

void MapRenderer::setHovered(graph::NodeIndex node)
{
    if (node == m_hovered)
        return;
    m_hovered = node;
    recomputeEmphasis();
}

void MapRenderer::setSelection(const QList<graph::NodeIndex> &nodes)
{
    // Not QList's ==: in Qt 6.4 it hands memcmp a null pointer when one of two
    // empty lists was never allocated (undefined behaviour; UBSan stops there).
    if (std::ranges::equal(nodes, m_selection))
        return;
    m_selection = nodes;
    recomputeEmphasis();
}

void MapRenderer::setHighlightedGroup(std::optional<Group> group)
{
    m_group = group;
    recomputeEmphasis();
}

bool MapRenderer::inGroup(graph::NodeIndex node, const Group &group) const
{
    const graph::NodeData &data = m_document->graph().node(node);
    return group.byType ? int(data.info.type) == group.key : data.community == group.key;
}

void MapRenderer::recomputeEmphasis()
{
    // What the user points at, else the legend entry they chose, else the
    // selection: that node (or group) and its neighbours stay bright.
    const int n = int(m_emphasis.size());
    std::fill(m_emphasis.begin(), m_emphasis.end(), 0);
    m_emphasisSources.clear();
    if (m_hovered >= 0 && m_hovered < n) {
        m_emphasisSources.push_back(m_hovered);
    } else if (m_group) {
        for (int v = 0; v < n; ++v)
            if (inGroup(v, *m_group))
                m_emphasis[size_t(v)] = 2;
    } else {
        for (const graph::NodeIndex v : m_selection)
            if (v >= 0 && v < n)
                m_emphasisSources.push_back(v);
    }
    for (const graph::NodeIndex v : m_emphasisSources) {
        for (const int w : m_document->graph().neighbours(v))
            m_emphasis[size_t(w)] = std::max<char>(m_emphasis[size_t(w)], 1);
    }
    for (const graph::NodeIndex v : m_emphasisSources)
        m_emphasis[size_t(v)] = 2;
    m_emphasising = !m_emphasisSources.empty() || m_group.has_value();
}

bool MapRenderer::isEmphasised(graph::NodeIndex node) const
{
    return !m_emphasising || (node >= 0 && node < int(m_emphasis.size()) && m_emphasis[size_t(node)]);
}

graph::NodeIndex MapRenderer::labelAt(QPointF devicePos) const
{
    for (size_t i = 0; i < m_lastLabelRects.size(); ++i)
        if (m_lastLabelRects[i].adjusted(-2, -1, 2, 1).contains(devicePos))
            return m_lastLabelled[i];
    return -1;
}

void MapRenderer::paintMap(QPainter *painter, const QRectF &exposed)
{
    m_lastEdges = 0;
    m_lastNodes = 0;
    if (m_pos.empty())
        return;
    const double s = transformScale(painter->worldTransform());
    if (s <= 0)
        return;
    const graph::ConceptGraph &g = m_document->graph();
    // Links of the hovered or selected concepts are drawn bold, in its colour.
    const bool highlighting = !m_emphasisSources.empty();
    auto isSource = [this](int v) { return m_emphasis[size_t(v)] == 2; };

    const double left = exposed.left(), right = exposed.right(), top = exposed.top(), bottom = exposed.bottom();
    // Scene radius of a node as drawn in this frame.
    auto drawnRadius = [&](int v) { return lod::nodeScreenRadius(m_radius[size_t(v)], s) / s; };
    // Collect on-screen nodes first: their number sets the edge budget.
    for (auto it = m_squares.begin(); it != m_squares.end(); ++it)
        it->clear();
    m_round.clear();
    for (const int v : m_drawOrder) {
        if (!m_document->isNodeVisible(v))
            continue;
        const double r = drawnRadius(v);
        const QPointF p = m_pos[size_t(v)];
        if (p.x() + r < left || p.x() - r > right || p.y() + r < top || p.y() - r > bottom)
            continue;
        ++m_lastNodes;
        if (r * s < lod::roundNodeMinRadiusPx) {
            QColor c = m_colour[size_t(v)];
            if (!isEmphasised(v))
                c.setAlpha(50);
            m_squares[c.rgba()].emplace_back(p.x() - r, p.y() - r, 2 * r, 2 * r);
        } else {
            m_round.push_back(v);
        }
    }
    // Edges: strongest first, culled to the exposed rect, capped per frame.
    for (auto &lines : m_lines)
        lines.clear();
    m_highlightLines.clear();
    const double minLen2 = (lod::minEdgeLengthPx / s) * (lod::minEdgeLengthPx / s);
    const QRectF clip = exposed.adjusted(-4 / s, -4 / s, 4 / s, 4 / s);
    // A few links per node on screen: the strongest carry the structure, the rest
    // would only add a hairball. Zooming in brings the weaker ones back.
    const int budget = std::min(lod::maxEdgesPerFrame,
                                std::max(lod::minEdgesPerFrame, int(lod::edgesPerVisibleNode * m_lastNodes)));
    int drawn = 0;
    for (const int e : m_edgeOrder) {
        if (!m_document->isEdgeVisible(e))
            continue;
        const graph::EdgeData &edge = g.edge(e);
        QPointF a = m_pos[size_t(edge.source)];
        QPointF b = m_pos[size_t(edge.target)];
        if (std::max(a.x(), b.x()) < left || std::min(a.x(), b.x()) > right || std::max(a.y(), b.y()) < top
            || std::min(a.y(), b.y()) > bottom)
            continue;
        const double dx = a.x() - b.x(), dy = a.y() - b.y();
        if (dx * dx + dy * dy < minLen2)
            continue;
        if (!clipSegment(a, b, clip))
            continue;
        if (highlighting && (isSource(edge.source) || isSource(edge.target))) {
            m_highlightLines.emplace_back(a, b);
            continue;
        }
        m_lines[m_edgeBucket[size_t(e)]].emplace_back(a, b);
        if (++drawn >= budget)
            break;
    }
    // Strong links look wider through parallel one-pixel lines: wide pens go through
    // QStroker and cost about a millisecond per screen-long line.
    const bool detailed = drawn < lod::antialiasEdgesBelow;
    if (detailed) {
        for (int bucket = 2; bucket < 4; ++bucket) {
            const int copies = bucket == 3 ? 2 : 1;
            const size_t count = m_lines[bucket].size();
            for (size_t i = 0; i < count; ++i) {
                const QLineF line = m_lines[bucket][i];
                const double length = line.length();
                if (length <= 0)
                    continue;
                const QPointF normal(-line.dy() / length / s, line.dx() / length / s);
                for (int c = 1; c <= copies; ++c) {
                    const QPointF offset = normal * (c % 2 ? 1.0 : -1.0) * double((c + 1) / 2);
                    m_lines[bucket].emplace_back(line.p1() + offset, line.p2() + offset);
                }
            }
        }
    }
    m_lastEdges = drawn + int(m_highlightLines.size());
    // Many edges: aliased one-pixel lines (the raster engine's fast path), weight by opacity.
    painter->setRenderHint(QPainter::Antialiasing, detailed);
    painter->setBrush(Qt::NoBrush);
    const QColor edgeColour = colours::edge(m_palette);
    for (int bucket = 0; bucket < 4; ++bucket) {
        if (m_lines[bucket].empty())
            continue;
        QColor c = edgeColour;
        c.setAlpha(m_emphasising ? kBucketAlpha[bucket] / 4 : kBucketAlpha[bucket]);
        QPen pen(c, 1.0);
        pen.setCosmetic(true);
        painter->setPen(pen);
        painter->drawLines(m_lines[bucket].data(), int(m_lines[bucket].size()));
    }
    const QColor accent = colours::accent(m_palette);
    painter->setRenderHint(QPainter::Antialiasing, true);
    if (!m_highlightLines.empty()) {
        QPen pen(m_colour[size_t(m_emphasisSources.front())].darker(110), 2.0);
        pen.setCosmetic(true);
        painter->setPen(pen);
        painter->drawLines(m_highlightLines.data(), int(m_highlightLines.size()));
    }
    if (const int sel = m_document->selectedEdge(); sel >= 0 && sel < g.edgeCount()) {
        QPen pen(m_palette.color(QPalette::Highlight), 4.0);
        pen.setCosmetic(true);
        painter->setPen(pen);
        QPointF a = m_pos[size_t(g.edge(sel).source)], b = m_pos[size_t(g.edge(sel).target)];
        if (clipSegment(a, b, clip))
            painter->drawLine(a, b);
    }
    if (!m_document->highlightedPath().empty()) {
        QPen pen(accent, 4.0);
        pen.setCosmetic(true);
        painter->setPen(pen);
        for (const graph::PathStep &step : m_document->highlightedPath()) {
            QPointF a = m_pos[size_t(step.from)], b = m_pos[size_t(step.to)];
            if (clipSegment(a, b, clip))
                painter->drawLine(a, b);
        }
    }

    // Links the user wrote as [[Concept]] in a note: dashed, in the note colour,
    // so they never pass for links found in the texts.
    m_lastUserLinks = 0;
    if (!m_document->userLinks().empty()) {
        QPen pen(colours::userLink(m_palette), 1.6, Qt::DashLine);
        pen.setCosmetic(true);
        painter->setPen(pen);
        for (const UserLink &link : m_document->userLinks()) {
            if (!m_document->isNodeVisible(link.from) || !m_document->isNodeVisible(link.to))
                continue;
            QPointF a = m_pos[size_t(link.from)], b = m_pos[size_t(link.to)];
            if (clipSegment(a, b, clip)) {
                painter->drawLine(a, b);
                ++m_lastUserLinks;
            }
        }
    }

    // Nodes: tiny ones as batched squares per colour, the rest as circles on top.
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(Qt::NoPen);
    for (auto it = m_squares.cbegin(); it != m_squares.cend(); ++it) {
        if (it->empty())
            continue;
        painter->setBrush(QColor::fromRgba(it.key()));
        painter->drawRects(it->data(), int(it->size()));
    }
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QTransform toDevice = painter->worldTransform();
    m_discs.clear();
    m_discTransform = toDevice;
    for (const int v : m_round)
        m_discs.push_back({toDevice.map(m_pos[size_t(v)]), drawnRadius(v) * s, v});
    {
        const bool raster = painter->paintEngine() && painter->paintEngine()->type() == QPaintEngine::Raster;
        const double dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        painter->save();
        painter->resetTransform();
        for (const Disc &disc : m_discs)
            drawDisc(painter, disc, raster, dpr);
        painter->restore();
    }

    // Rings: pinned (thin), path, focus centre and selection (thick).
    painter->setBrush(Qt::NoBrush);
    auto ring = [&](int v, const QColor &colour, double width, double gapPx) {
        QPen pen(colour, width);
        pen.setCosmetic(true);
        painter->setPen(pen);
        const double r = drawnRadius(v) + gapPx / s;
        painter->drawEllipse(m_pos[size_t(v)], r, r);
    };
    const QColor text = m_palette.color(QPalette::Text);
    for (const int v : m_round) {
        if (g.node(v).pinned)
            ring(v, text, 1.0, 1.5);
    }
    for (const graph::PathStep &step : m_document->highlightedPath()) {
        ring(step.from, accent, 2.5, 2.0);
        ring(step.to, accent, 2.5, 2.0);
    }
    if (m_document->isFocused())
        ring(m_document->focusCentre(), accent, 2.0, 5.0);
    if (m_dropTarget >= 0 && m_dropTarget < int(m_pos.size())) {
        ring(m_dropTarget, m_palette.color(QPalette::Highlight), 4.0, 4.0);
        ring(m_dropTarget, accent, 1.5, 9.0);
    }
    // Note badges: a small square at the node's upper right, only where nodes are
    // drawn large enough to carry one (level-of-detail policy).
    painter->setPen(Qt::NoPen);
    painter->setBrush(colours::userLink(m_palette));
    for (const int v : m_round) {
        if (!m_document->hasNote(v))
            continue;
        const double r = drawnRadius(v);
        if (r * s < lod::noteBadgeMinRadiusPx)
            continue;
        const double side = lod::noteBadgeSizePx / s;
        const QPointF corner = m_pos[size_t(v)] + QPointF(r * 0.7, -r * 0.7);
        painter->drawRect(QRectF(corner - QPointF(side / 2, side / 2), QSizeF(side, side)));
    }
    for (const int v : m_document->selectedNodes())
        if (m_document->isNodeVisible(v))
            ring(v, m_palette.color(QPalette::Highlight), 3.0, 2.5);
}

const QImage &MapRenderer::discSprite(QRgb colour, double radiusPx, double devicePixelRatio)
{
    const int quarters = std::clamp(int(std::lround(radiusPx * 4.0)), 1, 0xffff);
    const int dprKey = std::clamp(int(std::lround(devicePixelRatio * 16.0)), 1, 0xffff);
    const quint64 key = (quint64(colour) << 32) | (quint64(quarters) << 16) | quint64(dprKey);
    if (const auto it = m_discSprites.constFind(key); it != m_discSprites.cend())
        return *it;
    if (m_discSprites.size() > 4096)
        m_discSprites.clear(); // many zoom levels and fades: start over rather than grow
    const double r = quarters / 4.0;
    // An even side in device pixels, so the disc's centre is a pixel corner.
    const int side = 2 * int(std::ceil((r + 1.5) * devicePixelRatio));
    QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(Qt::transparent);
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing, true);
        QPen outline(colours::mapBackground(m_palette), 1.0);
        outline.setCosmetic(true);
        p.setPen(outline);
        p.setBrush(QColor::fromRgba(colour));
        const double half = side / devicePixelRatio / 2.0;
        p.drawEllipse(QPointF(half, half), r, r);
    }
    return *m_discSprites.insert(key, image);
}

void MapRenderer::drawDisc(QPainter *painter, const Disc &disc, bool raster, double devicePixelRatio)
{
    QColor c = m_colour[size_t(disc.node)];
    if (!isEmphasised(disc.node))
        c.setAlpha(50);
    if (raster) {
        const QImage &sprite = discSprite(c.rgba(), disc.radius, devicePixelRatio);
        const double half = sprite.width() / devicePixelRatio / 2.0;
        // Whole device pixels: the raster engine then blits without resampling.
        painter->drawImage(QPointF(std::round(disc.centre.x() - half), std::round(disc.centre.y() - half)), sprite);
        return;
    }
    QPen outline(colours::mapBackground(m_palette), 1.0);
    outline.setCosmetic(true);
    painter->setPen(outline);
    painter->setBrush(c);
    painter->drawEllipse(disc.centre, disc.radius, disc.radius);
}

void MapRenderer::ensureGrid()
{
    if (!m_gridDirty)
        return;
    const double cell = std::max(4.0 * m_maxRadius, 1.0);
    m_grid.build(m_pos, cell);
    m_gridDirty = false;
}

graph::NodeIndex MapRenderer::nodeAt(QPointF scenePos, double scale, graph::NodeIndex exclude)
{
    if (m_pos.empty() || scale <= 0)
        return -1;
    ensureGrid();
    const double tol = 3.0 / scale;
    const double reach = lod::nodeScreenRadius(m_maxRadius, scale) / scale + tol;
    std::vector<int> candidates;
    m_grid.candidates(QRectF(scenePos - QPointF(reach, reach), QSizeF(2 * reach, 2 * reach)), candidates);
    graph::NodeIndex best = -1;
    double bestDistance = 0;
    for (const int v : candidates) {
        if (v == exclude || !m_document->isNodeVisible(v))
            continue;
        const QPointF d = m_pos[size_t(v)] - scenePos;
        const double distance = std::hypot(d.x(), d.y()) - lod::nodeScreenRadius(m_radius[size_t(v)], scale) / scale;
        if (distance > tol)
            continue;
        if (best < 0 || distance < bestDistance) {
            best = v;
            bestDistance = distance;
        }
    }
    return best;
}

graph::EdgeIndex MapRenderer::edgeAt(QPointF scenePos, double scale) const
{
    if (scale <= 0)
        return -1;
    const double tol = 4.0 / scale;
    const graph::ConceptGraph &g = m_document->graph();
    graph::EdgeIndex best = -1;
    double bestDistance = tol;
    for (int e = 0; e < g.edgeCount(); ++e) {
        if (!m_document->isEdgeVisible(e))
            continue;
        const double d = segmentDistance(scenePos, m_pos[size_t(g.edge(e).source)], m_pos[size_t(g.edge(e).target)]);
        if (d <= bestDistance) {
            best = e;
            bestDistance = d;
        }
    }
    return best;
}

QList<graph::NodeIndex> MapRenderer::nodesIn(const QRectF &sceneRect)
{
    QList<graph::NodeIndex> out;
    ensureGrid();
    std::vector<int> candidates;
    m_grid.candidates(sceneRect, candidates);
    for (const int v : candidates)
        if (m_document->isNodeVisible(v) && sceneRect.contains(m_pos[size_t(v)]))
            out.append(v);
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace carto::app
