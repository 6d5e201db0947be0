// MapView's input: wheel zoom, pan, hover, selection, node drags and drops,
// double-click focus, the context menu, keys and tooltips.
#include "mapview.h"

#include "canvas/lodpolicy.h"
#include "canvas/mapnavigator.h"
#include "document/projectdocument.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QRubberBand>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

namespace carto::app {

graph::NodeIndex MapView::nodeUnder(QPoint viewportPos, graph::NodeIndex exclude)
{
    const graph::NodeIndex disc = m_renderer.nodeAt(mapToScene(viewportPos), currentScale(), exclude);
    if (disc >= 0)
        return disc;
    const graph::NodeIndex label = m_renderer.labelAt(QPointF(viewportPos));
    return label != exclude && m_document->isNodeVisible(label) ? label : -1;
}

void MapView::hoverAt(QPoint viewportPos)
{
    const graph::NodeIndex node = nodeUnder(viewportPos);
    if (node == m_renderer.hovered())
        return;
    m_renderer.setHovered(node);
    viewport()->setCursor(node >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
    Q_EMIT hoveredChanged(node);
    refresh();
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
    leaveAutoFit();
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
    const graph::NodeIndex node = nodeUnder(m_pressPos);
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
    case Gesture::None:
        hoverAt(pos);
        break;
    case Gesture::Pan: {
        if (m_moved) {
            viewport()->setCursor(Qt::ClosedHandCursor);
            leaveAutoFit();
        }
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
            // Another node (or its label) under the cursor is a drop target: it is
            // named beside it, and releasing there asks to merge into it.
            const graph::NodeIndex under = nodeUnder(pos, m_pressNode);
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
    const graph::NodeIndex node = nodeUnder(event->position().toPoint());
    if (node >= 0)
        enterFocus(node);
    event->accept();
}

void MapView::contextMenuEvent(QContextMenuEvent *event)
{
    const graph::NodeIndex node = nodeUnder(event->pos());
    if (node >= 0 && !m_document->selectedNodes().contains(node))
        m_document->selectNodes({node});
    Q_EMIT contextMenuRequested(node, event->globalPos());
    event->accept();
}

void MapView::keyPressEvent(QKeyEvent *event)
{
    // Arrow keys walk the selection along the links (MapNavigator).
    if (MapNavigator::handleKey(this, m_document, event))
        return;
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

bool MapView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const graph::NodeIndex node = nodeUnder(help->pos());
        if (node < 0) {
            QToolTip::hideText();
            return true;
        }
        const graph::NodeData &data = m_document->graph().node(node);
        QToolTip::showText(help->globalPos(),
                           tr("<b>%1</b><br>%2 · score %3<br>%4 · %5 · %6")
                               .arg(data.info.label.toHtmlEscaped(), extract::conceptTypeName(data.info.type))
                               .arg(data.info.score, 0, 'g', 3)
                               .arg(tr("%n link(s)", nullptr, data.degree),
                                    tr("%n document(s)", nullptr, data.info.documentCount),
                                    tr("%n mention(s)", nullptr, int(data.info.mentions.size()))),
                           viewport());
        return true;
    }
    return QGraphicsView::viewportEvent(event);
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

} // namespace carto::app
