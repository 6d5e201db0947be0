#pragma once

#include "project/build.h"
#include "project/project.h"

#include <QByteArray>
#include <QString>

namespace carto::exporter {

// Writes a build as GEXF 1.3 for Gephi, valid against the normative RELAX NG
// schema: nodes keyed by concept id with attributes type, score, community,
// degree, betweenness, pagerank, aliases, mentions and note, and the map's look:
// viz:color (the community colour the app draws, or the type colour when the
// project colours by type), viz:size (the node's radius on the map) and
// viz:position (y negated: Gephi's y axis points up, the scene's down, so the
// map is not mirrored); undirected edges with weight, label and attributes
// count, evidence_count and note. Used by the CLI and the app.
class GexfWriter final
{
public:
    [[nodiscard]] static QByteArray toGexf(const project::BuildResult &build,
                                           const project::Project *project = nullptr);
    // Atomic, never through a link (ExportFileSet). Returns false and sets *error on failure.
    static bool write(const project::BuildResult &build, const QString &path, QString *error,
                      const project::Project *project = nullptr);
};

} // namespace carto::exporter
