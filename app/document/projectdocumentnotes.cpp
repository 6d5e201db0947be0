#include "projectdocument.h"

#include <QRegularExpression>

#include <algorithm>

// The notes half of ProjectDocument: concept and link notes, their
// [[wiki links]] and the index of which concepts carry one.

namespace carto::app {

QString ProjectDocument::conceptNote(const ConceptId &id) const
{
    for (const project::ConceptNote &note : m_project.conceptNotes)
        if (note.conceptId == id)
            return note.markdown;
    return {};
}

void ProjectDocument::setConceptNote(const ConceptId &id, const QString &label, const QString &markdown)
{
    auto &notes = m_project.conceptNotes;
    auto it = std::find_if(notes.begin(), notes.end(), [&id](const project::ConceptNote &n) { return n.conceptId == id; });
    if (markdown.isEmpty()) {
        if (it != notes.end())
            notes.erase(it);
    } else if (it != notes.end()) {
        it->markdown = markdown;
        if (!label.isEmpty())
            it->label = label;
    } else {
        notes.push_back({id, label, markdown});
    }
    indexNotes();
    Q_EMIT notesChanged();
}

QString ProjectDocument::linkNote(const ConceptId &a, const ConceptId &b) const
{
    for (const project::LinkNote &note : m_project.linkNotes)
        if ((note.source == a && note.target == b) || (note.source == b && note.target == a))
            return note.markdown;
    return {};
}

void ProjectDocument::setLinkNote(const ConceptId &a, const ConceptId &b, const QString &markdown)
{
    auto &notes = m_project.linkNotes;
    auto it = std::find_if(notes.begin(), notes.end(), [&](const project::LinkNote &n) {
        return (n.source == a && n.target == b) || (n.source == b && n.target == a);
    });
    if (markdown.isEmpty()) {
        if (it != notes.end())
            notes.erase(it);
    } else if (it != notes.end()) {
        it->markdown = markdown;
    } else {
        // Stored with source < target, like Relation.
        notes.push_back(a < b ? project::LinkNote{a, b, markdown} : project::LinkNote{b, a, markdown});
    }
    Q_EMIT notesChanged();
}

void ProjectDocument::setConceptNotes(std::vector<project::ConceptNote> notes)
{
    m_project.conceptNotes = std::move(notes);
    indexNotes();
    Q_EMIT notesChanged();
}

bool ProjectDocument::hasNote(graph::NodeIndex node) const
{
    return node >= 0 && node < int(m_nodeHasNote.size()) && m_nodeHasNote[size_t(node)];
}

std::vector<size_t> ProjectDocument::orphanedNotes() const
{
    std::vector<size_t> out;
    for (size_t i = 0; i < m_project.conceptNotes.size(); ++i)
        if (!graph().find(m_project.conceptNotes[i].conceptId))
            out.push_back(i);
    return out;
}

QStringList ProjectDocument::wikiLinks(const QString &markdown)
{
    static const QRegularExpression link(QStringLiteral("\\[\\[([^\\[\\]|]+)(?:\\|[^\\]]*)?\\]\\]"));
    QStringList out;
    for (auto it = link.globalMatch(markdown); it.hasNext();)
        out.append(it.next().captured(1).trimmed());
    return out;
}

void ProjectDocument::indexNotes()
{
    m_nodeHasNote.assign(size_t(nodeCount()), 0);
    m_userLinks.clear();
    if (!m_build)
        return;
    const graph::ConceptGraph &g = m_build->graph;
    for (const project::ConceptNote &note : m_project.conceptNotes) {
        const auto from = g.find(note.conceptId);
        if (!from)
            continue;
        m_nodeHasNote[size_t(*from)] = 1;
        for (const QString &name : wikiLinks(note.markdown)) {
            const auto to = g.findByName(name);
            if (to && *to != *from)
                m_userLinks.push_back({*from, *to, note.conceptId});
        }
    }
}

} // namespace carto::app
