#pragma once

#include "candidates.h"

#include <unordered_map>
#include <vector>

namespace carto::extract {

// Decides which candidate keys name one concept. Called by ConceptExtractor
// after mention assignment, before scoring. Rules, each general:
//  - an acronym joins the expansion it was defined with, or, undefined, the
//    one phrase of the corpus whose initials spell it;
//  - a nationality adjective joins its country when the country (or a WordNet
//    synonym of it) occurs; never a place the texts do not name;
//  - proper-noun synonyms in WordNet join ("US", "U.S.", "USA", "United States");
//  - a capitalised plural joins its singular when WordNet has no plural lemma
//    of its own; unknown plurals join their singular when both occur;
//  - a name and the common-noun phrase of the same words: multiword phrases
//    join; one word joins only when one case clearly dominates the other and
//    the name is no acronym ("ARM" and "arms", "States" and "states" stay apart);
//  - a short name joins the one longer name it ends ("Freedom Corps" ->
//    "USA Freedom Corps"; a lone word only when WordNet does not know it);
//  - a rare common-noun phrase that only adds general words to a much more
//    frequent concept inside it is a variant of that concept ("tariff law",
//    "middle class families").
class Merger final
{
public:
    Merger(const KeyMap &keys, const Vocabulary &vocabulary, const AcronymPairs &acronyms);

    // Applies the rules; mentions are the assigned mentions per document.
    void merge(const std::vector<std::vector<Occurrence>> &mentions);
    // The representative key of a key's group.
    [[nodiscard]] std::uint64_t root(std::uint64_t key) const;

private:
    void join(std::uint64_t a, std::uint64_t b);
    [[nodiscard]] int mentionsOf(std::uint64_t key) const;
    [[nodiscard]] const KeyInfo *keyInfo(std::uint64_t key) const;
    [[nodiscard]] int backgroundCount(int word) const;

    void joinAcronymDefinitions();
    void joinNationalities();
    void joinProperSynonyms();
    void joinPlurals();
    void joinCaseVariants();
    void joinUndefinedAcronyms();
    void joinShortNames();
    void foldVariants();

    const KeyMap &m_keys;
    const Vocabulary &m_vocabulary;
    const AcronymPairs &m_acronyms;
    std::unordered_map<std::uint64_t, int> m_mentions;
    mutable std::unordered_map<std::uint64_t, std::uint64_t> m_parent;
};

} // namespace carto::extract
