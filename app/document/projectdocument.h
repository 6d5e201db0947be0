#pragma once

#include "document/filterstate.h"
#include "project/build.h"

#include <QList>
#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QSet>
#include <QUndoStack>

#include <memory>
#include <vector>

namespace carto::app {

// A concept mention inside one document, for the document view.
struct DocumentMention
{
    TextRange range;
    graph::NodeIndex node = -1;
};

// The open project: the build result, the map positions, filters, focus,
// selection and the undo stack. The one owner of state: panels and the canvas
// read from it and call its setters; it announces each change with one signal.
// Commands (app/commands) are the only callers of the undoable setters.
class ProjectDocument final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectDocument)

public:
    explicit ProjectDocument(QObject *parent = nullptr);
    ~ProjectDocument() override;

    // Takes a finished build; resets filters, selection, focus and the undo stack.
    void setBuild(std::shared_ptr<project::BuildResult> build, const QString &folder);
    void clear();

    [[nodiscard]] bool hasBuild() const { return m_build != nullptr; }
    [[nodiscard]] QString folder() const { return m_folder; }
    [[nodiscard]] const graph::ConceptGraph &graph() const;
    [[nodiscard]] const ingest::Corpus &corpus() const;
    [[nodiscard]] const std::vector<Problem> &problems() const;
    [[nodiscard]] int nodeCount() const;
    [[nodiscard]] int edgeCount() const;
    [[nodiscard]] const std::vector<DocumentMention> &mentionsInDocument(DocumentId id) const;
    [[nodiscard]] int communityCount() const { return m_communityCount; }
    [[nodiscard]] double maxEdgeWeight() const { return m_maxWeight; }
    // Nodes sorted by descending score (ties by index).
    [[nodiscard]] const std::vector<graph::NodeIndex> &nodesByScore() const { return m_byScore; }

    QUndoStack *undoStack() { return &m_undo; }

    // Scene coordinates: layout units times a per-build scale, so every map has
    // a similar density on screen whatever the layout's units.
    [[nodiscard]] QPointF scenePos(graph::NodeIndex node) const;
    [[nodiscard]] QRectF sceneBounds() const;
    [[nodiscard]] bool isPinned(graph::NodeIndex node) const;
    // Undoable through MoveNodeCommand only.
    void setNodePosition(graph::NodeIndex node, QPointF scenePos, bool pinned);
    // Applies a fresh layout (layout units); pinned nodes keep their places.
    void applyLayout(const std::vector<graph::Point> &positions);
    [[nodiscard]] std::vector<graph::Point> layoutPositions() const;
    [[nodiscard]] std::vector<bool> pinnedNodes() const;

    // Filters.
    [[nodiscard]] const FilterState &filter() const { return m_filter; }
    void setFilter(const FilterState &filter);
    [[nodiscard]] bool isConceptHidden(const ConceptId &id) const { return m_hidden.contains(id); }
    [[nodiscard]] QList<ConceptId> hiddenConcepts() const { return m_hidden.values(); }
    // Undoable through HideConceptCommand only.
    void setConceptHidden(const ConceptId &id, bool hidden);

    // Focus mode: only the neighbourhood of one concept is shown.
    void enterFocus(graph::NodeIndex centre, int depth);
    void exitFocus();
    [[nodiscard]] bool isFocused() const { return m_focusCentre >= 0; }
    [[nodiscard]] graph::NodeIndex focusCentre() const { return m_focusCentre; }

    [[nodiscard]] bool isNodeVisible(graph::NodeIndex node) const;
    [[nodiscard]] bool isEdgeVisible(graph::EdgeIndex edge) const;
    [[nodiscard]] int visibleNodeCount() const { return m_visibleNodeCount; }
    [[nodiscard]] int visibleEdgeCount() const { return m_visibleEdgeCount; }

    // Selection: several nodes, or one edge.
    [[nodiscard]] const QList<graph::NodeIndex> &selectedNodes() const { return m_selectedNodes; }
    [[nodiscard]] graph::EdgeIndex selectedEdge() const { return m_selectedEdge; }
    void selectNodes(const QList<graph::NodeIndex> &nodes);
    void selectEdge(graph::EdgeIndex edge);
    void clearSelection();

    // A path found by the path finder, highlighted on the map.
    [[nodiscard]] const std::vector<graph::PathStep> &highlightedPath() const { return m_path; }
    void setHighlightedPath(std::vector<graph::PathStep> path);

    // Finds a concept by label or alias, case-insensitively.
    [[nodiscard]] graph::NodeIndex findConcept(const QString &name) const;

Q_SIGNALS:
    void buildChanged();
    void nodeMoved(int node);
    // Positions changed wholesale; `previous` are the old scene positions, for animation.
    void layoutApplied(const QList<QPointF> &previous);
    void visibilityChanged();
    void selectionChanged();
    void focusChanged();
    void pathChanged();

private:
    void recomputeVisibility();
    void indexBuild();

    std::shared_ptr<project::BuildResult> m_build;
    QString m_folder;
    QUndoStack m_undo;
    double m_scale = 1.0;
    double m_maxWeight = 1.0;
    int m_communityCount = 0;
    std::vector<graph::NodeIndex> m_byScore;
    std::vector<std::vector<DocumentMention>> m_documentMentions;
    std::vector<std::vector<int>> m_nodeDocuments; // per node, documents mentioning it

    FilterState m_filter;
    QSet<ConceptId> m_hidden;
    graph::NodeIndex m_focusCentre = -1;
    int m_focusDepth = 1;
    std::vector<char> m_nodeVisible;
    std::vector<char> m_edgeVisible;
    int m_visibleNodeCount = 0;
    int m_visibleEdgeCount = 0;

    QList<graph::NodeIndex> m_selectedNodes;
    graph::EdgeIndex m_selectedEdge = -1;
    std::vector<graph::PathStep> m_path;
};

} // namespace carto::app
