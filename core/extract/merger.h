#pragma once

#include "candidates.h"

#include <unordered_map>
#include <vector>

namespace carto::extract {

// Decides which candidate keys name one concept. Called by ConceptExtractor
// after mention assignment, before scoring. Rules, each general:
//  - an acronym joins the expansion it was defined with, or, undefined, the
//    one phrase of the corpus whose initials spell it;
//  - a nationality adjective or demonym joins its country when the country
//    (or a WordNet synonym of it) occurs in a document the adjective is used
//    in, and is not ten times rarer than the adjective ("Indian" stays apart
//    where India is named in passing); never a place the texts do not name;
//  - proper-noun synonyms in WordNet join ("US", "U.S.", "USA", "United
//    States") where one document uses both, or anywhere when each names only
//    that place ("Russia" is also the Soviet Union's name in WordNet, so it
//    joins "Soviet Union" only in a text that uses both);
//  - a capitalised plural joins its singular when WordNet has no plural lemma
//    of its own; unknown plurals join their singular when both occur;
//  - a name and the common-noun phrase of the same words: multiword phrases
//    join; one word joins only when one case clearly dominates the other and
//    the name is no acronym ("ARM" and "arms", "States" and "states" stay apart);
//  - a short name joins the one longer name it ends ("Freedom Corps" ->
//    "USA Freedom Corps"; a lone word only when WordNet does not know it, and
//    never a person's full name it stands beside unresolved in a document);
//  - a rare common-noun phrase that only adds general words to a much more
//    frequent concept inside it is a variant of that concept ("tariff law",
//    "middle class families").
class Merger final
{
public:
    Merger(const CandidateSet &candidates, const Vocabulary &vocabulary);

    // Applies the rules; mentions are the assigned mentions per document.
    void merge(const std::vector<std::vector<Occurrence>> &mentions);
    // The representative key of a key's group.
    [[nodiscard]] std::int32_t root(std::int32_t key) const;

private:
    void join(std::int32_t a, std::int32_t b);
    [[nodiscard]] int mentionsOf(std::int32_t key) const { return key < 0 ? 0 : m_mentions[static_cast<size_t>(key)]; }
    [[nodiscard]] const KeyInfo &keyInfo(std::int32_t key) const { return m_candidates.key(key); }
    [[nodiscard]] bool mentioned(std::int32_t key) const { return mentionsOf(key) > 0; }
    [[nodiscard]] std::int32_t find(const std::vector<int> &ids, bool named) const { return m_candidates.find(ids, named); }
    [[nodiscard]] int backgroundCount(int word) const;
    [[nodiscard]] std::int32_t keyOfName(const QString &name) const;
    // Reference is resolved within a document: two names are taken for one
    // referent on a lexical link alone only when some document uses both.
    // Names only: false for a key of a common noun.
    [[nodiscard]] bool shareDocument(std::int32_t a, std::int32_t b) const;

    void joinAcronymDefinitions();
    void joinNationalities();
    void joinProperSynonyms();
    void joinPlurals();
    void joinCaseVariants();
    void joinUndefinedAcronyms();
    void joinShortNames();
    void foldVariants();

    const CandidateSet &m_candidates;
    const Vocabulary &m_vocabulary;
    std::vector<int> m_mentions;
    std::vector<std::vector<std::int32_t>> m_documents; // of named keys, ascending
    mutable std::vector<std::int32_t> m_parent;
};

} // namespace carto::extract
