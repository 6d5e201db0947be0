#pragma once

#include <cstdint>

namespace carto::extract {

// How many documents analyseDocument() has analysed in this process, for the
// tests and benchmarks that check a build reused analyses (from the analysis
// cache, or kept in memory for a curation edit) instead of making them again.
// A relaxed atomic count: costs nothing beside an analysis.
[[nodiscard]] std::uint64_t analyseDocumentCalls();

// How many concept drafts (ConceptExtractor::draft: vocabulary, tagging,
// candidates, merging, concepts) this process has made, for the tests and
// benchmarks that check a curation edit reused the kept draft.
[[nodiscard]] std::uint64_t conceptDraftCalls();

// How many times the relation stage (extractRelations) has run for a concept
// list in this process: a curation edit that leaves it unchanged reuses the
// last one (RelationMemo) instead.
[[nodiscard]] std::uint64_t relationStageCalls();

namespace detail {
void countAnalyseDocument(); // analyseDocument's one call
void countConceptDraft();    // ConceptExtractor::draft's one call
void countRelationStage();   // ConceptExtractor's one call of extractRelations
} // namespace detail

} // namespace carto::extract
