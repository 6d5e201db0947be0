#pragma once

#include "foundation/typedid.h"

#include <QPointF>
#include <QUndoCommand>

namespace carto::app {

class ProjectDocument;

// Moves a concept on the map and pins it there. The canvas asks the document
// for one per mouse move while dragging (ProjectDocument::moveNode); moves of
// the same drag merge into one undo step.
class MoveNodeCommand final : public QUndoCommand
{
public:
    MoveNodeCommand(ProjectDocument *document, const ConceptId &conceptId, QPointF from, bool wasPinned, QPointF to,
                    int dragSerial, QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;
    [[nodiscard]] int id() const override { return 1; }
    bool mergeWith(const QUndoCommand *other) override;
    [[nodiscard]] int dragSerial() const { return m_dragSerial; }

private:
    ProjectDocument *m_document;
    ConceptId m_concept;
    QPointF m_from;
    bool m_wasPinned;
    QPointF m_to;
    int m_dragSerial;
};

} // namespace carto::app
