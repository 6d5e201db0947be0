#pragma once

#include "document/filterstate.h"
#include "project/build.h"
#include "project/project.h"

#include <QList>
#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QSet>
#include <QUndoStack>

class QAction;

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace carto::app {

// A link the user drew by writing [[Concept name]] in a note: from the note's
// concept to the named one. Drawn dashed on the map; the path finder may use it.
struct UserLink
{
    graph::NodeIndex from = -1;
    graph::NodeIndex to = -1;
    ConceptId noteOwner; // whose note holds the [[link]]
};

// A concept mention inside one document, for the document view.
struct DocumentMention
{
    TextRange range;
    graph::NodeIndex node = -1;
};

// The open project: the build result, the map positions, filters, focus,
// selection and the undo stack. The one owner of state: panels and the canvas
// read from it and call its setters; it announces each change with one signal.
// User edits go through its edit functions (editConceptNote(), mergeConcepts(),
// moveNode(), …), which build one command each and push it: nothing else
// reaches the undo stack. Commands (app/commands) are the only callers of the
// undoable setters. Its lifecycle (open, save, recover, lock, autosave,
// watch) belongs to ProjectSession.
class ProjectDocument final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectDocument)

public:
    explicit ProjectDocument(QObject *parent = nullptr);
    ~ProjectDocument() override;

    // Takes a finished build; resets filters, selection, focus and the undo stack.
    void setBuild(std::shared_ptr<project::BuildResult> build, const QString &folder);
    // A rebuild of the open project landed (curation edit, corpus change): keeps
    // the undo stack, notes, filters, hidden set and the selection (by concept id).
    void replaceBuild(std::shared_ptr<project::BuildResult> build);
    void clear();
    // True while the last build landed through replaceBuild(): views keep their
    // zoom and filters instead of starting afresh.
    [[nodiscard]] bool lastBuildReplaced() const { return m_replaced; }
    // Scene units per layout unit of the current build.
    [[nodiscard]] double sceneScale() const { return m_scale; }

    // The user's project: corpus folders, curation, notes, positions, view.
    [[nodiscard]] const project::Project &project() const { return m_project; }
    // Empty for an untitled project.
    [[nodiscard]] QString projectPath() const { return m_projectPath; }
    void setProjectPath(const QString &path);
    // Replaces the project wholesale (new / open); the build follows separately.
    void setProject(project::Project project, const QString &path);
    // The project with the map's current positions and pins copied in, as saved.
    [[nodiscard]] project::Project projectForSave() const;
    // View state is not an undoable edit: it is recorded when saving.
    void setViewState(const project::ViewState &view) { m_project.view = view; }

    // Curation: undoable through CurationCommand only. Concepts the curation
    // ignores are hidden at once; a rebuild (curationChanged) makes the rest real.
    [[nodiscard]] const extract::Curation &curation() const { return m_project.curation; }
    void setCuration(const extract::Curation &curation);

    // Notes. An empty markdown removes the note. Undoable through the note commands.
    [[nodiscard]] QString conceptNote(const ConceptId &id) const;
    void setConceptNote(const ConceptId &id, const QString &label, const QString &markdown);
    [[nodiscard]] QString linkNote(const ConceptId &a, const ConceptId &b) const;
    void setLinkNote(const ConceptId &a, const ConceptId &b, const QString &markdown);
    // Replaces every concept note at once (re-attach and delete of orphans).
    void setConceptNotes(std::vector<project::ConceptNote> notes);
    [[nodiscard]] bool hasNote(graph::NodeIndex node) const;
    [[nodiscard]] const std::vector<UserLink> &userLinks() const { return m_userLinks; }
    // Indices into project().conceptNotes whose concept is not on the map.
    [[nodiscard]] std::vector<size_t> orphanedNotes() const;
    // Names written as [[name]] in a Markdown note, in order.
    [[nodiscard]] static QStringList wikiLinks(const QString &markdown);

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

    // ---- Undoable edits: one command each (see projectdocumentedits.cpp). ----
    // Each returns false when the edit would change nothing (unknown concept,
    // same name, same text).
    bool editConceptNote(const ConceptId &id, const QString &label, const QString &markdown);
    bool editLinkNote(const ConceptId &a, const ConceptId &b, const QString &markdown);
    bool reattachNote(size_t noteIndex, const ConceptId &target, const QString &targetLabel);
    bool deleteNote(size_t noteIndex);
    bool renameConcept(graph::NodeIndex node, const QString &name);
    bool mergeConcepts(graph::NodeIndex from, graph::NodeIndex into);
    // Several into one, as one undo step.
    bool mergeConcepts(const QList<graph::NodeIndex> &from, graph::NodeIndex into);
    bool splitAlias(graph::NodeIndex node, const QString &alias);
    bool setConceptType(graph::NodeIndex node, extract::ConceptType type);
    bool addConcept(const QString &name, const QStringList &aliases);
    bool hideConcepts(const QList<graph::NodeIndex> &nodes);
    // Shows a hidden concept again by name (it is not on the map while hidden).
    bool showConcept(const QString &name);
    bool setPinned(graph::NodeIndex node, bool pinned);
    // One step of a drag: moves of the same drag merge into one undo step.
    void moveNode(const ConceptId &id, QPointF from, bool wasPinned, QPointF to, int dragSerial);
    // Takes a drag's move back (it was dropped onto another concept).
    void takeBackMove(int dragSerial);
    // A finished re-layout (layout units): undoable; pinned nodes keep their places.
    bool applyNewLayout(const std::vector<graph::Point> &positions);
    void undo();
    void redo();
    // Menu actions that follow the stack (text, enabled).
    QAction *createUndoAction(QObject *parent, const QString &prefix) const;
    QAction *createRedoAction(QObject *parent, const QString &prefix) const;
    // Read-only: counts and texts for views and tests.
    [[nodiscard]] const QUndoStack *undoStack() const { return &m_undo; }

    // Unsaved changes: everything since the last markSaved(), or since a
    // markUnsaved() (work restored from a recovery file is unsaved).
    [[nodiscard]] bool isModified() const { return !m_undo.isClean(); }
    void markSaved() { m_undo.setClean(); }
    void markUnsaved() { m_undo.resetClean(); }

    // Scene coordinates: layout units times a per-build scale, so every map has
    // a similar density on screen whatever the layout's units.
    [[nodiscard]] QPointF scenePos(graph::NodeIndex node) const;
    [[nodiscard]] QRectF sceneBounds() const;
    [[nodiscard]] bool isPinned(graph::NodeIndex node) const;
    // Undoable through MoveNodeCommand only.
    void setNodePosition(graph::NodeIndex node, QPointF scenePos, bool pinned);
    // Undoable through LayoutCommand only: positions by concept id (layout units).
    void setLayoutPositions(const std::map<ConceptId, graph::Point> &positions);
    [[nodiscard]] std::map<ConceptId, graph::Point> layoutPositionsById() const;
    [[nodiscard]] std::vector<graph::Point> layoutPositions() const;
    [[nodiscard]] std::vector<bool> pinnedNodes() const;

    // Filters. setFilter() announces filterChanged() (when it changed) and visibilityChanged().
    [[nodiscard]] const FilterState &filter() const { return m_filter; }
    void setFilter(const FilterState &filter);

    // What a curation edit may disturb and its undo gives back exactly:
    // filters, focus and selection (by concept id: node indices die with the
    // rebuild the edit starts).
    struct ViewSnapshot
    {
        FilterState filter;
        QList<ConceptId> selection;
        std::optional<ConceptId> focus;
        int focusDepth = 1;
    };
    [[nodiscard]] ViewSnapshot viewSnapshot() const;
    // Applies a snapshot now and once more when the next rebuild lands.
    void restoreViewSnapshot(const ViewSnapshot &snapshot);
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
    void filterChanged();
    void selectionChanged();
    void focusChanged();
    void pathChanged();
    // The curation changed: the owner should rebuild.
    void curationChanged();
    void notesChanged();
    void projectChanged();
    // Unsaved changes appeared or were saved (or undone back to the saved state).
    void modifiedChanged(bool modified);

private:
    void recomputeVisibility();
    void applyViewSnapshot(const ViewSnapshot &snapshot);
    void indexBuild();
    void applyIgnoredToHidden();
    void indexNotes();

    project::Project m_project;
    bool m_replaced = false;
    QString m_projectPath;
    std::vector<char> m_nodeHasNote;
    std::vector<UserLink> m_userLinks;

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
    std::optional<ViewSnapshot> m_snapshotAfterRebuild;
    std::vector<char> m_nodeVisible;
    std::vector<char> m_edgeVisible;
    int m_visibleNodeCount = 0;
    int m_visibleEdgeCount = 0;

    QList<graph::NodeIndex> m_selectedNodes;
    graph::EdgeIndex m_selectedEdge = -1;
    std::vector<graph::PathStep> m_path;
};

} // namespace carto::app
