#pragma once

#include "project/project.h"

#include <QString>

#include <optional>

namespace carto::project {

// Autosave and crash recovery for the app. A recovery file is a full project
// file written beside the project as ".NAME.cartograph.yaml.recovery" (hidden,
// same folder, so relative corpus paths still resolve), or, for an untitled
// project (empty projectPath), as "untitled.cartograph.yaml.recovery" under
// QStandardPaths::AppDataLocation with absolute corpus paths. The project file
// itself is never touched. The app autosaves with save(), offers restore on open
// when hasNewer() is true, and calls discard() after a successful save or close.
class RecoveryFile final
{
public:
    [[nodiscard]] static QString path(const QString &projectPath);
    // Atomic, like ProjectFile::save. Creates the AppData folder when needed.
    static bool save(const Project &project, const QString &projectPath, QString *error);
    [[nodiscard]] static std::optional<Project> load(const QString &projectPath, QString *error);
    [[nodiscard]] static bool exists(const QString &projectPath);
    // A recovery file exists and was modified after the project file (or the
    // project file is missing): it holds unsaved work worth offering.
    [[nodiscard]] static bool hasNewer(const QString &projectPath);
    // Removes the recovery file; true when none is left.
    static bool discard(const QString &projectPath);
};

// Shorthand for RecoveryFile::path(), the name the app's code reads best with.
[[nodiscard]] inline QString recoveryPath(const QString &projectPath)
{
    return RecoveryFile::path(projectPath);
}

} // namespace carto::project
