#include "pincommand.h"

#include "document/projectdocument.h"

namespace carto::app {

PinCommand::PinCommand(ProjectDocument *document, const ConceptId &conceptId, bool pin, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_concept(conceptId)
    , m_pin(pin)
{
    const auto node = document->graph().find(conceptId);
    const QString name = QChar(0x2018) + (node ? document->graph().node(*node).info.label : conceptId.value())
        + QChar(0x2019);
    setText(pin ? QObject::tr("Pin %1").arg(name) : QObject::tr("Unpin %1").arg(name));
}

void PinCommand::apply(bool pin)
{
    if (const auto node = m_document->graph().find(m_concept))
        m_document->setNodePosition(*node, m_document->scenePos(*node), pin);
}

void PinCommand::undo()
{
    apply(!m_pin);
}

void PinCommand::redo()
{
    apply(m_pin);
}

} // namespace carto::app
