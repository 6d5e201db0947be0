#include "relationextractor.h"

#include <algorithm>
#include <cmath>
#include <thread>
#include <unordered_map>

namespace carto::extract {

namespace {

struct PairStats
{
    int count = 0;
    std::vector<Evidence> evidence;
    std::unordered_map<std::u16string, int> labels;
};

} // namespace

QString relationLabel(QStringView gap)
{
    // Normalise the gap: lower case, punctuation dropped, leading/trailing articles removed.
    QStringList words;
    QString current;
    for (QChar c : gap) {
        if (c.isLetter()) {
            current.append(c.toLower());
        } else if (!current.isEmpty()) {
            words.append(current);
            current.clear();
        }
    }
    if (!current.isEmpty())
        words.append(current);
    auto isArticle = [](const QString &w) { return w == u"the" || w == u"a" || w == u"an"; };
    while (!words.isEmpty() && isArticle(words.front()))
        words.removeFirst();
    while (!words.isEmpty() && isArticle(words.back()))
        words.removeLast();
    if (words.isEmpty() || words.size() > 3)
        return {};
    const QString joined = words.join(u' ');
    static const std::initializer_list<const char16_t *> connectives = {
        u"such as", u"like", u"including", u"includes", u"include", u"exemplified by", u"enables",
        u"enable", u"enabled by", u"drives", u"drive", u"driven by", u"powers", u"power", u"powered by",
        u"uses", u"use", u"using", u"supports", u"supported by", u"leads", u"led by", u"owns", u"owned by",
        u"acquired", u"acquired by", u"versus", u"vs", u"against", u"replaces", u"threatens", u"requires",
        u"is part of", u"part of", u"based in", u"and other", u"or other"};
    for (const char16_t *c : connectives) {
        if (joined == QStringView(c))
            return joined;
    }
    return {};
}

namespace {

struct Candidate
{
    Relation relation;
    double strength;
    int a;
    int b;
};

// The pairs whose lower concept index has the given parity (of `parts`), in
// sentence order: evidence stays the first sentences that show the pair, as a
// single pass would keep. Part 0 also counts the sentences per concept.
std::unordered_map<std::uint64_t, PairStats> collectPairs(const std::vector<SentenceMentions> &sentences,
                                                          const std::vector<QStringView> &documentTexts,
                                                          int maxEvidencePerRelation, int part, int parts,
                                                          std::vector<int> *sentenceCount, int *totalSentences)
{
    std::unordered_map<std::uint64_t, PairStats> pairs;
    std::vector<int> distinct;
    for (const SentenceMentions &s : sentences) {
        distinct.clear();
        for (const SentenceMention &m : s.mentions)
            distinct.push_back(m.conceptIndex);
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        if (distinct.empty())
            continue;
        if (sentenceCount) {
            ++*totalSentences;
            for (int c : distinct)
                ++(*sentenceCount)[static_cast<size_t>(c)];
        }
        for (size_t a = 0; a < distinct.size(); ++a) {
            if (distinct[a] % parts != part)
                continue;
            for (size_t b = a + 1; b < distinct.size(); ++b) {
                const std::uint64_t key = (static_cast<std::uint64_t>(distinct[a]) << 32)
                    | static_cast<std::uint32_t>(distinct[b]);
                PairStats &p = pairs[key];
                ++p.count;
                if (static_cast<int>(p.evidence.size()) < maxEvidencePerRelation)
                    p.evidence.push_back({s.sentence});
            }
        }
        // labels: adjacent mention pairs with a short connective gap
        const QStringView text = documentTexts[static_cast<size_t>(s.sentence.document.value())];
        for (size_t i = 0; i + 1 < s.mentions.size(); ++i) {
            const SentenceMention &x = s.mentions[i];
            const SentenceMention &y = s.mentions[i + 1];
            const int lo = std::min(x.conceptIndex, y.conceptIndex);
            if (lo % parts != part || x.conceptIndex == y.conceptIndex || y.start < x.end || y.start - x.end > 40)
                continue;
            const QString label = relationLabel(text.mid(x.end, y.start - x.end));
            if (label.isEmpty())
                continue;
            const int hi = std::max(x.conceptIndex, y.conceptIndex);
            const std::uint64_t key = (static_cast<std::uint64_t>(lo) << 32) | static_cast<std::uint32_t>(hi);
            ++pairs[key].labels[label.toStdU16String()];
        }
    }
    return pairs;
}

// One candidate per pair; consumes the pairs' evidence.
std::vector<Candidate> candidates(const std::vector<Concept> &concepts,
                                  std::unordered_map<std::uint64_t, PairStats> &pairs,
                                  const std::vector<int> &sentenceCount, int totalSentences)
{
    std::vector<Candidate> all;
    all.reserve(pairs.size());
    const double total = std::max(1, totalSentences);
    for (auto &[key, p] : pairs) {
        const int a = static_cast<int>(key >> 32);
        const int b = static_cast<int>(key & 0xffffffffu);
        const double pij = p.count / total;
        const double pi = sentenceCount[static_cast<size_t>(a)] / total;
        const double pj = sentenceCount[static_cast<size_t>(b)] / total;
        double npmi = 1.0;
        if (pij < 1.0)
            npmi = std::log(pij / (pi * pj)) / -std::log(pij);
        Candidate c;
        c.a = a;
        c.b = b;
        c.relation.count = p.count;
        c.relation.weight = std::clamp((npmi + 1.0) / 2.0, 0.0, 1.0);
        c.strength = p.count * c.relation.weight;
        ConceptId ia = concepts[static_cast<size_t>(a)].id;
        ConceptId ib = concepts[static_cast<size_t>(b)].id;
        if (ib < ia)
            std::swap(ia, ib);
        c.relation.source = ia;
        c.relation.target = ib;
        int best = 0;
        for (const auto &[label, count] : p.labels) {
            const QString l = QString::fromStdU16String(label);
            if (count > best || (count == best && l < c.relation.label)) {
                best = count;
                c.relation.label = l;
            }
        }
        c.relation.evidence = std::move(p.evidence);
        all.push_back(std::move(c));
    }
    pairs.clear(); // freed on this thread
    return all;
}

} // namespace

std::vector<Relation> extractRelations(const std::vector<Concept> &concepts,
                                       const std::vector<SentenceMentions> &sentences,
                                       const std::vector<QStringView> &documentTexts,
                                       int maxRelationsPerConcept, int maxEvidencePerRelation, int threads)
{
    const size_t n = concepts.size();
    // Two parts split the pairs by the parity of their lower concept, so each
    // thread owns whole pairs and no merge of counts or evidence is needed.
    // The candidates are then sorted by a total order (strength, ends), so the
    // order the parts are joined in does not change the result.
    if (threads <= 0)
        threads = static_cast<int>(std::thread::hardware_concurrency());
    const int parts = std::clamp(threads, 1, 2);
    std::vector<int> sentenceCount(n, 0);
    int totalSentences = 0;
    std::vector<std::unordered_map<std::uint64_t, PairStats>> pairs(static_cast<size_t>(parts));
    std::vector<std::vector<Candidate>> found(static_cast<size_t>(parts));
    {
        std::vector<std::jthread> helpers;
        for (int part = 1; part < parts; ++part) {
            helpers.emplace_back([&, part] {
                pairs[static_cast<size_t>(part)] =
                    collectPairs(sentences, documentTexts, maxEvidencePerRelation, part, parts, nullptr, nullptr);
            });
        }
        pairs[0] = collectPairs(sentences, documentTexts, maxEvidencePerRelation, 0, parts, &sentenceCount,
                                &totalSentences);
    }
    {
        std::vector<std::jthread> helpers;
        for (int part = 1; part < parts; ++part) {
            helpers.emplace_back([&, part] {
                found[static_cast<size_t>(part)] =
                    candidates(concepts, pairs[static_cast<size_t>(part)], sentenceCount, totalSentences);
            });
        }
        found[0] = candidates(concepts, pairs[0], sentenceCount, totalSentences);
    }
    std::vector<Candidate> all = std::move(found[0]);
    for (int part = 1; part < parts; ++part) {
        std::vector<Candidate> &more = found[static_cast<size_t>(part)];
        all.insert(all.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    std::sort(all.begin(), all.end(), [](const Candidate &x, const Candidate &y) {
        if (x.strength != y.strength)
            return x.strength > y.strength;
        if (x.relation.source != y.relation.source)
            return x.relation.source < y.relation.source;
        return x.relation.target < y.relation.target;
    });
    // Keep a link only while both ends still have room, strongest first, so no
    // concept ends up with more than maxRelationsPerConcept links.
    std::vector<int> degree(n, 0);
    std::vector<bool> kept(all.size(), false);
    for (size_t i = 0; i < all.size(); ++i) {
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
        for (size_t i = 0; i < all.size(); ++i) {
            const Candidate &c = all[i];
            if (kept[i] || (degree[static_cast<size_t>(c.a)] > 0 && degree[static_cast<size_t>(c.b)] > 0))
                continue;
            ++degree[static_cast<size_t>(c.a)];
            ++degree[static_cast<size_t>(c.b)];
            kept[i] = true;
        }
    }
    std::vector<Relation> out;
    for (size_t i = 0; i < all.size(); ++i) {
        if (kept[i])
            out.push_back(std::move(all[i].relation));
    }
    return out;
}

} // namespace carto::extract
