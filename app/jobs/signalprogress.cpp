#include "signalprogress.h"

namespace carto::app {

SignalProgress::SignalProgress(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
}

void SignalProgress::report(const QString &stage, qint64 done, qint64 total)
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
    Q_EMIT progressed(stage, done, total);
}

} // namespace carto::app
