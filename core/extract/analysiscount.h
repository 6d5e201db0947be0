#pragma once

#include <cstdint>

namespace carto::extract {

// How many documents analyseDocument() has analysed in this process, for the
// tests and benchmarks that check a build reused analyses (from the analysis
// cache, or kept in memory for a curation edit) instead of making them again.
// A relaxed atomic count: costs nothing beside an analysis.
[[nodiscard]] std::uint64_t analyseDocumentCalls();

namespace detail {
void countAnalyseDocument(); // analyseDocument's one call
} // namespace detail

} // namespace carto::extract
