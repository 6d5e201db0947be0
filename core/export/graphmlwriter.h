#pragma once

#include "project/build.h"

#include <QByteArray>
#include <QString>

namespace carto::exporter {

// Writes a build as GraphML that Gephi, Cytoscape and yEd open: one node per
// concept and one undirected edge per relation, with the same attributes as the
// JSON export (type, aliases, score, community, metrics, x/y; weight, label,
// evidence count and first evidence sentence). Used by the CLI and the app.
class GraphMlWriter final
{
public:
    [[nodiscard]] static QByteArray toGraphMl(const project::BuildResult &build);
    // Atomic (QSaveFile). Returns false and sets *error on failure.
    static bool write(const project::BuildResult &build, const QString &path, QString *error);
};

} // namespace carto::exporter
