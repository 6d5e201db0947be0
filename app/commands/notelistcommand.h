#pragma once

#include "project/project.h"

#include <QUndoCommand>

#include <vector>

namespace carto::app {

class ProjectDocument;

// Replaces the list of concept notes: how an orphaned note is re-attached to
// another concept or deleted. Kept whole before and after so undo is exact.
class NoteListCommand final : public QUndoCommand
{
public:
    NoteListCommand(ProjectDocument *document, const QString &text, std::vector<project::ConceptNote> after,
                    QUndoCommand *parent = nullptr);

    // Moves note `index` onto `target` (appending to the target's note if it has one).
    [[nodiscard]] static NoteListCommand *reattach(ProjectDocument *document, size_t index, const ConceptId &target,
                                                   const QString &targetLabel);
    [[nodiscard]] static NoteListCommand *remove(ProjectDocument *document, size_t index);

    void undo() override;
    void redo() override;

private:
    ProjectDocument *m_document;
    std::vector<project::ConceptNote> m_before;
    std::vector<project::ConceptNote> m_after;
};

} // namespace carto::app
