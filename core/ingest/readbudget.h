#pragma once

#include "foundation/progress.h"

#include <chrono>

namespace carto::ingest {

// How long a reader may spend on one file, and the build's cancel token.
// Readers poll exhausted() between units of work (PDF pages, parser
// allocations, markdown callbacks) and give the file up when it is spent, so
// one hostile file can neither hold a build hostage nor ignore Cancel.
// Private to carto_ingest; CorpusReader makes one per file.
class ReadBudget final
{
public:
    using Clock = std::chrono::steady_clock;

    // No deadline, not cancellable.
    ReadBudget() = default;
    ReadBudget(std::chrono::milliseconds allowance, const CancelToken *cancel)
        : m_deadline(Clock::now() + allowance)
        , m_allowance(allowance)
        , m_limited(true)
        , m_cancel(cancel)
    {
    }

    [[nodiscard]] bool cancelled() const { return m_cancel && m_cancel->isCancelled(); }
    [[nodiscard]] bool timedOut() const { return m_limited && Clock::now() >= m_deadline; }
    [[nodiscard]] bool exhausted() const { return cancelled() || timedOut(); }
    [[nodiscard]] std::chrono::milliseconds allowance() const { return m_allowance; }

    // "took longer than 10 s to read" / "reading cancelled": the one-line reason
    // for a file given up because exhausted() turned true.
    [[nodiscard]] QString reason() const
    {
        if (cancelled())
            return QStringLiteral("reading cancelled");
        return QStringLiteral("took longer than %1 s to read").arg(double(m_allowance.count()) / 1000.0, 0, 'g', 3);
    }

private:
    Clock::time_point m_deadline{};
    std::chrono::milliseconds m_allowance{0};
    bool m_limited = false;
    const CancelToken *m_cancel = nullptr;
};

} // namespace carto::ingest
