#include "hideconceptcommand.h"

#include "document/projectdocument.h"

namespace carto::app {

HideConceptCommand::HideConceptCommand(ProjectDocument *document, const ConceptId &conceptId, bool hide,
                                       QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_hide(hide)
{
    const auto node = document->graph().find(conceptId);
    init(node ? document->graph().node(*node).info.label : conceptId.value());
}

HideConceptCommand::HideConceptCommand(ProjectDocument *document, const QString &name, bool hide, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_hide(hide)
{
    init(name);
}

void HideConceptCommand::init(const QString &name)
{
    m_viewBefore = m_document->viewSnapshot();
    m_name = name.trimmed();
    m_before = m_document->curation().ignored;
    m_after = m_before;
    if (m_hide) {
        if (!m_after.contains(m_name, Qt::CaseInsensitive))
            m_after.append(m_name);
    } else {
        m_after.removeIf([this](const QString &n) { return n.compare(m_name, Qt::CaseInsensitive) == 0; });
    }
    const QString quoted = QChar(0x2018) + m_name + QChar(0x2019);
    setText(m_hide ? QObject::tr("Hide %1").arg(quoted) : QObject::tr("Show %1").arg(quoted));
    if (m_after == m_before || m_name.isEmpty())
        setObsolete(true);
}

void HideConceptCommand::undo()
{
    m_viewAfter = m_document->viewSnapshot();
    extract::Curation c = m_document->curation();
    c.ignored = m_before;
    m_document->setCuration(c);
    m_document->restoreViewSnapshot(m_viewBefore);
}

void HideConceptCommand::redo()
{
    extract::Curation c = m_document->curation();
    c.ignored = m_after;
    m_document->setCuration(c);
    if (m_viewAfter)
        m_document->restoreViewSnapshot(*m_viewAfter);
}

} // namespace carto::app
