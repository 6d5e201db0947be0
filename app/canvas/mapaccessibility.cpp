#include "mapaccessibility.h"

#include "canvas/mapaccessible.h"
#include "canvas/mapview.h"
#include "document/projectdocument.h"
#include "extract/concepttype.h"

#include <QAccessibleEvent>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace carto::app {

namespace {
// Enough children to browse the neighbourhood without handing a screen
// reader thousands of objects on a large map.
constexpr int kMaxSelectedExposed = 10;
constexpr int kMaxExposed = 40;
constexpr int kTopConceptsExposed = 20;

QAccessibleInterface *mapFactory(const QString &className, QObject *object)
{
    if (className == QLatin1StringView(MapView::staticMetaObject.className()) && object->isWidgetType())
        return new MapAccessible(static_cast<MapView *>(object));
    return nullptr;
}
} // namespace

MapAccessibility::MapAccessibility(MapView *view, ProjectDocument *document)
    : QObject(view)
    , m_view(view)
    , m_document(document)
{
    setObjectName(u"mapAccessibility"_s);
    // Installed before the first MapView is ever asked for its interface.
    static const bool installed = [] {
        QAccessible::installFactory(mapFactory);
        return true;
    }();
    Q_UNUSED(installed);
    connect(document, &ProjectDocument::selectionChanged, this, &MapAccessibility::onSelectionChanged);
    connect(document, &ProjectDocument::buildChanged, this, &MapAccessibility::onMapChanged);
    connect(document, &ProjectDocument::visibilityChanged, this, &MapAccessibility::onMapChanged);
}

MapAccessibility::~MapAccessibility()
{
    dropChildren();
}

MapAccessibility *MapAccessibility::of(const QObject *view)
{
    return view ? view->findChild<MapAccessibility *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

void MapAccessibility::dropChildren()
{
    for (const auto &[node, id] : m_children)
        QAccessible::deleteAccessibleInterface(id);
    m_children.clear();
    m_exposed.clear();
    m_exposedValid = false;
}

QList<graph::NodeIndex> MapAccessibility::visibleNeighbours(graph::NodeIndex node) const
{
    QList<graph::NodeIndex> out;
    if (!m_document->hasBuild() || node < 0 || node >= m_document->nodeCount())
        return out;
    const graph::ConceptGraph &g = m_document->graph();
    std::vector<std::pair<double, graph::NodeIndex>> byStrength;
    for (const graph::EdgeIndex e : g.incidentEdges(node)) {
        const graph::EdgeData &edge = g.edge(e);
        const graph::NodeIndex other = edge.source == node ? edge.target : edge.source;
        if (m_document->isEdgeVisible(e) && m_document->isNodeVisible(other))
            byStrength.emplace_back(edge.relation.weight, other);
    }
    std::stable_sort(byStrength.begin(), byStrength.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    for (const auto &[weight, other] : byStrength)
        out.append(other);
    return out;
}

const QList<graph::NodeIndex> &MapAccessibility::exposedConcepts()
{
    if (m_exposedValid)
        return m_exposed;
    m_exposedValid = true;
    m_exposed.clear();
    if (!m_document->hasBuild())
        return m_exposed;
    const QList<graph::NodeIndex> &selected = m_document->selectedNodes();
    for (const graph::NodeIndex node : selected) {
        if (m_exposed.size() >= kMaxSelectedExposed)
            break;
        m_exposed.append(node);
    }
    if (!selected.isEmpty()) {
        for (const graph::NodeIndex other : visibleNeighbours(selected.constLast())) {
            if (m_exposed.size() >= kMaxExposed)
                break;
            if (!m_exposed.contains(other))
                m_exposed.append(other);
        }
        return m_exposed;
    }
    for (const graph::NodeIndex node : m_document->nodesByScore()) {
        if (m_exposed.size() >= kTopConceptsExposed)
            break;
        if (m_document->isNodeVisible(node))
            m_exposed.append(node);
    }
    return m_exposed;
}

QAccessibleInterface *MapAccessibility::conceptInterface(graph::NodeIndex node)
{
    if (!exposedConcepts().contains(node))
        return nullptr;
    if (const auto it = m_children.find(node); it != m_children.end())
        return QAccessible::accessibleInterface(it->second);
    QAccessibleInterface *iface = MapAccessible::createConceptInterface(this, node);
    m_children.emplace(node, QAccessible::registerAccessibleInterface(iface));
    return iface;
}

QString MapAccessibility::selectionText() const
{
    if (!m_document->hasBuild())
        return tr("No map");
    const QList<graph::NodeIndex> &selected = m_document->selectedNodes();
    if (selected.size() == 1) {
        const graph::NodeIndex node = selected.constFirst();
        const graph::NodeData &data = m_document->graph().node(node);
        return tr("%1, %2, %n linked concept(s)", nullptr, int(visibleNeighbours(node).size()))
            .arg(data.info.label, extract::conceptTypeName(data.info.type));
    }
    if (selected.size() > 1)
        return tr("%n concept(s) selected", nullptr, int(selected.size()));
    if (const graph::EdgeIndex e = m_document->selectedEdge(); e >= 0) {
        const graph::EdgeData &edge = m_document->graph().edge(e);
        return tr("Link between %1 and %2")
            .arg(m_document->graph().node(edge.source).info.label, m_document->graph().node(edge.target).info.label);
    }
    return tr("No concept selected");
}

QString MapAccessibility::description() const
{
    if (!m_document->hasBuild())
        return tr("No map is open.");
    return tr("%1. %n concept(s) shown.", nullptr, m_document->visibleNodeCount()).arg(selectionText()) + u' '
        + tr("Arrow keys move to a linked concept, Enter focuses on it, Home fits the map.");
}

QString MapAccessibility::conceptDescription(graph::NodeIndex node) const
{
    if (!m_document->hasBuild() || node < 0 || node >= m_document->nodeCount())
        return {};
    const graph::NodeData &data = m_document->graph().node(node);
    return tr("%1, %n linked concept(s) on the map", nullptr, int(visibleNeighbours(node).size()))
               .arg(extract::conceptTypeName(data.info.type))
        + u", "_s + tr("mentioned in %n document(s)", nullptr, data.info.documentCount);
}

void MapAccessibility::onSelectionChanged()
{
    dropChildren();
    // Nothing listens (no screen reader): Qt would drop the events anyway.
    if (!m_view || !QAccessible::isActive())
        return;
    QAccessibleValueChangeEvent value(m_view, selectionText());
    QAccessible::updateAccessibility(&value);
    QAccessibleEvent description(m_view, QAccessible::DescriptionChanged);
    QAccessible::updateAccessibility(&description);
    QAccessibleEvent reorder(m_view, QAccessible::ObjectReorder);
    QAccessible::updateAccessibility(&reorder);
    // The newly selected concept is announced as the map's focused item, as
    // a list announces its current row.
    if (m_document->selectedNodes().size() != 1)
        return;
    if (QAccessibleInterface *item = conceptInterface(m_document->selectedNodes().constFirst())) {
        QAccessibleEvent selection(item, QAccessible::Selection);
        QAccessible::updateAccessibility(&selection);
        if (m_view->hasFocus()) {
            QAccessibleEvent focus(item, QAccessible::Focus);
            QAccessible::updateAccessibility(&focus);
        }
    }
}

void MapAccessibility::onMapChanged()
{
    dropChildren();
    if (!m_view || !QAccessible::isActive())
        return;
    QAccessibleEvent description(m_view, QAccessible::DescriptionChanged);
    QAccessible::updateAccessibility(&description);
    QAccessibleEvent reorder(m_view, QAccessible::ObjectReorder);
    QAccessible::updateAccessibility(&reorder);
}

} // namespace carto::app
