#include "maprenderer.h"

#include "canvas/colours.h"
#include "canvas/lodpolicy.h"
#include "document/projectdocument.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace carto::app {

namespace {
constexpr int kBucketAlpha[4] = {45, 75, 120, 175};
constexpr int kLabelCellPx = 64;

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
    m_neighbourOfHovered.assign(size_t(n), 0);
    m_labels.assign(size_t(n), QStaticText());
    m_labelReady.assign(size_t(n), 0);
    m_labelStamp.assign(size_t(n), -1);
    m_lastLabelled.clear();
    m_gridDirty = true;
    recolour();
}

void MapRenderer::setPalette(const QPalette &palette)
{
    m_palette = palette;
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
    if (m_hovered >= 0) {
        for (int w : m_document->graph().neighbours(m_hovered))
            m_neighbourOfHovered[size_t(w)] = 0;
    }
    m_hovered = node;
    if (m_hovered >= 0) {
        for (int w : m_document->graph().neighbours(m_hovered))
            m_neighbourOfHovered[size_t(w)] = 1;
    }
}

bool MapRenderer::isEmphasised(graph::NodeIndex node) const
{
    return m_hovered < 0 || node == m_hovered || m_neighbourOfHovered[size_t(node)];
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
    const bool hovering = m_hovered >= 0;

    const double left = exposed.left(), right = exposed.right(), top = exposed.top(), bottom = exposed.bottom();
    const double minR = lod::minNodeRadiusPx / s;
    // Collect on-screen nodes first: their number sets the edge budget.
    for (auto it = m_squares.begin(); it != m_squares.end(); ++it)
        it->clear();
    m_round.clear();
    for (const int v : m_drawOrder) {
        if (!m_document->isNodeVisible(v))
            continue;
        const double r = std::max(m_radius[size_t(v)], minR);
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
        if (hovering && (edge.source == m_hovered || edge.target == m_hovered)) {
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
        c.setAlpha(hovering ? kBucketAlpha[bucket] / 4 : kBucketAlpha[bucket]);
        QPen pen(c, 1.0);
        pen.setCosmetic(true);
        painter->setPen(pen);
        painter->drawLines(m_lines[bucket].data(), int(m_lines[bucket].size()));
    }
    const QColor accent = colours::accent(m_palette);
    painter->setRenderHint(QPainter::Antialiasing, true);
    if (!m_highlightLines.empty()) {
        QPen pen(m_colour[size_t(m_hovered)].darker(110), 2.0);
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
    if (!m_document->userLinks().empty()) {
        QPen pen(colours::userLink(m_palette), 1.6, Qt::DashLine);
        pen.setCosmetic(true);
        painter->setPen(pen);
        for (const UserLink &link : m_document->userLinks()) {
            if (!m_document->isNodeVisible(link.from) || !m_document->isNodeVisible(link.to))
                continue;
            QPointF a = m_pos[size_t(link.from)], b = m_pos[size_t(link.to)];
            if (clipSegment(a, b, clip))
                painter->drawLine(a, b);
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
    QPen outline(colours::mapBackground(m_palette), 1.0);
    outline.setCosmetic(true);
    painter->setPen(outline);
    for (const int v : m_round) {
        QColor c = m_colour[size_t(v)];
        if (!isEmphasised(v))
            c.setAlpha(50);
        painter->setBrush(c);
        const double r = std::max(m_radius[size_t(v)], minR);
        painter->drawEllipse(m_pos[size_t(v)], r, r);
    }

    // Rings: pinned (thin), path, focus centre and selection (thick).
    painter->setBrush(Qt::NoBrush);
    auto ring = [&](int v, const QColor &colour, double width, double gapPx) {
        QPen pen(colour, width);
        pen.setCosmetic(true);
        painter->setPen(pen);
        const double r = std::max(m_radius[size_t(v)], minR) + gapPx / s;
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
        const double r = std::max(m_radius[size_t(v)], minR);
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

const QStaticText &MapRenderer::labelText(graph::NodeIndex node)
{
    if (!m_labelReady[size_t(node)]) {
        QString label = m_document->graph().node(node).info.label;
        if (label.size() > 40)
            label = label.left(38) + QChar(0x2026);
        const int n = int(m_rank.size());
        const int rank = m_rank[size_t(node)];
        const int tier = rank < std::max(5, n / 50) ? 2 : rank < std::max(15, n / 10) ? 1 : 0;
        QStaticText &st = m_labels[size_t(node)];
        st.setTextFormat(Qt::PlainText);
        st.setText(label);
        st.setPerformanceHint(QStaticText::AggressiveCaching);
        st.prepare(QTransform(), m_labelFonts[tier]);
        m_labelReady[size_t(node)] = char(tier + 1);
    }
    return m_labels[size_t(node)];
}

void MapRenderer::paintLabels(QPainter *painter, const QRectF &exposed)
{
    m_lastLabelled.clear();
    m_lastLabelRects.clear();
    if (m_pos.empty())
        return;
    const QTransform t = painter->worldTransform();
    const double s = transformScale(t);
    if (s <= 0)
        return;
    ++m_frame;
    const QRectF screen = t.mapRect(exposed);
    const int budget = std::max(8, int(screen.width() * screen.height() / lod::viewportAreaPerLabelPx));
    const int columns = std::max(1, int(screen.width() / kLabelCellPx) + 1);
    const int rows = std::max(1, int(screen.height() / kLabelCellPx) + 1);
    m_labelCells.resize(size_t(columns) * size_t(rows));
    for (auto &cell : m_labelCells)
        cell.clear();

    for (const QRectF &reserved : m_reserved) {
        const int x0 = std::clamp(int((reserved.left() - screen.left()) / kLabelCellPx), 0, columns - 1);
        const int x1 = std::clamp(int((reserved.right() - screen.left()) / kLabelCellPx), 0, columns - 1);
        const int y0 = std::clamp(int((reserved.top() - screen.top()) / kLabelCellPx), 0, rows - 1);
        const int y1 = std::clamp(int((reserved.bottom() - screen.top()) / kLabelCellPx), 0, rows - 1);
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x)
                m_labelCells[size_t(y) * size_t(columns) + size_t(x)].push_back(reserved);
    }

    painter->save();
    painter->resetTransform();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setRenderHint(QPainter::TextAntialiasing, true);
    const QColor halo = colours::labelHalo(m_palette);
    QColor textColour = colours::labelText(m_palette);
    QColor dimText = textColour;
    dimText.setAlpha(90);

    auto tryPlace = [&](int v, bool priority) {
        if (m_labelStamp[size_t(v)] == m_frame || !m_document->isNodeVisible(v))
            return;
        m_labelStamp[size_t(v)] = m_frame;
        const double rpx = std::max(m_radius[size_t(v)] * s, lod::minNodeRadiusPx);
        if (!priority && rpx < lod::labelMinNodeRadiusPx && m_rank[size_t(v)] >= lod::labelRankAlways)
            return;
        const QPointF p = t.map(m_pos[size_t(v)]);
        if (!screen.contains(p))
            return;
        const QStaticText &st = labelText(v);
        const QSizeF size = st.size();
        // Below the node first, then above, right and left: the first free place wins.
        const QRectF places[4] = {
            QRectF(p.x() - size.width() / 2, p.y() + rpx + 1, size.width(), size.height()),
            QRectF(p.x() - size.width() / 2, p.y() - rpx - 1 - size.height(), size.width(), size.height()),
            QRectF(p.x() + rpx + 3, p.y() - size.height() / 2, size.width(), size.height()),
            QRectF(p.x() - rpx - 3 - size.width(), p.y() - size.height() / 2, size.width(), size.height()),
        };
        QRectF rect;
        QRectF padded;
        int x0 = 0, x1 = 0, y0 = 0, y1 = 0;
        bool found = false;
        for (const QRectF &place : places) {
            if (!screen.contains(place))
                continue; // a label cut by the viewport edge reads as noise
            padded = place.adjusted(-lod::labelPaddingPx - 2, -lod::labelPaddingPx, lod::labelPaddingPx + 2,
                                    lod::labelPaddingPx);
            x0 = std::clamp(int((padded.left() - screen.left()) / kLabelCellPx), 0, columns - 1);
            x1 = std::clamp(int((padded.right() - screen.left()) / kLabelCellPx), 0, columns - 1);
            y0 = std::clamp(int((padded.top() - screen.top()) / kLabelCellPx), 0, rows - 1);
            y1 = std::clamp(int((padded.bottom() - screen.top()) / kLabelCellPx), 0, rows - 1);
            bool blocked = false;
            for (int y = y0; y <= y1 && !blocked; ++y)
                for (int x = x0; x <= x1 && !blocked; ++x)
                    for (const QRectF &other : m_labelCells[size_t(y) * size_t(columns) + size_t(x)])
                        if (other.intersects(padded)) {
                            blocked = true;
                            break;
                        }
            if (!blocked) {
                rect = place;
                found = true;
                break;
            }
        }
        if (!found)
            return;
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x)
                m_labelCells[size_t(y) * size_t(columns) + size_t(x)].push_back(padded);
        painter->fillRect(rect.adjusted(-2, 0, 2, 0), halo);
        painter->setPen(isEmphasised(v) ? textColour : dimText);
        painter->drawStaticText(rect.topLeft(), st);
        m_lastLabelled.push_back(v);
        m_lastLabelRects.push_back(rect);
    };

    // Hovered, selected, path and focus labels first: the user is looking at them.
    if (m_hovered >= 0)
        tryPlace(m_hovered, true);
    for (const int v : m_document->selectedNodes())
        tryPlace(v, true);
    for (const graph::PathStep &step : m_document->highlightedPath()) {
        tryPlace(step.from, true);
        tryPlace(step.to, true);
    }
    if (m_document->isFocused())
        tryPlace(m_document->focusCentre(), true);
    if (m_hovered >= 0) {
        for (const int w : m_document->graph().neighbours(m_hovered))
            tryPlace(w, true);
    }
    int tried = 0;
    for (const int v : m_document->nodesByScore()) {
        if (int(m_lastLabelled.size()) >= budget || ++tried > lod::maxLabelCandidates)
            break;
        tryPlace(v, false);
    }
    painter->restore();
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
    const double minR = lod::minNodeRadiusPx / scale;
    const double reach = std::max(m_maxRadius, minR) + tol;
    std::vector<int> candidates;
    m_grid.candidates(QRectF(scenePos - QPointF(reach, reach), QSizeF(2 * reach, 2 * reach)), candidates);
    graph::NodeIndex best = -1;
    double bestDistance = 0;
    for (const int v : candidates) {
        if (v == exclude || !m_document->isNodeVisible(v))
            continue;
        const QPointF d = m_pos[size_t(v)] - scenePos;
        const double distance = std::hypot(d.x(), d.y()) - std::max(m_radius[size_t(v)], minR);
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
