#pragma once

#include "graph/conceptgraph.h"
#include "project/project.h"

#include <QHash>
#include <QString>

#include <vector>

namespace carto::exporter {

// The user's notes looked up by graph element, so every data export can carry
// them beside the derived data: a concept note by node, a link note by edge
// (either direction: links are undirected), and the concept notes whose concept
// is not in this build (orphans, kept so no note is lost in an export). Built
// once per export from the project (none for a plain folder).
class ExportNotes final
{
public:
    ExportNotes(const graph::ConceptGraph &graph, const project::Project *project);

    // The note's Markdown, or an empty string.
    [[nodiscard]] QString conceptNote(graph::NodeIndex node) const;
    [[nodiscard]] QString linkNote(graph::EdgeIndex edge) const;
    [[nodiscard]] const std::vector<project::ConceptNote> &orphanedConceptNotes() const { return m_orphans; }
    // Link notes whose two concepts are not both in the build or not linked.
    [[nodiscard]] const std::vector<project::LinkNote> &orphanedLinkNotes() const { return m_orphanLinks; }

private:
    QHash<graph::NodeIndex, QString> m_concepts;
    QHash<graph::EdgeIndex, QString> m_links;
    std::vector<project::ConceptNote> m_orphans;
    std::vector<project::LinkNote> m_orphanLinks;
};

} // namespace carto::exporter
