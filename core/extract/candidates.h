#pragma once

#include "corpustokens.h"
#include "vocabulary.h"

#include "ingest/corpus.h"

#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

namespace carto::extract {

// How a candidate was found; an occurrence may carry several.
enum Kind : std::uint16_t {
    KName = 1 << 0,        // a proper-noun phrase ("Federal Reserve Board")
    KTerm = 1 << 1,        // a common-noun phrase ("clean energy")
    KQuoted = 1 << 2,      // a quoted coinage ("Slowing the Flow")
    KLink = 1 << 3,        // a [[wiki link]]
    KExpansion = 1 << 4,   // either side of an acronym definition, "large language models (LLMs)"
    KAcronym = 1 << 5,     // an all-capitals or mixed-case single word ("NATO", "SaaS")
    KHeading = 1 << 6,     // found in a heading or shouted line: case and frequency say little
    KNationality = 1 << 7, // a nationality adjective standing for its country ("Chinese")
    KPersonCue = 1 << 8,   // after an honorific or a title noun ("Dr. Ada", "Senator Byrd")
    KPrepPhrase = 1 << 9,  // "X of Y", "war on terror": a head with a prepositional complement
    KNested = 1 << 10,     // a sub-phrase of a longer candidate, counted inside it
    KIdentifier = 1 << 11, // a file name, package or code identifier ("package.json", "C++")
    KCoordination = 1 << 12, // "energy and climate bill", "supervision and regulation"
    KNestedHead = 1 << 13,   // a nested mention that ends where its outer one does: the same head
};
// Phrase-level candidates: they take their tokens beside, not instead of, the
// noun phrases they join (see assignMentions).
inline constexpr std::uint16_t kPhraseKinds = KPrepPhrase | KCoordination;

// One candidate occurrence: a token range of a sentence and the key of its words.
struct Occurrence
{
    std::int32_t b = 0; // token range [b, e)
    std::int32_t e = 0;
    std::int32_t key = 0; // index into CandidateSet::keys
    std::uint16_t kinds = 0;
    std::int32_t sentence = 0;
    std::int32_t aliasBegin = -1; // a title before a name ("Senator" of "Senator Byrd"): kept as an alias
};

// What the corpus holds of one candidate key.
struct KeyInfo
{
    std::vector<int> ids; // word ids; a lower-case head as its noun lemma
    bool named = false;   // the key of a name (see candidateKey)
    int count = 0;        // occurrences found (before mention assignment)
    int documents = 0;
    std::uint16_t kinds = 0;
};

// acronym key -> expansion key, from "expansion (ACRONYM)" (indices into the keys)
using AcronymPairs = std::vector<std::pair<std::int32_t, std::int32_t>>;

[[nodiscard]] std::uint64_t hashIds(const int *ids, size_t n);
// The hash of a candidate's words. A name and a common-noun phrase of the same
// words hash apart ("ARM" and "arms", "the Union" and "a union"); the merger
// decides when the two are one concept.
[[nodiscard]] std::uint64_t candidateKey(const int *ids, size_t n, bool named);
[[nodiscard]] inline std::uint64_t candidateKey(const std::vector<int> &ids, bool named)
{
    return candidateKey(ids.data(), ids.size(), named);
}

// Candidate occurrences per document, and the corpus table of their keys. Keys
// are numbered in the order the documents first use them, so the numbers do
// not depend on the thread count.
struct CandidateSet
{
    std::vector<std::vector<Occurrence>> occurrences; // per document, in token order
    std::vector<KeyInfo> keys;
    std::unordered_map<std::uint64_t, std::int32_t> index; // candidateKey -> index into keys
    AcronymPairs acronyms;

    [[nodiscard]] const KeyInfo &key(std::int32_t k) const { return keys[static_cast<size_t>(k)]; }
    // The index of the key with these words, or -1 when no candidate has them.
    [[nodiscard]] std::int32_t find(const std::vector<int> &ids, bool named) const
    {
        auto it = index.find(candidateKey(ids, named));
        return it == index.end() ? -1 : it->second;
    }
};

// Finds the candidates of every sentence: the noun phrases of the chunker
// (names, terms, prepositional phrases and their sub-phrases), acronym
// definitions, quoted coinages, wiki links and identifiers. Runs the documents
// in parallel; keys and counts do not depend on the thread count.
[[nodiscard]] CandidateSet findCandidates(const ingest::Corpus &corpus, const std::vector<DocumentTokens> &docs,
                                          const Vocabulary &vocabulary, int threads, const CancelToken *cancel);

} // namespace carto::extract
