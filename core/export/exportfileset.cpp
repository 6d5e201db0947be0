#include "exportfileset.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <cstddef>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace carto::exporter {

namespace {

QString reason(int code)
{
    return QString::fromLocal8Bit(std::strerror(code));
}

bool writeAll(int fd, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = EIO;
            return false;
        }
        done += n;
    }
    return true;
}

// True when the regular file name inside dir holds exactly bytes. Re-exporting
// a vault mostly rewrites notes that did not change; skipping them saves a
// create, a rename and an unlink each, and keeps their modification times.
bool sameContent(int dir, const QByteArray &name, const QByteArray &bytes)
{
    const int fd = ::openat(dir, name.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return false;
    QByteArray existing(bytes.size() + 1, Qt::Uninitialized); // one more: a file that grew is caught
    qsizetype got = 0;
    for (ssize_t n; got < existing.size() && (n = ::read(fd, existing.data() + got, size_t(existing.size() - got))) != 0;) {
        if (n < 0) {
            if (errno == EINTR)
                continue;
            got = -1;
            break;
        }
        got += n;
    }
    ::close(fd);
    return got == bytes.size() && std::memcmp(existing.constData(), bytes.constData(), size_t(got)) == 0;
}

// The whole file system holding fd, in one call.
bool syncAll(int fd)
{
#ifdef __linux__
    return ::syncfs(fd) == 0;
#else
    (void)fd;
    ::sync();
    return true;
#endif
}

} // namespace

ExportFileSet::ExportFileSet(const QString &folder, Sync sync)
    : m_folder(folder)
    , m_sync(sync)
{
    m_dir = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (m_dir < 0)
        m_openError = errno;
}

ExportFileSet::~ExportFileSet()
{
    for (const Staged &s : m_staged)
        ::unlinkat(m_dir, s.temporary.constData(), 0);
    if (m_dir >= 0)
        ::close(m_dir);
}

bool ExportFileSet::fail(const QString &name, const QString &why, QString *error) const
{
    if (error)
        *error = QStringLiteral("cannot save %1: %2").arg(QDir::toNativeSeparators(QDir(m_folder).filePath(name)), why);
    return false;
}

bool ExportFileSet::add(const QString &name, const QByteArray &bytes, QString *error)
{
    if (m_dir < 0)
        return fail(name, reason(m_openError), error);
    if (name.isEmpty() || name == u"." || name == u".." || name.contains(u'/'))
        return fail(name, QStringLiteral("not a file name"), error);
    const QByteArray native = QFile::encodeName(name);

    // What is there now: nothing, or a regular file whose permissions we keep.
    struct stat st {};
    mode_t mode = 0;
    if (::fstatat(m_dir, native.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
        if (S_ISLNK(st.st_mode))
            return fail(name, QStringLiteral("it is a symbolic link; exports are never written through links "
                                             "(remove the link or choose another folder)"),
                        error);
        if (!S_ISREG(st.st_mode))
            return fail(name, QStringLiteral("something other than a regular file has that name"), error);
        mode = st.st_mode & 07777;
        if (st.st_size == bytes.size() && sameContent(m_dir, native, bytes))
            return true; // already what we would write: left alone, with its time stamp
    } else if (errno != ENOENT) {
        return fail(name, reason(errno), error);
    }

    int fd = -1;
    QByteArray temporary;
    for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
        temporary = ".cartograph-" + QByteArray::number(QRandomGenerator::global()->generate64(), 36) + ".tmp";
        fd = ::openat(m_dir, temporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd < 0 && errno != EEXIST)
            return fail(name, reason(errno), error);
    }
    if (fd < 0)
        return fail(name, reason(EEXIST), error);
    m_staged.push_back({temporary, native});

    bool ok = (mode == 0 || ::fchmod(fd, mode) == 0) && writeAll(fd, bytes);
    if (ok && m_sync == Sync::PerFile)
        ok = ::fdatasync(fd) == 0;
    const int code = errno;
    if (::close(fd) != 0 && ok)
        return fail(name, reason(errno), error);
    return ok || fail(name, reason(code), error);
}

bool ExportFileSet::commit(QString *error)
{
    if (m_staged.empty())
        return true;
    if (m_sync == Sync::Once && !syncAll(m_dir))
        return fail(QFile::decodeName(m_staged.front().name), reason(errno), error);
    for (size_t i = 0; i < m_staged.size(); ++i) {
        const Staged &s = m_staged[i];
        if (::renameat(m_dir, s.temporary.constData(), m_dir, s.name.constData()) != 0) {
            const int code = errno;
            const QString name = QFile::decodeName(s.name);
            m_staged.erase(m_staged.begin(), m_staged.begin() + std::ptrdiff_t(i)); // in place already
            return fail(name, reason(code), error);
        }
    }
    m_staged.clear();
    // The renames themselves: one flush of the folder.
    if (::fsync(m_dir) != 0 && errno != EINVAL)
        return fail(QString(), reason(errno), error);
    return true;
}

bool ExportFileSet::writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    const QFileInfo info(path);
    ExportFileSet set(info.absolutePath(), Sync::PerFile);
    return set.add(info.fileName(), bytes, error) && set.commit(error);
}

} // namespace carto::exporter
