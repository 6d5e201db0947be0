#pragma once

#include "project/filestamp.h"
#include "project/project.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace carto::project {

// Reads and writes a project file, NAME.cartograph.yaml: versioned YAML holding
// only user data (corpus folders, curation, notes, positions, pins, view). The
// app's document and the CLI call it. Corpus folders are absolute in memory and
// relative to the file's folder on disk, so a project folder can be moved whole.
//
// Loading never writes. A broken, truncated or hand-mangled file gives
// std::nullopt and a one-line error naming the file, line and column (1-based),
// e.g. "map.cartograph.yaml: line 4, column 3: positions must be a mapping of id: [x, y]".
// Files of schema 2 end with an `end:` mapping of item counts, so a file cut
// anywhere is refused instead of opening with notes missing. YAML aliases are
// refused (Cartograph never writes them; expanded they can blow a small file up
// to gigabytes). A file from a newer Cartograph (schema_version above
// kSchemaVersion) is refused with a clear error. Older versions are upgraded
// step by step on load (a schema-1 file has no end marker and still opens).
//
// Saving is atomic (QSaveFile): on any failure the previous file is left
// intact; before it is replaced, the previous version is copied to
// NAME.cartograph.yaml~. Note text (ids, labels, Markdown) reads back byte for
// byte. Positions and the view centre are written rounded to 1/100 scene unit
// so layout jitter does not fill diffs; other numbers round-trip exactly.
class ProjectFile final
{
public:
    // ".cartograph.yaml"
    [[nodiscard]] static QString suffix();
    // True when path ends with suffix() (case-insensitive).
    [[nodiscard]] static bool isProjectPath(const QString &path);
    // Where save() keeps the previous version: path + "~".
    [[nodiscard]] static QString backupPath(const QString &path);

    // *stamp (when given) receives the stamp of exactly the bytes parsed.
    [[nodiscard]] static std::optional<Project> load(const QString &path, QString *error, FileStamp *stamp = nullptr);
    // Parses file contents. Relative corpus paths resolve against baseDir (an
    // empty baseDir keeps them as written); nameForMessages prefixes errors.
    [[nodiscard]] static std::optional<Project> parse(const QByteArray &yaml, const QString &baseDir,
                                                      const QString &nameForMessages, QString *error);

    // Atomic, with a backup of the previous file. Returns false and sets
    // *error (one line) on failure; *written receives the new file's stamp.
    static bool save(const Project &project, const QString &path, QString *error, FileStamp *written = nullptr);
    // The bytes save() writes. Corpus folders are written relative to baseDir;
    // an empty baseDir writes them absolute (untitled projects' recovery files).
    [[nodiscard]] static QByteArray serialize(const Project &project, const QString &baseDir);
};

} // namespace carto::project
