#pragma once

#include "candidates.h"
#include "extraction.h"
#include "merger.h"
#include "scorer.h"
#include "typer.h"

#include <unordered_map>
#include <vector>

namespace carto::extract {

// The mentions of one merged concept, as found.
struct ConceptGroup
{
    std::int32_t root = 0;
    std::int32_t representative = 0; // the member key the concept is named and typed by
    std::vector<std::pair<int, const Occurrence *>> mentions; // document, mention
    std::uint16_t kinds = 0;
};

// What one mention adds to its concept's salience: 1, or kNestedWeight for a
// common noun inside a longer phrase it does not head.
[[nodiscard]] double mentionWeight(const Occurrence &o);

// Turns merged groups into ranked, typed concepts: salience features and the
// keyness score for every group, then, for the groups that make the cut,
// label, aliases, mentions with their spans, typing cues and the type, and
// one score per document. Called by ConceptExtractor; the groups' mentions
// point into the assigned mention lists, which must outlive it.
class ConceptBuilder final
{
public:
    ConceptBuilder(const ingest::Corpus &corpus, const std::vector<DocumentTokens> &docs, const Vocabulary &vocabulary,
                   const std::vector<KeyInfo> &keys, int threads);

    // Groups the mentions by their merged key; groups that name nothing
    // (stage directions, one-letter words, a heading-only acronym, months and
    // weekdays) are left out.
    [[nodiscard]] std::vector<ConceptGroup> group(const std::vector<std::vector<Occurrence>> &mentions,
                                                  const Merger &merger) const;
    // The salience features a group is ranked by.
    [[nodiscard]] SalienceFeatures salience(const ConceptGroup &g) const;
    // The full concept for a group that made the cut.
    // typeGuessed, when given: whether only conceptType's last default typed it.
    [[nodiscard]] Concept build(const ConceptGroup &g, bool *typeGuessed = nullptr) const;

private:
    static void dropOverlaps(ConceptGroup &g);
    [[nodiscard]] std::int32_t chooseRepresentative(const ConceptGroup &g) const;
    [[nodiscard]] const KeyInfo &representative(const ConceptGroup &g) const { return key(g.representative); }
    [[nodiscard]] const KeyInfo &key(std::int32_t k) const { return m_keys[static_cast<size_t>(k)]; }
    [[nodiscard]] QString keyString(const std::vector<int> &ids) const;
    [[nodiscard]] double backgroundCount(const KeyInfo &k) const;
    [[nodiscard]] TypeCues typeCues(const ConceptGroup &g, const KeyInfo &rk) const;
    [[nodiscard]] int personCues(const ConceptGroup &g) const;
    // Mentions of the group right after an article, a possessive or a quantifier.
    [[nodiscard]] int determinedMentions(const ConceptGroup &g) const;
    [[nodiscard]] HeadClass classCue(const ConceptGroup &g) const;
    [[nodiscard]] bool evaluative(const KeyInfo &k) const;
    [[nodiscard]] QString label(const ConceptGroup &g, const KeyInfo &rk) const;

    const ingest::Corpus &m_corpus;
    const std::vector<DocumentTokens> &m_docs;
    const Vocabulary &m_vocabulary;
    const std::vector<KeyInfo> &m_keys;
    int m_threads;
    double m_corpusTokens = 1;
    std::vector<double> m_documentTokens;
};

} // namespace carto::extract
