#include "opentarget.h"

#include "project/projectfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QUrl>

#include <optional>

namespace carto::app {

namespace {

// One entry as given (for messages and skipped) and its local path; no local
// path when the URL points elsewhere (http:, sftp: ...), which we cannot read.
struct Candidate
{
    QString given;
    std::optional<QString> local;
};

QString problemWith(const Candidate &candidate)
{
    if (!candidate.local)
        return QCoreApplication::translate("carto::app::OpenTarget", "“%1” is not a local file or folder.").arg(candidate.given);
    if (!QFileInfo::exists(*candidate.local))
        return QCoreApplication::translate("carto::app::OpenTarget", "“%1” does not exist.").arg(candidate.given);
    return QCoreApplication::translate("carto::app::OpenTarget", "“%1” is neither a folder of documents nor a Cartograph project (NAME%2).")
        .arg(candidate.given, project::ProjectFile::suffix());
}

OpenTarget choose(const QList<Candidate> &candidates)
{
    OpenTarget target;
    if (candidates.isEmpty()) {
        target.problem = QCoreApplication::translate("carto::app::OpenTarget", "There is nothing to open.");
        return target;
    }
    qsizetype chosen = -1;
    for (qsizetype i = 0; i < candidates.size() && chosen < 0; ++i) {
        const auto &local = candidates[i].local;
        if (local && project::ProjectFile::isProjectPath(*local) && QFileInfo(*local).isFile()) {
            chosen = i;
            target.kind = OpenTarget::Kind::Project;
        }
    }
    for (qsizetype i = 0; i < candidates.size() && chosen < 0; ++i) {
        const auto &local = candidates[i].local;
        if (local && QFileInfo(*local).isDir()) {
            chosen = i;
            target.kind = OpenTarget::Kind::Folder;
        }
    }
    if (chosen < 0) {
        target.problem = problemWith(candidates.front());
        return target;
    }
    target.path = QDir::cleanPath(QFileInfo(*candidates[chosen].local).absoluteFilePath());
    for (qsizetype i = 0; i < candidates.size(); ++i)
        if (i != chosen)
            target.skipped.append(candidates[i].given);
    return target;
}

} // namespace

OpenTarget OpenTarget::fromPaths(const QStringList &paths)
{
    QList<Candidate> candidates;
    for (const QString &path : paths)
        if (!path.isEmpty())
            candidates.append({path, path});
    return choose(candidates);
}

OpenTarget OpenTarget::fromUrls(const QList<QUrl> &urls)
{
    QList<Candidate> candidates;
    for (const QUrl &url : urls) {
        if (url.isLocalFile())
            candidates.append({url.toLocalFile(), url.toLocalFile()});
        else
            candidates.append({url.toDisplayString(), std::nullopt});
    }
    return choose(candidates);
}

} // namespace carto::app
