#pragma once

#include "foundation/typedid.h"

#include <QUndoCommand>

namespace carto::app {

class ProjectDocument;

// Sets the Markdown note of a concept or of a link (empty removes it). The
// inspector pushes one per keystroke; consecutive edits of the same note merge
// into one undo step.
class NoteCommand final : public QUndoCommand
{
public:
    // A concept note: `label` is stored beside it so an orphan can be shown.
    NoteCommand(ProjectDocument *document, const ConceptId &conceptId, const QString &label, const QString &markdown,
                QUndoCommand *parent = nullptr);
    // A link note.
    NoteCommand(ProjectDocument *document, const ConceptId &source, const ConceptId &target, const QString &markdown,
                QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;
    [[nodiscard]] int id() const override { return 2; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    void apply(const QString &markdown);

    ProjectDocument *m_document;
    bool m_isLink;
    ConceptId m_a;
    ConceptId m_b;
    QString m_label;
    QString m_before;
    QString m_after;
};

} // namespace carto::app
