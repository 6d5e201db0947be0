#pragma once

#include <QByteArrayView>
#include <QDateTime>
#include <QString>

#include <chrono>
#include <optional>

namespace carto::project {

// An advisory lock file saying which session edits a project (or autosaves
// into a recovery slot): owner, host, pid, start time, and a session id. The
// app's ProjectSession takes one beside the project on open
// (".NAME.cartograph.yaml.lock"), refreshes its time while it runs (refresh())
// and removes it on close; a second session finds it held and warns.
//
// A lock whose holder is gone is stale and taken over by tryLock(): on this
// host when its process no longer runs (or the machine rebooted since), on any
// host when it was not refreshed for staleAfter (a crashed session elsewhere).
// Written here rather than with QLockFile, which keeps no owner or start time
// in the file and, with a stale time set, treats a live session that has run
// longer than it as stale.
class ProjectLock final
{
public:
    struct Holder
    {
        QString owner;     // user name
        QString host;
        qint64 pid = 0;
        QDateTime since;   // when the lock was taken
        QDateTime refreshed; // the file's modification time: the holder's last sign of life
        QString session;   // unique per ProjectLock object
        QString boot;      // the host's boot id when the lock was taken
    };

    explicit ProjectLock(QString path, std::chrono::seconds staleAfter = std::chrono::minutes(15));
    ~ProjectLock(); // unlocks
    ProjectLock(const ProjectLock &) = delete;
    ProjectLock &operator=(const ProjectLock &) = delete;

    [[nodiscard]] QString path() const { return m_path; }
    // Takes the lock when it is free or stale; false when a live session holds
    // it (holder() says who) or the file cannot be written (*error says why).
    bool tryLock(QString *error = nullptr);
    void unlock();
    [[nodiscard]] bool isLocked() const { return m_locked; }
    // Touches the file so other sessions see this one is alive. False (and no
    // longer locked) when another session took the lock over meanwhile.
    bool refresh();
    // Who holds the lock according to the file, if anyone.
    [[nodiscard]] std::optional<Holder> holder() const;
    [[nodiscard]] static std::optional<Holder> read(const QString &path);
    // The holder a lock file's bytes name (refreshed left unset: it is the
    // file's time); std::nullopt when they name no pid or session.
    [[nodiscard]] static std::optional<Holder> parse(QByteArrayView bytes);
    [[nodiscard]] static bool isStale(const Holder &holder, std::chrono::seconds staleAfter);
    // "alice on host (process 1234) since 10:42"
    [[nodiscard]] static QString describe(const Holder &holder);

private:
    enum class Created { Yes, Exists, Failed };
    Created create(QString *error);

    QString m_path;
    std::chrono::seconds m_staleAfter;
    QString m_session;
    bool m_locked = false;
};

} // namespace carto::project
