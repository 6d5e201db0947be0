#include "projectdocument.h"

#include "jobs/jobrunner.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <deque>

namespace carto::app {

namespace {
const graph::ConceptGraph &emptyGraph()
{
    static const graph::ConceptGraph g;
    return g;
}
const ingest::Corpus &emptyCorpus()
{
    static const ingest::Corpus c;
    return c;
}
} // namespace

ProjectDocument::ProjectDocument(QObject *parent)
    : QObject(parent)
{
    connect(&m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

ProjectDocument::~ProjectDocument() = default;

void ProjectDocument::setBuild(std::shared_ptr<project::BuildResult> build, const QString &folder)
{
    m_undo.clear();
    m_snapshotAfterRebuild.reset();
    m_replaced = false;
    JobRunner::releaseElsewhere(std::exchange(m_build, std::move(build)));
    m_folder = folder;
    m_filter = {};
    m_hidden.clear();
    m_focusCentre = -1;
    m_selectedNodes.clear();
    m_selectedEdge = -1;
    m_path.clear();
    indexBuild();
    indexNotes();
    applyIgnoredToHidden();
    recomputeVisibility();
    Q_EMIT buildChanged();
}

void ProjectDocument::replaceBuild(std::shared_ptr<project::BuildResult> build)
{
    // Selection and focus survive by concept id: node indices die with the old graph.
    QList<ConceptId> selected;
    for (const graph::NodeIndex v : m_selectedNodes)
        selected.append(graph().node(v).info.id);
    std::optional<ConceptId> focus;
    if (m_focusCentre >= 0)
        focus = graph().node(m_focusCentre).info.id;

    JobRunner::releaseElsewhere(std::exchange(m_build, std::move(build)));
    m_replaced = true;
    m_selectedNodes.clear();
    m_selectedEdge = -1;
    m_focusCentre = -1;
    m_path.clear();
    indexBuild();
    for (const ConceptId &id : selected)
        if (const auto v = graph().find(id))
            m_selectedNodes.append(*v);
    if (focus)
        if (const auto v = graph().find(*focus))
            m_focusCentre = *v;

    // A note whose concept's id changed (a merge keeps the survivor's id, but a
    // corpus edit may re-key a concept) follows its label when that is unambiguous.
    for (project::ConceptNote &note : m_project.conceptNotes) {
        if (graph().find(note.conceptId))
            continue;
        const auto candidate = graph().findByName(note.label);
        if (!candidate)
            continue;
        const ConceptId id = graph().node(*candidate).info.id;
        const bool taken = std::any_of(m_project.conceptNotes.begin(), m_project.conceptNotes.end(),
                                       [&id](const project::ConceptNote &n) { return n.conceptId == id; });
        if (!taken)
            note.conceptId = id;
    }
    indexNotes();
    applyIgnoredToHidden();
    recomputeVisibility();
    Q_EMIT buildChanged();
    if (!m_selectedNodes.isEmpty())
        Q_EMIT selectionChanged();
    Q_EMIT notesChanged();
    // An undone edit's view comes back on the rebuilt map.
    if (const std::optional<ViewSnapshot> snapshot = std::exchange(m_snapshotAfterRebuild, std::nullopt))
        applyViewSnapshot(*snapshot);
}

void ProjectDocument::setProjectPath(const QString &path)
{
    m_projectPath = path;
    Q_EMIT projectChanged();
}

void ProjectDocument::setProject(project::Project project, const QString &path)
{
    m_project = std::move(project);
    m_projectPath = path;
    m_undo.clear();
    indexNotes();
    applyIgnoredToHidden();
    recomputeVisibility();
    Q_EMIT projectChanged();
    Q_EMIT notesChanged();
}

project::Project ProjectDocument::projectForSave() const
{
    project::Project out = m_project;
    if (!m_build)
        return out;
    // Positions of concepts not in this build (gone for now) are kept: they come
    // back where they were if the concept does.
    const graph::ConceptGraph &g = m_build->graph;
    for (int i = 0; i < g.nodeCount(); ++i) {
        const graph::NodeData &node = g.node(i);
        out.positions[node.info.id] = node.position;
        if (node.pinned)
            out.pinned.insert(node.info.id);
        else
            out.pinned.erase(node.info.id);
    }
    return out;
}

void ProjectDocument::setCuration(const extract::Curation &curation)
{
    m_project.curation = curation;
    applyIgnoredToHidden();
    recomputeVisibility();
    Q_EMIT curationChanged();
}

void ProjectDocument::applyIgnoredToHidden()
{
    m_hidden.clear();
    if (!m_build)
        return;
    for (const QString &name : m_project.curation.ignored)
        if (const auto v = m_build->graph.findByName(name))
            m_hidden.insert(m_build->graph.node(*v).info.id);
}

void ProjectDocument::clear()
{
    setBuild(nullptr, {});
}

const graph::ConceptGraph &ProjectDocument::graph() const
{
    return m_build ? m_build->graph : emptyGraph();
}

const ingest::Corpus &ProjectDocument::corpus() const
{
    return m_build ? m_build->corpus : emptyCorpus();
}

const std::vector<Problem> &ProjectDocument::problems() const
{
    static const std::vector<Problem> none;
    return m_build ? m_build->problems : none;
}

int ProjectDocument::nodeCount() const
{
    return m_build ? m_build->graph.nodeCount() : 0;
}

int ProjectDocument::edgeCount() const
{
    return m_build ? m_build->graph.edgeCount() : 0;
}

const std::vector<DocumentMention> &ProjectDocument::mentionsInDocument(DocumentId id) const
{
    static const std::vector<DocumentMention> none;
    const int i = id.value();
    if (i < 0 || i >= int(m_documentMentions.size()))
        return none;
    return m_documentMentions[size_t(i)];
}

void ProjectDocument::indexBuild()
{
    m_byScore.clear();
    m_documentMentions.clear();
    m_nodeDocuments.clear();
    m_communityCount = 0;
    m_maxWeight = 0.0;
    m_scale = 1.0;
    if (!m_build)
        return;
    const graph::ConceptGraph &g = m_build->graph;
    const int n = g.nodeCount();

    m_byScore.resize(size_t(n));
    for (int i = 0; i < n; ++i)
        m_byScore[size_t(i)] = i;
    std::stable_sort(m_byScore.begin(), m_byScore.end(), [&g](int a, int b) {
        return g.node(a).info.score > g.node(b).info.score;
    });

    m_documentMentions.resize(m_build->corpus.documents.size());
    m_nodeDocuments.resize(size_t(n));
    for (int i = 0; i < n; ++i) {
        const graph::NodeData &node = g.node(i);
        m_communityCount = std::max(m_communityCount, node.community + 1);
        int lastDoc = -1;
        for (const extract::Mention &m : node.info.mentions) {
            const int d = m.span.document.value();
            if (d < 0 || d >= int(m_documentMentions.size()))
                continue;
            m_documentMentions[size_t(d)].push_back({m.span.range, i});
            if (d != lastDoc) {
                m_nodeDocuments[size_t(i)].push_back(d);
                lastDoc = d;
            }
        }
    }
    for (auto &mentions : m_documentMentions) {
        std::sort(mentions.begin(), mentions.end(), [](const DocumentMention &a, const DocumentMention &b) {
            return a.range.start < b.range.start || (a.range.start == b.range.start && a.range.end > b.range.end);
        });
    }
    for (int e = 0; e < g.edgeCount(); ++e)
        m_maxWeight = std::max(m_maxWeight, g.edge(e).relation.weight);
    if (m_maxWeight <= 0.0)
        m_maxWeight = 1.0;

    // Scale the layout so the map is about 80 scene units per sqrt(node).
    double minX = 0, minY = 0, maxX = 0, maxY = 0;
    for (int i = 0; i < n; ++i) {
        const graph::Point p = g.node(i).position;
        if (i == 0) {
            minX = maxX = p.x;
            minY = maxY = p.y;
        }
        minX = std::min(minX, p.x);
        maxX = std::max(maxX, p.x);
        minY = std::min(minY, p.y);
        maxY = std::max(maxY, p.y);
    }
    const double extent = std::max(maxX - minX, maxY - minY);
    const double target = std::max(400.0, 80.0 * std::sqrt(double(n)));
    m_scale = extent > 1e-9 ? target / extent : 1.0;
}

QPointF ProjectDocument::scenePos(graph::NodeIndex node) const
{
    const graph::Point p = graph().node(node).position;
    return {p.x * m_scale, p.y * m_scale};
}

QRectF ProjectDocument::sceneBounds() const
{
    QRectF r;
    for (int i = 0; i < nodeCount(); ++i) {
        const QPointF p = scenePos(i);
        r = r.isNull() ? QRectF(p, QSizeF(1, 1)) : r.united(QRectF(p, QSizeF(1, 1)));
    }
    return r;
}

bool ProjectDocument::isPinned(graph::NodeIndex node) const
{
    return graph().node(node).pinned;
}

void ProjectDocument::setNodePosition(graph::NodeIndex node, QPointF pos, bool pinned)
{
    if (!m_build || node < 0 || node >= nodeCount())
        return;
    graph::NodeData &data = m_build->graph.node(node);
    data.position = {pos.x() / m_scale, pos.y() / m_scale};
    data.pinned = pinned;
    Q_EMIT nodeMoved(node);
}

void ProjectDocument::setLayoutPositions(const std::map<ConceptId, graph::Point> &positions)
{
    if (!m_build)
        return;
    QList<QPointF> previous;
    previous.reserve(nodeCount());
    for (int i = 0; i < nodeCount(); ++i) {
        previous.append(scenePos(i));
        graph::NodeData &data = m_build->graph.node(i);
        if (const auto it = positions.find(data.info.id); it != positions.end())
            data.position = it->second;
    }
    Q_EMIT layoutApplied(previous);
}

std::map<ConceptId, graph::Point> ProjectDocument::layoutPositionsById() const
{
    std::map<ConceptId, graph::Point> out;
    for (int i = 0; i < nodeCount(); ++i)
        out.emplace(graph().node(i).info.id, graph().node(i).position);
    return out;
}

std::vector<graph::Point> ProjectDocument::layoutPositions() const
{
    std::vector<graph::Point> out(static_cast<size_t>(nodeCount()));
    for (int i = 0; i < nodeCount(); ++i)
        out[size_t(i)] = graph().node(i).position;
    return out;
}

std::vector<bool> ProjectDocument::pinnedNodes() const
{
    std::vector<bool> out(static_cast<size_t>(nodeCount()));
    for (int i = 0; i < nodeCount(); ++i)
        out[size_t(i)] = graph().node(i).pinned;
    return out;
}

void ProjectDocument::setFilter(const FilterState &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    recomputeVisibility();
    Q_EMIT filterChanged();
}

ProjectDocument::ViewSnapshot ProjectDocument::viewSnapshot() const
{
    ViewSnapshot out;
    out.filter = m_filter;
    for (const graph::NodeIndex v : m_selectedNodes)
        out.selection.append(graph().node(v).info.id);
    if (m_focusCentre >= 0)
        out.focus = graph().node(m_focusCentre).info.id;
    out.focusDepth = m_focusDepth;
    return out;
}

void ProjectDocument::restoreViewSnapshot(const ViewSnapshot &snapshot)
{
    m_snapshotAfterRebuild = snapshot;
    applyViewSnapshot(snapshot);
}

void ProjectDocument::applyViewSnapshot(const ViewSnapshot &snapshot)
{
    const std::optional<graph::NodeIndex> focus = snapshot.focus ? graph().find(*snapshot.focus) : std::nullopt;
    if (focus)
        enterFocus(*focus, snapshot.focusDepth);
    else
        exitFocus();
    setFilter(snapshot.filter);
    QList<graph::NodeIndex> selection;
    for (const ConceptId &id : snapshot.selection)
        if (const auto v = graph().find(id))
            selection.append(*v);
    selectNodes(selection);
}

void ProjectDocument::setConceptHidden(const ConceptId &id, bool hidden)
{
    if (hidden == m_hidden.contains(id))
        return;
    if (hidden)
        m_hidden.insert(id);
    else
        m_hidden.remove(id);
    recomputeVisibility();
}

void ProjectDocument::enterFocus(graph::NodeIndex centre, int depth)
{
    if (centre < 0 || centre >= nodeCount())
        return;
    m_focusCentre = centre;
    m_focusDepth = std::clamp(depth, 1, 2);
    recomputeVisibility();
    Q_EMIT focusChanged();
}

void ProjectDocument::exitFocus()
{
    if (m_focusCentre < 0)
        return;
    m_focusCentre = -1;
    recomputeVisibility();
    Q_EMIT focusChanged();
}

bool ProjectDocument::isNodeVisible(graph::NodeIndex node) const
{
    return node >= 0 && node < int(m_nodeVisible.size()) && m_nodeVisible[size_t(node)];
}

bool ProjectDocument::isEdgeVisible(graph::EdgeIndex edge) const
{
    return edge >= 0 && edge < int(m_edgeVisible.size()) && m_edgeVisible[size_t(edge)];
}

void ProjectDocument::recomputeVisibility()
{
    const int n = nodeCount();
    const int m = edgeCount();
    m_nodeVisible.assign(size_t(n), 0);
    m_edgeVisible.assign(size_t(m), 0);
    m_visibleNodeCount = 0;
    m_visibleEdgeCount = 0;
    if (n == 0) {
        Q_EMIT visibilityChanged();
        return;
    }
    const graph::ConceptGraph &g = graph();

    std::vector<char> inFocus;
    if (m_focusCentre >= 0) {
        // Breadth-first to the focus depth.
        inFocus.assign(size_t(n), 0);
        std::vector<int> dist(size_t(n), -1);
        std::deque<int> queue{m_focusCentre};
        dist[size_t(m_focusCentre)] = 0;
        while (!queue.empty()) {
            const int v = queue.front();
            queue.pop_front();
            inFocus[size_t(v)] = 1;
            if (dist[size_t(v)] >= m_focusDepth)
                continue;
            for (int w : g.neighbours(v)) {
                if (dist[size_t(w)] < 0) {
                    dist[size_t(w)] = dist[size_t(v)] + 1;
                    queue.push_back(w);
                }
            }
        }
    }

    int kept = 0;
    for (int v : m_byScore) {
        const graph::NodeData &node = g.node(v);
        if (!inFocus.empty() && !inFocus[size_t(v)])
            continue;
        if (v != m_focusCentre) {
            if (m_hidden.contains(node.info.id))
                continue;
            if (m_filter.hiddenTypes.contains(int(node.info.type)))
                continue;
            if (m_filter.hiddenCommunities.contains(node.community))
                continue;
            if (!m_filter.hiddenDocuments.isEmpty() && !m_nodeDocuments[size_t(v)].empty()) {
                const auto &docs = m_nodeDocuments[size_t(v)];
                const bool anyShown = std::any_of(docs.begin(), docs.end(), [this](int d) {
                    return !m_filter.hiddenDocuments.contains(d);
                });
                if (!anyShown)
                    continue;
            }
            if (m_filter.topN > 0 && kept >= m_filter.topN)
                continue;
        }
        m_nodeVisible[size_t(v)] = 1;
        ++kept;
    }
    m_visibleNodeCount = kept;
    for (int e = 0; e < m; ++e) {
        const graph::EdgeData &edge = g.edge(e);
        if (m_nodeVisible[size_t(edge.source)] && m_nodeVisible[size_t(edge.target)]
            && edge.relation.weight >= m_filter.minWeight) {
            m_edgeVisible[size_t(e)] = 1;
            ++m_visibleEdgeCount;
        }
    }
    Q_EMIT visibilityChanged();
}

void ProjectDocument::selectNodes(const QList<graph::NodeIndex> &nodes)
{
    // Not QList's ==: in Qt 6.4 it hands memcmp a null pointer when one of two
    // empty lists was never allocated (undefined behaviour; UBSan stops there).
    if (std::ranges::equal(nodes, m_selectedNodes) && m_selectedEdge < 0)
        return;
    m_selectedNodes = nodes;
    m_selectedEdge = -1;
    Q_EMIT selectionChanged();
}

void ProjectDocument::selectEdge(graph::EdgeIndex edge)
{
    if (edge == m_selectedEdge && m_selectedNodes.isEmpty())
        return;
    m_selectedNodes.clear();
    m_selectedEdge = edge;
    Q_EMIT selectionChanged();
}

void ProjectDocument::clearSelection()
{
    if (m_selectedNodes.isEmpty() && m_selectedEdge < 0)
        return;
    m_selectedNodes.clear();
    m_selectedEdge = -1;
    Q_EMIT selectionChanged();
}

void ProjectDocument::setHighlightedPath(std::vector<graph::PathStep> path)
{
    m_path = std::move(path);
    Q_EMIT pathChanged();
}

graph::NodeIndex ProjectDocument::findConcept(const QString &name) const
{
    if (!m_build)
        return -1;
    const auto found = m_build->graph.findByName(name.trimmed());
    return found ? *found : -1;
}

} // namespace carto::app
