#include "mapnavigator.h"

#include "canvas/mapview.h"
#include "document/projectdocument.h"

#include <QKeyEvent>

#include <cmath>

namespace carto::app {

namespace {
// Scene y grows downwards, as on screen.
QPointF unit(MapNavigator::Direction direction)
{
    switch (direction) {
    case MapNavigator::Direction::Left:
        return {-1, 0};
    case MapNavigator::Direction::Right:
        return {1, 0};
    case MapNavigator::Direction::Up:
        return {0, -1};
    case MapNavigator::Direction::Down:
        break;
    }
    return {0, 1};
}

// Room kept around a concept scrolled into view, in viewport pixels.
constexpr int kVisibleMargin = 80;
} // namespace

MapNavigator::MapNavigator(const ProjectDocument &document)
    : m_document(document)
{
}

std::optional<MapNavigator::Direction> MapNavigator::direction(int key, Qt::KeyboardModifiers modifiers)
{
    // The keypad flag comes with arrows on many keyboards; other modifiers
    // leave the key to the view.
    if ((modifiers & ~Qt::KeypadModifier) != Qt::NoModifier)
        return std::nullopt;
    switch (key) {
    case Qt::Key_Left:
        return Direction::Left;
    case Qt::Key_Right:
        return Direction::Right;
    case Qt::Key_Up:
        return Direction::Up;
    case Qt::Key_Down:
        return Direction::Down;
    default:
        return std::nullopt;
    }
}

graph::NodeIndex MapNavigator::start() const
{
    for (const graph::NodeIndex node : m_document.nodesByScore())
        if (m_document.isNodeVisible(node))
            return node;
    return -1;
}

graph::NodeIndex MapNavigator::best(QPointF origin, const std::vector<Candidate> &candidates,
                                    Direction direction) const
{
    const QPointF want = unit(direction);
    double strongest = 0.0;
    for (const Candidate &c : candidates)
        strongest = std::max(strongest, c.strength);
    graph::NodeIndex chosen = -1;
    double bestScore = 0.0;
    for (const Candidate &c : candidates) {
        const QPointF d = m_document.scenePos(c.node) - origin;
        const double length = std::hypot(d.x(), d.y());
        if (length <= 0.0)
            continue;
        const double cosine = QPointF::dotProduct(d, want) / length;
        if (cosine <= 0.0)
            continue; // not that way at all
        // The angle counts most; a strong link breaks near ties (at most a
        // third of the score), so the way the key points stays predictable.
        const double strength = strongest > 0.0 ? c.strength / strongest : 0.0;
        const double score = cosine * (2.0 + strength);
        if (score > bestScore) {
            bestScore = score;
            chosen = c.node;
        }
    }
    return chosen;
}

graph::NodeIndex MapNavigator::step(graph::NodeIndex from, Direction direction) const
{
    if (from < 0 || from >= m_document.nodeCount())
        return start();
    const graph::ConceptGraph &g = m_document.graph();
    std::vector<Candidate> candidates;
    for (const graph::EdgeIndex e : g.incidentEdges(from)) {
        if (!m_document.isEdgeVisible(e))
            continue;
        const graph::EdgeData &edge = g.edge(e);
        const graph::NodeIndex other = edge.source == from ? edge.target : edge.source;
        if (m_document.isNodeVisible(other))
            candidates.push_back({other, edge.relation.weight});
    }
    return best(m_document.scenePos(from), candidates, direction);
}

graph::NodeIndex MapNavigator::stepFromSelection(Direction direction) const
{
    const QList<graph::NodeIndex> &selected = m_document.selectedNodes();
    if (!selected.isEmpty())
        return step(selected.constLast(), direction);
    const graph::EdgeIndex e = m_document.selectedEdge();
    if (e < 0)
        return start();
    const graph::EdgeData &edge = m_document.graph().edge(e);
    const QPointF middle = (m_document.scenePos(edge.source) + m_document.scenePos(edge.target)) / 2.0;
    std::vector<Candidate> ends;
    for (const graph::NodeIndex end : {edge.source, edge.target})
        if (m_document.isNodeVisible(end))
            ends.push_back({end, 1.0});
    return best(middle, ends, direction);
}

bool MapNavigator::handleKey(MapView *view, ProjectDocument *document, QKeyEvent *event)
{
    const std::optional<Direction> dir = direction(event->key(), event->modifiers());
    if (!dir || !document->hasBuild() || document->visibleNodeCount() == 0)
        return false;
    event->accept();
    const graph::NodeIndex target = MapNavigator(*document).stepFromSelection(*dir);
    if (target < 0)
        return true; // no neighbour that way: the selection stays, the view too
    document->selectNodes({target});
    const QPointF at = view->nodeScenePos(target);
    view->ensureVisible(QRectF(at, QSizeF()), kVisibleMargin, kVisibleMargin);
    return true;
}

} // namespace carto::app
