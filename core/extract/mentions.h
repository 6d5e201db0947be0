#pragma once

#include "candidates.h"

#include <vector>

namespace carto::extract {

// Decides which candidate each stretch of text is a mention of.
//
// Primary mentions do not overlap within their layer: at each place the
// candidate chosen is, in order of preference, an explicit one (wiki link,
// quote, acronym definition), one the corpus uses more than once, the longer
// one, the earlier one. So a noun phrase seen once ("the new clean energy
// jobs") leaves its tokens to the recurring phrases inside it ("clean energy",
// "jobs"), and a recurring long phrase ("clean energy jobs") keeps them.
// Prepositional phrases and coordinations ("war on terror", "supervision and
// regulation") form a second layer over the noun phrases they join: both are
// mentioned there.
//
// Nested mentions: inside a primary mention, every shorter candidate that is a
// primary mention somewhere else in the corpus is mentioned too (flagged
// KNested): "clean energy jobs" also mentions "clean energy" and "jobs", as a
// reader would count them.
//
// Returns per document the mentions sorted by start token, primary before
// nested at the same start. Documents run in parallel; the result does not
// depend on the thread count.
[[nodiscard]] std::vector<std::vector<Occurrence>> assignMentions(const CandidateSet &candidates, int threads);

} // namespace carto::extract
