#pragma once

#include "extraction.h"

#include <QString>

#include <vector>

namespace carto::extract {

// Links concepts that occur in the same sentence. Called by ConceptExtractor
// after concepts are final (curation applied, list cut).
//
//   count  = c_ij, the number of sentences holding both concepts
//   weight = (NPMI + 1) / 2, NPMI = ln(p_ij / (p_i p_j)) / −ln p_ij, with
//            p = sentence counts / S, S = sentences holding at least one concept.
//            0.5 means independent, 1 means the two always occur together; the
//            normalisation keeps frequent concepts from dominating every link.
//   strength used to keep each concept's strongest links = count × weight;
//            a concept whose partners are all at their cap still keeps its
//            strongest link, so the texts' connections never leave it isolated.
//   label  = the connective written between the two mentions ("such as",
//            "enables", "drives", ...) in most of the labelled sentences.
//   threads: up to 2 share the work (0 = the hardware's count); the result
//            does not depend on it.
struct SentenceMention
{
    int conceptIndex;       // index into the concept list
    qsizetype start;   // offsets in the document text
    qsizetype end;
};

struct SentenceMentions
{
    Span sentence;
    std::vector<SentenceMention> mentions; // sorted by start
};

[[nodiscard]] std::vector<Relation> extractRelations(const std::vector<Concept> &concepts,
                                                     const std::vector<SentenceMentions> &sentences,
                                                     const std::vector<QStringView> &documentTexts,
                                                     int maxRelationsPerConcept, int maxEvidencePerRelation,
                                                     int threads = 0);

// The connective between two mentions, if the gap text states one; else empty.
[[nodiscard]] QString relationLabel(QStringView gap);

} // namespace carto::extract
