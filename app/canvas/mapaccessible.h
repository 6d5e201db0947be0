#pragma once

#include "graph/conceptgraph.h"

#include <QAccessibleWidget>
#include <QCoreApplication>

namespace carto::app {

class MapAccessibility;
class MapView;

// MapView's accessible interface: a canvas named "Concept map" whose value
// is the selected concept ("Beaver, theme, 5 linked concepts") and whose
// children are its widgets (legend, minimap) followed by the concepts
// MapAccessibility exposes. Made by the factory MapAccessibility installs;
// the cache of QAccessible owns it.
class MapAccessible final : public QAccessibleWidget
{
    Q_DECLARE_TR_FUNCTIONS(MapAccessible)

public:
    explicit MapAccessible(MapView *view);

    [[nodiscard]] QString text(QAccessible::Text t) const override;
    [[nodiscard]] QAccessible::State state() const override;
    [[nodiscard]] int childCount() const override;
    [[nodiscard]] QAccessibleInterface *child(int index) const override;
    [[nodiscard]] int indexOfChild(const QAccessibleInterface *child) const override;
    [[nodiscard]] QAccessibleInterface *focusChild() const override;
    [[nodiscard]] QAccessibleInterface *childAt(int x, int y) const override;

    // The interface of one concept on the map (a list item of the canvas);
    // MapAccessibility registers and owns what this returns.
    [[nodiscard]] static QAccessibleInterface *createConceptInterface(MapAccessibility *owner,
                                                                      graph::NodeIndex node);

private:
    [[nodiscard]] MapAccessibility *accessibility() const;
    [[nodiscard]] int widgetChildCount() const;
};

} // namespace carto::app
