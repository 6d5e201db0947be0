#pragma once

#include "foundation/progress.h"

#include <QElapsedTimer>
#include <QObject>

#include <mutex>

namespace carto::app {

// Adapts core's ProgressSink to a Qt signal. Called from worker threads; the
// signal is delivered queued to receivers in the GUI thread. Throttled to about
// 20 reports a second (stage changes always pass) so the event queue never floods.
class SignalProgress final : public QObject, public ProgressSink
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalProgress)

public:
    explicit SignalProgress(QObject *parent = nullptr);

    void report(const QString &stage, qint64 done, qint64 total) override;

Q_SIGNALS:
    void progressed(const QString &stage, qint64 done, qint64 total);

private:
    std::mutex m_mutex;
    QString m_lastStage;
    QElapsedTimer m_clock;
};

} // namespace carto::app
