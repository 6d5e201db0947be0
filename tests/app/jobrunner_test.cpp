// The job runner never makes the GUI thread wait for a worker: a superseding
// start() and a cancel() return while the old worker is provably still
// running (it is blocked on a gate only the test opens, after they return),
// and the abandoned job's result and progress never land.
#include "jobs/jobrunner.h"

#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

using namespace carto;
using carto::app::JobRunner;

namespace {

// A worker waits at the gate until the test opens it (or 60 s pass, so a
// broken runner fails the test instead of hanging it).
class Gate final
{
public:
    void open()
    {
        {
            std::lock_guard lock(m_mutex);
            m_open = true;
        }
        m_changed.notify_all();
    }
    bool waitOpen()
    {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, std::chrono::seconds(60), [this] { return m_open; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_open = false;
};

} // namespace

class JobRunnerTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void start_whileAJobRuns_supersedesItWithoutWaiting()
    {
        JobRunner runner;
        auto gate = std::make_shared<Gate>();
        auto oldRunning = std::make_shared<std::atomic<bool>>(false);
        auto oldFinished = std::make_shared<std::atomic<bool>>(false);
        QStringList delivered;
        runner.start<QString>(
            [gate, oldRunning, oldFinished](ProgressSink &progress, const CancelToken &cancel) {
                *oldRunning = true;
                gate->waitOpen();
                progress.report(QStringLiteral("old"), 1, 1); // dropped: the job is stale
                *oldFinished = true;
                return cancel.isCancelled() ? QStringLiteral("old, cancelled") : QStringLiteral("old");
            },
            [&delivered](QString &&result) { delivered.append(result); });
        QTRY_VERIFY(oldRunning->load());

        QSignalSpy progress(&runner, &JobRunner::progressed);
        runner.start<QString>(
            [](ProgressSink &sink, const CancelToken &) {
                sink.report(QStringLiteral("new"), 1, 1);
                return QStringLiteral("new");
            },
            [&delivered](QString &&result) { delivered.append(result); });
        // start() came back while the old worker still waits at the gate: it was not joined.
        QVERIFY(!oldFinished->load());
        QVERIFY(runner.isRunning());
        QTRY_COMPARE(delivered, QStringList{QStringLiteral("new")});
        QVERIFY(!runner.isRunning());

        gate->open();
        QTRY_VERIFY(oldFinished->load());
        QTest::qWait(50); // a late delivery would arrive now
        QCOMPARE(delivered, QStringList{QStringLiteral("new")});
        for (const QList<QVariant> &report : progress)
            QCOMPARE(report.first().toString(), QStringLiteral("new"));
    }

    void cancel_abandonsAtOnceAndDropsTheResult()
    {
        JobRunner runner;
        auto gate = std::make_shared<Gate>();
        auto sawCancel = std::make_shared<std::atomic<bool>>(false);
        auto finished = std::make_shared<std::atomic<bool>>(false);
        bool delivered = false;
        runner.start<int>(
            [gate, sawCancel, finished](ProgressSink &, const CancelToken &cancel) {
                gate->waitOpen();
                *sawCancel = cancel.isCancelled();
                *finished = true;
                return 42;
            },
            [&delivered](int &&) { delivered = true; });
        QSignalSpy cancelled(&runner, &JobRunner::cancelled);
        runner.cancel();
        QCOMPARE(cancelled.count(), 1);
        QVERIFY(!runner.isRunning());
        QVERIFY(!finished->load()); // cancel() did not wait either
        gate->open();
        QTRY_VERIFY(finished->load());
        QVERIFY(sawCancel->load()); // the worker's token says stop
        QTest::qWait(50);
        QVERIFY(!delivered);
        // Cancelling an idle runner says nothing.
        runner.cancel();
        QCOMPARE(cancelled.count(), 1);
    }

    void destroy_whileAJobRuns_returnsAndTheWorkerEndsAlone()
    {
        auto gate = std::make_shared<Gate>();
        auto finished = std::make_shared<std::atomic<bool>>(false);
        bool delivered = false;
        {
            JobRunner runner;
            runner.start<std::vector<int>>(
                [gate, finished](ProgressSink &progress, const CancelToken &) {
                    gate->waitOpen();
                    progress.report(QStringLiteral("late"), 0, 0);
                    *finished = true;
                    return std::vector<int>(1000, 7);
                },
                [&delivered](std::vector<int> &&) { delivered = true; });
        }
        QVERIFY(!finished->load());
        gate->open();
        QTRY_VERIFY(finished->load());
        QTest::qWait(50);
        QVERIFY(!delivered);
    }

    void start_workThrows_reportsFailureAndIsIdle()
    {
        JobRunner runner;
        QSignalSpy failed(&runner, &JobRunner::failed);
        runner.start<int>([](ProgressSink &, const CancelToken &) -> int { throw std::runtime_error("out of luck"); },
                          [](int &&) {});
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.first().first().toString(), QStringLiteral("out of luck"));
        QVERIFY(!runner.isRunning());
    }

    void progress_isDeliveredOnTheGuiThreadThrottled()
    {
        JobRunner runner;
        QSignalSpy progress(&runner, &JobRunner::progressed);
        bool done = false;
        runner.start<int>(
            [](ProgressSink &sink, const CancelToken &) {
                for (int i = 0; i <= 100000; ++i)
                    sink.report(QStringLiteral("Counting"), i, 100000);
                return 0;
            },
            [&done](int &&) { done = true; });
        QTRY_VERIFY(done);
        QVERIFY(!progress.isEmpty());
        // The first report of a stage and the last one pass; most in between do not.
        QVERIFY2(progress.count() < 1000, qPrintable(QString::number(progress.count())));
        QCOMPARE(progress.last().at(1).toLongLong(), 100000);
    }
};

QTEST_GUILESS_MAIN(JobRunnerTest)

#include "jobrunner_test.moc"
