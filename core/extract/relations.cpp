#include "relations.h"

#include "parallel.h"
#include "sentencelinker.h"

#include <QHash>

#include <algorithm>
#include <bit>
#include <cmath>
#include <thread>
#include <utility>

namespace carto::extract {

namespace {

constexpr double kMinWeight = 1e-4;

// Everything the grouping step reads.
struct PairTable
{
    std::vector<PairRecord> records; // sorted by pair (lower concept, higher), each pair in sentence order
    std::vector<size_t> offsets;     // records of lower concept a: [offsets[a], offsets[a + 1])
    std::vector<QString> labels;     // global label ids -> text
    std::vector<Span> sentences;     // global sentence index -> its span
    std::vector<int> sentenceCount;  // per concept
    int totalSentences = 0;
};

// A linked pair before the cap: its numbers, and its records in the table
// (the label and the evidence are read from them only for the pairs kept).
struct Candidate
{
    double strength;
    double weight;
    size_t first; // records [first, first + count)
    int count;
    int a; // lower concept index
    int b;
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
void groupPairs(const std::vector<double> &specificity, const PairTable &table, int a, std::vector<Candidate> &out)
{
    const size_t begin = table.offsets[static_cast<size_t>(a)];
    const size_t end = table.offsets[static_cast<size_t>(a) + 1];
    const double total = std::max(1, table.totalSentences);
    for (size_t i = begin; i != end;) {
        size_t j = i;
        int crossing = 0;
        for (; j != end && table.records[j].key == table.records[i].key; ++j)
            crossing += table.records[j].label == kOtherClause ? 1 : 0;
        const int b = static_cast<int>(table.records[i].key & 0xffffffffu);
        const auto count = static_cast<int>(j - i);
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
        const double specific = std::min(specificity[static_cast<size_t>(a)], specificity[static_cast<size_t>(b)]);
        // positive: graph algorithms read a weight of 0 as an unweighted link
        const double evidence = (shared + 1.0) / (shared + 2.0);
        Candidate c;
        c.weight = std::max(association * (kWeightShare + (1.0 - kWeightShare) * specific) * evidence, kMinWeight);
        c.strength = shared * association * specific * specific;
        c.first = i;
        c.count = count;
        c.a = a;
        c.b = b;
        out.push_back(c);
        i = j;
    }
}

// The concepts of one sentence, in order of start, then longer first.
void sortPlaced(std::vector<Placed> &ms)
{
    std::sort(ms.begin(), ms.end(), [](const Placed &a, const Placed &b) {
        if (a.start != b.start)
            return a.start < b.start;
        return a.end != b.end ? a.end > b.end : a.conceptIndex < b.conceptIndex;
    });
}

// Whether sentence `si` was linked before with these very mentions, each
// naming the concept that is now `ms`'s: then it gives the same pairs.
bool linkedAlike(const DocumentLinks &old, size_t si, const std::vector<Placed> &ms, const std::vector<int> &oldToNew)
{
    const size_t begin = si > 0 ? old.mentionEnds[si - 1] : 0;
    if (old.mentionEnds[si] - begin != ms.size())
        return false;
    for (size_t k = 0; k < ms.size(); ++k) {
        const DocumentLinks::Mention &m = old.mentions[begin + k];
        if (m.start != ms[k].start || m.end != ms[k].end || oldToNew[static_cast<size_t>(m.conceptIndex)] != ms[k].conceptIndex)
            return false;
    }
    return true;
}

// The records sentence `si` gave before, in the new concept numbering.
void copyLinks(const DocumentLinks &old, size_t si, const std::vector<int> &oldToNew, DocumentLinks &out)
{
    const size_t begin = si > 0 ? old.recordEnds[si - 1] : 0;
    for (size_t r = begin; r < old.recordEnds[si]; ++r) {
        PairRecord record = old.records[r];
        record.key = pairKey(oldToNew[static_cast<size_t>(record.key >> 32)],
                             oldToNew[static_cast<size_t>(record.key & 0xffffffffu)]);
        out.records.push_back(record);
    }
}

// What a run links from: the documents, each mention by document, and the
// last run's links where they can be reused.
struct LinkInput
{
    const std::vector<DocumentTokens> &documents;
    const std::vector<QStringView> &texts;
    std::vector<std::vector<Placed>> byDocument; // in concept order
    std::vector<std::int32_t> firstSentence;     // per document + 1: global sentence indices
    const SentenceLinks *previous = nullptr;     // null, or one of as many documents and sentences
    std::vector<int> oldToNew;                   // previous concept index -> this run's, or -1
};

// Links one document's sentences into `out`: each mention into its
// sentence, then each sentence linked again unless it was linked alike.
void linkDocument(const LinkInput &in, size_t di, SentenceLinker &linker, DocumentLinks &out, std::vector<Span> &sentences)
{
    const DocumentTokens &d = in.documents[di];
    const auto &ss = d.sentences;
    for (size_t si = 0; si < ss.size(); ++si)
        sentences[static_cast<size_t>(in.firstSentence[di]) + si] = Span{DocumentId(static_cast<int>(di)), ss[si].range};
    std::vector<std::vector<Placed>> inSentence(ss.size());
    for (const Placed &m : in.byDocument[di]) {
        auto it = std::upper_bound(ss.begin(), ss.end(), m.start,
                                   [](qsizetype pos, const Sentence &s) { return pos < s.range.start; });
        if (it == ss.begin())
            continue;
        --it;
        if (m.end <= it->range.end)
            inSentence[static_cast<size_t>(it - ss.begin())].push_back(m);
    }
    const DocumentLinks *old = in.previous ? &in.previous->documents[di] : nullptr;
    if (old)
        out.labels = old->labels;
    out.mentionEnds.resize(ss.size());
    out.recordEnds.resize(ss.size());
    bool started = false;
    for (size_t si = 0; si < ss.size(); ++si) {
        std::vector<Placed> &ms = inSentence[si];
        sortPlaced(ms);
        for (const Placed &m : ms)
            out.mentions.push_back({m.start, m.end, m.conceptIndex});
        out.mentionEnds[si] = static_cast<std::uint32_t>(out.mentions.size());
        if (linker.count(ms)) {
            if (old && linkedAlike(*old, si, ms, in.oldToNew)) {
                copyLinks(*old, si, in.oldToNew, out);
            } else {
                if (!started)
                    linker.startDocument(out);
                started = true;
                linker.link(d, ss[si], in.texts[di], ms, in.firstSentence[di] + static_cast<std::int32_t>(si), out);
            }
        }
        out.recordEnds[si] = static_cast<std::uint32_t>(out.records.size());
    }
}

// Whether `previous` was linked from these documents (as many, each with as many sentences).
bool fits(const SentenceLinks *previous, const std::vector<DocumentTokens> &documents, size_t docs)
{
    if (!previous || previous->documents.size() != docs)
        return false;
    for (size_t di = 0; di < docs; ++di) {
        if (previous->documents[di].mentionEnds.size() != documents[di].sentences.size())
            return false;
    }
    return true;
}

// Numbers the labels globally in document order and sorts the records by
// pair, each pair in sentence order: the documents hold them in sentence
// order, so two stable counting sorts (by the higher concept, then the lower)
// do it in linear time.
void sortRecords(const SentenceLinks &links, size_t conceptCount, PairTable &table)
{
    QHash<QString, std::int32_t> labelIds;
    size_t total = 0;
    std::vector<size_t> byHigh(conceptCount + 1, 0);
    std::vector<size_t> byLow(conceptCount + 1, 0);
    for (const DocumentLinks &p : links.documents) {
        total += p.records.size();
        for (const PairRecord &r : p.records) {
            ++byHigh[static_cast<size_t>(r.key & 0xffffffffu) + 1];
            ++byLow[static_cast<size_t>(r.key >> 32) + 1];
        }
    }
    for (size_t c = 0; c < conceptCount; ++c) {
        byHigh[c + 1] += byHigh[c];
        byLow[c + 1] += byLow[c];
    }
    std::vector<PairRecord> high(total);
    for (const DocumentLinks &p : links.documents) {
        std::vector<std::int32_t> global(p.labels.size());
        for (size_t i = 0; i < p.labels.size(); ++i) {
            auto it = labelIds.constFind(p.labels[i]);
            if (it == labelIds.constEnd()) {
                it = labelIds.insert(p.labels[i], static_cast<std::int32_t>(table.labels.size()));
                table.labels.push_back(p.labels[i]);
            }
            global[i] = *it;
        }
        for (PairRecord r : p.records) {
            if (r.label >= 0)
                r.label = global[static_cast<size_t>(r.label)];
            high[byHigh[static_cast<size_t>(r.key & 0xffffffffu)]++] = r;
        }
    }
    table.offsets.assign(byLow.begin(), byLow.end());
    table.records.resize(total);
    for (const PairRecord &r : high)
        table.records[byLow[static_cast<size_t>(r.key >> 32)]++] = r;
}

// Places every mention in its sentence and links each sentence's clauses
// (or takes its pairs from `previous`), documents in parallel; then sorts the
// pairs. `links` receives what each document gave.
PairTable collectPairs(const std::vector<Concept> &concepts, LinkInput &in, int threads, SentenceLinks &links,
                       const CancelToken *cancel)
{
    PairTable table;
    const size_t docs = std::min(in.documents.size(), in.texts.size());
    in.firstSentence.assign(docs + 1, 0);
    for (size_t di = 0; di < docs; ++di)
        in.firstSentence[di + 1] = in.firstSentence[di] + static_cast<std::int32_t>(in.documents[di].sentences.size());
    table.sentences.resize(static_cast<size_t>(in.firstSentence[docs]));
    in.byDocument.assign(docs, {});
    for (int ci = 0; ci < static_cast<int>(concepts.size()); ++ci) {
        for (const Mention &m : concepts[static_cast<size_t>(ci)].mentions) {
            const auto di = static_cast<size_t>(m.span.document.value());
            if (di < docs)
                in.byDocument[di].push_back({ci, m.span.range.start, m.span.range.end, 0, 0});
        }
    }
    if (!fits(in.previous, in.documents, docs))
        in.previous = nullptr;
    if (in.previous) {
        QHash<ConceptId, int> index;
        index.reserve(static_cast<qsizetype>(concepts.size()));
        for (int ci = 0; ci < static_cast<int>(concepts.size()); ++ci)
            index.insert(concepts[static_cast<size_t>(ci)].id, ci);
        in.oldToNew.clear();
        for (const ConceptId &id : in.previous->ids)
            in.oldToNew.push_back(index.value(id, -1));
    }
    links.ids.clear();
    for (const Concept &c : concepts)
        links.ids.push_back(c.id);
    links.documents.assign(docs, {});
    std::vector<SentenceLinker> linkers;
    for (int t = 0; t < threads; ++t)
        linkers.emplace_back(concepts.size());
    parallelFor(static_cast<int>(docs), threads, [&](int di, int thread) {
        if (!(cancel && cancel->isCancelled()))
            linkDocument(in, static_cast<size_t>(di), linkers[static_cast<size_t>(thread)],
                         links.documents[static_cast<size_t>(di)], table.sentences);
    });
    if (cancel && cancel->isCancelled())
        return {};
    table.sentenceCount.assign(concepts.size(), 0);
    for (const SentenceLinker &l : linkers) {
        table.totalSentences += l.totalSentences;
        for (size_t c = 0; c < concepts.size(); ++c)
            table.sentenceCount[c] += l.sentenceCount[c];
    }
    sortRecords(links, concepts.size(), table);
    return table;
}

// A candidate's place in the order links are kept in.
struct SortKey
{
    std::uint64_t strength; // the bits of a double >= 0, which order as the doubles do
    std::uint32_t source;   // the lower id's rank
    std::uint32_t target;
    std::uint32_t index;
};

// Sorts by strength, strongest first, then by source and target: a radix
// sort on the strength's bits (a comparison sort of the hundreds of
// thousands of candidates took most of the stage's time after a curation
// edit), then the rare runs of equal strength by their ends.
void sortStrongestFirst(std::vector<SortKey> &keys)
{
    constexpr int kBits = 11;
    constexpr size_t kBuckets = size_t(1) << kBits;
    std::vector<SortKey> scratch(keys.size());
    std::vector<size_t> count(kBuckets);
    for (int shift = 0; shift < 64; shift += kBits) {
        std::fill(count.begin(), count.end(), 0);
        const auto digit = [shift](const SortKey &k) { return static_cast<size_t>(~k.strength >> shift) & (kBuckets - 1); };
        for (const SortKey &k : keys)
            ++count[digit(k)];
        if (std::find(count.begin(), count.end(), keys.size()) != count.end())
            continue; // every key has this digit
        size_t sum = 0;
        for (size_t &c : count)
            sum += std::exchange(c, sum);
        for (const SortKey &k : keys)
            scratch[count[digit(k)]++] = k;
        keys.swap(scratch);
    }
    for (size_t i = 0; i < keys.size();) {
        size_t j = i + 1;
        while (j < keys.size() && keys[j].strength == keys[i].strength)
            ++j;
        if (j - i > 1) {
            std::sort(keys.begin() + static_cast<std::ptrdiff_t>(i), keys.begin() + static_cast<std::ptrdiff_t>(j),
                      [](const SortKey &x, const SortKey &y) {
                          return x.source != y.source ? x.source < y.source : x.target < y.target;
                      });
        }
        i = j;
    }
}

// Keeps a link only while both ends still have room, strongest first (ties
// by the ends' ids), then gives a concept left isolated back its strongest
// link. The kept candidates' indices, in that order.
std::vector<std::uint32_t> keepStrongest(const std::vector<Candidate> &all, const std::vector<Concept> &concepts,
                                         int maxRelationsPerConcept)
{
    // Each concept's rank by id, so the sort compares numbers, not strings.
    std::vector<std::uint32_t> byId(concepts.size());
    for (size_t i = 0; i < byId.size(); ++i)
        byId[i] = static_cast<std::uint32_t>(i);
    std::sort(byId.begin(), byId.end(), [&](std::uint32_t x, std::uint32_t y) { return concepts[x].id < concepts[y].id; });
    std::vector<std::uint32_t> rank(concepts.size());
    for (size_t r = 0; r < byId.size(); ++r)
        rank[byId[r]] = static_cast<std::uint32_t>(r);
    std::vector<SortKey> order(all.size());
    for (size_t i = 0; i < all.size(); ++i) {
        const std::uint32_t ra = rank[static_cast<size_t>(all[i].a)];
        const std::uint32_t rb = rank[static_cast<size_t>(all[i].b)];
        order[i] = {std::bit_cast<std::uint64_t>(all[i].strength), std::min(ra, rb), std::max(ra, rb),
                    static_cast<std::uint32_t>(i)};
    }
    sortStrongestFirst(order);
    std::vector<int> degree(concepts.size(), 0);
    std::vector<bool> kept(all.size(), false);
    for (const SortKey &k : order) {
        const Candidate &c = all[k.index];
        if (degree[static_cast<size_t>(c.a)] >= maxRelationsPerConcept
            || degree[static_cast<size_t>(c.b)] >= maxRelationsPerConcept)
            continue;
        ++degree[static_cast<size_t>(c.a)];
        ++degree[static_cast<size_t>(c.b)];
        kept[k.index] = true;
    }
    // A concept whose partners were all full would be left isolated although
    // the texts connect it (a rare policy named beside a hub): give it back its
    // strongest link, letting the hub go over its cap by that one link.
    if (maxRelationsPerConcept > 0) {
        for (const SortKey &k : order) {
            const Candidate &c = all[k.index];
            if (kept[k.index] || (degree[static_cast<size_t>(c.a)] > 0 && degree[static_cast<size_t>(c.b)] > 0))
                continue;
            ++degree[static_cast<size_t>(c.a)];
            ++degree[static_cast<size_t>(c.b)];
            kept[k.index] = true;
        }
    }
    std::vector<std::uint32_t> out;
    for (const SortKey &k : order) {
        if (kept[k.index])
            out.push_back(k.index);
    }
    return out;
}

// A kept candidate as a Relation: its label and evidence from its records.
Relation relationOf(const Candidate &c, const std::vector<Concept> &concepts, const PairTable &table, int maxEvidence,
                    std::vector<std::int32_t> &ids)
{
    Relation r;
    ConceptId ia = concepts[static_cast<size_t>(c.a)].id;
    ConceptId ib = concepts[static_cast<size_t>(c.b)].id;
    if (ib < ia)
        std::swap(ia, ib);
    r.source = std::move(ia);
    r.target = std::move(ib);
    r.count = c.count;
    r.weight = c.weight;
    const std::span<const PairRecord> records(table.records.data() + c.first, static_cast<size_t>(c.count));
    r.label = edgeLabel(records, table.labels, ids);
    const auto evidence = std::min(static_cast<size_t>(std::max(maxEvidence, 0)), records.size());
    r.evidence.reserve(evidence);
    for (size_t k = 0; k < evidence; ++k)
        r.evidence.push_back({table.sentences[static_cast<size_t>(records[k].sentence)]});
    return r;
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
    return extractRelations(concepts, documents, documentTexts, options, nullptr, nullptr, cancel);
}

std::vector<Relation> extractRelations(const std::vector<Concept> &concepts, const std::vector<DocumentTokens> &documents,
                                       const std::vector<QStringView> &documentTexts, const RelationOptions &options,
                                       const SentenceLinks *previous, std::shared_ptr<const SentenceLinks> *linked,
                                       const CancelToken *cancel)
{
    const int threads = options.threads > 0 ? options.threads
                                            : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    LinkInput in{documents, documentTexts, {}, {}, previous, {}};
    auto links = std::make_shared<SentenceLinks>();
    const PairTable table = collectPairs(concepts, in, threads, *links, cancel);
    if (cancel && cancel->isCancelled())
        return {};
    if (linked)
        *linked = std::move(links);
    else
        links.reset();
    std::vector<double> scores;
    scores.reserve(concepts.size());
    for (const Concept &c : concepts)
        scores.push_back(c.score);
    const std::vector<double> specificity = specificities(scores);
    std::vector<std::vector<Candidate>> found(concepts.size());
    parallelFor(static_cast<int>(concepts.size()), threads,
                [&](int a, int) { groupPairs(specificity, table, a, found[static_cast<size_t>(a)]); });
    std::vector<Candidate> all;
    size_t total = 0;
    for (const auto &f : found)
        total += f.size();
    all.reserve(total);
    for (auto &f : found) {
        all.insert(all.end(), f.begin(), f.end());
        f = {};
    }
    const std::vector<std::uint32_t> kept = keepStrongest(all, concepts, options.maxRelationsPerConcept);
    std::vector<Relation> out(kept.size());
    parallelFor(static_cast<int>(kept.size()), threads, [&](int i, int) {
        thread_local std::vector<std::int32_t> ids;
        out[static_cast<size_t>(i)] = relationOf(all[kept[static_cast<size_t>(i)]], concepts, table,
                                                 options.maxEvidencePerRelation, ids);
    });
    return out;
}

} // namespace carto::extract
