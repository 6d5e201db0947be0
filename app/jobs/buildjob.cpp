#include "buildjob.h"

#include "jobrunner.h"

namespace carto::app {

BuildJob::BuildJob(QObject *parent)
    : QObject(parent)
    , m_runner(new JobRunner(this))
{
    connect(m_runner, &JobRunner::progressed, this, &BuildJob::progressed);
    connect(m_runner, &JobRunner::cancelled, this, &BuildJob::cancelled);
    connect(m_runner, &JobRunner::failed, this, &BuildJob::failed);
}

BuildJob::~BuildJob() = default;

bool BuildJob::isRunning() const
{
    return m_runner->isRunning();
}

void BuildJob::start(const QString &folder, const project::BuildOptions &options)
{
    run([folder, options](QString *error, ProgressSink *progress, const CancelToken *token) {
        return project::buildCorpus(folder, options, error, progress, token);
    }, folder);
}

void BuildJob::startProject(const project::Project &project, const project::BuildOptions &options)
{
    run([project, options](QString *error, ProgressSink *progress, const CancelToken *token) {
        return project::buildProject(project, options, error, progress, token);
    }, project.corpusFolders.value(0));
}

void BuildJob::startAssembly(std::shared_ptr<const project::ProjectAnalyses> analyses, const project::Project &project,
                             const project::BuildOptions &options)
{
    run([analyses = std::move(analyses), project, options](QString *error, ProgressSink *progress,
                                                           const CancelToken *token) {
        return project::assembleProject(analyses, project, options, error, progress, token);
    }, project.corpusFolders.value(0));
}

void BuildJob::run(
    std::function<std::optional<project::BuildResult>(QString *, ProgressSink *, const CancelToken *)> work,
    const QString &folder)
{
    m_folder = folder;
    m_runner->start<Outcome>(
        [work = std::move(work)](ProgressSink &progress, const CancelToken &token) {
            Outcome outcome;
            std::optional<project::BuildResult> result = work(&outcome.error, &progress, &token);
            if (result)
                outcome.result = std::make_shared<project::BuildResult>(std::move(*result));
            return outcome;
        },
        [this, folder](Outcome &&outcome) {
            if (outcome.result)
                Q_EMIT finished(std::move(outcome.result), folder);
            else
                Q_EMIT failed(outcome.error.isEmpty() ? tr("The build failed.") : outcome.error);
        });
}

void BuildJob::cancel()
{
    m_runner->cancel();
}

} // namespace carto::app
