#pragma once

#include "foundation/typedid.h"

#include <QUndoCommand>

namespace carto::app {

class ProjectDocument;

// Pins a concept where it is (layouts leave it alone) or unpins it. Pushed by
// the map's context menu and Edit ▸ Pin.
class PinCommand final : public QUndoCommand
{
public:
    PinCommand(ProjectDocument *document, const ConceptId &conceptId, bool pin, QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

private:
    void apply(bool pin);

    ProjectDocument *m_document;
    ConceptId m_concept;
    bool m_pin;
};

} // namespace carto::app
