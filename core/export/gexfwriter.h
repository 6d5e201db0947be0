#pragma once

#include "project/build.h"

#include <QByteArray>
#include <QString>

namespace carto::exporter {

// Writes a build as GEXF 1.3 for Gephi: nodes keyed by concept id with
// attributes type, score, community, degree, betweenness, pagerank, aliases and
// mentions, and a viz:position (y negated: Gephi's y axis points up, the
// scene's down, so the map is not mirrored); undirected edges with weight,
// label and attributes count and evidence_count. Used by the CLI and the app.
class GexfWriter final
{
public:
    [[nodiscard]] static QByteArray toGexf(const project::BuildResult &build);
    // Atomic (QSaveFile). Returns false and sets *error on failure.
    static bool write(const project::BuildResult &build, const QString &path, QString *error);
};

} // namespace carto::exporter
