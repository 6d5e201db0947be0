#pragma once

#include "candidates.h"

#include <vector>

namespace carto::extract {

// Resolves short references to people within each document: a lone first
// name or surname ("Franklin", "Ian") and a titled form ("Dr. Franklin",
// "Senator Byrd", found with a person cue) become mentions of the one full
// name of the same document they can stand for ("Benjamin Franklin"). A full
// name is a two- or three-word name whose first word is a given name or that
// was seen with a person cue. A lone word that is also a place ("Washington")
// is resolved only when it carries a person cue itself. Ambiguous references
// (two full names share the word) stay as they are, and so does a short form
// used before its full name is: the full name introduces a person, later
// mentions refer back to it. Called by
// ConceptExtractor after mention assignment; documents run in parallel.
void resolvePersonReferences(std::vector<std::vector<Occurrence>> &mentions, const std::vector<KeyInfo> &keys,
                             const Vocabulary &vocabulary, int threads);

// True when a name's words look like a person's full name: two or three
// words, the first a given name (miscfiles' list, or a WordNet person's
// name that is no common noun).
[[nodiscard]] bool looksLikeFullName(const std::vector<int> &ids, const Vocabulary &vocabulary);
// A person's full name as resolvePersonReferences takes it: one that looks
// like one, or a name of two or three words seen with a person cue.
[[nodiscard]] bool isFullName(const std::vector<int> &ids, bool personCue, const Vocabulary &vocabulary);

} // namespace carto::extract
