#include "conceptextractor.h"

#include "analysiscount.h"
#include "boilerplate.h"
#include "candidates.h"
#include "conceptbuilder.h"
#include "corpustokens.h"
#include "curationapplier.h"
#include "documentanalysis.h"
#include "gazetteer.h"
#include "lexicon.h"
#include "mentions.h"
#include "merger.h"
#include "parallel.h"
#include "references.h"
#include "relations.h"
#include "tagger.h"
#include "typer.h"
#include "vocabulary.h"

#include <algorithm>
#include <array>
#include <optional>
#include <map>
#include <thread>

// The stages (each in its own file): tokenise (corpustokens), build the
// vocabulary and look every word up once (vocabulary), tag (tagger), chunk
// noun phrases and collect candidates (chunker, candidates), assign mentions
// (mentions), resolve references to people (references), merge variants
// (merger), score and keep the best (scorer, conceptbuilder), type and label
// (typer, conceptbuilder), curation, then relations (relations).

namespace carto::extract {

namespace {

// Folds a concept into another of the same id: mentions, aliases and
// per-document scores united, the better score kept.
void absorb(Concept &into, Concept &from)
{
    into.mentions.insert(into.mentions.end(), from.mentions.begin(), from.mentions.end());
    std::sort(into.mentions.begin(), into.mentions.end(), [](const Mention &a, const Mention &b) {
        if (a.span.document != b.span.document)
            return a.span.document.value() < b.span.document.value();
        return a.span.range.start < b.span.range.start;
    });
    into.mentions.erase(std::unique(into.mentions.begin(), into.mentions.end(),
                                    [](const Mention &a, const Mention &b) { return a.span == b.span; }),
                        into.mentions.end());
    for (const QString &a : from.aliases) {
        if (!into.aliases.contains(a))
            into.aliases.append(a);
    }
    std::map<int, double> scores;
    for (const auto &list : {into.documentScores, from.documentScores}) {
        for (const DocumentScore &s : list)
            scores[s.document.value()] = std::max(scores[s.document.value()], s.score);
    }
    into.documentScores.clear();
    for (const auto &[doc, score] : scores)
        into.documentScores.push_back({DocumentId(doc), score});
    into.documentCount = static_cast<int>(scores.size());
    into.score = std::max(into.score, from.score);
    from.id = ConceptId();
}

// Every id must be unique. Concepts that share one and are written alike
// (both capitalised, or both not) are one concept; a name and a common noun of
// the same words are two ("States" and "state"): the name's id says so.
void distinguishIds(std::vector<Concept> &concepts)
{
    std::map<QString, std::vector<size_t>> byId;
    for (size_t i = 0; i < concepts.size(); ++i)
        byId[concepts[i].id.value()].push_back(i);
    for (auto &[id, indices] : byId) {
        if (indices.size() < 2)
            continue;
        std::array<std::optional<size_t>, 2> kept; // lower case, capitalised
        for (size_t i : indices) {
            Concept &c = concepts[i];
            const bool upper = !c.label.isEmpty() && c.label.front().isUpper();
            std::optional<size_t> &k = kept[upper ? 1 : 0];
            if (!k)
                k = i;
            else if (concepts[*k].score >= c.score)
                absorb(concepts[*k], c);
            else {
                absorb(c, concepts[*k]);
                k = i;
            }
        }
        if (kept[0] && kept[1])
            concepts[*kept[1]].id = ConceptId(id + QStringLiteral(" (name)"));
    }
    std::erase_if(concepts, [](const Concept &c) { return c.id.value().isEmpty(); });
}

class Run
{
public:
    Run(const ingest::Corpus &corpus, std::vector<DocumentAnalysis> analyses, const ConceptExtractor::Options &options,
        ProgressSink *progress, const CancelToken *cancel)
        : m_corpus(corpus), m_analyses(std::move(analyses)), m_options(options), m_progress(progress), m_cancel(cancel)
    {
        m_threads = options.threads > 0 ? options.threads
                                         : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    }

    ConceptDraft draft();

private:
    bool cancelled() const { return m_cancel && m_cancel->isCancelled(); }
    void report(qint64 done) const
    {
        if (m_progress)
            m_progress->report(QStringLiteral("Extracting"), done, 4);
    }
    void keepTokens(std::vector<FormInterner> &interners);
    void markShoutedWords();
    void tag();
    bool opensName(const DocumentTokens &d, std::int32_t i, const Sentence &s) const;
    bool afterHonorific(const DocumentTokens &d, std::int32_t i, const Sentence &s) const;
    void repairTags(DocumentTokens &d, const Sentence &s, const std::vector<std::uint8_t> &taggerKnows) const;
    std::vector<Concept> buildConcepts(const CandidateSet &candidates,
                                       const std::vector<std::vector<Occurrence>> &mentions, const Merger &merger);

    const ingest::Corpus &m_corpus;
    std::vector<DocumentAnalysis> m_analyses; // released as keepTokens takes their tokens
    std::vector<std::vector<std::uint16_t>> m_taggedFlags; // per document and kept token: as the analysis tagged it
    ConceptExtractor::Options m_options;
    ProgressSink *m_progress;
    const CancelToken *m_cancel;
    int m_threads = 1;
    std::vector<DocumentTokens> m_docs;
    Vocabulary m_vocabulary;
};

// Headings run into the text in some documents ("VETERANS Fourteen million
// ..."): capitals there are shouting, not acronyms. A run of two or more
// all-capitals words the tagger knows in lower case, one of them at least
// four letters long, or one such word of six letters, is case-unreliable.
// The analyses' sentences but the boilerplate units (the filter compares the
// documents), one form table per document; each analysis is released once taken.
void Run::keepTokens(std::vector<FormInterner> &interners)
{
    const BoilerplateFilter filter(m_corpus);
    const size_t n = m_corpus.documents.size();
    m_docs.assign(n, DocumentTokens{});
    m_taggedFlags.assign(n, {});
    interners.assign(n, FormInterner{});
    parallelFor(static_cast<int>(n), m_threads, [&](int di, int) {
        if (cancelled())
            return;
        const size_t i = static_cast<size_t>(di);
        const ingest::Document &doc = m_corpus.documents[i];
        m_docs[i] = keptTokens(m_analyses[i], doc, filter.boilerplateUnits(doc), interners[i], m_taggedFlags[i]);
        m_docs[i].thread = di;
        m_analyses[i] = DocumentAnalysis{};
    });
    m_analyses.clear();
}

// Headings run into the text in some documents ("VETERANS Fourteen million
// ..."): capitals there are shouting, not acronyms (see markShoutedRuns).
void Run::markShoutedWords()
{
    const Tagger &tagger = Tagger::instance();
    std::vector<std::int8_t> shouted(static_cast<size_t>(m_vocabulary.formCount()), -1);
    auto isShoutable = [&](const Token &t, int &letters) {
        if (!t.isWord() || !(m_vocabulary.formOf(t).shape & AllCaps))
            return false;
        std::int8_t &s = shouted[static_cast<size_t>(t.form)];
        if (s < 0)
            s = static_cast<std::int8_t>(std::min(shoutedLetters(tagger, m_vocabulary.wordOf(t).lower), 127));
        letters = s;
        return s > 0;
    };
    parallelFor(static_cast<int>(m_docs.size()), 1, [&](int di, int) {
        markShoutedRuns(m_docs[static_cast<size_t>(di)].tokens, kShoutedRunLetters, kShoutedWordLetters, isShoutable);
    });
}

// Two corrections a bigram tagger needs, both general English:
//  - at a sentence start or in a heading, a capitalised word the tagger made a
//    proper noun is a common noun when WordNet knows it as one and the corpus
//    does not write it capitalised in running text ("Robotics poses ...");
//  - a clause needs a verb: when the tagger found none in a sentence, a plural noun
//    after a noun that can also be a verb in -s is that verb ("Cooperation
//    fosters an open culture", "data governance matters to the board").
// "Grace Shao, a writer ...", "Ada Lovelace wrote": a sentence-initial word
// opens a name when a capitalised proper noun follows that WordNet does not
// know, or when it is a given name.
bool Run::opensName(const DocumentTokens &d, std::int32_t i, const Sentence &s) const
{
    if (i + 1 >= s.tokEnd || !d.tokens[static_cast<size_t>(i + 1)].isWord()
        || !isProperNoun(static_cast<PosTag>(d.tags[static_cast<size_t>(i + 1)])))
        return false;
    const Token &next = d.tokens[static_cast<size_t>(i + 1)];
    if (!(m_vocabulary.formOf(next).shape & Capitalised))
        return false;
    return !m_vocabulary.wordOf(next).known()
        || Gazetteer::instance().isGivenName(m_vocabulary.wordOf(d.tokens[static_cast<size_t>(i)]).lower);
}

// "Mr. Smith", "Dr Jones": the word after an honorific (and its period).
bool Run::afterHonorific(const DocumentTokens &d, std::int32_t i, const Sentence &s) const
{
    std::int32_t h = i - 1;
    if (h >= s.tokBegin && !d.tokens[static_cast<size_t>(h)].isWord() && d.tokens[static_cast<size_t>(h)].punct == u'.')
        --h;
    return h >= s.tokBegin && d.tokens[static_cast<size_t>(h)].isWord()
        && m_vocabulary.wordOf(d.tokens[static_cast<size_t>(h)]).honorific;
}

void Run::repairTags(DocumentTokens &d, const Sentence &s, const std::vector<std::uint8_t> &taggerKnows) const
{
    bool finite = false; // the sentence has a verb
    for (std::int32_t i = s.tokBegin; i < s.tokEnd; ++i) {
        const Token &t = d.tokens[static_cast<size_t>(i)];
        PosTag tag = static_cast<PosTag>(d.tags[static_cast<size_t>(i)]);
        // a word the tagger's lexicon lacks but WordNet lists as an adjective
        // at least as often as as a noun, or only as an adverb, is one
        // ("iterative", "foundational")
        if (t.isWord() && !taggerKnows[static_cast<size_t>(t.form)] && !t.has(Token::HyphenNext)
            && (isNoun(tag) || isVerb(tag) || isAdjective(tag)) && !isProperNoun(tag)) {
            const WordInfo &w = m_vocabulary.wordOf(t);
            const std::uint8_t pos = w.pos;
            if (pos == Lexicon::Adjective || ((pos & Lexicon::Adjective) && w.adjTags >= w.nounTags && !(pos & Lexicon::Verb)))
                tag = PosTag::JJ;
            else if (pos == Lexicon::Adverb)
                tag = PosTag::RB;
            d.tags[static_cast<size_t>(i)] = static_cast<std::uint8_t>(tag);
        }
        // an "adjective" WordNet knows only as a noun modifies as a noun
        // ("lithography machines"): bigram statistics prefer adjectives there
        if (t.isWord() && tag == PosTag::JJ && !t.has(Token::HyphenNext)) {
            const WordInfo &w = m_vocabulary.wordOf(t);
            if ((w.pos & Lexicon::Noun) && !(w.pos & Lexicon::Adjective) && m_vocabulary.formOf(t).shape == Lower) {
                tag = w.lemma != m_vocabulary.formOf(t).word ? PosTag::NNS : PosTag::NN;
                d.tags[static_cast<size_t>(i)] = static_cast<std::uint8_t>(tag);
            }
        }
        if (t.isWord() && isProperNoun(tag) && (t.has(Token::SentenceStart) || t.has(Token::CaseUnreliable))) {
            const FormInfo &f = m_vocabulary.formOf(t);
            const WordInfo &w = m_vocabulary.word(f.word);
            const int cap = w.capMid.load(std::memory_order_relaxed);
            const int low = w.lowMid.load(std::memory_order_relaxed);
            // an honorific ("Mr. Smith went ...") opens the name after it
            if (f.shape == Capitalised && f.acronymBase < 0 && (w.pos & Lexicon::Noun) && !(cap > 0 && cap >= low)
                && !w.honorific && !w.properOnly && !afterHonorific(d, i, s) && !opensName(d, i, s)) {
                tag = w.lemma != f.word ? PosTag::NNS : PosTag::NN;
                d.tags[static_cast<size_t>(i)] = static_cast<std::uint8_t>(tag);
            }
        }
        finite = finite || isVerb(tag) || tag == PosTag::MD;
    }
    if (finite)
        return;
    for (std::int32_t i = s.tokBegin + 1; i < s.tokEnd; ++i) {
        const Token &t = d.tokens[static_cast<size_t>(i)];
        if (!t.isWord() || static_cast<PosTag>(d.tags[static_cast<size_t>(i)]) != PosTag::NNS)
            continue;
        const WordInfo &w = m_vocabulary.wordOf(t);
        if ((w.pos & Lexicon::Verb) && w.lower.endsWith(u's') && isNoun(static_cast<PosTag>(d.tags[static_cast<size_t>(i - 1)]))) {
            d.tags[static_cast<size_t>(i)] = static_cast<std::uint8_t>(PosTag::VBZ);
            return;
        }
    }
}

void Run::tag()
{
    const Tagger &tagger = Tagger::instance();
    const Tagger::FormLexemes forms(tagger, m_vocabulary.formTexts());
    std::vector<std::uint8_t> taggerKnows(static_cast<size_t>(m_vocabulary.formCount()));
    parallelFor(m_vocabulary.formCount(), m_threads, [&](int f, int) {
        taggerKnows[static_cast<size_t>(f)] = tagger.isKnown(m_vocabulary.formText(f), Tagger::CaseUnreliable);
    });
    parallelFor(static_cast<int>(m_docs.size()), m_threads, [&](int di, int) {
        if (cancelled())
            return;
        DocumentTokens &d = m_docs[static_cast<size_t>(di)];
        const QString &text = m_corpus.documents[static_cast<size_t>(di)].text;
        const std::vector<std::uint16_t> &tagged = m_taggedFlags[static_cast<size_t>(di)];
        std::vector<PosTag> tags;
        for (const Sentence &s : d.sentences) {
            // The analysis tagged the sentence already; again only when the
            // shouted runs over the kept tokens changed its flags.
            bool same = true;
            for (std::int32_t i = s.tokBegin; i < s.tokEnd && same; ++i)
                same = d.tokens[static_cast<size_t>(i)].flags == tagged[static_cast<size_t>(i)];
            if (!same) {
                const std::span<const Token> tokens(d.tokens.data() + s.tokBegin, static_cast<size_t>(s.tokEnd - s.tokBegin));
                tags.assign(tokens.size(), PosTag::None);
                tagger.tagSentence(tokens, text, forms, tags);
                for (size_t i = 0; i < tags.size(); ++i)
                    d.tags[static_cast<size_t>(s.tokBegin) + i] = static_cast<std::uint8_t>(tags[i]);
            }
            repairTags(d, s, taggerKnows);
        }
    });
}

std::vector<Concept> Run::buildConcepts(const CandidateSet &candidates,
                                        const std::vector<std::vector<Occurrence>> &mentions, const Merger &merger)
{
    const ConceptBuilder builder(m_corpus, m_docs, m_vocabulary, candidates.keys, m_threads);
    const std::vector<ConceptGroup> groups = builder.group(mentions, merger);
    // Score every group on its salience alone; labels, cues and mentions are
    // built just for the groups that can make the cut.
    std::vector<std::pair<double, size_t>> ranked(groups.size());
    parallelFor(static_cast<int>(groups.size()), m_threads, [&](int i, int) {
        ranked[static_cast<size_t>(i)] = {conceptScore(builder.salience(groups[static_cast<size_t>(i)])), static_cast<size_t>(i)};
    });
    // headroom for curation, which may remove or merge some of the best
    const size_t keep = std::min(ranked.size(), static_cast<size_t>(std::max(0, m_options.maxConcepts)) * 5 / 4 + 50);
    std::nth_element(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
    ranked.resize(keep);
    std::sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) { return a.second < b.second; });
    std::vector<Concept> concepts(ranked.size());
    std::vector<char> guessed(ranked.size(), 0);
    parallelFor(static_cast<int>(ranked.size()), m_threads, [&](int i, int) {
        bool g = false;
        concepts[static_cast<size_t>(i)] = builder.build(groups[ranked[static_cast<size_t>(i)].second], &g);
        guessed[static_cast<size_t>(i)] = g;
    });
    // the vote runs over the concepts that can make the cut, not every
    // candidate: building all would cost more than the rest of this stage
    TypeGuess guess;
    for (size_t i = 0; i < concepts.size(); ++i) {
        if (!guessed[i] && !concepts[i].label.isEmpty() && !concepts[i].id.value().isEmpty())
            guess.count(concepts[i].type);
    }
    for (size_t i = 0; i < concepts.size(); ++i) {
        if (guessed[i] && concepts[i].type == ConceptType::Organization)
            concepts[i].type = guess.unknownName();
    }
    std::erase_if(concepts, [](const Concept &c) { return c.id.value().isEmpty() || c.label.isEmpty(); });
    distinguishIds(concepts);
    return concepts;
}

ConceptDraft Run::draft()
{
    detail::countConceptDraft();
    ConceptDraft result;
    result.maxConcepts = m_options.maxConcepts;
    if (!Lexicon::instance().isLoaded()) {
        result.problems.push_back({Problem::Severity::Warning, QString(),
                                   QStringLiteral("WordNet dictionary not found; concept extraction is degraded")});
    }
    if (!Tagger::instance().isLoaded()) {
        result.problems.push_back({Problem::Severity::Warning, QString(),
                                   QStringLiteral("part-of-speech model not loaded (%1); concept extraction is degraded")
                                       .arg(Tagger::instance().errorString())});
    }
    std::vector<FormInterner> interners;
    keepTokens(interners);
    if (cancelled())
        return {};
    m_vocabulary.build(interners, m_docs, m_threads);
    markShoutedWords();
    m_vocabulary.countCapitalisation(m_docs, m_threads);
    report(1);
    tag();
    if (cancelled())
        return {};
    const CandidateSet candidates = findCandidates(m_corpus, m_docs, m_vocabulary, m_threads, m_cancel);
    if (cancelled())
        return {};
    report(2);
    std::vector<std::vector<Occurrence>> mentions = assignMentions(candidates, m_threads);
    resolvePersonReferences(mentions, candidates.keys, m_vocabulary, m_threads);
    Merger merger(candidates, m_vocabulary);
    merger.merge(mentions);
    result.concepts = buildConcepts(candidates, mentions, merger);
    if (cancelled())
        return {};
    report(3);
    result.documents = std::move(m_docs);
    return result;
}

} // namespace

ConceptExtractor::ConceptExtractor(Options options)
    : m_options(options)
{
}

ConceptExtractor::ConceptExtractor()
    : ConceptExtractor(Options{})
{
}

void ConceptExtractor::prepare()
{
    (void)Lexicon::instance();
    (void)Tagger::instance();
}

int ConceptExtractor::threads() const
{
    return m_options.threads > 0 ? m_options.threads : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

std::vector<DocumentAnalysis> ConceptExtractor::analyse(const ingest::Corpus &corpus, const CancelToken *cancel) const
{
    std::vector<DocumentAnalysis> analyses(corpus.documents.size());
    parallelFor(static_cast<int>(analyses.size()), threads(), [&](int di, int) {
        if (!(cancel && cancel->isCancelled()))
            analyses[static_cast<size_t>(di)] = analyseDocument(corpus.documents[static_cast<size_t>(di)]);
    });
    return analyses;
}

Extraction ConceptExtractor::extract(const ingest::Corpus &corpus, const Curation &curation,
                                     ProgressSink *progress, const CancelToken *cancel) const
{
    std::vector<DocumentAnalysis> analyses = analyse(corpus, cancel);
    if (cancel && cancel->isCancelled())
        return {};
    return assemble(corpus, std::move(analyses), curation, progress, cancel);
}

Extraction ConceptExtractor::assemble(const ingest::Corpus &corpus, std::vector<DocumentAnalysis> analyses,
                                      const Curation &curation, ProgressSink *progress, const CancelToken *cancel) const
{
    if (analyses.size() != corpus.documents.size()) {
        Extraction failed;
        failed.problems.push_back({Problem::Severity::Error, QString(),
                                   QStringLiteral("internal error: %1 analyses for %2 documents")
                                       .arg(analyses.size()).arg(corpus.documents.size())});
        return failed;
    }
    ConceptDraft drafted = draft(corpus, std::move(analyses), progress, cancel);
    if (cancel && cancel->isCancelled())
        return {};
    std::vector<Concept> concepts = std::move(drafted.concepts); // this draft is not kept: no copy
    return link(corpus, std::move(concepts), drafted, curation, nullptr, progress, cancel);
}

ConceptDraft ConceptExtractor::draft(const ingest::Corpus &corpus, std::vector<DocumentAnalysis> analyses,
                                     ProgressSink *progress, const CancelToken *cancel) const
{
    if (analyses.size() != corpus.documents.size())
        return {};
    Run run(corpus, std::move(analyses), m_options, progress, cancel);
    return run.draft();
}

Extraction ConceptExtractor::finish(const ingest::Corpus &corpus, const ConceptDraft &draft, const Curation &curation,
                                    ProgressSink *progress, const CancelToken *cancel) const
{
    return link(corpus, draft.concepts, draft, curation, draft.relations.get(), progress, cancel);
}

Extraction ConceptExtractor::link(const ingest::Corpus &corpus, std::vector<Concept> concepts, const ConceptDraft &draft,
                                  const Curation &curation, RelationMemo *memo, ProgressSink *progress,
                                  const CancelToken *cancel) const
{
    Extraction result;
    result.problems = draft.problems;
    if (draft.documents.size() != corpus.documents.size()) {
        result.problems.push_back({Problem::Severity::Error, QString(),
                                   QStringLiteral("internal error: a concept draft of %1 documents for %2")
                                       .arg(draft.documents.size()).arg(corpus.documents.size())});
        return result;
    }
    applyCuration(curation, corpus, concepts);
    sortConcepts(concepts);
    if (static_cast<int>(concepts.size()) > m_options.maxConcepts)
        concepts.resize(static_cast<size_t>(std::max(0, m_options.maxConcepts)));
    // A rename or a type change leaves all the relation stage reads as it was.
    RelationMemo::Key key;
    std::optional<std::vector<Relation>> known;
    if (memo) {
        key = RelationMemo::keyOf(concepts, m_options.maxRelationsPerConcept, m_options.maxEvidencePerRelation);
        known = memo->find(key);
    }
    if (known) {
        result.relations = std::move(*known);
    } else {
        detail::countRelationStage();
        std::vector<QStringView> texts;
        for (const ingest::Document &doc : corpus.documents)
            texts.push_back(doc.text);
        // A hide or a merge re-links only the sentences naming what it changed.
        const std::shared_ptr<const SentenceLinks> previous = memo ? memo->links() : nullptr;
        std::shared_ptr<const SentenceLinks> linked;
        result.relations = extractRelations(concepts, draft.documents, texts,
                                            {m_options.maxRelationsPerConcept, m_options.maxEvidencePerRelation, threads()},
                                            previous.get(), memo ? &linked : nullptr, cancel);
        if (cancel && cancel->isCancelled())
            return {};
        if (memo) {
            memo->store(std::move(key), result.relations);
            memo->storeLinks(std::move(linked));
        }
    }
    result.concepts = std::move(concepts);
    if (progress)
        progress->report(QStringLiteral("Extracting"), 4, 4);
    return result;
}

} // namespace carto::extract
