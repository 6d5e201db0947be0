#include "buildjob.h"

#include "signalprogress.h"

namespace carto::app {

BuildJob::BuildJob(QObject *parent)
    : QObject(parent)
    , m_progress(new SignalProgress(this))
{
    connect(m_progress, &SignalProgress::progressed, this, &BuildJob::progressed, Qt::QueuedConnection);
}

BuildJob::~BuildJob()
{
    cancel();
    if (m_thread.joinable())
        m_thread.join();
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

void BuildJob::run(
    std::function<std::optional<project::BuildResult>(QString *, ProgressSink *, const CancelToken *)> work,
    const QString &folder)
{
    cancel();
    if (m_thread.joinable())
        m_thread.join();
    m_folder = folder;
    m_cancel = std::make_shared<CancelToken>();
    m_running = true;
    m_thread = std::thread([this, folder, work = std::move(work), token = m_cancel] {
        QString error;
        std::optional<project::BuildResult> result;
        try {
            result = work(&error, m_progress, token.get());
        } catch (const std::exception &e) {
            error = QString::fromUtf8(e.what());
        }
        auto shared = result ? std::make_shared<project::BuildResult>(std::move(*result)) : nullptr;
        // Deliver in the GUI thread; dropped if the job is gone (the destructor joins first).
        QMetaObject::invokeMethod(
            this,
            [this, shared, error, folder, token] {
                if (token != m_cancel)
                    return; // a newer start() superseded this run
                m_running = false;
                if (token->isCancelled())
                    Q_EMIT cancelled();
                else if (shared)
                    Q_EMIT finished(shared, folder);
                else
                    Q_EMIT failed(error.isEmpty() ? tr("The build failed.") : error);
            },
            Qt::QueuedConnection);
    });
}

void BuildJob::cancel()
{
    if (m_cancel)
        m_cancel->cancel();
}

} // namespace carto::app
