#pragma once

#include "corpustokens.h"
#include "extraction.h"
#include "sentencelinker.h"

#include "foundation/progress.h"

#include <QHash>
#include <QStringView>

#include <memory>
#include <vector>

namespace carto::extract {

// The pairs the relation stage found in every sentence for one concept list,
// sorted for grouping, and what they were found from. Concepts are numbered
// by id, a number kept for an id across the lists linked from one draft
// (RelationMemo holds the last SentenceLinks), so the next list reuses every
// pair of a sentence whose mentions are as they were: only the sentences
// naming a concept whose mentions changed (hidden, merged, added, split) are
// linked again. Immutable once made.
struct SentenceLinks
{
    std::vector<ConceptId> ids;         // number -> id
    QHash<ConceptId, int> numbers;      // id -> number
    std::vector<std::uint32_t> spanEnds; // number n's mention spans: [spanEnds[n - 1], spanEnds[n]) of `spans`
    std::vector<Span> spans;            // in the list linked (none for a number not in it)
    std::vector<std::int32_t> spanSentences; // per span: the global sentence holding it, or -1
    std::vector<int> sentenceCount;     // per number: the sentences naming it
    std::vector<std::uint8_t> names;    // per global sentence: 1 when it names a concept
    int totalSentences = 0;             // sentences naming a concept
    std::vector<PairRecord> records;    // keys by number, sorted by key, then sentence
    std::vector<QString> labels;        // label id -> text
    QHash<QString, std::int32_t> labelIds;
    std::shared_ptr<const std::vector<Span>> sentences; // global sentence index -> its span
    int linked = 0; // sentences linked clause by clause in making these (the others reused)
};

// Links `concepts` in the documents' sentences, each sentence clause by
// clause (SentenceLinker), taking from `previous` (null, or links made from
// the same documents) the pairs of every sentence whose mentions are the
// same spans naming the same concepts. The result is the same either way.
// `number` receives each concept's number. Null once cancelled.
[[nodiscard]] std::shared_ptr<const SentenceLinks> linkSentences(const std::vector<Concept> &concepts,
                                                                 const std::vector<DocumentTokens> &documents,
                                                                 const std::vector<QStringView> &texts,
                                                                 const SentenceLinks *previous, int threads,
                                                                 std::vector<int> &number, const CancelToken *cancel);

} // namespace carto::extract
