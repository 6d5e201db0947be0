#pragma once

#include "project/build.h"
#include "project/project.h"

#include <QByteArray>
#include <QString>

namespace carto::exporter {

// Writes a build as two RFC 4180 CSV files (UTF-8, CRLF line ends, fields
// quoted when they hold a comma, quote or line break) with the headers Gephi's
// spreadsheet import (Data Laboratory) and Cytoscape's table import expect, so
// the map opens as an undirected graph:
//   nodes.csv: Id,Label,concept_type,score,community,degree,betweenness,pagerank,x,y,aliases,mentions,note
//   edges.csv: Source,Target,Type,Weight,Id,Label,count,evidence_count,note
// Id, Source and Target are concept ids; Type is always "Undirected"; aliases
// are joined with "; "; mentions is a count; note is the user's note (empty for
// a plain folder). Text cells that a spreadsheet would run as a formula are
// neutralised (sanitize::csvText). Used by the CLI and the app.
class CsvWriter final
{
public:
    [[nodiscard]] static QByteArray nodesCsv(const project::BuildResult &build,
                                             const project::Project *project = nullptr);
    [[nodiscard]] static QByteArray edgesCsv(const project::BuildResult &build,
                                             const project::Project *project = nullptr);
    // Writes nodes.csv and edges.csv into folder (created if missing), each
    // atomically and never through a link. Returns false and sets *error on failure.
    static bool write(const project::BuildResult &build, const QString &folder, QString *error,
                      const project::Project *project = nullptr);
    // One RFC 4180 field: quoted (quotes doubled) only when needed. Text from
    // the corpus goes through textField instead.
    [[nodiscard]] static QString field(const QString &value);
    // A text cell: neutralised against formulas, then quoted as field() does.
    [[nodiscard]] static QString textField(const QString &value);
};

} // namespace carto::exporter
