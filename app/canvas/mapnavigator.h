#pragma once

#include "graph/conceptgraph.h"

#include <QPointF>

#include <optional>
#include <vector>

class QKeyEvent;

namespace carto::app {

class MapView;
class ProjectDocument;

// Walking the map from the keyboard: an arrow key moves the selection from
// the selected concept to the visible neighbour lying most nearly that way on
// the map (the stronger link wins among neighbours at similar angles), so a
// keyboard-only or screen-reader user can follow the links one by one. With
// nothing selected an arrow selects the best-scored visible concept. Called
// by MapView's key handler; it selects through ProjectDocument like a click.
class MapNavigator final
{
public:
    enum class Direction { Left, Right, Up, Down };

    explicit MapNavigator(const ProjectDocument &document);

    // The direction of a plain arrow key; none for other keys or with modifiers.
    [[nodiscard]] static std::optional<Direction> direction(int key, Qt::KeyboardModifiers modifiers);
    // The concept an arrow from `from` leads to; -1 when no visible neighbour
    // lies within 90 degrees of that direction. From no concept (-1): start().
    [[nodiscard]] graph::NodeIndex step(graph::NodeIndex from, Direction direction) const;
    // Where a walk starts: the best-scored visible concept; -1 when none is shown.
    [[nodiscard]] graph::NodeIndex start() const;
    // Where an arrow leads from the current selection: from the last selected
    // concept, or from the middle of a selected link to its end that way.
    [[nodiscard]] graph::NodeIndex stepFromSelection(Direction direction) const;

    // MapView's hook: handles a plain arrow key (selects the neighbour and
    // scrolls it into view); false for every other key, and when the map
    // shows nothing, so the view keeps its own handling.
    static bool handleKey(MapView *view, ProjectDocument *document, QKeyEvent *event);

private:
    struct Candidate
    {
        graph::NodeIndex node = -1;
        double strength = 0.0;
    };
    [[nodiscard]] graph::NodeIndex best(QPointF origin, const std::vector<Candidate> &candidates,
                                        Direction direction) const;

    const ProjectDocument &m_document;
};

} // namespace carto::app
