#include "sentencelinks.h"

#include "parallel.h"

#include <algorithm>

namespace carto::extract {

namespace {

// What one run works on besides its input.
struct Run
{
    const std::vector<DocumentTokens> &documents;
    const std::vector<QStringView> &texts;
    const SentenceLinks &old; // empty when there is nothing to reuse
    std::vector<std::int32_t> firstSentence;  // per document + 1: global sentence indices
    std::vector<std::uint8_t> affected;       // per global sentence: linked again
    std::vector<std::uint8_t> affectedDocument;
    std::vector<std::vector<Placed>> mentions; // per document: the mentions in its affected sentences
    std::vector<int> conceptOf;                // number -> the concept whose spans are laid out, or -1
    bool uniqueIds = true; // false: two concepts share an id, and nothing is reused
};

// The global index of the sentence holding `span`, or -1 when it crosses a
// sentence's end or lies before the first.
int sentenceOf(const Run &run, const Span &span)
{
    const auto di = static_cast<size_t>(span.document.value());
    if (di >= run.documents.size() || di >= run.texts.size())
        return -1;
    const auto &ss = run.documents[di].sentences;
    auto it = std::upper_bound(ss.begin(), ss.end(), span.range.start,
                               [](qsizetype pos, const Sentence &s) { return pos < s.range.start; });
    if (it == ss.begin())
        return -1;
    --it;
    if (span.range.end > it->range.end)
        return -1;
    return run.firstSentence[di] + static_cast<int>(it - ss.begin());
}

// Numbers the concepts (the old numbers go on; a new id gets the next) and
// lays out their spans by number.
void numberConcepts(Run &run, const std::vector<Concept> &concepts, SentenceLinks &links, std::vector<int> &number)
{
    const SentenceLinks &old = run.old;
    links.ids = old.ids;
    links.numbers = old.numbers;
    number.resize(concepts.size());
    for (size_t i = 0; i < concepts.size(); ++i) {
        auto it = links.numbers.constFind(concepts[i].id);
        if (it == links.numbers.constEnd()) {
            it = links.numbers.insert(concepts[i].id, static_cast<int>(links.ids.size()));
            links.ids.push_back(concepts[i].id);
        }
        number[i] = *it;
    }
    std::vector<int> &conceptOf = run.conceptOf;
    conceptOf.assign(links.ids.size(), -1);
    size_t spans = 0;
    for (size_t i = 0; i < concepts.size(); ++i) {
        int &laidOut = conceptOf[static_cast<size_t>(number[i])];
        run.uniqueIds = run.uniqueIds && laidOut < 0; // ids are unique by contract; if not, the last one is laid out
        laidOut = static_cast<int>(i);
        spans += concepts[i].mentions.size();
    }
    links.spans.reserve(spans);
    links.spanEnds.reserve(links.ids.size());
    for (const int ci : conceptOf) {
        if (ci >= 0) {
            for (const Mention &m : concepts[static_cast<size_t>(ci)].mentions)
                links.spans.push_back(m.span);
        }
        links.spanEnds.push_back(static_cast<std::uint32_t>(links.spans.size()));
    }
}

// [begin, end) of number n's spans in `links`.
std::pair<size_t, size_t> spanRange(const SentenceLinks &links, size_t n)
{
    if (n >= links.spanEnds.size())
        return {0, 0};
    return {n > 0 ? links.spanEnds[n - 1] : 0, links.spanEnds[n]};
}

// Marks the sentences to link again: those naming, before or now, a concept
// whose mentions changed, and places each span in its sentence (an
// unchanged concept's where they were). Returns the numbers of those concepts.
std::vector<int> markAffected(Run &run, SentenceLinks &links)
{
    std::vector<int> changed;
    links.spanSentences.resize(links.spans.size());
    const auto mark = [&](int s, const Span &span) {
        if (s >= 0) {
            run.affected[static_cast<size_t>(s)] = 1;
            run.affectedDocument[static_cast<size_t>(span.document.value())] = 1;
        }
    };
    for (size_t n = 0; n < links.ids.size(); ++n) {
        const auto [oldBegin, oldEnd] = spanRange(run.old, n);
        const auto [begin, end] = spanRange(links, n);
        const auto before = run.old.spans.begin();
        const auto now = links.spans.begin();
        if (run.uniqueIds
            && std::equal(before + static_cast<std::ptrdiff_t>(oldBegin), before + static_cast<std::ptrdiff_t>(oldEnd),
                          now + static_cast<std::ptrdiff_t>(begin), now + static_cast<std::ptrdiff_t>(end))) {
            std::copy(run.old.spanSentences.begin() + static_cast<std::ptrdiff_t>(oldBegin),
                      run.old.spanSentences.begin() + static_cast<std::ptrdiff_t>(oldEnd),
                      links.spanSentences.begin() + static_cast<std::ptrdiff_t>(begin));
            continue;
        }
        changed.push_back(static_cast<int>(n));
        for (size_t k = oldBegin; k < oldEnd; ++k)
            mark(run.old.spanSentences[k], run.old.spans[k]);
        for (size_t k = begin; k < end; ++k) {
            links.spanSentences[k] = sentenceOf(run, links.spans[k]);
            mark(links.spanSentences[k], links.spans[k]);
        }
    }
    return changed;
}

// Each mention of a concept in an affected sentence, by document.
void gatherMentions(Run &run, const std::vector<Concept> &concepts, const std::vector<int> &number,
                    const SentenceLinks &links)
{
    run.mentions.assign(run.documents.size(), {});
    for (size_t ci = 0; ci < concepts.size(); ++ci) {
        const auto n = static_cast<size_t>(number[ci]);
        const bool laidOut = run.conceptOf[n] == static_cast<int>(ci);
        const size_t first = spanRange(links, n).first;
        const std::vector<Mention> &mentions = concepts[ci].mentions;
        for (size_t k = 0; k < mentions.size(); ++k) {
            const Mention &m = mentions[k];
            const int s = laidOut ? links.spanSentences[first + k] : sentenceOf(run, m.span);
            if (s >= 0 && run.affected[static_cast<size_t>(s)])
                run.mentions[static_cast<size_t>(m.span.document.value())].push_back(
                    {number[ci], m.span.range.start, m.span.range.end, s, 0, static_cast<int>(ci)});
        }
    }
}

// Links the affected sentences of one document. Each mention's tokBegin holds
// its global sentence until the linker places it.
void linkDocument(Run &run, size_t di, SentenceLinker &linker, LinkedPairs &out, std::vector<std::uint8_t> &names,
                  int &linked)
{
    std::vector<Placed> &all = run.mentions[di];
    // by sentence, then start, then longer first (SentenceLinker's order)
    std::sort(all.begin(), all.end(), [](const Placed &a, const Placed &b) {
        if (a.tokBegin != b.tokBegin)
            return a.tokBegin < b.tokBegin;
        if (a.start != b.start)
            return a.start < b.start;
        return a.end != b.end ? a.end > b.end : a.order < b.order;
    });
    linker.startDocument();
    const DocumentTokens &d = run.documents[di];
    std::vector<Placed> ms;
    for (size_t i = 0; i < all.size();) {
        const std::int32_t s = all[i].tokBegin;
        size_t j = i;
        while (j < all.size() && all[j].tokBegin == s)
            ++j;
        ms.assign(all.begin() + static_cast<std::ptrdiff_t>(i), all.begin() + static_cast<std::ptrdiff_t>(j));
        names[static_cast<size_t>(s)] = 1;
        if (linker.count(ms)) {
            ++linked;
            const auto local = static_cast<size_t>(s - run.firstSentence[di]);
            linker.link(d, d.sentences[local], run.texts[di], ms, s, out);
        }
        i = j;
    }
}

// The new records, in sentence order, sorted by key then sentence with two
// stable counting sorts (by the higher number, then the lower).
std::vector<PairRecord> sortByKey(const std::vector<PairRecord> &records, size_t numbers)
{
    std::vector<size_t> byHigh(numbers + 1, 0);
    std::vector<size_t> byLow(numbers + 1, 0);
    for (const PairRecord &r : records) {
        ++byHigh[static_cast<size_t>(r.key & 0xffffffffu) + 1];
        ++byLow[static_cast<size_t>(r.key >> 32) + 1];
    }
    for (size_t n = 0; n < numbers; ++n) {
        byHigh[n + 1] += byHigh[n];
        byLow[n + 1] += byLow[n];
    }
    std::vector<PairRecord> high(records.size());
    for (const PairRecord &r : records)
        high[byHigh[static_cast<size_t>(r.key & 0xffffffffu)]++] = r;
    std::vector<PairRecord> out(records.size());
    for (const PairRecord &r : high)
        out[byLow[static_cast<size_t>(r.key >> 32)]++] = r;
    return out;
}

// The old records of the sentences not linked again, merged with the new
// ones, in key then sentence order.
std::vector<PairRecord> mergeRecords(const Run &run, const std::vector<PairRecord> &fresh)
{
    std::vector<PairRecord> out;
    out.reserve(run.old.records.size() + fresh.size());
    const auto before = [](const PairRecord &a, const PairRecord &b) {
        return a.key != b.key ? a.key < b.key : a.sentence < b.sentence;
    };
    auto f = fresh.begin();
    for (const PairRecord &r : run.old.records) {
        if (run.affected[static_cast<size_t>(r.sentence)])
            continue;
        for (; f != fresh.end() && before(*f, r); ++f)
            out.push_back(*f);
        out.push_back(r);
    }
    out.insert(out.end(), f, fresh.end());
    return out;
}

// Each sentence's span, by global index.
std::shared_ptr<const std::vector<Span>> sentenceSpans(const std::vector<DocumentTokens> &documents, size_t docs)
{
    auto spans = std::make_shared<std::vector<Span>>();
    for (size_t di = 0; di < docs; ++di) {
        for (const Sentence &s : documents[di].sentences)
            spans->push_back(Span{DocumentId(static_cast<int>(di)), s.range});
    }
    return spans;
}

// The counts: the old ones, but for the concepts whose mentions changed,
// counted in the sentences linked again (which hold all their mentions).
void recount(const SentenceLinks &old, const std::vector<int> &changed, const std::vector<SentenceLinker> &linkers,
             int unchangedSentences, SentenceLinks &links)
{
    links.sentenceCount = old.sentenceCount;
    links.sentenceCount.resize(links.ids.size(), 0);
    links.totalSentences = unchangedSentences;
    for (const int n : changed)
        links.sentenceCount[static_cast<size_t>(n)] = 0;
    for (const SentenceLinker &l : linkers) {
        links.totalSentences += l.totalSentences;
        for (const int n : changed)
            links.sentenceCount[static_cast<size_t>(n)] += l.sentenceCount[static_cast<size_t>(n)];
    }
}

// The new records with global label ids, numbered on from the old ones in
// document order, in sentence order.
std::vector<PairRecord> numberLabels(const SentenceLinks &old, std::vector<LinkedPairs> &pairs, SentenceLinks &links)
{
    links.labels = old.labels;
    links.labelIds = old.labelIds;
    std::vector<PairRecord> fresh;
    size_t count = 0;
    for (const LinkedPairs &p : pairs)
        count += p.records.size();
    fresh.reserve(count);
    for (LinkedPairs &p : pairs) {
        std::vector<std::int32_t> global(p.labels.size());
        for (size_t i = 0; i < p.labels.size(); ++i) {
            auto it = links.labelIds.constFind(p.labels[i]);
            if (it == links.labelIds.constEnd()) {
                it = links.labelIds.insert(p.labels[i], static_cast<std::int32_t>(links.labels.size()));
                links.labels.push_back(p.labels[i]);
            }
            global[i] = *it;
        }
        for (PairRecord r : p.records) {
            if (r.label >= 0)
                r.label = global[static_cast<size_t>(r.label)];
            fresh.push_back(r);
        }
        p = LinkedPairs();
    }
    return fresh;
}

// Whether `old` was linked from these documents.
bool fits(const SentenceLinks *old, size_t sentences)
{
    return old && old->names.size() == sentences && old->sentences && old->sentences->size() == sentences;
}

} // namespace

std::shared_ptr<const SentenceLinks> linkSentences(const std::vector<Concept> &concepts,
                                                   const std::vector<DocumentTokens> &documents,
                                                   const std::vector<QStringView> &texts, const SentenceLinks *previous,
                                                   int threads, std::vector<int> &number, const CancelToken *cancel)
{
    const size_t docs = std::min(documents.size(), texts.size());
    std::vector<std::int32_t> firstSentence(docs + 1, 0);
    for (size_t di = 0; di < docs; ++di)
        firstSentence[di + 1] = firstSentence[di] + static_cast<std::int32_t>(documents[di].sentences.size());
    const auto sentences = static_cast<size_t>(firstSentence[docs]);
    const SentenceLinks none;
    Run run{documents, texts, fits(previous, sentences) ? *previous : none, std::move(firstSentence), {}, {}, {}, {}};
    run.affected.assign(sentences, 0);
    run.affectedDocument.assign(docs, 0);

    auto links = std::make_shared<SentenceLinks>();
    links->sentences = run.old.sentences ? run.old.sentences : sentenceSpans(documents, docs);
    numberConcepts(run, concepts, *links, number);
    const std::vector<int> changed = markAffected(run, *links);
    gatherMentions(run, concepts, number, *links);

    // The affected sentences, documents in parallel.
    links->names = run.old.names;
    links->names.resize(sentences, 0);
    int wasNaming = 0;
    for (size_t s = 0; s < sentences; ++s) {
        if (run.affected[s]) {
            wasNaming += links->names[s];
            links->names[s] = 0;
        }
    }
    std::vector<LinkedPairs> pairs(docs);
    std::vector<int> linked(docs, 0);
    std::vector<SentenceLinker> linkers;
    for (int t = 0; t < threads; ++t)
        linkers.emplace_back(links->ids.size());
    parallelFor(static_cast<int>(docs), threads, [&](int di, int thread) {
        const auto d = static_cast<size_t>(di);
        if (run.affectedDocument[d] && !(cancel && cancel->isCancelled()))
            linkDocument(run, d, linkers[static_cast<size_t>(thread)], pairs[d], links->names, linked[d]);
    });
    if (cancel && cancel->isCancelled())
        return nullptr;
    for (const int n : linked)
        links->linked += n;
    recount(run.old, changed, linkers, run.old.totalSentences - wasNaming, *links);
    std::vector<PairRecord> sorted = sortByKey(numberLabels(run.old, pairs, *links), links->ids.size());
    links->records = run.old.records.empty() ? std::move(sorted) : mergeRecords(run, sorted);
    return links;
}

} // namespace carto::extract
