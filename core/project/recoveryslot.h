#pragma once

#include "project/projectlock.h"
#include "project/recoveryfile.h"

#include <memory>
#include <optional>
#include <vector>

namespace carto::project {

// The place one session takes on a recovery key: the first slot whose lock
// it can take (slot 0 of a project is the project's own lock). The session
// autosaves into its slot's recovery file only, so two windows on the same
// project or folders never overwrite each other's unsaved work; the recovery
// files of slots nobody holds any more (a session that crashed) are orphans,
// offered back when the key is opened again. The app's ProjectSession claims
// one on every open.
class RecoverySlot final
{
public:
    RecoverySlot();
    ~RecoverySlot(); // releases every lock it holds; recovery files stay
    RecoverySlot(RecoverySlot &&) noexcept;
    RecoverySlot &operator=(RecoverySlot &&) noexcept;

    // The first free (or stale) slot of the project, or of the untitled
    // folder set when projectPath is empty. Invalid, with *error, when no
    // slot can be taken (the folder is not writable, all slots are held).
    [[nodiscard]] static RecoverySlot claim(const QString &projectPath, const QStringList &corpusFolders,
                                            QString *error);

    [[nodiscard]] bool isValid() const { return m_lock != nullptr; }
    [[nodiscard]] const RecoveryKey &key() const { return m_key; }
    // Same project, or same untitled folder set (slots aside).
    [[nodiscard]] bool isFor(const QString &projectPath, const QStringList &corpusFolders) const;
    // The live session on slot 0 when this one had to take another slot:
    // another window has the project open.
    [[nodiscard]] const std::optional<ProjectLock::Holder> &firstSlotHolder() const { return m_firstHolder; }

    // Recovery files of this key with unsaved work no live session owns (this
    // slot's own and those of slots whose session is gone), newest first.
    // Their slots stay locked by this object until discardOrphans() or releaseOrphans().
    [[nodiscard]] std::vector<RecoveryKey> findOrphans();
    // Deletes the orphans' files (this slot's own too), and releases their
    // slots: after a restore the session saves its own slot afresh.
    void discardOrphans();
    void releaseOrphans();

    // Keeps the lock fresh; false when another session took it over.
    bool refresh();
    void release();

private:
    RecoveryKey m_key;
    std::unique_ptr<ProjectLock> m_lock;
    std::optional<ProjectLock::Holder> m_firstHolder;
    std::vector<std::pair<RecoveryKey, std::unique_ptr<ProjectLock>>> m_orphans;
};

} // namespace carto::project
