#pragma once

#include "graph/conceptgraph.h"

#include <QAccessible>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <map>

namespace carto::app {

class MapView;
class ProjectDocument;

// What the map tells assistive technology (screen readers, magnifiers): the
// selected concept with its type and links, the concepts exposed as
// accessible children (the selection and its visible neighbours, else the
// best-scored concepts on the map), and an event for each change. Created by
// MapView for itself; it also installs the factory that gives MapView its
// accessible interface (MapAccessible), which reads everything from here.
// The child interfaces are cached and dropped whenever the selection, the
// build or the visible set changes, so none ever points at a stale node.
class MapAccessibility final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MapAccessibility)

public:
    explicit MapAccessibility(MapView *view, ProjectDocument *document);
    ~MapAccessibility() override;

    // The one for a view (its child); null for anything else.
    [[nodiscard]] static MapAccessibility *of(const QObject *view);

    [[nodiscard]] MapView *view() const { return m_view; }
    [[nodiscard]] ProjectDocument *document() const { return m_document; }
    // The concepts shown as accessible children, in order: the selection,
    // then the neighbours of its last concept by link strength.
    [[nodiscard]] const QList<graph::NodeIndex> &exposedConcepts();
    // The interface of an exposed concept; null for any other node.
    [[nodiscard]] QAccessibleInterface *conceptInterface(graph::NodeIndex node);
    // "Beaver, theme, 5 linked concepts": the map's accessible value.
    [[nodiscard]] QString selectionText() const;
    // The selection, what the map shows and how to walk it from the keyboard.
    [[nodiscard]] QString description() const;
    // A concept's type, links on the map and documents: its child's description.
    [[nodiscard]] QString conceptDescription(graph::NodeIndex node) const;
    // Visible neighbours linked by a visible link, strongest link first.
    [[nodiscard]] QList<graph::NodeIndex> visibleNeighbours(graph::NodeIndex node) const;

private:
    void dropChildren();
    void onSelectionChanged();
    void onMapChanged();

    QPointer<MapView> m_view;
    ProjectDocument *m_document;
    bool m_exposedValid = false;
    QList<graph::NodeIndex> m_exposed;
    std::map<graph::NodeIndex, QAccessible::Id> m_children;
};

} // namespace carto::app
