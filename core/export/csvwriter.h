#pragma once

#include "project/build.h"

#include <QByteArray>
#include <QString>

namespace carto::exporter {

// Writes a build as two RFC 4180 CSV files (UTF-8, CRLF line ends, fields
// quoted when they hold a comma, quote or line break) for spreadsheets and
// pandas:
//   nodes.csv: id,label,type,score,community,degree,betweenness,pagerank,x,y,aliases,mentions
//   edges.csv: source,target,weight,count,label,evidence_count
// aliases are joined with "; "; mentions is a count; source/target are concept
// ids. Used by the CLI and the app.
class CsvWriter final
{
public:
    [[nodiscard]] static QByteArray nodesCsv(const project::BuildResult &build);
    [[nodiscard]] static QByteArray edgesCsv(const project::BuildResult &build);
    // Writes nodes.csv and edges.csv into folder (created if missing), each
    // atomically. Returns false and sets *error on failure.
    static bool write(const project::BuildResult &build, const QString &folder, QString *error);
    // One RFC 4180 field: quoted (quotes doubled) only when needed.
    [[nodiscard]] static QString field(const QString &value);
};

} // namespace carto::exporter
