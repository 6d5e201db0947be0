#include "notelistcommand.h"

#include "document/projectdocument.h"

namespace carto::app {

NoteListCommand::NoteListCommand(ProjectDocument *document, const QString &text,
                                 std::vector<project::ConceptNote> after, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_before(document->project().conceptNotes)
    , m_after(std::move(after))
{
}

NoteListCommand *NoteListCommand::reattach(ProjectDocument *document, size_t index, const ConceptId &target,
                                           const QString &targetLabel)
{
    std::vector<project::ConceptNote> notes = document->project().conceptNotes;
    if (index >= notes.size() || notes[index].conceptId == target)
        return nullptr;
    const project::ConceptNote moved = notes[index];
    notes.erase(notes.begin() + std::ptrdiff_t(index));
    auto existing = std::find_if(notes.begin(), notes.end(),
                                 [&target](const project::ConceptNote &n) { return n.conceptId == target; });
    // Never drop text: a target that already has a note gets both, one after the other.
    if (existing != notes.end())
        existing->markdown += QStringLiteral("\n\n") + moved.markdown;
    else
        notes.push_back({target, targetLabel, moved.markdown});
    return new NoteListCommand(document,
                               QObject::tr("Re-attach Note %1 to %2")
                                   .arg(QChar(0x2018) + moved.label + QChar(0x2019),
                                        QChar(0x2018) + targetLabel + QChar(0x2019)),
                               std::move(notes));
}

NoteListCommand *NoteListCommand::remove(ProjectDocument *document, size_t index)
{
    std::vector<project::ConceptNote> notes = document->project().conceptNotes;
    if (index >= notes.size())
        return nullptr;
    const QString label = notes[index].label;
    notes.erase(notes.begin() + std::ptrdiff_t(index));
    return new NoteListCommand(document, QObject::tr("Delete Note on %1").arg(QChar(0x2018) + label + QChar(0x2019)),
                               std::move(notes));
}

void NoteListCommand::undo()
{
    m_document->setConceptNotes(m_before);
}

void NoteListCommand::redo()
{
    m_document->setConceptNotes(m_after);
}

} // namespace carto::app
