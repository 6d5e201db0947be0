// MapRenderer's label pass: labels placed greedily by importance under the
// density limit, kept off other labels, overlays and other nodes' discs, and
// drawn from cached images with a halo.
#include "maprenderer.h"

#include "canvas/colours.h"
#include "canvas/lodpolicy.h"
#include "document/projectdocument.h"

#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace carto::app {

namespace {
constexpr int kLabelCellPx = 64;

double transformScale(const QTransform &t)
{
    return std::sqrt(std::abs(t.determinant()));
}

// Draws the glyphs once, then grows their coverage by the halo radius (a max
// filter over a small disc) and lays that, in the halo colour, under them.
// Stroking the glyph outlines cost ~3 M instructions a label; this is one pass
// over an image of a few thousand pixels.
void addHalo(QImage &image, QColor halo, double radiusPx)
{
    const int w = image.width(), h = image.height();
    const int reach = int(std::ceil(radiusPx));
    struct Tap { int dx, dy, weight; };
    std::vector<Tap> taps;
    for (int dy = -reach; dy <= reach; ++dy)
        for (int dx = -reach; dx <= reach; ++dx) {
            // Full weight inside the radius, fading over the last half pixel.
            const double weight = std::clamp(radiusPx + 0.5 - std::hypot(dx, dy), 0.0, 1.0);
            if (weight > 0.0)
                taps.push_back({dx, dy, int(std::lround(weight * 256))});
        }
    std::vector<uchar> alpha(size_t(w) * size_t(h));
    for (int y = 0; y < h; ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < w; ++x)
            alpha[size_t(y) * size_t(w) + size_t(x)] = uchar(qAlpha(line[x]));
    }
    const int hr = halo.red(), hg = halo.green(), hb = halo.blue(), ha = halo.alpha();
    for (int y = 0; y < h; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < w; ++x) {
            int grown = 0;
            for (const Tap &t : taps) {
                const int xx = x + t.dx, yy = y + t.dy;
                if (xx < 0 || yy < 0 || xx >= w || yy >= h)
                    continue;
                grown = std::max(grown, alpha[size_t(yy) * size_t(w) + size_t(xx)] * t.weight);
            }
            if (grown == 0)
                continue;
            const int a = (grown >> 8) * ha / 255;     // halo alpha
            const int under = a * (255 - qAlpha(line[x])) / 255; // what shows of it under the text
            const QRgb p = line[x];
            line[x] = qRgba(qRed(p) + hr * under / 255, qGreen(p) + hg * under / 255, qBlue(p) + hb * under / 255,
                            qAlpha(p) + under);
        }
    }
}
// Inline forms of QRectF::contains and intersects for normalised rects: the
// placement loop asks them a few hundred thousand times a frame, and the
// out-of-line Qt calls were a fifth of its cost.
bool inside(const QRectF &r, const QRectF &frame)
{
    return r.left() >= frame.left() && r.right() <= frame.right() && r.top() >= frame.top()
        && r.bottom() <= frame.bottom();
}

bool overlaps(const QRectF &a, const QRectF &b)
{
    return a.left() < b.right() && b.left() < a.right() && a.top() < b.bottom() && b.top() < a.bottom();
}

} // namespace

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

const QImage &MapRenderer::labelImage(graph::NodeIndex node, double devicePixelRatio)
{
    QImage &image = m_labelImages[size_t(node)];
    if (!image.isNull() && qFuzzyCompare(image.devicePixelRatio(), devicePixelRatio))
        return image;
    const QStaticText &st = labelText(node);
    const QFont &font = m_labelFonts[m_labelReady[size_t(node)] - 1];
    const double halo = lod::labelHaloPx;
    const QSizeF size = st.size() + QSizeF(2 * halo, 2 * halo);
    image = QImage((size * devicePixelRatio).toSize() + QSize(1, 1), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(Qt::transparent);
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::TextAntialiasing, true);
        p.setPen(colours::labelText(m_palette));
        p.setFont(font);
        p.drawStaticText(QPointF(halo, halo), st);
    }
    // A soft outline in the map's background colour, hugging the glyphs: it keeps
    // the text readable over edges without the boxes that hid nodes.
    addHalo(image, colours::labelHalo(m_palette), halo * devicePixelRatio);
    return image;
}

void MapRenderer::drawLabel(QPainter *painter, graph::NodeIndex node, const QRectF &rect, bool dim)
{
    const double halo = lod::labelHaloPx;
    if (painter->paintEngine() && painter->paintEngine()->type() == QPaintEngine::Raster) {
        if (dim)
            painter->setOpacity(0.35);
        const double dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        painter->drawImage(rect.topLeft() - QPointF(halo, halo), labelImage(node, dpr));
        if (dim)
            painter->setOpacity(1.0);
        return;
    }
    // Vector devices (SVG, PDF): the same halo as a stroked text path, so it stays sharp.
    const QStaticText &st = labelText(node);
    const QFont &font = m_labelFonts[m_labelReady[size_t(node)] - 1];
    QPainterPath path;
    path.addText(QPointF(rect.left(), rect.top() + QFontMetricsF(font).ascent()), font, st.text());
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->strokePath(path, QPen(colours::labelHalo(m_palette), 2 * halo, Qt::SolidLine, Qt::RoundCap,
                                   Qt::RoundJoin));
    QColor text = colours::labelText(m_palette);
    if (dim)
        text.setAlpha(90);
    painter->setPen(text);
    painter->setFont(font);
    painter->drawStaticText(rect.topLeft(), st);
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
    auto cellRange = [&](const QRectF &r, int &x0, int &x1, int &y0, int &y1) {
        x0 = std::clamp(int((r.left() - screen.left()) / kLabelCellPx), 0, columns - 1);
        x1 = std::clamp(int((r.right() - screen.left()) / kLabelCellPx), 0, columns - 1);
        y0 = std::clamp(int((r.top() - screen.top()) / kLabelCellPx), 0, rows - 1);
        y1 = std::clamp(int((r.bottom() - screen.top()) / kLabelCellPx), 0, rows - 1);
    };
    m_labelCells.resize(size_t(columns) * size_t(rows));
    for (auto &cell : m_labelCells)
        cell.clear();
    m_discCells.resize(size_t(columns) * size_t(rows));
    for (auto &cell : m_discCells)
        cell.clear();

    for (const QRectF &reserved : m_reserved) {
        int x0, x1, y0, y1;
        cellRange(reserved, x0, x1, y0, y1);
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x)
                m_labelCells[size_t(y) * size_t(columns) + size_t(x)].push_back(reserved);
    }
    // The discs the map pass drew under this same transform: labels keep off them.
    if (m_discTransform == t) {
        for (int i = 0; i < int(m_discs.size()); ++i) {
            const Disc &d = m_discs[size_t(i)];
            int x0, x1, y0, y1;
            cellRange(QRectF(d.centre - QPointF(d.radius, d.radius), QSizeF(2 * d.radius, 2 * d.radius)), x0, x1, y0,
                      y1);
            for (int y = y0; y <= y1; ++y)
                for (int x = x0; x <= x1; ++x)
                    m_discCells[size_t(y) * size_t(columns) + size_t(x)].push_back(i);
        }
    }
    std::vector<int> covered; // discs under the label being placed
    std::vector<int> redraw;  // discs an important label could not avoid: drawn again above other labels
    struct PendingLabel
    {
        int node;
        QRectF rect;
    };
    // Labels are drawn last, above any redrawn disc, so text is never cut; their
    // halo keeps them legible over the disc.
    std::vector<PendingLabel> pending;

    painter->save();
    painter->resetTransform();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setRenderHint(QPainter::TextAntialiasing, true);

    // Fills `covered` with the discs (other than v's) under a device rect whose
    // label cells span x0..x1, y0..y1; with firstOnly it stops at the first.
    auto discsUnder = [&](const QRectF &inked, int v, int x0, int x1, int y0, int y1, bool firstOnly) {
        covered.clear();
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x)
                for (const int di : m_discCells[size_t(y) * size_t(columns) + size_t(x)]) {
                    const Disc &d = m_discs[size_t(di)];
                    const double cx = std::clamp(d.centre.x(), inked.left(), inked.right());
                    const double cy = std::clamp(d.centre.y(), inked.top(), inked.bottom());
                    const double dx = d.centre.x() - cx, dy = d.centre.y() - cy;
                    if (dx * dx + dy * dy >= d.radius * d.radius || d.node == v
                        || std::find(covered.begin(), covered.end(), di) != covered.end())
                        continue;
                    covered.push_back(di);
                    if (firstOnly)
                        return;
                }
    };
    auto tryPlace = [&](int v, bool priority) {
        if (m_labelStamp[size_t(v)] == m_frame || !m_document->isNodeVisible(v))
            return;
        m_labelStamp[size_t(v)] = m_frame;
        const double rpx = lod::nodeScreenRadius(m_radius[size_t(v)], s);
        const bool important = priority || m_rank[size_t(v)] < lod::labelRankAlways;
        if (!important && rpx < lod::labelMinNodeRadiusPx)
            return;
        const QPointF p = t.map(m_pos[size_t(v)]);
        if (!screen.contains(p))
            return;
        const QStaticText &st = labelText(v);
        const double w = st.size().width(), h = st.size().height();
        const double gap = lod::labelHaloPx;
        const double diagonal = rpx * 0.7071;
        // Below, above, right and left of the node first, then the four corners:
        // the first place free of other labels and of other nodes' discs wins.
        const QRectF places[8] = {
            QRectF(p.x() - w / 2, p.y() + rpx + gap, w, h),
            QRectF(p.x() - w / 2, p.y() - rpx - gap - h, w, h),
            QRectF(p.x() + rpx + gap + 1, p.y() - h / 2, w, h),
            QRectF(p.x() - rpx - gap - 1 - w, p.y() - h / 2, w, h),
            QRectF(p.x() + diagonal + gap, p.y() + diagonal, w, h),
            QRectF(p.x() + diagonal + gap, p.y() - diagonal - h, w, h),
            QRectF(p.x() - diagonal - gap - w, p.y() + diagonal, w, h),
            QRectF(p.x() - diagonal - gap - w, p.y() - diagonal - h, w, h),
        };
        int best = -1;
        size_t bestCovered = 0;
        std::vector<int> bestDiscs;
        for (int i = 0; i < 8; ++i) {
            const QRectF &place = places[i];
            if (!inside(place, screen))
                continue; // a label cut by the viewport edge reads as noise
            const QRectF padded = place.adjusted(-lod::labelPaddingPx - 2, -lod::labelPaddingPx,
                                                 lod::labelPaddingPx + 2, lod::labelPaddingPx);
            int x0, x1, y0, y1;
            cellRange(padded, x0, x1, y0, y1);
            bool blocked = false;
            for (int y = y0; y <= y1 && !blocked; ++y)
                for (int x = x0; x <= x1 && !blocked; ++x)
                    for (const QRectF &other : m_labelCells[size_t(y) * size_t(columns) + size_t(x)])
                        if (overlaps(other, padded)) {
                            blocked = true;
                            break;
                        }
            if (blocked)
                continue;
            // Other labels may not cover a disc at all: the first disc found rules
            // the place out, so only important labels pay for the full count.
            discsUnder(place.adjusted(-gap, -gap, gap, gap), v, x0, x1, y0, y1, !important);
            if (!important && !covered.empty())
                continue;
            if (best < 0 || covered.size() < bestCovered) {
                best = i;
                bestCovered = covered.size();
                bestDiscs = covered;
                if (covered.empty())
                    break;
            }
        }
        // Only important labels may lie over other nodes; those discs are drawn
        // again above the other nodes' labels and below this text.
        if (best < 0 || (bestCovered > 0 && !important))
            return;
        const QRectF rect = places[best];
        const QRectF padded = rect.adjusted(-lod::labelPaddingPx - 2, -lod::labelPaddingPx, lod::labelPaddingPx + 2,
                                            lod::labelPaddingPx);
        int x0, x1, y0, y1;
        cellRange(padded, x0, x1, y0, y1);
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x)
                m_labelCells[size_t(y) * size_t(columns) + size_t(x)].push_back(padded);
        redraw.insert(redraw.end(), bestDiscs.begin(), bestDiscs.end());
        pending.push_back({v, rect});
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
    // Then the neighbours of what is hovered or selected (a few selected at most).
    if (m_emphasisSources.size() <= 3) {
        for (const graph::NodeIndex source : m_emphasisSources)
            for (const int w : m_document->graph().neighbours(source))
                tryPlace(w, true);
    }
    int tried = 0;
    for (const int v : m_document->nodesByScore()) {
        if (int(m_lastLabelled.size()) >= budget || ++tried > lod::maxLabelCandidates)
            break;
        tryPlace(v, false);
    }
    if (!redraw.empty()) {
        std::sort(redraw.begin(), redraw.end());
        redraw.erase(std::unique(redraw.begin(), redraw.end()), redraw.end());
        painter->setRenderHint(QPainter::Antialiasing, true);
        const bool raster = painter->paintEngine() && painter->paintEngine()->type() == QPaintEngine::Raster;
        const double dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        for (const int di : redraw)
            drawDisc(painter, m_discs[size_t(di)], raster, dpr);
    }
    for (const PendingLabel &label : pending)
        drawLabel(painter, label.node, label.rect, !isEmphasised(label.node));
    painter->restore();
}

} // namespace carto::app
