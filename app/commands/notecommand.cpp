#include "notecommand.h"

#include "document/projectdocument.h"

namespace carto::app {

NoteCommand::NoteCommand(ProjectDocument *document, const ConceptId &conceptId, const QString &label,
                         const QString &markdown, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_isLink(false)
    , m_a(conceptId)
    , m_label(label)
    , m_before(document->conceptNote(conceptId))
    , m_after(markdown)
{
    setText(QObject::tr("Edit Note on %1").arg(QChar(0x2018) + label + QChar(0x2019)));
}

NoteCommand::NoteCommand(ProjectDocument *document, const ConceptId &source, const ConceptId &target,
                         const QString &markdown, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_isLink(true)
    , m_a(source)
    , m_b(target)
    , m_before(document->linkNote(source, target))
    , m_after(markdown)
{
    setText(QObject::tr("Edit Link Note"));
}

void NoteCommand::apply(const QString &markdown)
{
    if (m_isLink)
        m_document->setLinkNote(m_a, m_b, markdown);
    else
        m_document->setConceptNote(m_a, m_label, markdown);
}

void NoteCommand::undo()
{
    apply(m_before);
}

void NoteCommand::redo()
{
    apply(m_after);
}

bool NoteCommand::mergeWith(const QUndoCommand *other)
{
    const auto *note = static_cast<const NoteCommand *>(other);
    if (note->m_isLink != m_isLink || note->m_a != m_a || note->m_b != m_b)
        return false;
    m_after = note->m_after;
    // Typing a note and deleting it all again leaves nothing to undo.
    if (m_after == m_before)
        setObsolete(true);
    return true;
}

} // namespace carto::app
