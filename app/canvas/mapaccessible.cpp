#include "mapaccessible.h"

#include "canvas/mapaccessibility.h"
#include "canvas/mapview.h"
#include "document/projectdocument.h"

#include <QPointer>
#include <QWindow>

#include <cmath>

namespace carto::app {

namespace {

// One concept of the map: a list item named by its label, described by its
// type, links and documents, placed over its disc. Pressing it selects the
// concept; its parent is the map's interface.
class ConceptAccessible final : public QAccessibleInterface, public QAccessibleActionInterface
{
    Q_DECLARE_TR_FUNCTIONS(ConceptAccessible)

public:
    ConceptAccessible(MapAccessibility *owner, graph::NodeIndex node)
        : m_owner(owner)
        , m_view(owner->view())
        , m_node(node)
        , m_id(owner->document()->graph().node(node).info.id)
    {
    }

    [[nodiscard]] bool isValid() const override
    {
        if (!m_view || !m_owner)
            return false;
        const ProjectDocument *doc = m_owner->document();
        return doc->hasBuild() && m_node < doc->nodeCount() && doc->graph().node(m_node).info.id == m_id;
    }
    [[nodiscard]] QObject *object() const override { return nullptr; }
    [[nodiscard]] QWindow *window() const override
    {
        return m_view ? m_view->window()->windowHandle() : nullptr;
    }
    [[nodiscard]] QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    [[nodiscard]] QAccessibleInterface *parent() const override
    {
        return m_view ? QAccessible::queryAccessibleInterface(m_view) : nullptr;
    }
    [[nodiscard]] QAccessibleInterface *child(int) const override { return nullptr; }
    [[nodiscard]] int childCount() const override { return 0; }
    [[nodiscard]] int indexOfChild(const QAccessibleInterface *) const override { return -1; }

    [[nodiscard]] QString text(QAccessible::Text t) const override
    {
        if (!isValid())
            return {};
        switch (t) {
        case QAccessible::Name:
            return m_owner->document()->graph().node(m_node).info.label;
        case QAccessible::Description:
            return m_owner->conceptDescription(m_node);
        default:
            return {};
        }
    }
    void setText(QAccessible::Text, const QString &) override {}

    [[nodiscard]] QRect rect() const override
    {
        if (!isValid())
            return {};
        const double r = std::max(4.0, m_view->renderer().screenRadius(m_node, m_view->currentScale()));
        const QPoint centre = m_view->viewport()->mapToGlobal(m_view->mapFromScene(m_view->nodeScenePos(m_node)));
        const int side = int(std::ceil(2 * r));
        return {centre.x() - side / 2, centre.y() - side / 2, side, side};
    }
    [[nodiscard]] QAccessible::Role role() const override { return QAccessible::ListItem; }
    [[nodiscard]] QAccessible::State state() const override
    {
        QAccessible::State s;
        if (!isValid()) {
            s.invalid = true;
            return s;
        }
        const ProjectDocument *doc = m_owner->document();
        s.selectable = true;
        s.focusable = true;
        s.selected = doc->selectedNodes().contains(m_node);
        s.focused = s.selected && doc->selectedNodes().size() == 1 && m_view->hasFocus();
        const QRect shown(m_view->viewport()->mapToGlobal(QPoint(0, 0)), m_view->viewport()->size());
        s.offscreen = !shown.intersects(rect());
        s.invisible = !doc->isNodeVisible(m_node);
        return s;
    }

    void *interface_cast(QAccessible::InterfaceType type) override
    {
        return type == QAccessible::ActionInterface ? static_cast<QAccessibleActionInterface *>(this) : nullptr;
    }

    [[nodiscard]] QStringList actionNames() const override
    {
        return {pressAction(), setFocusAction(), showMenuAction()};
    }
    [[nodiscard]] QString localizedActionDescription(const QString &name) const override
    {
        if (name == pressAction())
            return tr("Select the concept");
        if (name == setFocusAction())
            return tr("Focus the map on the concept and its neighbours");
        if (name == showMenuAction())
            return tr("Show the concept's menu");
        return {};
    }
    [[nodiscard]] QStringList keyBindingsForAction(const QString &) const override { return {}; }
    void doAction(const QString &name) override
    {
        if (!isValid())
            return;
        MapView *view = m_view;
        const graph::NodeIndex node = m_node;
        // Selecting drops this interface (the children change): act on copies.
        if (name == pressAction()) {
            m_owner->document()->selectNodes({node});
        } else if (name == setFocusAction()) {
            view->enterFocus(node);
        } else if (name == showMenuAction()) {
            m_owner->document()->selectNodes({node});
            Q_EMIT view->contextMenuRequested(node, view->viewport()->mapToGlobal(view->mapFromScene(
                                                        view->nodeScenePos(node))));
        }
    }

private:
    QPointer<MapAccessibility> m_owner;
    QPointer<MapView> m_view;
    graph::NodeIndex m_node;
    ConceptId m_id; // the node index is only trusted while it still names this concept
};

} // namespace

MapAccessible::MapAccessible(MapView *view)
    : QAccessibleWidget(view, QAccessible::Canvas)
{
}

MapAccessibility *MapAccessible::accessibility() const
{
    return MapAccessibility::of(object());
}

QString MapAccessible::text(QAccessible::Text t) const
{
    const QString own = QAccessibleWidget::text(t);
    MapAccessibility *a = accessibility();
    if (!a || (!own.isEmpty() && t != QAccessible::Value))
        return own;
    switch (t) {
    case QAccessible::Name:
        return tr("Concept map");
    case QAccessible::Description:
        return a->description();
    case QAccessible::Value:
        return a->selectionText();
    default:
        return own;
    }
}

QAccessible::State MapAccessible::state() const
{
    QAccessible::State s = QAccessibleWidget::state();
    s.multiSelectable = true;
    return s;
}

int MapAccessible::widgetChildCount() const
{
    return QAccessibleWidget::childCount();
}

int MapAccessible::childCount() const
{
    MapAccessibility *a = accessibility();
    return widgetChildCount() + (a ? int(a->exposedConcepts().size()) : 0);
}

QAccessibleInterface *MapAccessible::child(int index) const
{
    const int widgets = widgetChildCount();
    if (index < widgets)
        return QAccessibleWidget::child(index);
    MapAccessibility *a = accessibility();
    if (!a)
        return nullptr;
    const QList<graph::NodeIndex> &concepts = a->exposedConcepts();
    const int i = index - widgets;
    return i >= 0 && i < concepts.size() ? a->conceptInterface(concepts[i]) : nullptr;
}

int MapAccessible::indexOfChild(const QAccessibleInterface *child) const
{
    if (!child)
        return -1;
    if (child->object())
        return QAccessibleWidget::indexOfChild(child);
    MapAccessibility *a = accessibility();
    if (!a)
        return -1;
    const QList<graph::NodeIndex> &concepts = a->exposedConcepts();
    for (int i = 0; i < concepts.size(); ++i)
        if (a->conceptInterface(concepts[i]) == child)
            return widgetChildCount() + i;
    return -1;
}

QAccessibleInterface *MapAccessible::focusChild() const
{
    MapAccessibility *a = accessibility();
    const auto *view = qobject_cast<const MapView *>(object());
    if (a && view && view->hasFocus() && a->document()->selectedNodes().size() == 1)
        return a->conceptInterface(a->document()->selectedNodes().constFirst());
    return QAccessibleWidget::focusChild();
}

QAccessibleInterface *MapAccessible::childAt(int x, int y) const
{
    QAccessibleInterface *widget = QAccessibleWidget::childAt(x, y);
    // The viewport fills the map: a concept drawn on it is the better answer.
    if (widget && widget->object() != static_cast<const MapView *>(object())->viewport())
        return widget;
    if (MapAccessibility *a = accessibility()) {
        for (const graph::NodeIndex node : a->exposedConcepts()) {
            QAccessibleInterface *iface = a->conceptInterface(node);
            if (iface && iface->rect().contains(x, y))
                return iface;
        }
    }
    return widget;
}

QAccessibleInterface *MapAccessible::createConceptInterface(MapAccessibility *owner, graph::NodeIndex node)
{
    return new ConceptAccessible(owner, node);
}

} // namespace carto::app
