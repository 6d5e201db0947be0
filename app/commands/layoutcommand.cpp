#include "layoutcommand.h"

#include "document/projectdocument.h"

namespace carto::app {

LayoutCommand::LayoutCommand(ProjectDocument *document, std::map<ConceptId, graph::Point> before,
                             std::map<ConceptId, graph::Point> after, QUndoCommand *parent)
    : QUndoCommand(QObject::tr("Re-layout"), parent)
    , m_document(document)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
}

void LayoutCommand::undo()
{
    m_document->setLayoutPositions(m_before);
}

void LayoutCommand::redo()
{
    m_document->setLayoutPositions(m_after);
}

} // namespace carto::app
