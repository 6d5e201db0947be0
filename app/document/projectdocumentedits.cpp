// ProjectDocument's undoable edits: each builds one command and pushes it on
// the document's own undo stack, so no view, panel or window ever does.
#include "projectdocument.h"

#include "commands/curationcommand.h"
#include "commands/hideconceptcommand.h"
#include "commands/layoutcommand.h"
#include "commands/movenodecommand.h"
#include "commands/notecommand.h"
#include "commands/notelistcommand.h"
#include "commands/pincommand.h"

#include <QAction>

namespace carto::app {

namespace {

// Pushes a command a factory built, or reports that there was nothing to do.
bool pushIf(QUndoStack &stack, QUndoCommand *command)
{
    if (!command)
        return false;
    stack.push(command);
    return true;
}

} // namespace

bool ProjectDocument::editConceptNote(const ConceptId &id, const QString &label, const QString &markdown)
{
    if (markdown == conceptNote(id))
        return false;
    m_undo.push(new NoteCommand(this, id, label, markdown));
    return true;
}

bool ProjectDocument::editLinkNote(const ConceptId &a, const ConceptId &b, const QString &markdown)
{
    if (markdown == linkNote(a, b))
        return false;
    m_undo.push(new NoteCommand(this, a, b, markdown));
    return true;
}

bool ProjectDocument::reattachNote(size_t noteIndex, const ConceptId &target, const QString &targetLabel)
{
    return pushIf(m_undo, NoteListCommand::reattach(this, noteIndex, target, targetLabel));
}

bool ProjectDocument::deleteNote(size_t noteIndex)
{
    return pushIf(m_undo, NoteListCommand::remove(this, noteIndex));
}

bool ProjectDocument::renameConcept(graph::NodeIndex node, const QString &name)
{
    return pushIf(m_undo, CurationCommand::rename(this, node, name));
}

bool ProjectDocument::mergeConcepts(graph::NodeIndex from, graph::NodeIndex into)
{
    return pushIf(m_undo, CurationCommand::merge(this, from, into));
}

bool ProjectDocument::mergeConcepts(const QList<graph::NodeIndex> &from, graph::NodeIndex into)
{
    QList<graph::NodeIndex> others = from;
    others.removeAll(into);
    if (others.isEmpty())
        return false;
    if (others.size() == 1)
        return mergeConcepts(others.front(), into);
    bool any = false;
    m_undo.beginMacro(tr("Merge %n concept(s)", nullptr, int(others.size())));
    for (const graph::NodeIndex v : others)
        any = mergeConcepts(v, into) || any;
    m_undo.endMacro();
    return any;
}

bool ProjectDocument::splitAlias(graph::NodeIndex node, const QString &alias)
{
    return pushIf(m_undo, CurationCommand::split(this, node, alias));
}

bool ProjectDocument::setConceptType(graph::NodeIndex node, extract::ConceptType type)
{
    return pushIf(m_undo, CurationCommand::setType(this, node, type));
}

bool ProjectDocument::addConcept(const QString &name, const QStringList &aliases)
{
    return pushIf(m_undo, CurationCommand::addConcept(this, name, aliases));
}

bool ProjectDocument::hideConcepts(const QList<graph::NodeIndex> &nodes)
{
    QList<ConceptId> ids;
    for (const graph::NodeIndex v : nodes)
        if (v >= 0 && v < nodeCount())
            ids.append(graph().node(v).info.id);
    if (ids.isEmpty())
        return false;
    if (ids.size() == 1) {
        m_undo.push(new HideConceptCommand(this, ids.front(), true));
        return true;
    }
    m_undo.beginMacro(tr("Hide %n concept(s)", nullptr, int(ids.size())));
    for (const ConceptId &id : ids)
        m_undo.push(new HideConceptCommand(this, id, true));
    m_undo.endMacro();
    return true;
}

bool ProjectDocument::showConcept(const QString &name)
{
    if (name.trimmed().isEmpty())
        return false;
    m_undo.push(new HideConceptCommand(this, name, false));
    return true;
}

bool ProjectDocument::setPinned(graph::NodeIndex node, bool pinned)
{
    if (node < 0 || node >= nodeCount() || isPinned(node) == pinned)
        return false;
    m_undo.push(new PinCommand(this, graph().node(node).info.id, pinned));
    return true;
}

void ProjectDocument::moveNode(const ConceptId &id, QPointF from, bool wasPinned, QPointF to, int dragSerial)
{
    m_undo.push(new MoveNodeCommand(this, id, from, wasPinned, to, dragSerial));
}

void ProjectDocument::takeBackMove(int dragSerial)
{
    // All moves of one drag merged into the top command; anything else on top
    // is not this drag's to take back.
    if (m_undo.index() == 0)
        return;
    const auto *top = dynamic_cast<const MoveNodeCommand *>(m_undo.command(m_undo.index() - 1));
    if (top && top->dragSerial() == dragSerial)
        m_undo.undo();
}

bool ProjectDocument::applyNewLayout(const std::vector<graph::Point> &positions)
{
    if (!m_build || int(positions.size()) != nodeCount())
        return false;
    std::map<ConceptId, graph::Point> before = layoutPositionsById();
    std::map<ConceptId, graph::Point> after;
    for (int i = 0; i < nodeCount(); ++i) {
        const graph::NodeData &node = graph().node(i);
        after.emplace(node.info.id, node.pinned ? node.position : positions[size_t(i)]);
    }
    if (after == before)
        return false;
    m_undo.push(new LayoutCommand(this, std::move(before), std::move(after)));
    return true;
}

void ProjectDocument::undo()
{
    m_undo.undo();
}

void ProjectDocument::redo()
{
    m_undo.redo();
}

QAction *ProjectDocument::createUndoAction(QObject *parent, const QString &prefix) const
{
    return m_undo.createUndoAction(parent, prefix);
}

QAction *ProjectDocument::createRedoAction(QObject *parent, const QString &prefix) const
{
    return m_undo.createRedoAction(parent, prefix);
}

} // namespace carto::app
