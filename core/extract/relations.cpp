#include "relations.h"

#include "clauses.h"
#include "parallel.h"
#include "relationlabel.h"
#include "tagger.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <thread>

namespace carto::extract {

namespace {

constexpr std::int32_t kNoLabel = -1;    // in one clause, no label
constexpr std::int32_t kOtherClause = -2; // in different clauses of the sentence
constexpr double kMinWeight = 1e-4;

// One pair of concepts sharing a clause of one sentence.
struct PairRecord
{
    std::uint64_t key;     // lower concept index << 32 | higher
    std::int32_t sentence; // global sentence index
    std::int32_t label;    // label id, kNoLabel or kOtherClause
};

std::uint64_t pairKey(int a, int b)
{
    const auto lo = static_cast<std::uint32_t>(std::min(a, b));
    const auto hi = static_cast<std::uint32_t>(std::max(a, b));
    return static_cast<std::uint64_t>(lo) << 32 | hi;
}

// A mention placed in its sentence: characters in the document, tokens in the sentence.
struct Placed
{
    int conceptIndex;
    qsizetype start;
    qsizetype end;
    std::int32_t tokBegin;
    std::int32_t tokEnd;
};

// What one document contributes: its pairs in sentence order, and the text of
// the label ids they use (local to the document until numbered globally).
struct DocumentPairs
{
    std::vector<PairRecord> records;
    std::vector<QString> labels;
};

// Links the mentions of one sentence clause by clause. One per thread: it
// keeps its scratch vectors and its labeller's lemma cache between sentences.
class SentenceLinker
{
public:
    explicit SentenceLinker(size_t concepts) : sentenceCount(concepts, 0) {}

    void link(const DocumentTokens &d, const Sentence &s, QStringView text, std::vector<Placed> &mentions,
              std::int32_t sentenceIndex, DocumentPairs &out);
    void startDocument() { m_labelIds.clear(); }

    std::vector<int> sentenceCount; // per concept: sentences of this thread's documents naming it
    int totalSentences = 0;         // this thread's sentences naming a concept

private:
    void placeTokens(const DocumentTokens &d, const Sentence &s, std::vector<Placed> &mentions) const;
    void pairMentions(const DocumentTokens &d, const Sentence &s, QStringView text, const std::vector<Placed> &mentions);
    std::int32_t labelId(const QString &label, DocumentPairs &out);

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

std::int32_t SentenceLinker::labelId(const QString &label, DocumentPairs &out)
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

void SentenceLinker::link(const DocumentTokens &d, const Sentence &s, QStringView text, std::vector<Placed> &mentions,
                          std::int32_t sentenceIndex, DocumentPairs &out)
{
    m_distinct.clear();
    for (const Placed &m : mentions)
        m_distinct.push_back(m.conceptIndex);
    std::sort(m_distinct.begin(), m_distinct.end());
    m_distinct.erase(std::unique(m_distinct.begin(), m_distinct.end()), m_distinct.end());
    if (m_distinct.empty())
        return;
    ++totalSentences;
    for (int c : m_distinct)
        ++sentenceCount[static_cast<size_t>(c)];
    if (m_distinct.size() < 2)
        return;

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

    // Mentions that overlap form one phrase ("health care" with "health" and
    // "care" nested in it): its parts are not linked to one another.
    m_phraseOf.assign(mentions.size(), 0);
    qsizetype phraseEnd = -1;
    int phrase = -1;
    for (size_t i = 0; i < mentions.size(); ++i) {
        if (mentions[i].start >= phraseEnd)
            ++phrase;
        phraseEnd = std::max(phraseEnd, mentions[i].end);
        m_phraseOf[i] = phrase;
    }
    // each mention's clause, and the relative clause it is the antecedent of
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

struct Candidate
{
    Relation relation;
    double strength;
    int a;
    int b;
};

// Everything the grouping step reads.
struct PairTable
{
    std::vector<PairRecord> records; // grouped by lower concept, each group in sentence order
    std::vector<size_t> offsets;     // records of lower concept a: [offsets[a], offsets[a + 1])
    std::vector<QString> labels;     // global label ids -> text
    std::vector<Span> sentences;     // global sentence index -> its span
    std::vector<int> sentenceCount;  // per concept
    int totalSentences = 0;
};

// The most common label of one pair's records, if it holds often enough.
QString edgeLabel(std::span<const PairRecord> group, const std::vector<QString> &labels, std::vector<std::int32_t> &ids)
{
    ids.clear();
    for (const PairRecord &r : group) {
        if (r.label >= 0)
            ids.push_back(r.label);
    }
    if (ids.empty())
        return {};
    std::sort(ids.begin(), ids.end());
    int best = 0;
    std::int32_t bestId = kNoLabel;
    for (size_t i = 0; i < ids.size();) {
        size_t j = i;
        while (j < ids.size() && ids[j] == ids[i])
            ++j;
        const int n = static_cast<int>(j - i);
        if (n > best || (n == best && labels[static_cast<size_t>(ids[i])] < labels[static_cast<size_t>(bestId)])) {
            best = n;
            bestId = ids[i];
        }
        i = j;
    }
    const auto count = static_cast<int>(group.size());
    const bool holds = count == 1 ? best == 1 : best >= 2 && best >= kLabelShare * count;
    return holds ? labels[static_cast<size_t>(bestId)] : QString();
}

// The candidates whose lower concept is a, in order of the higher one.
void groupPairs(const std::vector<Concept> &concepts, const std::vector<double> &specificity, PairTable &table,
                int a, int maxEvidence, std::vector<Candidate> &out)
{
    const auto begin = table.records.begin() + static_cast<std::ptrdiff_t>(table.offsets[static_cast<size_t>(a)]);
    const auto end = table.records.begin() + static_cast<std::ptrdiff_t>(table.offsets[static_cast<size_t>(a) + 1]);
    std::sort(begin, end, [](const PairRecord &x, const PairRecord &y) {
        return x.key != y.key ? x.key < y.key : x.sentence < y.sentence;
    });
    const double total = std::max(1, table.totalSentences);
    std::vector<std::int32_t> ids;
    for (auto i = begin; i != end;) {
        auto j = i;
        while (j != end && j->key == i->key)
            ++j;
        const int b = static_cast<int>(i->key & 0xffffffffu);
        const auto count = static_cast<int>(j - i);
        const auto crossing = std::count_if(i, j, [](const PairRecord &r) { return r.label == kOtherClause; });
        const double shared = static_cast<double>(count) - (1.0 - kOtherClauseShare) * static_cast<double>(crossing);
        if (shared <= 0.0) {
            i = j;
            continue;
        }
        const double pij = shared / total;
        const double pi = table.sentenceCount[static_cast<size_t>(a)] / total;
        const double pj = table.sentenceCount[static_cast<size_t>(b)] / total;
        const double npmi = pij < 1.0 ? std::log(pij / (pi * pj)) / -std::log(pij) : 1.0;
        const double association = std::clamp((npmi + 1.0) / 2.0, 0.0, 1.0);
        Candidate c;
        c.a = a;
        c.b = b;
        c.relation.count = count;
        const double specific = std::min(specificity[static_cast<size_t>(a)], specificity[static_cast<size_t>(b)]);
        // positive: graph algorithms read a weight of 0 as an unweighted link
        const double evidence = (shared + 1.0) / (shared + 2.0);
        c.relation.weight
            = std::max(association * (kWeightShare + (1.0 - kWeightShare) * specific) * evidence, kMinWeight);
        c.strength = shared * association * specific * specific;
        ConceptId ia = concepts[static_cast<size_t>(a)].id;
        ConceptId ib = concepts[static_cast<size_t>(b)].id;
        if (ib < ia)
            std::swap(ia, ib);
        c.relation.source = ia;
        c.relation.target = ib;
        c.relation.label = edgeLabel(std::span<const PairRecord>(&*i, static_cast<size_t>(count)), table.labels, ids);
        for (auto k = i; k != j && static_cast<int>(c.relation.evidence.size()) < maxEvidence; ++k)
            c.relation.evidence.push_back({table.sentences[static_cast<size_t>(k->sentence)]});
        out.push_back(std::move(c));
        i = j;
    }
}

} // namespace

namespace {

// Places every mention in its sentence and links each sentence's clauses,
// documents in parallel; then numbers the labels and groups the pairs by their
// lower concept, all in document and sentence order.
PairTable collectPairs(const std::vector<Concept> &concepts, const std::vector<DocumentTokens> &documents,
                       const std::vector<QStringView> &texts, int threads, const CancelToken *cancel)
{
    PairTable table;
    const size_t docs = std::min(documents.size(), texts.size());
    std::vector<std::int32_t> firstSentence(docs + 1, 0);
    for (size_t di = 0; di < docs; ++di)
        firstSentence[di + 1] = firstSentence[di] + static_cast<std::int32_t>(documents[di].sentences.size());
    table.sentences.resize(static_cast<size_t>(firstSentence[docs]));
    // mentions by document, in concept order
    std::vector<std::vector<Placed>> byDocument(docs);
    for (int ci = 0; ci < static_cast<int>(concepts.size()); ++ci) {
        for (const Mention &m : concepts[static_cast<size_t>(ci)].mentions) {
            const auto di = static_cast<size_t>(m.span.document.value());
            if (di < docs)
                byDocument[di].push_back({ci, m.span.range.start, m.span.range.end, 0, 0});
        }
    }
    std::vector<DocumentPairs> pairs(docs);
    std::vector<SentenceLinker> linkers;
    for (int t = 0; t < threads; ++t)
        linkers.emplace_back(concepts.size());
    parallelFor(static_cast<int>(docs), threads, [&](int docIndex, int thread) {
        if (cancel && cancel->isCancelled())
            return;
        const auto di = static_cast<size_t>(docIndex);
        const DocumentTokens &d = documents[di];
        const auto &ss = d.sentences;
        for (size_t si = 0; si < ss.size(); ++si)
            table.sentences[static_cast<size_t>(firstSentence[di]) + si] = Span{DocumentId(docIndex), ss[si].range};
        // each mention into its sentence, then by start
        std::vector<std::vector<Placed>> inSentence(ss.size());
        for (const Placed &m : byDocument[di]) {
            auto it = std::upper_bound(ss.begin(), ss.end(), m.start,
                                       [](qsizetype pos, const Sentence &s) { return pos < s.range.start; });
            if (it == ss.begin())
                continue;
            --it;
            if (m.end <= it->range.end)
                inSentence[static_cast<size_t>(it - ss.begin())].push_back(m);
        }
        SentenceLinker &linker = linkers[static_cast<size_t>(thread)];
        linker.startDocument();
        for (size_t si = 0; si < ss.size(); ++si) {
            std::vector<Placed> &ms = inSentence[si];
            if (ms.empty())
                continue;
            std::sort(ms.begin(), ms.end(), [](const Placed &a, const Placed &b) {
                if (a.start != b.start)
                    return a.start < b.start;
                return a.end != b.end ? a.end > b.end : a.conceptIndex < b.conceptIndex;
            });
            linker.link(d, ss[si], texts[di], ms, firstSentence[di] + static_cast<std::int32_t>(si), pairs[di]);
        }
    });
    if (cancel && cancel->isCancelled())
        return {};
    table.sentenceCount.assign(concepts.size(), 0);
    for (const SentenceLinker &l : linkers) {
        table.totalSentences += l.totalSentences;
        for (size_t c = 0; c < concepts.size(); ++c)
            table.sentenceCount[c] += l.sentenceCount[c];
    }
    // Global label ids in document order; records grouped by lower concept
    // with a stable counting sort, so each group stays in sentence order.
    QHash<QString, std::int32_t> labelIds;
    std::vector<size_t> counts(concepts.size() + 1, 0);
    for (DocumentPairs &p : pairs) {
        std::vector<std::int32_t> global(p.labels.size());
        for (size_t i = 0; i < p.labels.size(); ++i) {
            auto it = labelIds.constFind(p.labels[i]);
            if (it == labelIds.constEnd()) {
                it = labelIds.insert(p.labels[i], static_cast<std::int32_t>(table.labels.size()));
                table.labels.push_back(p.labels[i]);
            }
            global[i] = *it;
        }
        for (PairRecord &r : p.records) {
            if (r.label >= 0)
                r.label = global[static_cast<size_t>(r.label)];
            ++counts[static_cast<size_t>(r.key >> 32) + 1];
        }
    }
    table.offsets.assign(concepts.size() + 1, 0);
    for (size_t c = 0; c < concepts.size(); ++c)
        table.offsets[c + 1] = table.offsets[c] + counts[c + 1];
    table.records.resize(table.offsets.back());
    std::vector<size_t> fill(table.offsets.begin(), table.offsets.end() - 1);
    for (DocumentPairs &p : pairs) {
        for (const PairRecord &r : p.records)
            table.records[fill[static_cast<size_t>(r.key >> 32)]++] = r;
        p = DocumentPairs();
    }
    return table;
}

// Keeps a link only while both ends still have room, strongest first, then
// gives a concept left isolated back its strongest link.
std::vector<Relation> keepStrongest(std::vector<Candidate> &all, size_t conceptCount, int maxRelationsPerConcept)
{
    // an order of indices: the candidates carry their evidence and labels,
    // too heavy to move around a sort of hundreds of thousands
    std::vector<std::uint32_t> order(all.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<std::uint32_t>(i);
    std::sort(order.begin(), order.end(), [&all](std::uint32_t i, std::uint32_t j) {
        const Candidate &x = all[i];
        const Candidate &y = all[j];
        if (x.strength != y.strength)
            return x.strength > y.strength;
        if (x.relation.source != y.relation.source)
            return x.relation.source < y.relation.source;
        return x.relation.target < y.relation.target;
    });
    std::vector<int> degree(conceptCount, 0);
    std::vector<bool> kept(all.size(), false);
    for (const std::uint32_t i : order) {
        const Candidate &c = all[i];
        if (degree[static_cast<size_t>(c.a)] >= maxRelationsPerConcept
            || degree[static_cast<size_t>(c.b)] >= maxRelationsPerConcept)
            continue;
        ++degree[static_cast<size_t>(c.a)];
        ++degree[static_cast<size_t>(c.b)];
        kept[i] = true;
    }
    // A concept whose partners were all full would be left isolated although
    // the texts connect it (a rare policy named beside a hub): give it back its
    // strongest link, letting the hub go over its cap by that one link.
    if (maxRelationsPerConcept > 0) {
        for (const std::uint32_t i : order) {
            const Candidate &c = all[i];
            if (kept[i] || (degree[static_cast<size_t>(c.a)] > 0 && degree[static_cast<size_t>(c.b)] > 0))
                continue;
            ++degree[static_cast<size_t>(c.a)];
            ++degree[static_cast<size_t>(c.b)];
            kept[i] = true;
        }
    }
    std::vector<Relation> out;
    for (const std::uint32_t i : order) {
        if (kept[i])
            out.push_back(std::move(all[i].relation));
    }
    return out;
}

} // namespace

std::vector<double> specificities(const std::vector<double> &scores)
{
    std::vector<double> out(scores.size(), 1.0);
    if (scores.empty())
        return out;
    std::vector<double> sorted = scores;
    const auto rank = std::min(sorted.size() - 1, static_cast<size_t>(static_cast<double>(sorted.size()) * kSpecificityRank));
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(rank), sorted.end(), std::greater<>());
    const double reference = sorted[rank];
    if (!(reference > 0.0))
        return out;
    for (size_t i = 0; i < scores.size(); ++i)
        out[i] = std::clamp(scores[i] / reference, kMinSpecificity, 1.0);
    return out;
}

std::vector<Relation> extractRelations(const std::vector<Concept> &concepts, const std::vector<DocumentTokens> &documents,
                                       const std::vector<QStringView> &documentTexts, const RelationOptions &options,
                                       const CancelToken *cancel)
{
    const int threads = options.threads > 0 ? options.threads
                                            : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    PairTable table = collectPairs(concepts, documents, documentTexts, threads, cancel);
    if (cancel && cancel->isCancelled())
        return {};
    std::vector<double> scores;
    scores.reserve(concepts.size());
    for (const Concept &c : concepts)
        scores.push_back(c.score);
    const std::vector<double> specificity = specificities(scores);
    std::vector<std::vector<Candidate>> found(concepts.size());
    parallelFor(static_cast<int>(concepts.size()), threads, [&](int a, int) {
        groupPairs(concepts, specificity, table, a, options.maxEvidencePerRelation, found[static_cast<size_t>(a)]);
    });
    std::vector<Candidate> all;
    size_t total = 0;
    for (const auto &f : found)
        total += f.size();
    all.reserve(total);
    for (auto &f : found) {
        all.insert(all.end(), std::make_move_iterator(f.begin()), std::make_move_iterator(f.end()));
        f = {};
    }
    return keepStrongest(all, concepts.size(), options.maxRelationsPerConcept);
}

} // namespace carto::extract
