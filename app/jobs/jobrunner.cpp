#include "jobrunner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThreadPool>

#include <atomic>
#include <mutex>

namespace carto::app {

namespace {

// Abandoned jobs keep a thread until their next cancel check, so the pool has
// room for several of them beside the live one.
constexpr int kPoolThreads = 16;

QThreadPool *pool()
{
    static QThreadPool *instance = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(kPoolThreads);
        // Workers may still be finishing abandoned jobs at exit: wait for them
        // while the application object (and every static) is still alive.
        qAddPostRoutine([] { pool()->waitForDone(); });
        return p;
    }();
    return instance;
}

} // namespace

// Lets workers find their runner without keeping it alive: reset (on the GUI
// thread) when the runner is destroyed, read only on the GUI thread.
struct JobRunner::Link
{
    JobRunner *runner = nullptr;
};

class JobRunner::Progress final : public ProgressSink
{
public:
    explicit Progress(std::weak_ptr<Job> job) : m_job(std::move(job)) { m_clock.start(); }

    void report(const QString &stage, qint64 done, qint64 total) override;

private:
    std::weak_ptr<Job> m_job;
    std::mutex m_mutex;
    QString m_lastStage;
    QElapsedTimer m_clock;
};

struct JobRunner::Job
{
    std::weak_ptr<Link> link;
    CancelToken token;
    std::unique_ptr<Progress> progress;
};

void JobRunner::Progress::report(const QString &stage, qint64 done, qint64 total)
{
    {
        std::lock_guard lock(m_mutex);
        const bool stageChanged = stage != m_lastStage;
        const bool last = total > 0 && done >= total;
        if (!stageChanged && !last && m_clock.elapsed() < 50)
            return;
        m_lastStage = stage;
        m_clock.restart();
    }
    const std::shared_ptr<Job> job = m_job.lock();
    if (!job || job->token.isCancelled())
        return;
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [job, stage, done, total] {
            const std::shared_ptr<Link> link = job->link.lock();
            if (link && link->runner && link->runner->m_current == job)
                Q_EMIT link->runner->progressed(stage, done, total);
        },
        Qt::QueuedConnection);
}

JobRunner::JobRunner(QObject *parent)
    : QObject(parent)
    , m_link(std::make_shared<Link>())
{
    m_link->runner = this;
}

JobRunner::~JobRunner()
{
    if (m_current)
        m_current->token.cancel();
    m_link->runner = nullptr;
}

std::shared_ptr<JobRunner::Job> JobRunner::begin()
{
    if (m_current)
        m_current->token.cancel(); // superseded: it finishes (or not) on its own
    auto job = std::make_shared<Job>();
    job->link = m_link;
    job->progress = std::make_unique<Progress>(job);
    m_current = job;
    return job;
}

void JobRunner::cancel()
{
    if (!m_current)
        return;
    m_current->token.cancel();
    m_current.reset();
    Q_EMIT cancelled();
}

ProgressSink &JobRunner::progressOf(const std::shared_ptr<Job> &job)
{
    return *job->progress;
}

const CancelToken &JobRunner::tokenOf(const std::shared_ptr<Job> &job)
{
    return job->token;
}

void JobRunner::runOnPool(std::function<void()> task)
{
    pool()->start(std::move(task));
}

void JobRunner::deliver(const std::shared_ptr<Job> &job, std::function<void()> onGuiThread)
{
    if (job->token.isCancelled())
        return; // stale already: the payload is freed here, on the worker
    auto payload = std::make_shared<std::function<void()>>(std::move(onGuiThread));
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [job, payload] {
            const std::shared_ptr<Link> link = job->link.lock();
            JobRunner *runner = link ? link->runner : nullptr;
            if (runner && runner->m_current == job && !job->token.isCancelled()) {
                runner->m_current.reset();
                (*payload)();
                return;
            }
            // Superseded while queued: a build result can be large, so it is
            // freed on the pool, not here.
            runOnPool([stale = std::move(*payload)] {});
        },
        Qt::QueuedConnection);
}

void JobRunner::deliverFailure(const std::shared_ptr<Job> &job, const QString &error)
{
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [job, error] {
            const std::shared_ptr<Link> link = job->link.lock();
            JobRunner *runner = link ? link->runner : nullptr;
            if (runner && runner->m_current == job) {
                runner->m_current.reset();
                Q_EMIT runner->failed(error);
            }
        },
        Qt::QueuedConnection);
}

void JobRunner::releaseElsewhere(std::shared_ptr<const void> object)
{
    if (object)
        runOnPool([dropped = std::move(object)] {});
}

void JobRunner::waitForAllWorkers()
{
    pool()->waitForDone();
}

} // namespace carto::app
