#include "sentencelinker.h"

#include "tagger.h"

#include <algorithm>

namespace carto::extract {

void SentenceLinker::placeTokens(const DocumentTokens &d, const Sentence &s, std::vector<Placed> &mentions) const
{
    const auto first = d.tokens.begin() + s.tokBegin;
    const auto last = d.tokens.begin() + s.tokEnd;
    auto byStart = [](const Token &t, qsizetype pos) { return t.start < pos; };
    for (Placed &m : mentions) {
        m.tokBegin = static_cast<std::int32_t>(std::lower_bound(first, last, m.start, byStart) - first);
        m.tokEnd = static_cast<std::int32_t>(std::lower_bound(first, last, m.end, byStart) - first);
    }
}

std::int32_t SentenceLinker::labelId(const QString &label, LinkedPairs &out)
{
    if (label.isEmpty())
        return kNoLabel;
    auto it = m_labelIds.constFind(label);
    if (it != m_labelIds.constEnd())
        return *it;
    const auto id = static_cast<std::int32_t>(out.labels.size());
    out.labels.push_back(label);
    m_labelIds.insert(label, id);
    return id;
}

// Pairs the mentions of one sentence into m_found, labelling those of one clause.
void SentenceLinker::pairMentions(const DocumentTokens &d, const Sentence &s, QStringView text,
                                  const std::vector<Placed> &mentions)
{
    m_found.clear();
    const std::span<const Token> tokens(d.tokens.data() + s.tokBegin, static_cast<size_t>(s.tokEnd - s.tokBegin));
    for (size_t p = 0; p < mentions.size(); ++p) {
        const Placed &x = mentions[p];
        for (size_t q = p + 1; q < mentions.size(); ++q) {
            const Placed &y = mentions[q];
            if (x.conceptIndex == y.conceptIndex || m_phraseOf[p] == m_phraseOf[q])
                continue; // the same concept, or two parts of one phrase
            const bool sameClause = m_clauseOf[p] == m_clauseOf[q] || m_antecedentOf[p] == m_clauseOf[q];
            QString label;
            if (sameClause && y.tokBegin - x.tokEnd <= RelationLabeller::kMaxGapTokens)
                label = m_labeller.label(tokens, m_tags, text, x.tokEnd, y.tokBegin, x.end, y.start);
            m_found.push_back({pairKey(x.conceptIndex, y.conceptIndex), static_cast<int>(m_found.size()),
                               sameClause, std::move(label)});
        }
    }
}

bool SentenceLinker::count(const std::vector<Placed> &mentions)
{
    m_distinct.clear();
    for (const Placed &m : mentions)
        m_distinct.push_back(m.conceptIndex);
    std::sort(m_distinct.begin(), m_distinct.end());
    m_distinct.erase(std::unique(m_distinct.begin(), m_distinct.end()), m_distinct.end());
    if (m_distinct.empty())
        return false;
    ++totalSentences;
    for (int c : m_distinct)
        ++sentenceCount[static_cast<size_t>(c)];
    return m_distinct.size() >= 2;
}

// Each mention's phrase (mentions that overlap form one: "health care" with
// "health" and "care" nested in it, whose parts are not linked to one
// another), clause, and the relative clause it is the antecedent of.
void SentenceLinker::placeClauses(const std::vector<Placed> &mentions)
{
    m_phraseOf.assign(mentions.size(), 0);
    qsizetype phraseEnd = -1;
    int phrase = -1;
    for (size_t i = 0; i < mentions.size(); ++i) {
        if (mentions[i].start >= phraseEnd)
            ++phrase;
        phraseEnd = std::max(phraseEnd, mentions[i].end);
        m_phraseOf[i] = phrase;
    }
    m_clauseOf.assign(mentions.size(), -1);
    m_antecedentOf.assign(mentions.size(), -1);
    size_t next = 0; // mentions are sorted by start, so by first token
    for (size_t ci = 0; ci < m_clauses.size(); ++ci) {
        const Clause &c = m_clauses[ci];
        if (c.relative && c.begin > 0) {
            // a phrase ending at the relative pronoun, or before a comma or
            // preposition there ("the firms, which", "the state in which")
            const PosTag before = m_tags[static_cast<size_t>(c.begin - 1)];
            const bool skip = before == PosTag::Comma || before == PosTag::IN;
            for (size_t i = 0; i < next; ++i) {
                if (mentions[i].tokEnd == c.begin || (skip && mentions[i].tokEnd == c.begin - 1))
                    m_antecedentOf[i] = static_cast<int>(ci);
            }
        }
        while (next < mentions.size() && mentions[next].tokBegin < c.end)
            m_clauseOf[next++] = static_cast<int>(ci);
    }
}

void SentenceLinker::link(const DocumentTokens &d, const Sentence &s, QStringView text, std::vector<Placed> &mentions,
                          std::int32_t sentenceIndex, LinkedPairs &out)
{
    placeTokens(d, s, mentions);
    const auto n = static_cast<size_t>(s.tokEnd - s.tokBegin);
    m_tags.assign(n, PosTag::None);
    if (d.tags.size() == d.tokens.size()) {
        for (size_t i = 0; i < n; ++i)
            m_tags[i] = static_cast<PosTag>(d.tags[static_cast<size_t>(s.tokBegin) + i]);
    }
    m_ranges.clear();
    for (const Placed &m : mentions)
        m_ranges.emplace_back(m.tokBegin, m.tokEnd);
    const std::span<const Token> tokens(d.tokens.data() + s.tokBegin, n);
    splitClauses(tokens, m_tags, text, m_ranges, m_clauses);
    placeClauses(mentions);
    pairMentions(d, s, text, mentions);
    // one record per pair and sentence: a sighting in one clause wins, then a
    // labelled one, then the first
    std::sort(m_found.begin(), m_found.end(), [](const Found &a, const Found &b) {
        if (a.key != b.key)
            return a.key < b.key;
        if (a.sameClause != b.sameClause)
            return a.sameClause;
        if (a.label.isEmpty() != b.label.isEmpty())
            return !a.label.isEmpty();
        return a.order < b.order;
    });
    for (size_t i = 0; i < m_found.size(); ++i) {
        if (i > 0 && m_found[i].key == m_found[i - 1].key)
            continue;
        const std::int32_t label = m_found[i].sameClause ? labelId(m_found[i].label, out) : kOtherClause;
        out.records.push_back({m_found[i].key, sentenceIndex, label});
    }
}

} // namespace carto::extract
