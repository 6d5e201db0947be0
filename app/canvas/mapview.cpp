#include "mapview.h"

#include "canvas/colours.h"
#include "canvas/legendwidget.h"
#include "canvas/lodpolicy.h"
#include "canvas/minimap.h"
#include "document/projectdocument.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QGraphicsScene>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QRubberBand>
#include <QScrollBar>
#include <QToolTip>
#include <QVariantAnimation>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace carto::app {

namespace {
constexpr double kMaxScale = 12.0;
}

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
    connect(m_legend, &LegendWidget::collapsedChanged, this, [this] {
        placeOverlays();
        refresh();
    });

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
        m_minimap->invalidate();
        refresh();
    });
    connect(document, &ProjectDocument::selectionChanged, this, &MapView::refresh);
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
    m_renderer.setDropTarget(-1);
    m_dropTarget = -1;
    m_gesture = Gesture::None;
    m_legend->rebuild(m_document, m_renderer.colourByType());
    updateSceneRect();
    placeOverlays();
    m_minimap->invalidate();
    // A rebuild of the same project (curation, corpus change) keeps the view.
    if (m_document->lastBuildReplaced())
        refresh();
    else
        fitToVisible();
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
    const double padX = 48.0, padTop = 24.0, padBottom = 32.0;
    const double maxScale = std::min({std::max(width - 2 * padX, width / 2) / rw,
                                      std::max(height - padTop - padBottom, height / 2) / rh, kMaxScale / 3});
    // The legend and minimap float over the map: the largest scale (and the most
    // central placement) where no node lands under one of them wins, so the map
    // uses the whole viewport instead of a strip beside the legend.
    QList<QRectF> obstacles;
    const QRect area = viewport()->geometry();
    if (m_legend->isVisible())
        obstacles.append(QRectF(m_legend->geometry().translated(-area.topLeft())));
    if (m_minimap->isVisible())
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

void MapView::fitToVisible()
{
    // When the open legend would cost the map much of its size, it folds to its
    // title row (a click opens it again, and then fitting leaves it as set).
    if (m_legend->isVisible() && !m_legend->isSetByUser())
        m_legend->setCollapsed(false);
    QPointF centre;
    double s = fitScale(&centre);
    if (s <= 0)
        return;
    if (m_legend->isVisible() && !m_legend->isCollapsed() && !m_legend->isSetByUser()) {
        m_legend->setCollapsed(true);
        QPointF folded;
        const double s2 = fitScale(&folded);
        if (s2 > s * 1.12) {
            s = s2;
            centre = folded;
        } else {
            m_legend->setCollapsed(false);
        }
    }
    resetTransform();
    scale(s, s);
    centerOn(centre);
    Q_EMIT viewChanged();
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
}

void MapView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0.0)
        return;
    // Keep the scene point under the cursor fixed.
    const QPointF before = mapToScene(event->position().toPoint());
    zoomBy(std::pow(1.2, steps));
    const QPointF after = mapToScene(event->position().toPoint());
    const QPointF shift = (after - before) * currentScale();
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() - int(std::lround(shift.x())));
    verticalScrollBar()->setValue(verticalScrollBar()->value() - int(std::lround(shift.y())));
    event->accept();
    refresh();
}

void MapView::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    m_pressPos = m_lastPos = event->position().toPoint();
    m_moved = false;
    m_pressNode = -1;
    if (event->button() == Qt::MiddleButton) {
        m_gesture = Gesture::Pan;
        viewport()->setCursor(Qt::ClosedHandCursor);
        return;
    }
    if (event->button() != Qt::LeftButton) {
        QGraphicsView::mousePressEvent(event);
        return;
    }
    const QPointF scenePos = mapToScene(m_pressPos);
    const graph::NodeIndex node = m_renderer.nodeAt(scenePos, currentScale());
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    if (node >= 0) {
        m_pressNode = node;
        m_gesture = Gesture::DragNode;
        QList<graph::NodeIndex> selection = m_document->selectedNodes();
        if (ctrl) {
            if (selection.contains(node))
                selection.removeAll(node);
            else
                selection.append(node);
            m_document->selectNodes(selection);
        } else if (!selection.contains(node)) {
            m_document->selectNodes({node});
        }
        m_dragOffset = m_renderer.position(node) - scenePos;
        m_dragStartPos = m_document->scenePos(node);
        m_dragWasPinned = m_document->isPinned(node);
        ++m_dragSerial;
    } else if (event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier)) {
        m_gesture = Gesture::RubberBand;
        if (!m_rubberBand)
            m_rubberBand = new QRubberBand(QRubberBand::Rectangle, viewport());
        m_rubberBand->setGeometry(QRect(m_pressPos, QSize()));
        m_rubberBand->show();
    } else {
        m_gesture = Gesture::Pan;
    }
    event->accept();
}

void MapView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if ((pos - m_pressPos).manhattanLength() >= QApplication::startDragDistance())
        m_moved = true;
    switch (m_gesture) {
    case Gesture::None: {
        const graph::NodeIndex node = m_renderer.nodeAt(mapToScene(pos), currentScale());
        if (node != m_renderer.hovered()) {
            m_renderer.setHovered(node);
            viewport()->setCursor(node >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
            Q_EMIT hoveredChanged(node);
            refresh();
        }
        break;
    }
    case Gesture::Pan: {
        if (m_moved)
            viewport()->setCursor(Qt::ClosedHandCursor);
        const QPoint delta = pos - m_lastPos;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        break;
    }
    case Gesture::DragNode:
        if (m_moved && m_pressNode >= 0 && !isAnimating()) {
            const QPointF target = mapToScene(pos) + m_dragOffset;
            m_document->moveNode(m_document->graph().node(m_pressNode).info.id, m_dragStartPos, m_dragWasPinned,
                                 target, m_dragSerial);
            // Another node under the cursor is a drop target: releasing merges into it.
            const graph::NodeIndex under = m_renderer.nodeAt(mapToScene(pos), currentScale(), m_pressNode);
            if (under != m_dropTarget) {
                m_dropTarget = under;
                m_renderer.setDropTarget(under);
                refresh();
            }
        }
        break;
    case Gesture::RubberBand:
        m_rubberBand->setGeometry(QRect(m_pressPos, pos).normalized());
        break;
    }
    m_lastPos = pos;
    event->accept();
}

void MapView::mouseReleaseEvent(QMouseEvent *event)
{
    const Gesture gesture = m_gesture;
    m_gesture = Gesture::None;
    viewport()->setCursor(m_renderer.hovered() >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    if (gesture == Gesture::Pan && !m_moved && event->button() == Qt::LeftButton) {
        const graph::EdgeIndex edge = m_renderer.edgeAt(mapToScene(m_pressPos), currentScale());
        if (edge >= 0)
            m_document->selectEdge(edge);
        else if (!ctrl)
            m_document->clearSelection();
    } else if (gesture == Gesture::DragNode && m_dropTarget >= 0 && m_pressNode >= 0) {
        // Dropped on another concept: the drag's move is taken back (the node
        // goes away anyway) and a merge is asked for instead.
        const graph::NodeIndex from = m_pressNode;
        const graph::NodeIndex into = m_dropTarget;
        m_dropTarget = -1;
        m_renderer.setDropTarget(-1);
        m_document->takeBackMove(m_dragSerial);
        refresh();
        m_pressNode = -1;
        event->accept();
        Q_EMIT mergeRequested(from, into);
        return;
    } else if (gesture == Gesture::DragNode && !m_moved && !ctrl && m_pressNode >= 0) {
        // A plain click on a node of a multi-selection selects just that node.
        m_document->selectNodes({m_pressNode});
    } else if (gesture == Gesture::RubberBand) {
        const QRect band = m_rubberBand->geometry();
        m_rubberBand->hide();
        QList<graph::NodeIndex> nodes = m_renderer.nodesIn(mapToScene(band).boundingRect());
        if (ctrl) {
            for (const graph::NodeIndex v : m_document->selectedNodes())
                if (!nodes.contains(v))
                    nodes.append(v);
        }
        m_document->selectNodes(nodes);
    }
    m_pressNode = -1;
    event->accept();
}

void MapView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const graph::NodeIndex node = m_renderer.nodeAt(mapToScene(event->position().toPoint()), currentScale());
    if (node >= 0)
        enterFocus(node);
    event->accept();
}

void MapView::contextMenuEvent(QContextMenuEvent *event)
{
    const graph::NodeIndex node = m_renderer.nodeAt(mapToScene(event->pos()), currentScale());
    if (node >= 0 && !m_document->selectedNodes().contains(node))
        m_document->selectNodes({node});
    Q_EMIT contextMenuRequested(node, event->globalPos());
    event->accept();
}

void MapView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Escape:
        if (m_document->isFocused())
            exitFocus();
        else
            m_document->clearSelection();
        return;
    case Qt::Key_Home:
        fitToVisible();
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.25);
        refresh();
        return;
    case Qt::Key_Minus:
        zoomBy(0.8);
        refresh();
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_document->selectedNodes().size() == 1)
            enterFocus(m_document->selectedNodes().constFirst());
        return;
    default:
        QGraphicsView::keyPressEvent(event);
    }
}

void MapView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    placeOverlays();
    Q_EMIT viewChanged();
}

void MapView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    Q_EMIT viewChanged();
    m_minimap->update();
}

bool MapView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const graph::NodeIndex node = m_renderer.nodeAt(mapToScene(help->pos()), currentScale());
        if (node < 0) {
            QToolTip::hideText();
            return true;
        }
        const graph::NodeData &data = m_document->graph().node(node);
        QToolTip::showText(help->globalPos(),
                           tr("<b>%1</b><br>%2 · score %3<br>%4 links · %5 documents · %6 mentions")
                               .arg(data.info.label.toHtmlEscaped(), extract::conceptTypeName(data.info.type))
                               .arg(data.info.score, 0, 'g', 3)
                               .arg(data.degree)
                               .arg(data.info.documentCount)
                               .arg(data.info.mentions.size()),
                           viewport());
        return true;
    }
    return QGraphicsView::viewportEvent(event);
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

void MapView::leaveEvent(QEvent *event)
{
    if (m_renderer.hovered() >= 0) {
        m_renderer.setHovered(-1);
        Q_EMIT hoveredChanged(-1);
        refresh();
    }
    QGraphicsView::leaveEvent(event);
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
    // Overlay geometry in viewport coordinates, where labels are placed.
    QList<QRectF> reserved{QRectF(m_minimap->geometry().translated(-area.topLeft()))};
    if (m_legend->isVisibleTo(this))
        reserved.append(QRectF(m_legend->geometry().translated(-area.topLeft())));
    m_renderer.setReservedRects(reserved);
}

} // namespace carto::app
