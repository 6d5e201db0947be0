#include "mapview.h"

#include "canvas/colours.h"
#include "canvas/legendwidget.h"
#include "canvas/lodpolicy.h"
#include "canvas/mapaccessibility.h"
#include "canvas/mapstatusoverlay.h"
#include "canvas/minimap.h"
#include "document/projectdocument.h"

#include <QEvent>
#include <QGraphicsScene>
#include <QPainter>
#include <QScrollBar>
#include <QVariantAnimation>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace carto::app {

namespace {
constexpr double kMaxScale = 12.0;

// Every concept type, for isolating one of them.
QSet<int> allTypes()
{
    QSet<int> out;
    for (int t = 0; t <= int(extract::ConceptType::Theme); ++t)
        out.insert(t);
    return out;
}
} // namespace

MapView::MapView(ProjectDocument *document, QWidget *parent)
    : QGraphicsView(parent)
    , m_document(document)
    , m_renderer(document)
    , m_animation(new QVariantAnimation(this))
{
    auto *scene = new QGraphicsScene(this);
    // The scene holds no items: MapRenderer paints and hit-tests with its own grid.
    scene->setItemIndexMethod(QGraphicsScene::NoIndex);
    setScene(scene);
    setObjectName(u"mapView"_s);
    setFrameShape(QFrame::NoFrame);
    setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
    setCacheMode(QGraphicsView::CacheNone);
    setOptimizationFlags(QGraphicsView::DontSavePainterState | QGraphicsView::DontAdjustForAntialiasing);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    m_renderer.setPalette(palette());

    m_minimap = new Minimap(this, document, this);
    m_legend = new LegendWidget(this);
    m_legend->hide(); // until a build gives it entries (an empty legend is a stray box)
    connect(m_legend, &LegendWidget::collapsedChanged, this, [this] {
        placeOverlays();
        refresh();
    });
    connect(m_legend, &LegendWidget::entryClicked, this, &MapView::onLegendClicked);
    connect(m_legend, &LegendWidget::entryDoubleClicked, this, &MapView::onLegendDoubleClicked);
    m_status = new MapStatusOverlay(this);
    // The map's accessible interface and its events (selected concept, neighbours).
    new MapAccessibility(this, document);

    m_animation->setDuration(700);
    m_animation->setEasingCurve(QEasingCurve::OutCubic);
    m_animation->setStartValue(0.0);
    m_animation->setEndValue(1.0);
    connect(m_animation, &QVariantAnimation::valueChanged, this, [this](const QVariant &value) {
        const double t = value.toDouble();
        const int n = m_document->nodeCount();
        if (m_animFrom.size() != n)
            return;
        std::vector<QPointF> pos(static_cast<size_t>(n));
        for (int i = 0; i < n; ++i)
            pos[size_t(i)] = m_animFrom[i] + (m_document->scenePos(i) - m_animFrom[i]) * t;
        m_renderer.setPositions(std::move(pos));
        m_minimap->invalidate();
        refresh();
    });

    connect(document, &ProjectDocument::buildChanged, this, &MapView::onBuildChanged);
    connect(document, &ProjectDocument::layoutApplied, this, &MapView::onLayoutApplied);
    connect(document, &ProjectDocument::nodeMoved, this, [this](int node) {
        m_renderer.setPosition(node, m_document->scenePos(node));
        m_minimap->invalidate();
        refresh();
    });
    connect(document, &ProjectDocument::visibilityChanged, this, [this] {
        // setBuild() announces the new visibility before the new build: the
        // renderer catches up in onBuildChanged().
        if (int(m_renderer.positions().size()) != m_document->nodeCount())
            return;
        m_minimap->invalidate();
        if (m_autoFit && !m_fitting)
            fitToVisible();
        else
            refresh();
    });
    connect(document, &ProjectDocument::selectionChanged, this, [this] {
        m_renderer.setSelection(m_document->selectedNodes());
        refresh();
    });
    // A [[link]] typed in a note is drawn at once.
    connect(document, &ProjectDocument::notesChanged, this, &MapView::refresh);
    connect(document, &ProjectDocument::pathChanged, this, &MapView::refresh);
    connect(document, &ProjectDocument::focusChanged, this, &MapView::refresh);
    if (document->hasBuild())
        onBuildChanged();
}

MapView::~MapView() = default;

double MapView::currentScale() const
{
    return std::sqrt(std::abs(transform().determinant()));
}

bool MapView::isAnimating() const
{
    return m_animation->state() == QAbstractAnimation::Running;
}

void MapView::setColourByType(bool byType)
{
    m_renderer.setColourByType(byType);
    m_legend->rebuild(m_document, byType);
    placeOverlays();
    m_minimap->invalidate();
    refresh();
}

void MapView::refresh()
{
    viewport()->update();
    m_minimap->update();
}

void MapView::onBuildChanged()
{
    m_animation->stop();
    m_renderer.rebuild();
    m_renderer.setHovered(-1);
    m_renderer.setSelection(m_document->selectedNodes());
    m_renderer.setDropTarget(-1);
    m_dropTarget = -1;
    m_gesture = Gesture::None;
    m_legend->rebuild(m_document, m_renderer.colourByType());
    if (m_document->hasBuild())
        m_status->hide();
    updateSceneRect();
    placeOverlays();
    m_minimap->invalidate();
    // A rebuild of the same project (curation, corpus change) keeps the view
    // the user chose; a new map is fitted, and followed until the user moves it.
    if (!m_document->lastBuildReplaced())
        m_autoFit = true;
    if (m_autoFit)
        fitToVisible();
    else
        refresh();
}

double MapView::layoutZoom() const
{
    return currentScale() * m_document->sceneScale();
}

graph::Point MapView::layoutCentre() const
{
    const QPointF c = mapToScene(viewport()->rect().center());
    const double s = m_document->sceneScale();
    return s > 0 ? graph::Point{c.x() / s, c.y() / s} : graph::Point{};
}

void MapView::restoreView(double layoutZoom, graph::Point layoutCentre)
{
    const double s = m_document->sceneScale();
    if (layoutZoom <= 0 || s <= 0)
        return;
    const double target = std::clamp(layoutZoom / s, 1e-4, kMaxScale);
    leaveAutoFit(); // the project's own view, as the user left it
    resetTransform();
    scale(target, target);
    centerOn(QPointF(layoutCentre.x * s, layoutCentre.y * s));
    Q_EMIT viewChanged();
    refresh();
}

void MapView::onLayoutApplied(const QList<QPointF> &previous)
{
    m_animFrom = previous;
    updateSceneRect();
    m_animation->stop();
    m_animation->start();
}

void MapView::updateSceneRect()
{
    QRectF bounds = m_document->sceneBounds();
    if (bounds.isNull())
        bounds = QRectF(-200, -200, 400, 400);
    const double extent = std::max({bounds.width(), bounds.height(), 400.0});
    // Generous margins so the user can pan anywhere without hitting the scroll range.
    setSceneRect(bounds.adjusted(-3 * extent, -3 * extent, 3 * extent, 3 * extent));
}

double MapView::fitScale(QPointF *centre) const
{
    std::vector<QPointF> points;
    const auto &pos = m_renderer.positions();
    for (int i = 0; i < int(pos.size()); ++i)
        if (m_document->isNodeVisible(i))
            points.push_back(pos[size_t(i)]);
    if (points.empty())
        return 0.0;
    double x0 = points.front().x(), x1 = x0, y0 = points.front().y(), y1 = y0;
    for (const QPointF &p : points) {
        x0 = std::min(x0, p.x());
        x1 = std::max(x1, p.x());
        y0 = std::min(y0, p.y());
        y1 = std::max(y1, p.y());
    }
    const double rw = std::max(x1 - x0, 1.0), rh = std::max(y1 - y0, 1.0);
    const double width = viewport()->width(), height = viewport()->height();
    // Pixels kept free around the node centres for discs and labels at the edge.
    const double padX = 28.0, padTop = 16.0, padBottom = 26.0;
    const double maxScale = std::min({std::max(width - 2 * padX, width / 2) / rw,
                                      std::max(height - padTop - padBottom, height / 2) / rh, kMaxScale / 3});
    // The legend and minimap float over the map: the largest scale (and the most
    // central placement) where no node lands under one of them wins, so the map
    // uses the whole viewport instead of a strip beside the legend.
    QList<QRectF> obstacles;
    const QRect area = viewport()->geometry();
    if (m_legend->isVisible())
        obstacles.append(QRectF(m_legend->geometry().translated(-area.topLeft())));
    if (m_minimap->isVisibleTo(this))
        obstacles.append(QRectF(m_minimap->geometry().translated(-area.topLeft())));
    const double margin = 6.0 + lod::maxNodeRadiusPx / 2;
    for (QRectF &o : obstacles)
        o.adjust(-margin, -margin, margin, margin);
    // Large maps are tested on a sample: a stray node under the legend is still clickable.
    const size_t stride = std::max<size_t>(1, points.size() / 4000);
    const double fractions[5] = {0.5, 0.0, 1.0, 0.25, 0.75};
    double s = maxScale;
    for (int attempt = 0; attempt < 40; ++attempt, s *= 0.96) {
        const double slackX = std::max(0.0, width - 2 * padX - rw * s);
        const double slackY = std::max(0.0, height - padTop - padBottom - rh * s);
        for (const double fy : fractions) {
            for (const double fx : fractions) {
                const double ox = padX + slackX * fx - x0 * s;
                const double oy = padTop + slackY * fy - y0 * s;
                bool clear = true;
                for (size_t i = 0; i < points.size() && clear; i += stride) {
                    const QPointF p(points[i].x() * s + ox, points[i].y() * s + oy);
                    for (const QRectF &o : obstacles)
                        if (o.contains(p)) {
                            clear = false;
                            break;
                        }
                }
                if (clear) {
                    // The scene point that lands in the viewport's centre.
                    *centre = QPointF((width / 2 - ox) / s, (height / 2 - oy) / s);
                    return s;
                }
                if (slackX <= 0 && fx != 0.5)
                    break;
            }
            if (slackY <= 0 && fy != 0.5)
                break;
        }
    }
    *centre = QPointF((x0 + x1) / 2, (y0 + y1) / 2);
    return s;
}

void MapView::leaveAutoFit()
{
    m_autoFit = false;
    if (m_document->hasBuild() && !m_minimap->isVisibleTo(this)) {
        m_minimap->show();
        placeOverlays();
    }
}

void MapView::fitToVisible()
{
    m_fitting = true;
    m_autoFit = true;
    // The whole map is in view: no minimap, and no corner kept free for it.
    m_minimap->hide();
    placeOverlays();
    // When the open legend would cost the map more than 5% of its scale (nodes
    // at the edge would land under it), it folds to its title row (a click
    // opens it again, and then fitting leaves it as set): the map filling the
    // view comes first.
    if (m_legend->isVisible() && !m_legend->isSetByUser())
        m_legend->setCollapsed(false);
    QPointF centre;
    double s = fitScale(&centre);
    if (s <= 0) {
        m_fitting = false;
        refresh();
        return;
    }
    if (m_legend->isVisible() && !m_legend->isCollapsed() && !m_legend->isSetByUser()) {
        m_legend->setCollapsed(true);
        QPointF folded;
        const double s2 = fitScale(&folded);
        if (s2 > s * 1.05) {
            s = s2;
            centre = folded;
        } else {
            m_legend->setCollapsed(false);
        }
    }
    resetTransform();
    scale(s, s);
    centerOn(centre);
    m_fitting = false;
    Q_EMIT viewChanged();
    refresh();
}

void MapView::panTo(QPointF scenePos)
{
    leaveAutoFit();
    centerOn(scenePos);
    refresh();
}

void MapView::zoomIn()
{
    zoomBy(1.25);
    refresh();
}

void MapView::zoomOut()
{
    zoomBy(0.8);
    refresh();
}

void MapView::zoomBy(double factor)
{
    const double current = currentScale();
    const QRectF bounds = m_document->sceneBounds();
    const double extent = std::max({bounds.width(), bounds.height(), 100.0});
    const double minScale = 0.25 * std::min(viewport()->width(), viewport()->height()) / extent;
    const double target = std::clamp(current * factor, std::min(minScale, current), std::max(kMaxScale, current));
    if (current <= 0 || std::abs(target / current - 1.0) < 1e-9)
        return;
    leaveAutoFit();
    scale(target / current, target / current);
    Q_EMIT viewChanged();
}

void MapView::centreOnNode(graph::NodeIndex node)
{
    if (node < 0 || node >= m_document->nodeCount())
        return;
    // Zoom in so about 700 scene units span the viewport: the node and its neighbours.
    const double wanted = std::min(viewport()->width(), viewport()->height()) / 700.0;
    if (currentScale() < wanted)
        zoomBy(wanted / currentScale());
    leaveAutoFit();
    centerOn(m_renderer.position(node));
    Q_EMIT viewChanged();
    refresh();
}

void MapView::enterFocus(graph::NodeIndex node)
{
    if (node < 0)
        return;
    m_document->enterFocus(node, m_focusDepth);
    m_document->selectNodes({node});
    fitToVisible();
}

void MapView::exitFocus()
{
    if (!m_document->isFocused())
        return;
    const graph::NodeIndex centre = m_document->focusCentre();
    m_document->exitFocus();
    fitToVisible();
    centreOnNode(centre);
}

void MapView::drawBackground(QPainter *painter, const QRectF &rect)
{
    // A user clip puts the raster engine's one-pixel lines on its fast path
    // (QCosmeticStroker blends unclipped inside a clip rectangle, and clips
    // every span against the device otherwise): about 4x on edge-heavy frames.
    // QGraphicsView::render() sets one itself; the widget's paint event does not.
    painter->setClipRect(rect);
    painter->fillRect(rect, colours::mapBackground(palette()));
    m_renderer.paintMap(painter, rect);
}

void MapView::drawForeground(QPainter *painter, const QRectF &rect)
{
    painter->setClipRect(rect);
    m_renderer.paintLabels(painter, rect);
    if (m_gesture == Gesture::DragNode && m_dropTarget >= 0)
        drawDropHint(painter);
}

void MapView::drawDropHint(QPainter *painter)
{
    const QString text = tr("Merge into “%1”").arg(m_document->graph().node(m_dropTarget).info.label);
    QFont font = painter->font();
    font.setBold(true);
    const QFontMetricsF fm(font);
    const QPointF at = mapFromScene(m_renderer.position(m_dropTarget));
    const double radius = m_renderer.screenRadius(m_dropTarget, currentScale());
    QRectF box(0, 0, fm.horizontalAdvance(text) + 16, fm.height() + 8);
    box.moveCenter(at - QPointF(0, radius + 14 + box.height() / 2));
    // Kept inside the viewport, so the name is never cut.
    const QRectF area = QRectF(viewport()->rect()).adjusted(4, 4, -4, -4);
    box.moveLeft(std::clamp(box.left(), area.left(), std::max(area.left(), area.right() - box.width())));
    box.moveTop(std::clamp(box.top(), area.top(), std::max(area.top(), area.bottom() - box.height())));
    painter->save();
    painter->resetTransform();
    painter->setClipping(false);
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(Qt::NoPen);
    painter->setBrush(palette().color(QPalette::Highlight));
    painter->drawRoundedRect(box, 4, 4);
    painter->setPen(palette().color(QPalette::HighlightedText));
    painter->setFont(font);
    painter->drawText(box, Qt::AlignCenter, text);
    painter->restore();
}

void MapView::onLegendClicked(int key)
{
    // A legend entry lights up its community (or type); a second click clears it.
    const MapRenderer::Group group{m_renderer.colourByType(), key};
    if (key < 0 || m_renderer.highlightedGroup() == group)
        m_renderer.setHighlightedGroup(std::nullopt);
    else
        m_renderer.setHighlightedGroup(group);
    m_legend->setHighlighted(m_renderer.highlightedGroup() ? key : -1);
    refresh();
}

void MapView::onLegendDoubleClicked(int key)
{
    // Double-click shows only that community (or type); again shows them all.
    if (key < 0 || !m_document->hasBuild())
        return;
    FilterState filter = m_document->filter();
    if (m_renderer.colourByType()) {
        QSet<int> others = allTypes();
        others.remove(key);
        filter.hiddenTypes = filter.hiddenTypes == others ? QSet<int>() : others;
    } else {
        QSet<int> others;
        for (int c = 0; c < m_document->communityCount(); ++c)
            if (c != key)
                others.insert(c);
        filter.hiddenCommunities = filter.hiddenCommunities == others ? QSet<int>() : others;
    }
    m_document->setFilter(filter);
}

void MapView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    placeOverlays();
    if (m_autoFit && m_document->hasBuild())
        fitToVisible();
    Q_EMIT viewChanged();
}

void MapView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    Q_EMIT viewChanged();
    m_minimap->update();
}

void MapView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        m_renderer.setPalette(palette());
        m_minimap->invalidate();
        refresh();
    }
    QGraphicsView::changeEvent(event);
}

void MapView::placeOverlays()
{
    const QRect area = viewport()->geometry();
    const QSize mini(180, 130);
    m_minimap->setGeometry(area.right() - mini.width() - 8, area.bottom() - mini.height() - 8, mini.width(),
                           mini.height());
    m_legend->adjustSize();
    m_legend->move(area.left() + 8, area.top() + 8);
    m_minimap->raise();
    m_legend->raise();
    m_status->place();
    m_status->raise();
    // Overlay geometry in viewport coordinates, where labels are placed.
    QList<QRectF> reserved;
    if (m_minimap->isVisibleTo(this))
        reserved.append(QRectF(m_minimap->geometry().translated(-area.topLeft())));
    if (m_legend->isVisibleTo(this))
        reserved.append(QRectF(m_legend->geometry().translated(-area.topLeft())));
    m_renderer.setReservedRects(reserved);
}

} // namespace carto::app
