#pragma once

#include "project/build.h"
#include "project/project.h"

#include <QByteArray>
#include <QString>

namespace carto::exporter {

// Writes a build as GraphML that Gephi, Cytoscape and yEd open and the GraphML
// 1.1 schema accepts: one node per concept and one undirected edge per relation,
// with the same attributes as the JSON export (type, aliases, score, community,
// metrics, x/y; weight, label, evidence count and first evidence sentence) and
// the user's notes (key "note", on nodes and edges). Node ids are "n0", "n1", …
// (GraphML ids are xs:NMTOKEN; concept ids hold spaces), and the concept id is
// kept as the node attribute "conceptId". Used by the CLI and the app.
class GraphMlWriter final
{
public:
    [[nodiscard]] static QByteArray toGraphMl(const project::BuildResult &build,
                                              const project::Project *project = nullptr);
    // Atomic, never through a link (ExportFileSet). Returns false and sets *error on failure.
    static bool write(const project::BuildResult &build, const QString &path, QString *error,
                      const project::Project *project = nullptr);
};

} // namespace carto::exporter
