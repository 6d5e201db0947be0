#include "analysiscount.h"

#include <atomic>

namespace carto::extract {

namespace {
std::atomic<std::uint64_t> g_calls{0};
} // namespace

std::uint64_t analyseDocumentCalls()
{
    return g_calls.load(std::memory_order_relaxed);
}

void detail::countAnalyseDocument()
{
    g_calls.fetch_add(1, std::memory_order_relaxed);
}

} // namespace carto::extract
