#include "mentions.h"

#include "parallel.h"

#include <algorithm>
#include <climits>
#include <tuple>

namespace carto::extract {

namespace {

constexpr std::uint16_t kExplicit = KLink | KQuoted | KExpansion;

bool byStartThenLength(const Occurrence &a, const Occurrence &b)
{
    if (a.b != b.b)
        return a.b < b.b;
    if ((a.kinds & KNested) != (b.kinds & KNested))
        return !(a.kinds & KNested);
    if (a.e != b.e)
        return a.e > b.e;
    return a.key < b.key;
}

std::vector<Occurrence> primaryMentions(const std::vector<Occurrence> &found)
{
    // one sort key per occurrence: explicit, longer, earlier
    struct Ranked
    {
        std::uint64_t rank;
        std::int32_t key;
        const Occurrence *o;
    };
    std::vector<Ranked> order;
    order.reserve(found.size());
    std::int32_t maxToken = 0;
    for (const Occurrence &o : found) {
        const std::uint64_t rank = (static_cast<std::uint64_t>(!(o.kinds & kExplicit)) << 62)
            | (static_cast<std::uint64_t>(0xFFFF - std::min(0xFFFF, o.e - o.b)) << 40) | static_cast<std::uint64_t>(o.b);
        order.push_back({rank, o.key, &o});
        maxToken = std::max(maxToken, o.e);
    }
    std::sort(order.begin(), order.end(),
              [](const Ranked &a, const Ranked &b) { return a.rank != b.rank ? a.rank < b.rank : a.key < b.key; });
    std::vector<bool> used(static_cast<size_t>(maxToken), false);
    std::vector<Occurrence> out;
    for (const Ranked &r : order) {
        const Occurrence *o = r.o;
        bool free = true;
        for (std::int32_t k = o->b; k < o->e && free; ++k)
            free = !used[static_cast<size_t>(k)];
        if (!free)
            continue;
        for (std::int32_t k = o->b; k < o->e; ++k)
            used[static_cast<size_t>(k)] = true;
        out.push_back(*o);
    }
    return out;
}

// Per key, how often a single-word common noun stands before the head inside
// a primary mention.
std::vector<int> modifierUses(const std::vector<std::vector<Occurrence>> &found,
                              const std::vector<std::vector<Occurrence>> &primary, const std::vector<KeyInfo> &keys,
                              int threads)
{
    std::vector<std::vector<int>> per(static_cast<size_t>(std::max(1, threads)), std::vector<int>(keys.size(), 0));
    parallelFor(static_cast<int>(found.size()), threads, [&](int di, int thread) {
        // the primary mentions' token ranges, by start
        std::vector<std::pair<std::int32_t, std::int32_t>> ranges;
        for (const Occurrence &p : primary[static_cast<size_t>(di)]) {
            if (p.e - p.b >= 2)
                ranges.emplace_back(p.b, p.e);
        }
        std::sort(ranges.begin(), ranges.end());
        for (const Occurrence &o : found[static_cast<size_t>(di)]) {
            if (o.e - o.b != 1 || keys[static_cast<size_t>(o.key)].named)
                continue;
            auto it = std::upper_bound(ranges.begin(), ranges.end(), std::make_pair(o.b, INT32_MAX));
            if (it == ranges.begin())
                continue;
            --it;
            if (it->first <= o.b && o.e < it->second)
                ++per[static_cast<size_t>(thread)][static_cast<size_t>(o.key)];
        }
    });
    std::vector<int> uses = std::move(per[0]);
    for (size_t t = 1; t < per.size(); ++t) {
        for (size_t k = 0; k < uses.size(); ++k)
            uses[k] += per[t][k];
    }
    return uses;
}

} // namespace

std::vector<std::vector<Occurrence>> assignMentions(const CandidateSet &candidates, int threads)
{
    const auto &found = candidates.occurrences;
    std::vector<std::vector<Occurrence>> assigned(found.size());
    parallelFor(static_cast<int>(found.size()), threads, [&](int di, int) {
        std::vector<Occurrence> phrases;
        std::vector<Occurrence> words;
        for (const Occurrence &o : found[static_cast<size_t>(di)])
            ((o.kinds & kPhraseKinds) ? phrases : words).push_back(o);
        std::vector<Occurrence> &out = assigned[static_cast<size_t>(di)];
        out = primaryMentions(words);
        for (const Occurrence &o : primaryMentions(phrases))
            out.push_back(o);
    });
    // keys that stand as a primary mention somewhere, and nouns that modify
    // compounds more than once: subjects of the text even if they never stand
    // alone ("lithography" of "lithography machines")
    const std::vector<KeyInfo> &keys = candidates.keys;
    std::vector<std::uint8_t> standing(keys.size(), 0);
    for (const auto &doc : assigned) {
        for (const Occurrence &o : doc)
            standing[static_cast<size_t>(o.key)] = 1;
    }
    const std::vector<int> uses = modifierUses(found, assigned, keys, threads);
    for (size_t k = 0; k < keys.size(); ++k) {
        if (uses[k] >= 2)
            standing[k] = 1;
    }
    parallelFor(static_cast<int>(found.size()), threads, [&](int di, int) {
        std::vector<Occurrence> &mine = assigned[static_cast<size_t>(di)];
        std::sort(mine.begin(), mine.end(), byStartThenLength);
        // the occurrences by start, to find those inside each primary mention
        std::vector<const Occurrence *> all;
        all.reserve(found[static_cast<size_t>(di)].size());
        for (const Occurrence &o : found[static_cast<size_t>(di)])
            all.push_back(&o);
        std::sort(all.begin(), all.end(), [](const Occurrence *a, const Occurrence *b) { return byStartThenLength(*a, *b); });
        std::vector<Occurrence> nested;
        // (start, end, key) of the primary mentions, sorted for binary search
        auto place = [](const Occurrence &o) {
            return std::make_tuple(o.b, o.e, o.key);
        };
        std::vector<std::tuple<std::int32_t, std::int32_t, std::int32_t>> primaryAt;
        primaryAt.reserve(mine.size());
        for (const Occurrence &p : mine)
            primaryAt.push_back(place(p));
        std::sort(primaryAt.begin(), primaryAt.end());
        size_t j = 0;
        for (const Occurrence &p : mine) {
            if (p.e - p.b < 2)
                continue;
            while (j < all.size() && all[j]->b < p.b)
                ++j;
            for (size_t k = j; k < all.size() && all[k]->b < p.e; ++k) {
                const Occurrence &o = *all[k];
                if (o.e > p.e || (o.b == p.b && o.e == p.e) || o.key == p.key
                    || (!standing[static_cast<size_t>(o.key)] && keys[static_cast<size_t>(o.key)].count < 2)
                    || std::binary_search(primaryAt.begin(), primaryAt.end(), place(o)))
                    continue;
                Occurrence n = o;
                n.kinds |= KNested | (o.e == p.e ? KNestedHead : 0);
                nested.push_back(n);
            }
        }
        // one nested mention per key and place
        std::sort(nested.begin(), nested.end(), byStartThenLength);
        nested.erase(std::unique(nested.begin(), nested.end(),
                                 [](const Occurrence &a, const Occurrence &b) {
                                     return a.b == b.b && a.e == b.e && a.key == b.key;
                                 }),
                     nested.end());
        // both runs are sorted and the order is total: merge, not sort again
        const auto primaries = static_cast<std::ptrdiff_t>(mine.size());
        mine.insert(mine.end(), nested.begin(), nested.end());
        std::inplace_merge(mine.begin(), mine.begin() + primaries, mine.end(), byStartThenLength);
    });
    return assigned;
}

} // namespace carto::extract
