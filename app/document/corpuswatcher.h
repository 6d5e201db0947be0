#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QFileSystemWatcher;
class QTimer;

namespace carto::app {

// Watches a project's corpus folders and says when their documents changed:
// changed() comes 1.5 s after the last file-system event (a checkout touching
// many files costs one rebuild), and only when the names, sizes or times of
// the documents differ from when watch() was called, so saving the project,
// its backup, lock or recovery files beside the documents changes nothing.
// ProjectSession owns one and rebuilds on changed().
class CorpusWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CorpusWatcher)

public:
    explicit CorpusWatcher(QObject *parent = nullptr);

    void watch(const QStringList &folders);
    void stop();
    // Looks again a little later (a build was running when the change came).
    void retryLater();

Q_SIGNALS:
    void changed();

private:
    void check();
    [[nodiscard]] QString fingerprint() const;

    QFileSystemWatcher *m_watcher;
    QTimer *m_settle;
    QStringList m_folders;
    QString m_fingerprint;
};

} // namespace carto::app
