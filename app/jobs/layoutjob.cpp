#include "layoutjob.h"

#include "signalprogress.h"

namespace carto::app {

LayoutJob::LayoutJob(QObject *parent)
    : QObject(parent)
    , m_progress(new SignalProgress(this))
{
    connect(m_progress, &SignalProgress::progressed, this, &LayoutJob::progressed, Qt::QueuedConnection);
}

LayoutJob::~LayoutJob()
{
    cancel();
    if (m_thread.joinable())
        m_thread.join();
}

void LayoutJob::start(layout::LayoutGraph graph, std::vector<std::optional<graph::Point>> previous,
                      std::vector<bool> pinned, unsigned seed)
{
    cancel();
    if (m_thread.joinable())
        m_thread.join();
    m_cancel = std::make_shared<CancelToken>();
    m_running = true;
    m_thread = std::thread([this, graph = std::move(graph), previous = std::move(previous),
                            pinned = std::move(pinned), seed, token = m_cancel] {
        layout::ForceLayout::Options options;
        options.seed = seed;
        auto positions = std::make_shared<std::vector<graph::Point>>(
            layout::ForceLayout(options).run(graph, previous, pinned, m_progress, token.get()));
        QMetaObject::invokeMethod(
            this,
            [this, positions, token] {
                if (token != m_cancel)
                    return;
                m_running = false;
                if (token->isCancelled())
                    Q_EMIT cancelled();
                else
                    Q_EMIT finished(*positions);
            },
            Qt::QueuedConnection);
    });
}

void LayoutJob::cancel()
{
    if (m_cancel)
        m_cancel->cancel();
}

} // namespace carto::app
