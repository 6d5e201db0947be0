#pragma once

#include "curation.h"
#include "extraction.h"
#include "ingest/corpus.h"

#include <vector>

namespace carto::extract {

// Applies the user's curation to freshly extracted concepts, in this order:
// added concepts (found in the texts by name and aliases, case-insensitive and
// word-bounded), merges, splits, renames, type overrides, ignores. Ids stay
// those of the surviving extracted concept, so a rename keeps notes attached.
void applyCuration(const Curation &curation, const ingest::Corpus &corpus, std::vector<Concept> &concepts);

// Orders concepts by descending score, then id, so output is deterministic.
void sortConcepts(std::vector<Concept> &concepts);

// The stable key of a written name: lower case, hyphens and punctuation as
// spaces, possessive dropped, head noun lemmatised when written in lower case
// ("open-source models" -> "open source model", "LLMs" -> "llm").
[[nodiscard]] QString normalisedKey(QStringView name);

} // namespace carto::extract
