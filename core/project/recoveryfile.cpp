#include "recoveryfile.h"

#include "atomicfile.h"
#include "projectfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace carto::project {

QString RecoveryFile::path(const QString &projectPath)
{
    if (projectPath.isEmpty()) {
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        return QDir(folder).filePath(QStringLiteral("untitled") + ProjectFile::suffix() + QStringLiteral(".recovery"));
    }
    const QFileInfo info(projectPath);
    return QDir(info.absolutePath()).filePath(u'.' + info.fileName() + QStringLiteral(".recovery"));
}

bool RecoveryFile::save(const Project &project, const QString &projectPath, QString *error)
{
    const QString target = path(projectPath);
    const QFileInfo info(target);
    if (!QDir().mkpath(info.absolutePath())) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(QDir::toNativeSeparators(info.absolutePath()));
        return false;
    }
    // Beside the project the relative paths still resolve; an untitled
    // project's recovery file lives elsewhere, so it keeps absolute paths.
    const QByteArray bytes = ProjectFile::serialize(project, projectPath.isEmpty() ? QString() : info.absolutePath());
    return writeFileAtomically(target, bytes, error);
}

std::optional<Project> RecoveryFile::load(const QString &projectPath, QString *error)
{
    const QString source = path(projectPath);
    QFile file(source);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot open %1: %2").arg(QDir::toNativeSeparators(source), file.errorString());
        return std::nullopt;
    }
    const QFileInfo info(source);
    return ProjectFile::parse(file.readAll(), projectPath.isEmpty() ? QString() : info.absolutePath(),
                              info.fileName(), error);
}

bool RecoveryFile::exists(const QString &projectPath)
{
    return QFileInfo::exists(path(projectPath));
}

bool RecoveryFile::hasNewer(const QString &projectPath)
{
    const QFileInfo recovery(path(projectPath));
    if (!recovery.exists())
        return false;
    if (projectPath.isEmpty())
        return true;
    const QFileInfo project(projectPath);
    return !project.exists() || recovery.lastModified() >= project.lastModified();
}

bool RecoveryFile::discard(const QString &projectPath)
{
    const QString target = path(projectPath);
    return !QFileInfo::exists(target) || QFile::remove(target);
}

} // namespace carto::project
