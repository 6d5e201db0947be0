#include "relations.h"

#include "parallel.h"
#include "sentencelinks.h"

#include <QHash>

#include <algorithm>
#include <bit>
#include <cmath>
#include <thread>
#include <utility>

namespace carto::extract {

namespace {

constexpr double kMinWeight = 1e-4;

// Everything the grouping step reads, by concept number (SentenceLinks).
struct PairTable
{
    const SentenceLinks &links;
    std::vector<size_t> offsets;     // records of lower number a: [offsets[a], offsets[a + 1])
    std::vector<double> specificity; // per number
};

// A linked pair before the cap: its numbers, and its records in the table
// (the label and the evidence are read from them only for the pairs kept).
struct Candidate
{
    double strength;
    double weight;
    size_t first; // records [first, first + count)
    int count;
    int a; // lower concept number
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

// The candidates whose lower concept number is a, in order of the higher one.
void groupPairs(const PairTable &table, int a, std::vector<Candidate> &out)
{
    const size_t begin = table.offsets[static_cast<size_t>(a)];
    const size_t end = table.offsets[static_cast<size_t>(a) + 1];
    const SentenceLinks &links = table.links;
    const std::vector<double> &specificity = table.specificity;
    const double total = std::max(1, links.totalSentences);
    for (size_t i = begin; i != end;) {
        size_t j = i;
        int crossing = 0;
        for (; j != end && links.records[j].key == links.records[i].key; ++j)
            crossing += links.records[j].label == kOtherClause ? 1 : 0;
        const int b = static_cast<int>(links.records[i].key & 0xffffffffu);
        const auto count = static_cast<int>(j - i);
        const double shared = static_cast<double>(count) - (1.0 - kOtherClauseShare) * static_cast<double>(crossing);
        if (shared <= 0.0) {
            i = j;
            continue;
        }
        const double pij = shared / total;
        const double pi = links.sentenceCount[static_cast<size_t>(a)] / total;
        const double pj = links.sentenceCount[static_cast<size_t>(b)] / total;
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

// A candidate's place in the order links are kept in: its strength rounded
// to a float (which keeps the doubles' order, ties aside), and its index.
struct SortKey
{
    std::uint32_t coarse; // the bits of the float, complemented: ascending is strongest first
    std::uint32_t index;
};

// Sorts strongest first, then by the ends' id ranks: a radix sort on the
// strength rounded to a float (a comparison sort of the ~250,000 candidates
// after a curation edit took most of the stage's time, and sorting 8-byte
// keys on 32 bits moves a sixth of what 24-byte keys on 64 bits would),
// then each run of equal floats by the exact order.
void sortStrongestFirst(std::vector<SortKey> &keys, const std::vector<Candidate> &all,
                        const std::vector<std::uint32_t> &rank)
{
    constexpr int kBits = 11;
    constexpr size_t kBuckets = size_t(1) << kBits;
    std::vector<SortKey> scratch(keys.size());
    std::vector<size_t> count(kBuckets);
    for (int shift = 0; shift < 32; shift += kBits) {
        std::fill(count.begin(), count.end(), 0);
        const auto digit = [shift](const SortKey &k) { return static_cast<size_t>(k.coarse >> shift) & (kBuckets - 1); };
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
    const auto before = [&](const SortKey &x, const SortKey &y) {
        const Candidate &p = all[x.index];
        const Candidate &q = all[y.index];
        if (p.strength != q.strength)
            return p.strength > q.strength;
        const std::uint32_t ps = std::min(rank[static_cast<size_t>(p.a)], rank[static_cast<size_t>(p.b)]);
        const std::uint32_t qs = std::min(rank[static_cast<size_t>(q.a)], rank[static_cast<size_t>(q.b)]);
        if (ps != qs)
            return ps < qs;
        return std::max(rank[static_cast<size_t>(p.a)], rank[static_cast<size_t>(p.b)])
            < std::max(rank[static_cast<size_t>(q.a)], rank[static_cast<size_t>(q.b)]);
    };
    for (size_t i = 0; i < keys.size();) {
        size_t j = i + 1;
        while (j < keys.size() && keys[j].coarse == keys[i].coarse)
            ++j;
        if (j - i > 1)
            std::sort(keys.begin() + static_cast<std::ptrdiff_t>(i), keys.begin() + static_cast<std::ptrdiff_t>(j), before);
        i = j;
    }
}

// Keeps a link only while both ends still have room, strongest first (ties
// by the ends' ids), then gives a concept left isolated back its strongest
// link. The kept candidates' indices, in that order.
std::vector<std::uint32_t> keepStrongest(const std::vector<Candidate> &all, const std::vector<ConceptId> &ids,
                                         int maxRelationsPerConcept)
{
    // Each concept's rank by id, so the sort compares numbers, not strings.
    std::vector<std::uint32_t> byId(ids.size());
    for (size_t i = 0; i < byId.size(); ++i)
        byId[i] = static_cast<std::uint32_t>(i);
    std::sort(byId.begin(), byId.end(), [&](std::uint32_t x, std::uint32_t y) { return ids[x] < ids[y]; });
    std::vector<std::uint32_t> rank(ids.size());
    for (size_t r = 0; r < byId.size(); ++r)
        rank[byId[r]] = static_cast<std::uint32_t>(r);
    // Strengths are >= 0, so their floats' bits order as they do.
    std::vector<SortKey> order(all.size());
    for (size_t i = 0; i < all.size(); ++i)
        order[i] = {~std::bit_cast<std::uint32_t>(static_cast<float>(all[i].strength)), static_cast<std::uint32_t>(i)};
    sortStrongestFirst(order, all, rank);
    std::vector<int> degree(ids.size(), 0);
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
Relation relationOf(const Candidate &c, const PairTable &table, int maxEvidence, std::vector<std::int32_t> &ids)
{
    const SentenceLinks &links = table.links;
    Relation r;
    ConceptId ia = links.ids[static_cast<size_t>(c.a)];
    ConceptId ib = links.ids[static_cast<size_t>(c.b)];
    if (ib < ia)
        std::swap(ia, ib);
    r.source = std::move(ia);
    r.target = std::move(ib);
    r.count = c.count;
    r.weight = c.weight;
    const std::span<const PairRecord> records(links.records.data() + c.first, static_cast<size_t>(c.count));
    r.label = edgeLabel(records, links.labels, ids);
    const auto evidence = std::min(static_cast<size_t>(std::max(maxEvidence, 0)), records.size());
    r.evidence.reserve(evidence);
    for (size_t k = 0; k < evidence; ++k)
        r.evidence.push_back({(*links.sentences)[static_cast<size_t>(records[k].sentence)]});
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
    std::vector<int> number;
    const std::shared_ptr<const SentenceLinks> links
        = linkSentences(concepts, documents, documentTexts, previous, threads, number, cancel);
    if (!links || (cancel && cancel->isCancelled()))
        return {};
    if (linked)
        *linked = links;
    const size_t numbers = links->ids.size();
    PairTable table{*links, std::vector<size_t>(numbers + 1, 0), std::vector<double>(numbers, 1.0)};
    for (const PairRecord &r : links->records)
        ++table.offsets[static_cast<size_t>(r.key >> 32) + 1];
    for (size_t n = 0; n < numbers; ++n)
        table.offsets[n + 1] += table.offsets[n];
    std::vector<double> scores;
    scores.reserve(concepts.size());
    for (const Concept &c : concepts)
        scores.push_back(c.score);
    const std::vector<double> specificity = specificities(scores);
    for (size_t i = 0; i < concepts.size(); ++i)
        table.specificity[static_cast<size_t>(number[i])] = specificity[i];
    std::vector<std::vector<Candidate>> found(numbers);
    parallelFor(static_cast<int>(numbers), threads, [&](int a, int) { groupPairs(table, a, found[static_cast<size_t>(a)]); });
    std::vector<Candidate> all;
    size_t total = 0;
    for (const auto &f : found)
        total += f.size();
    all.reserve(total);
    for (auto &f : found) {
        all.insert(all.end(), f.begin(), f.end());
        f = {};
    }
    const std::vector<std::uint32_t> kept = keepStrongest(all, links->ids, options.maxRelationsPerConcept);
    std::vector<Relation> out(kept.size());
    parallelFor(static_cast<int>(kept.size()), threads, [&](int i, int) {
        thread_local std::vector<std::int32_t> ids;
        out[static_cast<size_t>(i)] = relationOf(all[kept[static_cast<size_t>(i)]], table, options.maxEvidencePerRelation, ids);
    });
    return out;
}

} // namespace carto::extract
