#pragma once

#include "foundation/progress.h"
#include "project/build.h"

#include <QObject>

#include <functional>
#include <memory>
#include <thread>

namespace carto::app {

class SignalProgress;

// Runs project::buildCorpus on a worker thread. MainWindow starts one per
// opened folder; progress arrives as signals, the result lands in the GUI thread
// through finished(). Destroying the job cancels it and waits for the worker.
class BuildJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BuildJob)

public:
    explicit BuildJob(QObject *parent = nullptr);
    ~BuildJob() override;

    void start(const QString &folder, const project::BuildOptions &options = {});
    // Builds a project (its folders, curation and saved positions) with project::buildProject.
    void startProject(const project::Project &project, const project::BuildOptions &options = {});
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] QString folder() const { return m_folder; }

Q_SIGNALS:
    void progressed(const QString &stage, qint64 done, qint64 total);
    void finished(std::shared_ptr<carto::project::BuildResult> result, const QString &folder);
    void failed(const QString &error);
    void cancelled();

private:
    void run(std::function<std::optional<project::BuildResult>(QString *, ProgressSink *, const CancelToken *)> work,
             const QString &folder);

    QString m_folder;
    std::shared_ptr<CancelToken> m_cancel;
    SignalProgress *m_progress;
    std::thread m_thread;
    bool m_running = false;
};

} // namespace carto::app
