#include "recoveryfile.h"

#include "atomicfile.h"
#include "projectfile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace carto::project {

namespace {

const QString kRecoverySuffix = QStringLiteral(".recovery");

// The same folders in any order, written any way, give the same name.
QString folderSetHash(const QStringList &folders)
{
    QStringList clean;
    for (const QString &folder : folders)
        clean.append(QDir::cleanPath(QFileInfo(folder).absoluteFilePath()));
    clean.sort();
    clean.removeDuplicates();
    return QString::fromLatin1(
        QCryptographicHash::hash(clean.join(u'\n').toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}

} // namespace

RecoveryKey::RecoveryKey(const QString &projectPath, const QStringList &corpusFolders, int slot)
    : projectPath(projectPath)
    , corpusFolders(corpusFolders)
    , slot(slot)
{
}

QString RecoveryFile::path(const RecoveryKey &key)
{
    const QString slot = key.slot > 0 ? QStringLiteral(".%1").arg(key.slot + 1) : QString();
    if (key.projectPath.isEmpty()) {
        const QString folder = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                                   .filePath(QStringLiteral("recovery"));
        return QDir(folder).filePath(QStringLiteral("untitled-") + folderSetHash(key.corpusFolders)
                                     + ProjectFile::suffix() + slot + kRecoverySuffix);
    }
    const QFileInfo info(key.projectPath);
    return QDir(info.absolutePath()).filePath(u'.' + info.fileName() + slot + kRecoverySuffix);
}

QString RecoveryFile::lockPath(const RecoveryKey &key)
{
    QString lock = path(key);
    lock.chop(kRecoverySuffix.size());
    return lock + QStringLiteral(".lock");
}

bool RecoveryFile::save(const Project &project, const RecoveryKey &key, QString *error)
{
    const QString target = path(key);
    const QFileInfo info(target);
    if (!QDir().mkpath(info.absolutePath())) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(QDir::toNativeSeparators(info.absolutePath()));
        return false;
    }
    // Beside the project the relative paths still resolve; an untitled
    // project's recovery file lives elsewhere, so it keeps absolute paths.
    const QByteArray bytes = ProjectFile::serialize(project, key.projectPath.isEmpty() ? QString() : info.absolutePath());
    return writeFileAtomically(target, bytes, error);
}

std::optional<Project> RecoveryFile::load(const RecoveryKey &key, QString *error)
{
    const QString source = path(key);
    QFile file(source);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot open %1: %2").arg(QDir::toNativeSeparators(source), file.errorString());
        return std::nullopt;
    }
    const QFileInfo info(source);
    return ProjectFile::parse(file.readAll(), key.projectPath.isEmpty() ? QString() : info.absolutePath(),
                              info.fileName(), error);
}

bool RecoveryFile::exists(const RecoveryKey &key)
{
    return QFileInfo::exists(path(key));
}

bool RecoveryFile::hasNewer(const RecoveryKey &key)
{
    const QFileInfo recovery(path(key));
    if (!recovery.exists())
        return false;
    if (key.projectPath.isEmpty())
        return true;
    const QFileInfo project(key.projectPath);
    return !project.exists() || recovery.lastModified() >= project.lastModified();
}

bool RecoveryFile::discard(const RecoveryKey &key)
{
    const QString target = path(key);
    return !QFileInfo::exists(target) || QFile::remove(target);
}

} // namespace carto::project
