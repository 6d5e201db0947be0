#pragma once

#include "foundation/typedid.h"

#include <QUndoCommand>

namespace carto::app {

class ProjectDocument;

// Hides a conceptId from the map (or shows it again). Pushed by the filter panel
// and the map's context actions.
class HideConceptCommand final : public QUndoCommand
{
public:
    HideConceptCommand(ProjectDocument *document, const ConceptId &conceptId, bool hide, QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

private:
    ProjectDocument *m_document;
    ConceptId m_concept;
    bool m_hide;
};

} // namespace carto::app
