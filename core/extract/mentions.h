#pragma once

#include "candidates.h"

#include <vector>

namespace carto::extract {

// Decides which candidate each stretch of text is a mention of.
//
// Primary mentions do not overlap within their layer: at each place the
// candidate chosen is an explicit one (wiki link, quote, acronym definition),
// else the longest, else the earliest: the whole noun phrase as written ("a
// severe recession", "Nicaraguan freedom fighters"), however rare.
// Prepositional phrases and coordinations ("war on terror", "supervision and
// regulation") form a second layer over the noun phrases they join: both are
// mentioned there.
//
// Nested mentions: inside a primary mention, every shorter candidate that the
// corpus uses more than once, or that is a primary mention somewhere, is
// mentioned too (flagged KNested, and KNestedHead when it ends where the outer
// phrase does, so shares its head): "new clean energy jobs" also mentions
// "clean energy jobs", "clean energy" and "jobs", as a reader would count them.
//
// Returns per document the mentions sorted by start token, primary before
// nested at the same start. Documents run in parallel; the result does not
// depend on the thread count.
[[nodiscard]] std::vector<std::vector<Occurrence>> assignMentions(const CandidateSet &candidates, int threads);

} // namespace carto::extract
