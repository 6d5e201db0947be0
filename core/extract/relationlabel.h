#pragma once

#include "tagger.h"
#include "tokenizer.h"

#include <QString>
#include <QStringView>

#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>

namespace carto::extract {

// The connective written between two mentions, if the raw gap text is one
// ("such as", "including", "enabled by", "versus", ...); else empty.
[[nodiscard]] QString connectiveLabel(QStringView gap);

struct LabelGap;

// Says what connects two mentions of one clause, from the tagged tokens
// between them. Called by the relation stage for each pair of mentions it
// links; one instance per thread (it caches verb lemmas).
//
// In order:
//  1. a connective (connectiveLabel) written between them;
//  2. one verb group between them (auxiliaries, modals, adverbs, "to" before a
//     verb): its main verb's lemma, with "not" when negated, its particle, and
//     the preposition that governs the second mention ("invest in", "depend
//     on", "set up", "not affect"); a passive keeps the participle ("driven
//     by", "owned by"); a copula gives only its preposition ("is in" -> "in").
//     Before the verb only adverbs, a relative pronoun or an apposition between
//     commas may stand (otherwise the verb's subject is another phrase); after
//     it an object may stand before the preposition ("invests billions in"),
//     and only determiners, adjectives and numbers after the preposition;
//  3. no verb: a single preposition and determiners or adjectives ("jobs in
//     clean energy" -> "in").
// Anything else, two verb groups, or a gap of more than kMaxGapTokens tokens,
// gives no label.
class RelationLabeller final
{
public:
    static constexpr int kMaxGapTokens = 12;

    RelationLabeller() = default;

    // tokens and tags are one sentence's; the gap is tokens [gapBegin,
    // gapEnd), from character from to character to of text.
    [[nodiscard]] QString label(std::span<const Token> tokens, std::span<const PosTag> tags, QStringView text,
                                std::int32_t gapBegin, std::int32_t gapEnd, qsizetype from, qsizetype to);

private:
    [[nodiscard]] QString verbLabel(const LabelGap &gap, std::int32_t first, std::int32_t last);
    // the lemma of a verb as written; surface must view a text that outlives the labeller
    const QString &verbLemma(QStringView surface);

    std::unordered_map<std::u16string_view, QString, WordViewHash> m_lemmas; // surface -> lemma
};

} // namespace carto::extract
