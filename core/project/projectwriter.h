#pragma once

// Internal to carto_project: writes a Project as the YAML of a project file.
// ProjectFile::serialize is the only caller; it checks that note text reads
// back byte for byte and asks for double quotes where it would not.

#include "project/project.h"

#include <QByteArray>
#include <QString>

#include <set>
#include <utility>

namespace carto::project {

// A note whose strings must be written double-quoted: {false, i} is
// conceptNotes[i], {true, i} is linkNotes[i].
using NoteRef = std::pair<bool, size_t>;

// The whole file in the current schema, ending with the `end:` counts.
// Corpus folders are written relative to baseDir (absolute when it is empty).
[[nodiscard]] QByteArray writeProject(const Project &project, const QString &baseDir,
                                      const std::set<NoteRef> &doubleQuoted);

// Notes whose id, label or text would read back from `yaml` differently from
// `project` (what the YAML emitter cannot say exactly in the style it chose).
[[nodiscard]] std::set<NoteRef> notesThatChange(const Project &project, const QByteArray &yaml);

} // namespace carto::project
