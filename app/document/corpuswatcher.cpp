#include "corpuswatcher.h"

#include "project/projectfile.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDirIterator>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>

namespace carto::app {

namespace {

// Files Cartograph itself writes beside the documents.
bool isOwnFile(const QString &name)
{
    return name.startsWith(u'.') || name.endsWith(project::ProjectFile::suffix(), Qt::CaseInsensitive)
        || name.endsWith(project::ProjectFile::suffix() + u'~', Qt::CaseInsensitive)
        || name.endsWith(QStringLiteral(".recovery")) || name.endsWith(QStringLiteral(".lock"));
}

constexpr int kMaxWatchedPaths = 4000;

} // namespace

CorpusWatcher::CorpusWatcher(QObject *parent)
    : QObject(parent)
    , m_watcher(new QFileSystemWatcher(this))
    , m_settle(new QTimer(this))
{
    m_settle->setSingleShot(true);
    m_settle->setInterval(1500);
    connect(m_settle, &QTimer::timeout, this, &CorpusWatcher::check);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_settle, qOverload<>(&QTimer::start));
    connect(m_watcher, &QFileSystemWatcher::fileChanged, m_settle, qOverload<>(&QTimer::start));
}

void CorpusWatcher::watch(const QStringList &folders)
{
    stop();
    m_folders = folders;
    QStringList paths;
    for (const QString &folder : folders) {
        paths.append(folder);
        QDirIterator dirs(folder, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (dirs.hasNext() && paths.size() < kMaxWatchedPaths)
            paths.append(dirs.next());
        QDirIterator files(folder, QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext() && paths.size() < kMaxWatchedPaths)
            paths.append(files.next());
    }
    if (!paths.isEmpty())
        m_watcher->addPaths(paths);
    m_fingerprint = fingerprint();
}

void CorpusWatcher::stop()
{
    m_settle->stop();
    const QStringList watched = m_watcher->files() + m_watcher->directories();
    if (!watched.isEmpty())
        m_watcher->removePaths(watched);
    m_folders.clear();
}

void CorpusWatcher::retryLater()
{
    m_settle->start();
}

void CorpusWatcher::check()
{
    if (m_folders.isEmpty() || fingerprint() == m_fingerprint)
        return;
    Q_EMIT changed();
}

QString CorpusWatcher::fingerprint() const
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    for (const QString &folder : m_folders) {
        QStringList entries;
        QDirIterator it(folder, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            const QFileInfo info = it.fileInfo();
            if (isOwnFile(info.fileName()))
                continue;
            entries.append(QStringLiteral("%1|%2|%3")
                               .arg(info.filePath())
                               .arg(info.size())
                               .arg(info.lastModified().toMSecsSinceEpoch()));
        }
        entries.sort();
        hash.addData(entries.join(u'\n').toUtf8());
    }
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace carto::app
