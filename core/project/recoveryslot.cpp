#include "recoveryslot.h"

#include <QFileInfo>

#include <algorithm>

namespace carto::project {

RecoverySlot::RecoverySlot() = default;
RecoverySlot::~RecoverySlot()
{
    release();
}
RecoverySlot::RecoverySlot(RecoverySlot &&) noexcept = default;
RecoverySlot &RecoverySlot::operator=(RecoverySlot &&other) noexcept
{
    if (this != &other) {
        release();
        m_key = std::move(other.m_key);
        m_lock = std::move(other.m_lock);
        m_firstHolder = std::move(other.m_firstHolder);
        m_orphans = std::move(other.m_orphans);
    }
    return *this;
}

RecoverySlot RecoverySlot::claim(const QString &projectPath, const QStringList &corpusFolders, QString *error)
{
    RecoverySlot slot;
    for (int s = 0; s < RecoveryFile::kSlots; ++s) {
        const RecoveryKey key(projectPath, projectPath.isEmpty() ? corpusFolders : QStringList(), s);
        auto lock = std::make_unique<ProjectLock>(RecoveryFile::lockPath(key));
        QString lockError;
        if (lock->tryLock(&lockError)) {
            slot.m_key = key;
            slot.m_lock = std::move(lock);
            return slot;
        }
        if (!lockError.isEmpty()) {
            if (error)
                *error = lockError;
            return RecoverySlot();
        }
        if (s == 0)
            slot.m_firstHolder = lock->holder();
    }
    if (error)
        *error = QStringLiteral("%1 sessions already have this project open").arg(RecoveryFile::kSlots);
    return RecoverySlot();
}

bool RecoverySlot::isFor(const QString &projectPath, const QStringList &corpusFolders) const
{
    if (!isValid())
        return false;
    const RecoveryKey mine(m_key.projectPath, m_key.corpusFolders, 0);
    const RecoveryKey other(projectPath, projectPath.isEmpty() ? corpusFolders : QStringList(), 0);
    return RecoveryFile::path(mine) == RecoveryFile::path(other);
}

std::vector<RecoveryKey> RecoverySlot::findOrphans()
{
    releaseOrphans();
    std::vector<RecoveryKey> found;
    if (!isValid())
        return found;
    for (int s = 0; s < RecoveryFile::kSlots; ++s) {
        const RecoveryKey key(m_key.projectPath, m_key.corpusFolders, s);
        if (s == m_key.slot) {
            if (RecoveryFile::hasNewer(key))
                found.push_back(key);
            continue;
        }
        if (!RecoveryFile::hasNewer(key))
            continue;
        // Only a slot whose session is gone: its lock is free or stale.
        auto lock = std::make_unique<ProjectLock>(RecoveryFile::lockPath(key));
        if (!lock->tryLock())
            continue;
        found.push_back(key);
        m_orphans.emplace_back(key, std::move(lock));
    }
    std::sort(found.begin(), found.end(), [](const RecoveryKey &a, const RecoveryKey &b) {
        return QFileInfo(RecoveryFile::path(a)).lastModified() > QFileInfo(RecoveryFile::path(b)).lastModified();
    });
    return found;
}

void RecoverySlot::discardOrphans()
{
    if (isValid())
        RecoveryFile::discard(m_key);
    for (const auto &[key, lock] : m_orphans)
        RecoveryFile::discard(key);
    releaseOrphans();
}

void RecoverySlot::releaseOrphans()
{
    m_orphans.clear(); // each ProjectLock unlocks as it goes
}

bool RecoverySlot::refresh()
{
    return m_lock && m_lock->refresh();
}

void RecoverySlot::release()
{
    releaseOrphans();
    m_lock.reset();
}

} // namespace carto::project
