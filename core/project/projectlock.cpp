#include "projectlock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSysInfo>
#include <QUuid>

#include <cerrno>
#include <csignal>
#include <unistd.h>
#include <pwd.h>

namespace carto::project {

namespace {

QString userName()
{
    if (const passwd *pw = ::getpwuid(::geteuid()); pw && pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
    return qEnvironmentVariable("USER");
}

// kill(pid, 0) fails with ESRCH only when no such process exists (EPERM: it
// exists but belongs to someone else).
bool processRuns(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno != ESRCH);
}

QByteArray contents(const QString &session)
{
    QByteArray out;
    out += "owner: " + userName().toUtf8() + '\n';
    out += "host: " + QSysInfo::machineHostName().toUtf8() + '\n';
    out += "pid: " + QByteArray::number(QCoreApplication::applicationPid()) + '\n';
    out += "since: " + QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toUtf8() + '\n';
    out += "session: " + session.toUtf8() + '\n';
    out += "boot: " + QSysInfo::bootUniqueId() + '\n';
    return out;
}

} // namespace

ProjectLock::ProjectLock(QString path, std::chrono::seconds staleAfter)
    : m_path(std::move(path))
    , m_staleAfter(staleAfter)
    , m_session(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

ProjectLock::~ProjectLock()
{
    unlock();
}

ProjectLock::Created ProjectLock::create(QString *error)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QFile file(m_path);
    // NewOnly is O_EXCL: of two sessions creating the file at once, one wins.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        if (QFileInfo::exists(m_path))
            return Created::Exists;
        if (error)
            *error = QStringLiteral("cannot create the lock file %1: %2")
                         .arg(QDir::toNativeSeparators(m_path), file.errorString());
        return Created::Failed;
    }
    const QByteArray bytes = contents(m_session);
    if (file.write(bytes) != bytes.size() || !file.flush()) {
        if (error)
            *error = QStringLiteral("cannot write the lock file %1: %2")
                         .arg(QDir::toNativeSeparators(m_path), file.errorString());
        file.close();
        QFile::remove(m_path);
        return Created::Failed;
    }
    m_locked = true;
    return Created::Yes;
}

bool ProjectLock::tryLock(QString *error)
{
    if (m_locked)
        return true;
    if (error)
        error->clear();
    for (int attempt = 0; attempt < 3; ++attempt) {
        const Created created = create(error);
        if (created == Created::Yes)
            return true;
        if (created == Created::Failed)
            return false; // not held by anyone: the folder is not writable
        const std::optional<Holder> current = read(m_path);
        if (current && !isStale(*current, m_staleAfter))
            return false;
        // Stale, or unreadable (a session died while writing it): take it over.
        // Another session may do the same at once; O_EXCL lets one of them win.
        if (QFileInfo::exists(m_path) && !QFile::remove(m_path)) {
            if (error)
                *error = QStringLiteral("cannot remove the stale lock file %1").arg(QDir::toNativeSeparators(m_path));
            return false;
        }
    }
    return false;
}

void ProjectLock::unlock()
{
    if (!m_locked)
        return;
    m_locked = false;
    // Only our own lock is removed: another session may have taken it over
    // while this one looked stale (a suspended laptop).
    const std::optional<Holder> current = read(m_path);
    if (current && current->session == m_session)
        QFile::remove(m_path);
}

bool ProjectLock::refresh()
{
    if (!m_locked)
        return false;
    const std::optional<Holder> current = read(m_path);
    if (!current || current->session != m_session) {
        m_locked = false;
        return false;
    }
    QFile file(m_path);
    if (file.open(QIODevice::ReadWrite))
        file.setFileTime(QDateTime::currentDateTime(), QFileDevice::FileModificationTime);
    return true;
}

std::optional<ProjectLock::Holder> ProjectLock::holder() const
{
    return read(m_path);
}

std::optional<ProjectLock::Holder> ProjectLock::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    // A few "key: value" lines, never more than a few hundred bytes.
    std::optional<Holder> holder = parse(file.read(4096));
    if (holder)
        holder->refreshed = QFileInfo(path).lastModified();
    return holder;
}

std::optional<ProjectLock::Holder> ProjectLock::parse(QByteArrayView bytes)
{
    Holder holder;
    bool hasPid = false;
    for (const QByteArray &line : bytes.toByteArray().split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray key = line.left(colon).trimmed();
        const QString value = QString::fromUtf8(line.mid(colon + 1).trimmed());
        if (key == "owner")
            holder.owner = value;
        else if (key == "host")
            holder.host = value;
        else if (key == "pid")
            holder.pid = value.toLongLong(&hasPid);
        else if (key == "since")
            holder.since = QDateTime::fromString(value, Qt::ISODate);
        else if (key == "session")
            holder.session = value;
        else if (key == "boot")
            holder.boot = value;
    }
    if (!hasPid || holder.session.isEmpty())
        return std::nullopt;
    return holder;
}

bool ProjectLock::isStale(const Holder &holder, std::chrono::seconds staleAfter)
{
    if (holder.host == QSysInfo::machineHostName()) {
        if (!holder.boot.isEmpty() && holder.boot.toUtf8() != QSysInfo::bootUniqueId())
            return true;
        if (!processRuns(holder.pid))
            return true;
    }
    const qint64 age = holder.refreshed.secsTo(QDateTime::currentDateTime());
    return age > qint64(staleAfter.count());
}

QString ProjectLock::describe(const Holder &holder)
{
    return QStringLiteral("%1 on %2 (process %3) since %4")
        .arg(holder.owner.isEmpty() ? QStringLiteral("someone") : holder.owner, holder.host)
        .arg(holder.pid)
        .arg(QLocale().toString(holder.since.toLocalTime(), QLocale::ShortFormat));
}

} // namespace carto::project
