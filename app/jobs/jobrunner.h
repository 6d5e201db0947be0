#pragma once

#include "foundation/progress.h"

#include <QObject>

#include <functional>
#include <memory>

namespace carto::app {

// Runs background work for one owner (BuildJob, LayoutJob), one job at a
// time, and never makes the GUI thread wait for a worker. start() supersedes
// the running job and cancel() abandons it: its token is cancelled, its result
// and progress are dropped, and the runner is idle at once. The work runs on a
// process-wide thread pool with room beyond the machine's cores, so an
// abandoned job that has not reached its next cancel check holds up nothing;
// it owns its state through shared pointers and frees it on its own thread.
// Results come back by a queued call on the GUI thread that first checks the
// job is still the current one. The pool is only waited for when the
// application object is destroyed, after every window is gone.
class JobRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobRunner)

public:
    template <typename Result>
    using Work = std::function<Result(ProgressSink &progress, const CancelToken &cancel)>;
    template <typename Result>
    using Done = std::function<void(Result &&result)>;

    explicit JobRunner(QObject *parent = nullptr);
    ~JobRunner() override; // abandons the running job; never waits

    // `work` runs on a pool thread; `done` runs later on the GUI thread with
    // its result, unless the job was superseded, cancelled or the runner is gone.
    template <typename Result>
    void start(Work<Result> work, Done<Result> done);
    // Abandons the running job, if any, and emits cancelled().
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_current != nullptr; }

    // Drops the caller's reference to `object` on a pool thread: freeing a
    // build result takes tens of milliseconds the GUI thread need not spend.
    static void releaseElsewhere(std::shared_ptr<const void> object);

    // Waits for every worker of every runner, abandoned ones included. For
    // the end of main() and of tests, never for the GUI thread while it runs.
    static void waitForAllWorkers();

Q_SIGNALS:
    // Throttled to about 20 a second; a new stage always passes.
    void progressed(const QString &stage, qint64 done, qint64 total);
    void cancelled();
    // The work threw instead of returning; the runner is idle again.
    void failed(const QString &error);

private:
    struct Job;
    struct Link;
    class Progress;

    std::shared_ptr<Job> begin();
    static void runOnPool(std::function<void()> task);
    // Queues `onGuiThread` for the GUI thread if `job` is still current then;
    // a stale payload is handed back to the pool to be freed there.
    static void deliver(const std::shared_ptr<Job> &job, std::function<void()> onGuiThread);
    static void deliverFailure(const std::shared_ptr<Job> &job, const QString &error);
    static ProgressSink &progressOf(const std::shared_ptr<Job> &job);
    static const CancelToken &tokenOf(const std::shared_ptr<Job> &job);

    std::shared_ptr<Link> m_link; // the workers' weak way back to this object
    std::shared_ptr<Job> m_current;
};

template <typename Result>
void JobRunner::start(Work<Result> work, Done<Result> done)
{
    std::shared_ptr<Job> job = begin();
    runOnPool([job, work = std::move(work), done = std::move(done)]() mutable {
        std::shared_ptr<Result> result;
        try {
            result = std::make_shared<Result>(work(progressOf(job), tokenOf(job)));
        } catch (const std::exception &e) {
            deliverFailure(job, QString::fromLocal8Bit(e.what()));
            return;
        }
        deliver(job, [result, done = std::move(done)]() mutable { done(std::move(*result)); });
    });
}

} // namespace carto::app
