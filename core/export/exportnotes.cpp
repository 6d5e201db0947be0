#include "exportnotes.h"

namespace carto::exporter {

ExportNotes::ExportNotes(const graph::ConceptGraph &graph, const project::Project *project)
{
    if (!project)
        return;
    for (const project::ConceptNote &note : project->conceptNotes) {
        if (note.markdown.trimmed().isEmpty())
            continue;
        if (const auto node = graph.find(note.conceptId))
            m_concepts.insert(*node, note.markdown);
        else
            m_orphans.push_back(note);
    }
    for (const project::LinkNote &note : project->linkNotes) {
        if (note.markdown.trimmed().isEmpty())
            continue;
        const auto source = graph.find(note.source);
        const auto target = graph.find(note.target);
        const auto edge = source && target ? graph.edgeBetween(*source, *target) : std::nullopt;
        if (edge)
            m_links.insert(*edge, note.markdown);
        else
            m_orphanLinks.push_back(note);
    }
}

QString ExportNotes::conceptNote(graph::NodeIndex node) const
{
    return m_concepts.value(node);
}

QString ExportNotes::linkNote(graph::EdgeIndex edge) const
{
    return m_links.value(edge);
}

} // namespace carto::exporter
