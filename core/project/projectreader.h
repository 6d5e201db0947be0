#pragma once

// Internal to carto_project: reads the YAML of a project file into a Project.
// ProjectFile::parse is the only caller; it owns version checks and messages.

#include "project/project.h"

#include <QByteArray>
#include <QString>

#include <yaml-cpp/yaml.h>

namespace carto::project {

// A file that does not have the shape of a project: carries the offending
// node's position so the message can name line and column.
struct FormatError
{
    YAML::Mark mark;
    QString message;
};

// "NAME: line L, column C: " (1-based), or "NAME: " when the mark is unknown.
[[nodiscard]] QString where(const QString &name, const YAML::Mark &mark);

// Reads a whole number; throws FormatError naming `what` when it is not one.
[[nodiscard]] int readInteger(const YAML::Node &node, const QString &what);

// Throws FormatError at the first YAML alias (*name). Cartograph never writes
// aliases, and expanding them is how a small file grows into gigabytes of text
// ("billion laughs"), so a project file with one is refused before it is loaded.
void refuseAliases(const QByteArray &yaml);

// Reads every field of a project (schema versions 1 and 2 share the layout).
// Relative corpus folders resolve against baseDir unless it is empty.
[[nodiscard]] Project readProject(const YAML::Node &root, const QString &baseDir, const QString &name);

// Schema 2 ends with `end:`, a mapping of how many items each part holds. A
// cut or truncated file loses it or holds the wrong counts, so it is refused
// instead of opening with data silently missing. Throws FormatError.
void checkEndMarker(const YAML::Node &root, const QByteArray &yaml);

// The same verdict from the text alone for a file that starts
// "schema_version: N" (firstVersionWithEnd <= N <= Project::kSchemaVersion)
// and has no line "end:":
// cheaper than building the tree of a file that is refused anyway.
void refuseWhenPlainlyCut(const QByteArray &yaml, int firstVersionWithEnd);

} // namespace carto::project
