#pragma once

#include "project/build.h"
#include "project/project.h"

#include <QByteArray>
#include <QString>

namespace carto::exporter {

// Writes a build as JSON Graph Format v2 (jsongraphformat.info): nodes keyed by
// concept id with type, aliases, score, metrics, position and mentions; edges
// with weight, label and evidence, and the user's notes (metadata.note on nodes
// and edges; notes whose concept or link is gone under
// graph.metadata.orphanedNotes) when a project is given. Offsets are Unicode
// code points into the document text that `cartograph-cli text` prints. Used by
// the CLI and the app.
class JsonGraphWriter final
{
public:
    [[nodiscard]] static QByteArray toJson(const project::BuildResult &build,
                                           const project::Project *project = nullptr);
    // Atomic, never through a link (ExportFileSet). Returns false and sets *error on failure.
    static bool write(const project::BuildResult &build, const QString &path, QString *error,
                      const project::Project *project = nullptr);
};

} // namespace carto::exporter
