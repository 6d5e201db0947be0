#include "movenodecommand.h"

#include "document/projectdocument.h"

namespace carto::app {

MoveNodeCommand::MoveNodeCommand(ProjectDocument *document, const ConceptId &conceptId, QPointF from, bool wasPinned,
                                 QPointF to, int dragSerial, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_concept(conceptId)
    , m_from(from)
    , m_wasPinned(wasPinned)
    , m_to(to)
    , m_dragSerial(dragSerial)
{
    const auto node = document->graph().find(conceptId);
    setText(QObject::tr("Move %1").arg(node ? document->graph().node(*node).info.label : conceptId.value()));
}

void MoveNodeCommand::undo()
{
    if (const auto node = m_document->graph().find(m_concept))
        m_document->setNodePosition(*node, m_from, m_wasPinned);
}

void MoveNodeCommand::redo()
{
    if (const auto node = m_document->graph().find(m_concept))
        m_document->setNodePosition(*node, m_to, true);
}

bool MoveNodeCommand::mergeWith(const QUndoCommand *other)
{
    const auto *move = static_cast<const MoveNodeCommand *>(other);
    if (move->m_concept != m_concept || move->m_dragSerial != m_dragSerial)
        return false;
    m_to = move->m_to;
    return true;
}

} // namespace carto::app
