// jobs_bench: what the GUI thread pays to cancel a running build or to
// supersede it with a new one, at several moments of the build (so several
// stages), on a real corpus (SOTU by default, or the folder given). With
// --join it also times the previous design (cancel, then join the worker's
// thread), which is what the GUI thread used to wait: the time the running
// stage takes to notice its cancel token.
//
//   jobs_bench [FOLDER] [--join] [--slow]
//
// --slow is for inputs a reader takes minutes over (the hostile corpora of
// ../shared/hostile/make-hostile-corpora.sh): no whole build is timed, the
// moments are fixed, and the process ends without waiting for the
// abandoned workers.
#include "document/projectdocument.h"
#include "jobs/buildjob.h"
#include "jobs/jobrunner.h"
#include "jobs/layoutjob.h"
#include "project/build.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <ctime>
#include <thread>

using namespace carto;

namespace {

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

double millis(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// CPU time of the calling thread: wall time minus time the scheduler gave
// the two cores to the workers instead.
double threadCpuMillis()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// The stage a build has reached, from its progress signals.
struct StageWatch
{
    QString stage = QStringLiteral("(none yet)");
};

void runnerRow(const project::Project &project, int delay)
{
    StageWatch watch;
    app::BuildJob job;
    QObject::connect(&job, &app::BuildJob::progressed, &job,
                     [&watch](const QString &stage, qint64, qint64) { watch.stage = stage; });
    job.startProject(project);
    spin(delay);
    const QString stage = watch.stage;
    QElapsedTimer t;
    const double cpu0 = threadCpuMillis();
    t.start();
    job.startProject(project); // supersede
    const double supersede = millis(t);
    const double cpu1 = threadCpuMillis();
    t.restart();
    job.cancel();
    const double cancel = millis(t);
    const double cpu2 = threadCpuMillis();
    std::printf("  after %5d ms (%-10s)  supersede %7.3f ms (CPU %6.3f)   cancel %7.3f ms (CPU %6.3f)\n", delay,
                qPrintable(stage), supersede, cpu1 - cpu0, cancel, cpu2 - cpu1);
}

// The previous BuildJob: cancel the token, then join the worker on this thread.
void joinRow(const project::Project &project, int delay)
{
    auto token = std::make_shared<CancelToken>();
    std::thread worker([project, token] {
        QString error;
        NullProgress progress;
        (void)project::buildProject(project, {}, &error, &progress, token.get());
    });
    spin(delay);
    QElapsedTimer t;
    t.start();
    token->cancel();
    worker.join();
    std::printf("  after %5d ms  cancel + join %8.1f ms\n", delay, millis(t));
}

// Re-layout: the GUI thread builds the layout graph and starts the job; a
// second start supersedes the first. Then a new build lands on the document
// and the old one is dropped there.
void layoutRows(std::optional<project::BuildResult> first, std::optional<project::BuildResult> second)
{
    app::ProjectDocument document;
    document.setBuild(std::make_shared<project::BuildResult>(std::move(*first)), QString());
    app::LayoutJob job;
    for (int round = 0; round < 2; ++round) {
        QElapsedTimer t;
        const double cpu = threadCpuMillis();
        t.start();
        const std::vector<graph::Point> positions = document.layoutPositions();
        std::vector<std::optional<graph::Point>> previous(positions.begin(), positions.end());
        job.start(layout::toLayoutGraph(document.graph()), std::move(previous), document.pinnedNodes(),
                  unsigned(round + 2));
        std::printf("  re-layout start%s: %.2f ms (CPU %.2f)\n", round ? " (superseding)" : "", millis(t),
                    threadCpuMillis() - cpu);
        spin(300);
    }
    job.cancel();
    QElapsedTimer t;
    const double cpu = threadCpuMillis();
    t.start();
    document.setBuild(std::make_shared<project::BuildResult>(std::move(*second)), QString());
    std::printf("  a new build lands on the document (the old one freed on the pool): %.2f ms (CPU %.2f)\n",
                millis(t), threadCpuMillis() - cpu);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QString folder = QStringLiteral(CARTO_SHARED_DIR "/corpora/sotu");
    bool join = false;
    bool slow = false;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg == QStringLiteral("--join"))
            join = true;
        else if (arg == QStringLiteral("--slow"))
            slow = true;
        else
            folder = arg;
    }
    project::Project project;
    project.corpusFolders = {folder};
    if (slow) {
        std::printf("%s (slow input), GUI thread, job runner:\n", qPrintable(folder));
        for (const int delay : {50, 500, 2000, 5000})
            runnerRow(project, delay);
        std::fflush(stdout);
        std::_Exit(0); // the abandoned workers may take minutes to notice
    }
    QElapsedTimer whole;
    whole.start();
    QString error;
    std::optional<project::BuildResult> result = project::buildProject(project, {}, &error);
    const bool built = result.has_value();
    std::printf("%s: a whole build takes %.0f ms%s\n", qPrintable(folder), millis(whole),
                built ? "" : qPrintable(QStringLiteral(" (fails: %1)").arg(error)));
    const int total = std::max(200, int(millis(whole)));
    const int delays[] = {50, total / 8, total / 4, total / 2, total * 3 / 4, total * 9 / 10};
    std::printf("GUI thread, job runner:\n");
    for (const int delay : delays)
        runnerRow(project, delay);
    app::JobRunner::waitForAllWorkers(); // the abandoned builds above, so the rows below run alone
    if (built) {
        std::printf("GUI thread, re-layout and landing:\n");
        layoutRows(std::move(result), project::buildProject(project, {}, &error));
    }
    if (join) {
        std::printf("GUI thread, cancel + join (the previous BuildJob):\n");
        for (const int delay : delays)
            joinRow(project, delay);
    }
    app::JobRunner::waitForAllWorkers();
    return 0;
}
