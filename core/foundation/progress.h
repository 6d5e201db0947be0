#pragma once

#include <QString>

#include <atomic>

namespace carto {

// Cooperative cancellation shared between a job and its worker code. Core code
// polls isCancelled() between units of work (files, iterations) and returns early.
class CancelToken final
{
public:
    void cancel() noexcept { m_cancelled.store(true, std::memory_order_relaxed); }
    [[nodiscard]] bool isCancelled() const noexcept { return m_cancelled.load(std::memory_order_relaxed); }

private:
    std::atomic<bool> m_cancelled{false};
};

// Receives progress from long-running core work. Implementations must be
// thread-safe: workers may report from several threads. Not a QObject, so core
// stays free of event loops; app/jobs adapts it to signals.
class ProgressSink
{
public:
    virtual ~ProgressSink() = default;
    // stage: short human name ("Reading", "Extracting", "Layout"); done/total in
    // stage-specific units (files, iterations); total 0 means unknown.
    virtual void report(const QString &stage, qint64 done, qint64 total) = 0;
};

// Progress sink that ignores everything, for callers that do not care.
class NullProgress final : public ProgressSink
{
public:
    void report(const QString &, qint64, qint64) override { }
};

} // namespace carto
