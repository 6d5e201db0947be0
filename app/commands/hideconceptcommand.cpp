#include "hideconceptcommand.h"

#include "document/projectdocument.h"

namespace carto::app {

HideConceptCommand::HideConceptCommand(ProjectDocument *document, const ConceptId &conceptId, bool hide,
                                       QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_concept(conceptId)
    , m_hide(hide)
{
    const auto node = document->graph().find(conceptId);
    const QString name = node ? document->graph().node(*node).info.label : conceptId.value();
    setText(hide ? QObject::tr("Hide %1").arg(name) : QObject::tr("Show %1").arg(name));
}

void HideConceptCommand::undo()
{
    m_document->setConceptHidden(m_concept, !m_hide);
}

void HideConceptCommand::redo()
{
    m_document->setConceptHidden(m_concept, m_hide);
}

} // namespace carto::app
