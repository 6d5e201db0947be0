#pragma once

#include "corpustokens.h"
#include "extraction.h"
#include "relationmemo.h"

#include "foundation/problem.h"

#include <memory>
#include <vector>

namespace carto::extract {

// The corpus half of extraction up to curation (ConceptExtractor::draft):
// the concepts as merging, scoring and typing found them, before any
// curation, and the kept tokens and tags the relation stage reads. Nothing in
// it depends on a curation, so one draft serves every curation of the same
// analyses: ConceptExtractor::finish applies one and links the result.
// Immutable once made; the project builder shares it (ProjectAnalyses::draft)
// so a curation edit skips vocabulary, tagging, candidates and merging.
struct ConceptDraft
{
    // Sorted as built (by group), cut to the maxConcepts headroom
    // (kept for curation, which may remove or merge some of the best).
    std::vector<Concept> concepts;
    std::vector<DocumentTokens> documents; // documents[i] is corpus.documents[i]'s
    std::vector<Problem> problems;         // degraded resources (WordNet, tagger)
    int maxConcepts = 0;                   // the Options::maxConcepts the headroom was cut for
    // The last relations linked from this draft (mutable behind the const
    // draft: a memo that changes no result, see RelationMemo).
    std::shared_ptr<RelationMemo> relations = std::make_shared<RelationMemo>();
};

} // namespace carto::extract
