#pragma once

#include "clauses.h"
#include "corpustokens.h"
#include "relationlabel.h"

#include <QHash>
#include <QString>
#include <QStringView>

#include <cstdint>
#include <vector>

namespace carto::extract {

inline constexpr std::int32_t kNoLabel = -1;     // in one clause, no label
inline constexpr std::int32_t kOtherClause = -2; // in different clauses of the sentence

// One pair of concepts met in one sentence.
struct PairRecord
{
    std::uint64_t key;     // lower concept index << 32 | higher
    std::int32_t sentence; // global sentence index
    std::int32_t label;    // label id, kNoLabel or kOtherClause
};

[[nodiscard]] inline std::uint64_t pairKey(int a, int b)
{
    const auto lo = static_cast<std::uint32_t>(std::min(a, b));
    const auto hi = static_cast<std::uint32_t>(std::max(a, b));
    return static_cast<std::uint64_t>(lo) << 32 | hi;
}

// A mention placed in its sentence: characters in the document, tokens in the sentence.
struct Placed
{
    int conceptIndex; // the number pairs and counts are kept by
    qsizetype start;
    qsizetype end;
    std::int32_t tokBegin;
    std::int32_t tokEnd;
    int order; // the concept's place in the list, which orders mentions of one span
};

// The pairs linked in some sentences of one document, with the text of the
// label ids they use (local to these pairs until numbered globally).
struct LinkedPairs
{
    std::vector<PairRecord> records;
    std::vector<QString> labels;
};

// Links the mentions of one sentence clause by clause. One per thread: it
// keeps its scratch vectors and its labeller's lemma cache between sentences.
// Called by the relation stage (relations.cpp) for each sentence naming two
// concepts or more; writes PairRecords.
class SentenceLinker final
{
public:
    explicit SentenceLinker(size_t concepts) : sentenceCount(concepts, 0) {}

    // Counts a sentence's concepts (sentenceCount, totalSentences); true when
    // it names two or more, so it has pairs to link.
    bool count(const std::vector<Placed> &mentions);
    // The pairs of a counted sentence naming two concepts or more, appended
    // to out.records (mentions sorted by start, then longer first).
    void link(const DocumentTokens &d, const Sentence &s, QStringView text, std::vector<Placed> &mentions,
              std::int32_t sentenceIndex, LinkedPairs &out);
    // Before a document's first link(): its label ids start again.
    void startDocument() { m_labelIds.clear(); }

    std::vector<int> sentenceCount; // per concept: sentences of this thread's documents naming it
    int totalSentences = 0;         // this thread's sentences naming a concept

private:
    void placeTokens(const DocumentTokens &d, const Sentence &s, std::vector<Placed> &mentions) const;
    void placeClauses(const std::vector<Placed> &mentions);
    void pairMentions(const DocumentTokens &d, const Sentence &s, QStringView text, const std::vector<Placed> &mentions);
    std::int32_t labelId(const QString &label, LinkedPairs &out);

    struct Found
    {
        std::uint64_t key;
        int order;
        bool sameClause;
        QString label;
    };

    RelationLabeller m_labeller;
    std::vector<PosTag> m_tags;
    std::vector<std::pair<std::int32_t, std::int32_t>> m_ranges;
    std::vector<Clause> m_clauses;
    std::vector<int> m_phraseOf;
    std::vector<int> m_clauseOf;
    std::vector<int> m_antecedentOf;
    std::vector<Found> m_found;
    std::vector<int> m_distinct;
    QHash<QString, std::int32_t> m_labelIds;
};

} // namespace carto::extract
