#pragma once

#include "project/project.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace carto::project {

// Which recovery file: one per project file, or per set of corpus folders for
// an untitled project, and one per session open on it at the same time (the
// slot), so a session never overwrites another one's unsaved work. A project
// path converts to its first slot.
struct RecoveryKey
{
    RecoveryKey(const QString &projectPath = {}, const QStringList &corpusFolders = {}, int slot = 0); // NOLINT: implicit on purpose

    QString projectPath;       // empty: an untitled project, keyed by its folders
    QStringList corpusFolders; // an untitled project's folders (order and repeats do not matter)
    int slot = 0;              // 0 for the first session on the key, then 1, 2, …
};

// Autosave and crash recovery for the app. A recovery file is a full project
// file. Beside a project it is ".NAME.cartograph.yaml.recovery" (hidden, same
// folder, so relative corpus paths still resolve; later slots add ".N"); for
// an untitled project it lives under QStandardPaths::AppDataLocation/recovery,
// named by a hash of its folders ("untitled-1a2b….cartograph.yaml.recovery"),
// with absolute corpus paths. The project file itself is never touched.
//
// The slot's lock (lockPath(), a ProjectLock; for slot 0 of a project that is
// the project's lock) says which live session owns a recovery file: the app's
// ProjectSession takes the first free slot on open, offers the recovery files
// of slots nobody holds (hasNewer()), autosaves with save() and calls
// discard() after a successful save or close.
class RecoveryFile final
{
public:
    static constexpr int kSlots = 8;

    [[nodiscard]] static QString path(const RecoveryKey &key);
    [[nodiscard]] static QString lockPath(const RecoveryKey &key);
    // Atomic, like ProjectFile::save. Creates the AppData folder when needed.
    static bool save(const Project &project, const RecoveryKey &key, QString *error);
    [[nodiscard]] static std::optional<Project> load(const RecoveryKey &key, QString *error);
    [[nodiscard]] static bool exists(const RecoveryKey &key);
    // A recovery file exists and was modified after the project file (or the
    // project is untitled, or its file is missing): it holds unsaved work worth offering.
    [[nodiscard]] static bool hasNewer(const RecoveryKey &key);
    // Removes the recovery file; true when none is left.
    static bool discard(const RecoveryKey &key);
};

// Shorthand for RecoveryFile::path(), the name the app's code reads best with.
[[nodiscard]] inline QString recoveryPath(const RecoveryKey &key)
{
    return RecoveryFile::path(key);
}

} // namespace carto::project
