#include "layoutjob.h"

#include "jobrunner.h"

namespace carto::app {

LayoutJob::LayoutJob(QObject *parent)
    : QObject(parent)
    , m_runner(new JobRunner(this))
{
    connect(m_runner, &JobRunner::progressed, this, &LayoutJob::progressed);
    connect(m_runner, &JobRunner::cancelled, this, &LayoutJob::cancelled);
    connect(m_runner, &JobRunner::failed, this, &LayoutJob::cancelled);
}

LayoutJob::~LayoutJob() = default;

bool LayoutJob::isRunning() const
{
    return m_runner->isRunning();
}

void LayoutJob::start(layout::LayoutGraph graph, std::vector<std::optional<graph::Point>> previous,
                      std::vector<bool> pinned, unsigned seed)
{
    using Positions = std::vector<graph::Point>;
    m_runner->start<Positions>(
        [graph = std::move(graph), previous = std::move(previous), pinned = std::move(pinned),
         seed](ProgressSink &progress, const CancelToken &token) {
            layout::ForceLayout::Options options;
            options.seed = seed;
            return layout::ForceLayout(options).run(graph, previous, pinned, &progress, &token);
        },
        [this](Positions &&positions) {
            if (positions.empty())
                Q_EMIT cancelled(); // the layout stopped without a result
            else
                Q_EMIT finished(positions);
        });
}

void LayoutJob::cancel()
{
    m_runner->cancel();
}

} // namespace carto::app
