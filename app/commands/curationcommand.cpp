#include "curationcommand.h"

#include "document/projectdocument.h"

namespace carto::app {

namespace {

// Curation applies merges, splits and types to the names extraction produced,
// and renames last. A concept the user already renamed is found under its
// original name, so later edits keep working after a rebuild.
QString originalName(const extract::Curation &curation, const QString &label)
{
    for (const auto &[from, to] : curation.renames)
        if (to.compare(label, Qt::CaseInsensitive) == 0)
            return from;
    return label;
}

QString quoted(const QString &name)
{
    return QChar(0x2018) + name + QChar(0x2019);
}

} // namespace

CurationCommand::CurationCommand(ProjectDocument *document, const QString &text, extract::Curation before,
                                 extract::Curation after, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_viewBefore(document->viewSnapshot())
{
}

void CurationCommand::undo()
{
    m_viewAfter = m_document->viewSnapshot();
    m_document->setCuration(m_before);
    m_document->restoreViewSnapshot(m_viewBefore);
}

void CurationCommand::redo()
{
    m_document->setCuration(m_after);
    if (m_viewAfter)
        m_document->restoreViewSnapshot(*m_viewAfter);
}

CurationCommand *CurationCommand::rename(ProjectDocument *document, graph::NodeIndex node, const QString &newName)
{
    const QString name = newName.simplified();
    if (node < 0 || node >= document->nodeCount() || name.isEmpty())
        return nullptr;
    const QString label = document->graph().node(node).info.label;
    if (name == label)
        return nullptr;
    extract::Curation after = document->curation();
    after.renames[originalName(after, label)] = name;
    return new CurationCommand(document, QObject::tr("Rename %1 to %2").arg(quoted(label), quoted(name)),
                               document->curation(), std::move(after));
}

CurationCommand *CurationCommand::merge(ProjectDocument *document, graph::NodeIndex from, graph::NodeIndex into)
{
    if (from < 0 || into < 0 || from == into || from >= document->nodeCount() || into >= document->nodeCount())
        return nullptr;
    const QString fromLabel = document->graph().node(from).info.label;
    const QString intoLabel = document->graph().node(into).info.label;
    extract::Curation after = document->curation();
    const QString target = originalName(after, intoLabel);
    const QString source = originalName(after, fromLabel);
    auto it = std::find_if(after.merges.begin(), after.merges.end(), [&target](const extract::Curation::Merge &m) {
        return m.into.compare(target, Qt::CaseInsensitive) == 0;
    });
    if (it != after.merges.end())
        it->from.append(source);
    else
        after.merges.push_back({target, {source}});
    return new CurationCommand(document, QObject::tr("Merge %1 into %2").arg(quoted(fromLabel), quoted(intoLabel)),
                               document->curation(), std::move(after));
}

CurationCommand *CurationCommand::split(ProjectDocument *document, graph::NodeIndex node, const QString &alias)
{
    if (node < 0 || node >= document->nodeCount() || alias.trimmed().isEmpty())
        return nullptr;
    const QString label = document->graph().node(node).info.label;
    extract::Curation after = document->curation();
    if (after.splits.contains(alias, Qt::CaseInsensitive))
        return nullptr;
    after.splits.append(alias.trimmed());
    return new CurationCommand(document, QObject::tr("Split %1 off %2").arg(quoted(alias.trimmed()), quoted(label)),
                               document->curation(), std::move(after));
}

CurationCommand *CurationCommand::setType(ProjectDocument *document, graph::NodeIndex node, extract::ConceptType type)
{
    if (node < 0 || node >= document->nodeCount() || document->graph().node(node).info.type == type)
        return nullptr;
    const QString label = document->graph().node(node).info.label;
    extract::Curation after = document->curation();
    after.typeOverrides[originalName(after, label)] = type;
    return new CurationCommand(
        document, QObject::tr("Make %1 a %2").arg(quoted(label), extract::conceptTypeName(type)), document->curation(),
        std::move(after));
}

CurationCommand *CurationCommand::addConcept(ProjectDocument *document, const QString &name,
                                             const QStringList &aliases, std::optional<extract::ConceptType> type)
{
    const QString clean = name.simplified();
    if (clean.isEmpty())
        return nullptr;
    extract::Curation after = document->curation();
    QStringList cleanAliases;
    for (const QString &a : aliases)
        if (!a.simplified().isEmpty())
            cleanAliases.append(a.simplified());
    after.added.push_back({clean, cleanAliases, type});
    return new CurationCommand(document, QObject::tr("Add concept %1").arg(quoted(clean)), document->curation(),
                               std::move(after));
}

CurationCommand *CurationCommand::hide(ProjectDocument *document, const QString &name, bool hide)
{
    if (name.trimmed().isEmpty())
        return nullptr;
    extract::Curation after = document->curation();
    // Ignores apply after renames: the current label is the name to match.
    const QString original = name.trimmed();
    if (hide) {
        if (after.ignored.contains(original, Qt::CaseInsensitive))
            return nullptr;
        after.ignored.append(original);
    } else {
        // Showing again drops the name and any spelling of it the user hid.
        const qsizetype before = after.ignored.size();
        after.ignored.removeIf([&](const QString &n) {
            return n.compare(original, Qt::CaseInsensitive) == 0 || n.compare(name, Qt::CaseInsensitive) == 0;
        });
        if (after.ignored.size() == before)
            return nullptr;
    }
    return new CurationCommand(document, hide ? QObject::tr("Hide %1").arg(quoted(name))
                                              : QObject::tr("Show %1").arg(quoted(name)),
                               document->curation(), std::move(after));
}

} // namespace carto::app
