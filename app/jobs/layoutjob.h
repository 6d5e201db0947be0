#pragma once

#include "layout/forcelayout.h"

#include <QObject>

#include <optional>
#include <vector>

namespace carto::app {

class JobRunner;

// Runs core/layout in the background from the current positions, keeping
// pinned nodes. ProjectSession's re-layout starts it; finished() hands the new
// positions to ProjectDocument::applyNewLayout (one undoable command), which
// the canvas animates. A new start() supersedes the running one without waiting.
class LayoutJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayoutJob)

public:
    explicit LayoutJob(QObject *parent = nullptr);
    ~LayoutJob() override;

    void start(layout::LayoutGraph graph, std::vector<std::optional<graph::Point>> previous, std::vector<bool> pinned,
               unsigned seed);
    // Abandons the running layout: cancelled() at once.
    void cancel();
    [[nodiscard]] bool isRunning() const;

Q_SIGNALS:
    void progressed(const QString &stage, qint64 done, qint64 total);
    void finished(const std::vector<carto::graph::Point> &positions);
    void cancelled();

private:
    JobRunner *m_runner;
};

} // namespace carto::app
