#include "analysiscount.h"

#include <atomic>

namespace carto::extract {

namespace {
std::atomic<std::uint64_t> g_calls{0};
std::atomic<std::uint64_t> g_drafts{0};
std::atomic<std::uint64_t> g_relations{0};
} // namespace

std::uint64_t analyseDocumentCalls()
{
    return g_calls.load(std::memory_order_relaxed);
}

void detail::countAnalyseDocument()
{
    g_calls.fetch_add(1, std::memory_order_relaxed);
}

std::uint64_t conceptDraftCalls()
{
    return g_drafts.load(std::memory_order_relaxed);
}

void detail::countConceptDraft()
{
    g_drafts.fetch_add(1, std::memory_order_relaxed);
}

std::uint64_t relationStageCalls()
{
    return g_relations.load(std::memory_order_relaxed);
}

void detail::countRelationStage()
{
    g_relations.fetch_add(1, std::memory_order_relaxed);
}

} // namespace carto::extract
