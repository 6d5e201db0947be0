#pragma once

#include "corpustokens.h"
#include "extraction.h"

#include "foundation/progress.h"

#include <QStringView>

#include <memory>
#include <vector>

namespace carto::extract {

struct RelationOptions
{
    int maxRelationsPerConcept = 40; // keep each concept's strongest links
    int maxEvidencePerRelation = 20;
    int threads = 0;                 // 0: the hardware's count; the result does not depend on it
};

// The relation stage: links concepts named together, preferring what one
// clause says. Called by ConceptExtractor after the concepts are final
// (curation applied, list cut); reads the run's tokens and tags, writes plain
// Relations.
//
//   pairs  = two mentions of different concepts in one sentence that are not
//            parts of one phrase: mentions that overlap ("clean energy jobs",
//            "clean energy", "jobs") form a phrase and never link to each other.
//   count  = c_ij, the sentences holding such a pair.
//   shared = the sentences in which the pair shares a clause (splitClauses;
//            a relative clause includes its antecedent) count 1, those in
//            which it only shares the sentence kOtherClauseShare: a clause
//            states a link, a long sentence may just list its subjects.
//   association = (NPMI + 1) / 2, NPMI = ln(p_ij / (p_i p_j)) / −ln p_ij,
//            p_ij = shared / S, p_i = sentences naming i / S, S = sentences
//            naming a concept: 0.5 means independent, 1 always together.
//   specificity of a concept = its score (keyness, Concept::score) over the
//            score of the concept ranked at the top kSpecificityRank share of
//            the list, clamped to [kMinSpecificity, 1]: how far it is from a
//            generic word ("sector", "lessons", "people").
//   weight = association × (kWeightShare + (1 − kWeightShare) × s) × e,
//            s = the lower specificity of the two ends: a link touching a
//            generic word loses weight whatever its other end; e = (shared +
//            1) / (shared + 2), the evidence: NPMI makes two rare concepts met
//            once as associated as two met together ten times, and one
//            sentence may be chance. Each factor stays within two so the map's
//            springs and communities, which read the weight, stay balanced (a
//            steeper one pulls the specific concepts into a ball).
//   strength = shared × association × s², which decides the links kept: each
//            concept keeps its maxRelationsPerConcept strongest, so a hub's
//            slots go to specific partners before generic words; a concept
//            whose partners are all at their cap still keeps its strongest
//            link, so the texts' connections never leave it isolated.
//   label  = what the clause says connects them (RelationLabeller: "such as",
//            "invest in", "depend on", "driven by", "of"), kept when the most
//            common label holds in at least kLabelShare of the edge's count
//            and in at least two sentences (one when the edge has one
//            sentence); ties go to the alphabetically first.
//   evidence = the first maxEvidencePerRelation sentences, in corpus order.
// The result does not depend on the thread count.
[[nodiscard]] std::vector<Relation> extractRelations(const std::vector<Concept> &concepts,
                                                     const std::vector<DocumentTokens> &documents,
                                                     const std::vector<QStringView> &documentTexts,
                                                     const RelationOptions &options,
                                                     const CancelToken *cancel = nullptr);

// What linking one concept list's sentences found (sentencelinker.h): kept by
// RelationMemo so the next list re-links only what changed.
struct SentenceLinks;

// extractRelations, reusing `previous` (the links of an earlier list of the
// same documents, or null): a sentence whose mentions are the ones it had
// then (the same spans, each naming the same concept id) gives the pairs it
// gave then, so after a hide or a merge only the sentences naming the
// concepts involved are linked again. The result is the one extractRelations
// gives; `linked`, if not null, receives this list's links.
[[nodiscard]] std::vector<Relation> extractRelations(const std::vector<Concept> &concepts,
                                                     const std::vector<DocumentTokens> &documents,
                                                     const std::vector<QStringView> &documentTexts,
                                                     const RelationOptions &options, const SentenceLinks *previous,
                                                     std::shared_ptr<const SentenceLinks> *linked,
                                                     const CancelToken *cancel = nullptr);

// How specific each concept is, from the scores of a concept list: the score
// over the score ranked at the top kSpecificityRank share, clamped to
// [kMinSpecificity, 1] (all 1 when that reference score is not positive). The
// relation weights and the graph's path costs use it.
[[nodiscard]] std::vector<double> specificities(const std::vector<double> &scores);

inline constexpr double kLabelShare = 0.3;
inline constexpr double kOtherClauseShare = 0.25;
inline constexpr double kSpecificityRank = 0.01;
inline constexpr double kMinSpecificity = 0.05;
inline constexpr double kWeightShare = 0.5;

} // namespace carto::extract
