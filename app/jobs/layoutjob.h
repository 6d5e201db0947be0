#pragma once

#include "foundation/progress.h"
#include "layout/forcelayout.h"

#include <QObject>

#include <memory>
#include <thread>

namespace carto::app {

class SignalProgress;

// Runs core/layout on a worker thread from the current positions, keeping
// pinned nodes. MainWindow's Re-layout action starts it; finished() hands the
// new positions to ProjectDocument::applyLayout, which the canvas animates.
class LayoutJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayoutJob)

public:
    explicit LayoutJob(QObject *parent = nullptr);
    ~LayoutJob() override;

    void start(layout::LayoutGraph graph, std::vector<std::optional<graph::Point>> previous, std::vector<bool> pinned,
               unsigned seed);
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }

Q_SIGNALS:
    void progressed(const QString &stage, qint64 done, qint64 total);
    void finished(const std::vector<carto::graph::Point> &positions);
    void cancelled();

private:
    std::shared_ptr<CancelToken> m_cancel;
    SignalProgress *m_progress;
    std::thread m_thread;
    bool m_running = false;
};

} // namespace carto::app
