#include "conceptextractor.h"

#include "boilerplate.h"
#include "conceptscorer.h"
#include "curationapplier.h"
#include "lexicon.h"
#include "relationextractor.h"
#include "stopwords.h"
#include "tokenizer.h"

#include <QHash>
#include <QRegularExpression>
#include <QMap>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <map>
#include <mutex>
#include <thread>
#include <optional>
#include <unordered_map>
#include <unordered_set>

// Pipeline (see ConceptExtractor): 1. boilerplate units and tokens per document,
// in parallel, with per-thread interning of surface forms; 2. one WordNet look-up
// per distinct word; 3. corpus-wide capitalisation statistics; 4. candidates per
// sentence, in parallel; 5. frequency filter; 6. longest-match mention assignment;
// 7. variant merging, scoring, typing; 8. curation; 9. relations.

namespace carto::extract {

namespace {

constexpr int kMaxNameTokens = 8;
constexpr int kMaxTermTokens = 4;
// Adjectives more common than this in general English (WordNet tag count) do
// not open a term: "significant launches", "various sectors" are not concepts.
constexpr int kCommonAdjectiveTagCount = 25;
// A word used as a verb this often in general English, and four times more often
// than as a noun or adjective, opens no term ("make war", "lost sight").
constexpr int kVerbLedTagCount = 20;
// A lone noun WordNet tags at most this often is a domain term ("tribology",
// "governance"): it may stand as a concept with a single mention.
constexpr int kDomainTermTagCount = 2;
// A lone noun tagged this often, whose first sense is a general notion, is too
// generic to be a concept by itself ("company" 105, "approach" 40, "firm" 26).
constexpr int kGenericNounTagCount = 25;

enum Shape : std::uint8_t { Lower = 0, Capitalised = 1, AllCaps = 2, Mixed = 4, NoLetter = 8 };

enum Kind : std::uint16_t {
    KName = 1 << 0,
    KTerm = 1 << 1,
    KQuoted = 1 << 2,
    KLink = 1 << 3,
    KExpansion = 1 << 4,
    KAcronym = 1 << 5,
    KHeading = 1 << 6,
    KNationality = 1 << 7,
    KPersonCue = 1 << 8,
};

struct WordInfo
{
    QString lower;
    std::uint8_t pos = 0;    // inflected part-of-speech mask
    std::uint8_t direct = 0; // exact-lemma part-of-speech mask
    bool stop = false;
    bool honorific = false;
    bool commonAdjective = false;
    bool plainAdjective = false; // an adjective WordNet never capitalises as a noun ("Western")
    int lemma = -1;          // word id of the noun lemma, or itself
    int tagCount = 0;
    int nounTags = 0;        // WordNet tag counts per part of speech (base forms)
    int verbTags = 0;
    int adjTags = 0;
    int pertainym = -1;      // word id of the proper noun a nationality adjective points at
    QString pertainymLabel;
    std::atomic<int> capMid{0};
    std::atomic<int> lowMid{0};

    WordInfo() = default;
    WordInfo(WordInfo &&o) noexcept
        : lower(std::move(o.lower)), pos(o.pos), direct(o.direct), stop(o.stop), honorific(o.honorific),
          commonAdjective(o.commonAdjective), plainAdjective(o.plainAdjective), lemma(o.lemma), tagCount(o.tagCount),
          nounTags(o.nounTags), verbTags(o.verbTags), adjTags(o.adjTags),
          pertainym(o.pertainym),
          pertainymLabel(std::move(o.pertainymLabel)), capMid(o.capMid.load()), lowMid(o.lowMid.load())
    {
    }
    [[nodiscard]] bool isNoun() const { return pos & Lexicon::Noun; }
    [[nodiscard]] bool known() const { return pos != 0; }
};

struct FormInfo
{
    int word = -1;
    std::uint8_t shape = Lower;
    int acronymBase = -1; // "LLMs" -> word id of "llm"
};

struct Sentence
{
    std::int32_t tokBegin = 0;
    std::int32_t tokEnd = 0;
    TextRange range;
};

struct Occurrence
{
    std::int32_t b = 0; // token range [b, e)
    std::int32_t e = 0;
    std::uint64_t key = 0;
    std::uint16_t kinds = 0;
    std::int32_t sentence = 0;
};

struct DocData
{
    std::vector<Token> tokens;
    std::vector<Sentence> sentences;
    std::vector<Occurrence> occurrences;
    std::vector<Occurrence> assigned;
    int thread = 0;
};

struct KeyInfo
{
    std::vector<int> ids;
    int count = 0;
    int documents = 0;
    int lastDocument = -1;
    std::uint16_t kinds = 0;
};

using KeyMap = std::unordered_map<std::uint64_t, KeyInfo>;

std::uint64_t hashIds(const int *ids, size_t n)
{
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    for (size_t i = 0; i < n; ++i) {
        h ^= static_cast<std::uint64_t>(ids[i]) + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
        h *= 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
    }
    return h;
}

std::uint64_t hashIds(const std::vector<int> &ids)
{
    return hashIds(ids.data(), ids.size());
}

template <typename F>
void parallelFor(int count, int threads, F &&f)
{
    std::atomic<int> next{0};
    auto worker = [&](int thread) {
        for (int i = next.fetch_add(1); i < count; i = next.fetch_add(1))
            f(i, thread);
    };
    if (threads <= 1 || count <= 1) {
        worker(0);
        return;
    }
    std::vector<std::jthread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(worker, t);
    worker(0);
}

std::uint8_t shapeOf(QStringView form)
{
    int upper = 0;
    int lower = 0;
    bool lowerThenUpper = false;
    bool firstUpper = false;
    bool seenLetter = false;
    bool prevLower = false;
    for (QChar c : form) {
        if (!c.isLetter()) {
            prevLower = false;
            continue;
        }
        if (!seenLetter)
            firstUpper = c.isUpper();
        seenLetter = true;
        if (c.isUpper()) {
            ++upper;
            if (prevLower)
                lowerThenUpper = true;
            prevLower = false;
        } else {
            ++lower;
            prevLower = true;
        }
    }
    if (!seenLetter)
        return NoLetter;
    if (upper >= 2 && lower == 0)
        return AllCaps | Capitalised;
    if (lowerThenUpper)
        return Mixed | (firstUpper ? Capitalised : 0);
    if (firstUpper)
        return Capitalised;
    return Lower;
}

// The corpus-level state shared by the phases.
class Run
{
public:
    Run(const ingest::Corpus &corpus, const ConceptExtractor::Options &options, ProgressSink *progress,
        const CancelToken *cancel)
        : m_corpus(corpus), m_options(options), m_progress(progress), m_cancel(cancel)
    {
        m_threads = options.threads > 0 ? options.threads
                                         : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    }

    Extraction run(const Curation &curation);

private:
    bool cancelled() const { return m_cancel && m_cancel->isCancelled(); }
    void report(const QString &stage, qint64 done, qint64 total) const
    {
        if (m_progress)
            m_progress->report(stage, done, total);
    }

    void tokenizeDocuments();
    void buildVocabulary();
    int internWord(const QString &lower);
    void countCapitalisation();
    void findCandidates();
    void findCandidatesInSentence(int docIndex, const Sentence &s, KeyMap &keys,
                                  std::vector<std::pair<std::uint64_t, std::uint64_t>> &acronyms);
    void emit(int docIndex, int b, int e, bool lowerHead, std::uint16_t kinds, int sentence, KeyMap &keys,
              std::uint64_t *keyOut = nullptr);
    bool isNameToken(const DocData &d, int i) const;
    void assignMentions();
    void addModifierConcepts();
    std::vector<Concept> buildConcepts();
    QString keyString(const std::vector<int> &ids) const;
    // The word caches below are shared by the scoring threads: atomics, sized
    // once by resetWordCaches() before they start. Two threads may both look a
    // word up; they store the same value.
    using WordCache = std::vector<std::atomic<std::int8_t>>;
    void resetWordCaches();
    bool isPersonNoun(int word);
    WordCache m_personNoun; // cache: -1 unknown, 0 no, 1 noun.person
    bool isAbstractNoun(int word);
    WordCache m_abstractNoun; // cache: -1 unknown, 0 no, 1 abstract lexicographer file
    bool evaluativePhrase(const KeyInfo &k);
    bool isGenericNoun(int word);
    WordCache m_relationalAdjective; // cache: -1 unknown, 0 evaluative, 1 relational

    const WordInfo &wordOf(const Token &t) const { return m_words[static_cast<size_t>(m_forms[static_cast<size_t>(t.form)].word)]; }
    const FormInfo &formOf(const Token &t) const { return m_forms[static_cast<size_t>(t.form)]; }

    const ingest::Corpus &m_corpus;
    ConceptExtractor::Options m_options;
    ProgressSink *m_progress;
    const CancelToken *m_cancel;
    int m_threads = 1;

    std::vector<DocData> m_docs;
    std::vector<FormInterner> m_interners;
    std::vector<FormInfo> m_forms;
    std::vector<WordInfo> m_words;
    QHash<QString, int> m_wordIds;

    KeyMap m_keys;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> m_acronymPairs;
};

int Run::internWord(const QString &lower)
{
    auto it = m_wordIds.constFind(lower);
    if (it != m_wordIds.constEnd())
        return *it;
    const int id = static_cast<int>(m_words.size());
    m_wordIds.insert(lower, id);
    WordInfo w;
    w.lower = lower;
    m_words.push_back(std::move(w));
    return id;
}

void Run::tokenizeDocuments()
{
    const BoilerplateFilter filter(m_corpus);
    m_docs.resize(m_corpus.documents.size());
    m_interners.resize(static_cast<size_t>(m_threads));
    std::atomic<int> done{0};
    parallelFor(static_cast<int>(m_corpus.documents.size()), m_threads, [&](int di, int thread) {
        if (cancelled())
            return;
        const ingest::Document &doc = m_corpus.documents[static_cast<size_t>(di)];
        DocData &d = m_docs[static_cast<size_t>(di)];
        d.thread = thread;
        const std::vector<ingest::Block> units = BoilerplateFilter::units(doc);
        const std::vector<bool> boiler = filter.boilerplateUnits(doc);
        d.tokens.reserve(static_cast<size_t>(doc.text.size() / 5));
        size_t si = 0; // next reader sentence
        for (size_t u = 0; u < units.size(); ++u) {
            const ingest::Block &b = units[u];
            if (boiler[u] || b.kind == ingest::Block::Kind::Code)
                continue;
            // Sentences inside this block, or the block split by our own rule.
            std::vector<TextRange> ranges;
            while (si < doc.sentences.size() && doc.sentences[si].end <= b.range.start)
                ++si;
            size_t sj = si;
            while (sj < doc.sentences.size() && doc.sentences[sj].start < b.range.end) {
                TextRange r = doc.sentences[sj];
                r.start = std::max(r.start, b.range.start);
                r.end = std::min(r.end, b.range.end);
                if (!r.isEmpty())
                    ranges.push_back(r);
                ++sj;
            }
            if (ranges.empty())
                ranges = splitSentences(doc.text, b.range);
            // Headings and title-case lines tell nothing about names by their case.
            bool unreliable = b.kind == ingest::Block::Kind::Heading;
            if (!unreliable) {
                const QStringView t = b.range.slice(doc.text).trimmed();
                const bool endsSentence = !t.isEmpty()
                    && (t.back() == u'.' || t.back() == u'!' || t.back() == u'?' || t.back() == u'"'
                        || t.back() == QChar(0x201D));
                if (!endsSentence && t.count(u' ') < 16) {
                    int caps = 0;
                    int words = 0;
                    for (qsizetype k = 0; k < t.size(); ++k) {
                        if (t[k].isLetter() && (k == 0 || t[k - 1].isSpace())) {
                            ++words;
                            caps += t[k].isUpper();
                        }
                    }
                    unreliable = words > 0 && caps * 2 >= words;
                }
            }
            const std::uint16_t flags = unreliable ? Token::CaseUnreliable : 0;
            for (const TextRange &r : ranges) {
                Sentence s;
                s.range = r;
                s.tokBegin = static_cast<std::int32_t>(d.tokens.size());
                tokenize(doc.text, r, true, flags, m_interners[static_cast<size_t>(thread)], d.tokens);
                s.tokEnd = static_cast<std::int32_t>(d.tokens.size());
                if (s.tokEnd > s.tokBegin)
                    d.sentences.push_back(s);
            }
        }
        report(QStringLiteral("Extracting"), done.fetch_add(1) + 1, static_cast<qint64>(m_docs.size()) * 3);
    });
}

void Run::buildVocabulary()
{
    const Lexicon &lex = Lexicon::instance();
    std::unordered_map<std::u16string_view, int, WordViewHash> globalForms;
    std::vector<std::vector<std::int32_t>> remap(m_interners.size());
    std::vector<QStringView> newForms; // by global form id
    for (size_t t = 0; t < m_interners.size(); ++t) {
        const FormInterner &in = m_interners[t];
        remap[t].resize(in.forms.size());
        for (size_t i = 0; i < in.forms.size(); ++i) {
            const QStringView form = in.forms[i];
            auto [it, inserted] = globalForms.try_emplace(
                std::u16string_view(form.utf16(), static_cast<size_t>(form.size())), static_cast<int>(newForms.size()));
            if (inserted)
                newForms.push_back(form);
            remap[t][i] = it->second;
        }
    }
    // Shapes and lower-case keys per form in parallel; the words are then
    // interned on this thread in form order (word, then acronym base), so the
    // word ids do not depend on the threads.
    struct FormKeys
    {
        QString lower;
        QString acronymStem; // lower case; empty unless an acronym with a plural s
    };
    std::vector<FormKeys> keys(newForms.size());
    m_forms.resize(newForms.size());
    parallelFor(static_cast<int>(newForms.size()), m_threads, [&](int fi, int) {
        const QStringView form = newForms[static_cast<size_t>(fi)];
        FormKeys &k = keys[static_cast<size_t>(fi)];
        m_forms[static_cast<size_t>(fi)].shape = shapeOf(form);
        k.lower = form.toString().toLower();
        k.lower.replace(QChar(0x2019), u'\'');
        if (k.lower.size() > 2 && k.lower.back() == u'.')
            k.lower.remove(u'.'); // abbreviations key without dots: U.S. = US
        // "LLMs", "GPUs": an acronym with a plural s
        if (form.size() >= 3 && form.back() == u's') {
            const QStringView stem = form.first(form.size() - 1);
            if (shapeOf(stem) & AllCaps)
                k.acronymStem = stem.toString().toLower();
        }
    });
    for (size_t fi = 0; fi < newForms.size(); ++fi) {
        FormInfo &info = m_forms[fi];
        info.word = internWord(keys[fi].lower);
        if (!keys[fi].acronymStem.isNull())
            info.acronymBase = internWord(keys[fi].acronymStem);
    }
    parallelFor(static_cast<int>(m_docs.size()), m_threads, [&](int di, int) {
        DocData &d = m_docs[static_cast<size_t>(di)];
        const std::vector<std::int32_t> &map = remap[static_cast<size_t>(d.thread)];
        for (Token &t : d.tokens) {
            if (t.form >= 0)
                t.form = map[static_cast<size_t>(t.form)];
        }
    });
    m_interners.clear();

    // One look-up per distinct word. Noun lemmas may add words, so the table
    // is looked up in batches: the words known so far in parallel (each thread
    // writes only the words it takes), then their lemmas are interned on this
    // thread in index order, which gives the ids a single index-ordered pass
    // would give; the lemmas new to the table form the next batch.
    std::vector<std::string> bases;
    std::vector<int> ownTags;
    for (size_t begin = 0; begin < m_words.size();) {
        const size_t end = m_words.size();
        bases.assign(end - begin, std::string());
        ownTags.assign(end - begin, 0);
        parallelFor(static_cast<int>(end - begin), m_threads, [&](int k, int) {
            WordInfo &w = m_words[begin + static_cast<size_t>(k)];
            const QByteArray utf8 = w.lower.toUtf8();
            const std::string_view sv(utf8.constData(), static_cast<size_t>(utf8.size()));
            w.stop = isStopword(w.lower);
            w.honorific = isHonorific(w.lower);
            w.direct = lex.posMask(sv);
            w.pos = lex.inflectedPosMask(sv);
            if (w.pos & Lexicon::Noun) {
                std::string base = lex.nounBase(sv);
                if (!base.empty() && base != sv)
                    bases[static_cast<size_t>(k)] = std::move(base);
            }
            const int own = lex.tagCount(sv);
            ownTags[static_cast<size_t>(k)] = own;
            w.commonAdjective = (w.direct & Lexicon::Adjective) && !(w.direct & Lexicon::Noun)
                && own >= kCommonAdjectiveTagCount;
            // per-POS counts only decide between readings: a verb and another, or
            // a noun and an adjective ("potential", "essential")
            if (w.pos & Lexicon::Verb) {
                w.verbTags = lex.tagCount(sv, Lexicon::Verb);
                if (w.verbTags > 0 && (w.pos & Lexicon::Noun))
                    w.nounTags = lex.tagCount(sv, Lexicon::Noun);
                if (w.verbTags > 0 && (w.pos & Lexicon::Adjective))
                    w.adjTags = lex.tagCount(sv, Lexicon::Adjective);
            }
            if ((w.pos & Lexicon::Noun) && (w.pos & Lexicon::Adjective) && w.verbTags == 0) {
                w.nounTags = lex.tagCount(sv, Lexicon::Noun);
                w.adjTags = lex.tagCount(sv, Lexicon::Adjective);
            }
        });
        for (size_t i = begin; i < end; ++i) {
            const std::string &base = bases[i - begin];
            m_words[i].lemma = base.empty() ? static_cast<int>(i) : internWord(QString::fromStdString(base));
        }
        // the table no longer grows in this batch: lemma tag counts in parallel
        parallelFor(static_cast<int>(end - begin), m_threads, [&](int k, int) {
            WordInfo &w = m_words[begin + static_cast<size_t>(k)];
            int tags = ownTags[static_cast<size_t>(k)];
            if (w.lemma != static_cast<int>(begin) + k) {
                const QByteArray lemmaUtf8 = m_words[static_cast<size_t>(w.lemma)].lower.toUtf8();
                tags = std::max(tags, lex.tagCount(std::string_view(lemmaUtf8.constData(), static_cast<size_t>(lemmaUtf8.size()))));
            }
            w.tagCount = tags;
        });
        begin = end;
    }
}

void Run::countCapitalisation()
{
    parallelFor(static_cast<int>(m_docs.size()), m_threads, [&](int di, int) {
        const DocData &d = m_docs[static_cast<size_t>(di)];
        for (const Token &t : d.tokens) {
            if (!t.isWord() || t.has(Token::SentenceStart) || t.has(Token::CaseUnreliable))
                continue;
            const FormInfo &f = formOf(t);
            if (f.shape & NoLetter)
                continue;
            WordInfo &w = m_words[static_cast<size_t>(f.word)];
            if (f.shape & Capitalised)
                w.capMid.fetch_add(1, std::memory_order_relaxed);
            else
                w.lowMid.fetch_add(1, std::memory_order_relaxed);
        }
    });
    // Nationality adjectives ("Chinese" -> China): capitalised adjectives only.
    const Lexicon &lex = Lexicon::instance();
    const size_t count = m_words.size();
    for (size_t i = 0; i < count; ++i) {
        if (!(m_words[i].direct & Lexicon::Adjective) || m_words[i].capMid.load() == 0)
            continue;
        const QByteArray utf8 = m_words[i].lower.toUtf8();
        const std::string_view sv(utf8.constData(), static_cast<size_t>(utf8.size()));
        const QString target = lex.properPertainym(sv);
        if (target.isEmpty() || target.contains(u' ')) {
            m_words[i].plainAdjective = m_words[i].lowMid.load() > 0 || lex.nounLexFile(sv, true).isEmpty();
            continue;
        }
        const int id = internWord(target.toLower());
        m_words[i].pertainym = id;
        m_words[i].pertainymLabel = target;
    }
}

// One letter, or a roman numeral up to 39 ("ii", "xiv").
static bool isInitialOrNumeral(const QString &lower)
{
    if (lower.size() == 1)
        return true;
    static const QRegularExpression numeral(QStringLiteral("^x{0,3}(ix|iv|v?i{0,3})$"));
    return lower.size() <= 6 && numeral.match(lower).hasMatch();
}

bool Run::isNameToken(const DocData &d, int i) const
{
    const Token &t = d.tokens[static_cast<size_t>(i)];
    if (!t.isWord() || t.has(Token::Number))
        return false;
    const FormInfo &f = formOf(t);
    if (!(f.shape & (Capitalised | Mixed)))
        return false;
    const WordInfo &w = m_words[static_cast<size_t>(f.word)];
    if (w.honorific || w.lower == u"i")
        return false;
    if (f.shape & (Mixed | AllCaps)) {
        // in a title-case or shouted line "IT", "US", "AN" are likely function words
        if (!(f.shape & Mixed) && t.has(Token::CaseUnreliable) && w.stop)
            return false;
        return f.shape & Mixed || !(t.has(Token::CaseUnreliable) && w.lower.size() > 5);
    }
    // A capitalised function word (pronoun, preposition, determiner, contraction:
    // a stopword with no adjective sense) is no name wherever it stands, because
    // sentences are not always split where a capital follows ("declared that- The
    // length", tables run into one line: "From customs ... From internal revenue").
    // Adjective stopwords open real names ("New York", "Next Generation ... Plan").
    if (w.stop && !(w.direct & Lexicon::Adjective))
        return false;
    const bool reliable = !t.has(Token::SentenceStart) && !t.has(Token::CaseUnreliable);
    if (reliable)
        return true;
    if (w.stop)
        return false;
    const int cap = w.capMid.load(std::memory_order_relaxed);
    const int low = w.lowMid.load(std::memory_order_relaxed);
    if (cap > 0 && cap >= low)
        return true;
    if (!w.known() && low == 0 && !t.has(Token::CaseUnreliable))
        return true;
    // "Ada Lovelace ..." at a sentence start: a noun never written in lower case,
    // directly followed by a capitalised word the dictionary does not know.
    if (t.has(Token::SentenceStart) && !t.has(Token::CaseUnreliable) && low == 0 && w.isNoun()
        && !(w.direct & Lexicon::Adverb) && !w.lower.endsWith(u"ing") && !w.lower.endsWith(u"ed")
        && i + 1 < static_cast<int>(d.tokens.size())) {
        const Token &n = d.tokens[static_cast<size_t>(i + 1)];
        if (n.isWord() && formOf(n).shape == Capitalised && !wordOf(n).known())
            return true;
    }
    return false;
}

void Run::emit(int docIndex, int b, int e, bool lowerHead, std::uint16_t kinds, int sentence, KeyMap &keys,
               std::uint64_t *keyOut)
{
    DocData &d = m_docs[static_cast<size_t>(docIndex)];
    // no allocation per candidate: ids on the stack, stored only for a new key
    constexpr size_t kMaxIds = 24;
    std::array<int, kMaxIds> ids;
    size_t n = 0;
    int last = -1;
    for (int i = b; i < e && n < kMaxIds; ++i) {
        const Token &t = d.tokens[static_cast<size_t>(i)];
        if (!t.isWord())
            continue;
        ids[n++] = formOf(t).word;
        last = i;
    }
    if (n == 0)
        return;
    const Token &lt = d.tokens[static_cast<size_t>(last)];
    const FormInfo &lf = formOf(lt);
    if (lf.acronymBase >= 0)
        ids[n - 1] = lf.acronymBase;
    else if (lowerHead)
        ids[n - 1] = m_words[static_cast<size_t>(lf.word)].lemma;
    const std::uint64_t key = hashIds(ids.data(), n);
    KeyInfo &k = keys[key];
    if (k.ids.empty())
        k.ids.assign(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(n));
    ++k.count;
    if (k.lastDocument != docIndex) {
        k.lastDocument = docIndex;
        ++k.documents;
    }
    k.kinds |= kinds;
    Occurrence o;
    o.b = b;
    o.e = e;
    o.key = key;
    o.kinds = kinds;
    o.sentence = sentence;
    d.occurrences.push_back(o);
    if (keyOut)
        *keyOut = key;
}

void Run::findCandidatesInSentence(int di, const Sentence &s, KeyMap &keys,
                                   std::vector<std::pair<std::uint64_t, std::uint64_t>> &acronyms)
{
    DocData &d = m_docs[static_cast<size_t>(di)];
    const int sentence = static_cast<int>(&s - d.sentences.data());
    const int B = s.tokBegin;
    const int E = s.tokEnd;
    auto tok = [&](int i) -> const Token & { return d.tokens[static_cast<size_t>(i)]; };
    auto word = [&](int i) -> const WordInfo & { return wordOf(tok(i)); };
    auto isWordAt = [&](int i) { return i >= B && i < E && tok(i).isWord(); };
    auto lowerIs = [&](int i, const char16_t *w) { return isWordAt(i) && word(i).lower == QStringView(w); };
    const bool heading = E > B && tok(B).has(Token::CaseUnreliable);
    const std::uint16_t headingKind = heading ? KHeading : 0;

    std::vector<bool> name(static_cast<size_t>(E - B));
    for (int i = B; i < E; ++i)
        name[static_cast<size_t>(i - B)] = isNameToken(d, i);
    auto isName = [&](int i) { return i >= B && i < E && name[static_cast<size_t>(i - B)]; };

    // 1. Names: runs of capitalised tokens, with "of"/"for"/"the"/"&" inside and
    //    "and" in "the X and Y".
    for (int i = B; i < E;) {
        if (!isName(i)) {
            ++i;
            continue;
        }
        int b = i;
        int e = i + 1;
        while (e < E) {
            if (isName(e) && !tok(e - 1).has(Token::Possessive) && tok(e - 1).isWord()) {
                ++e;
                continue;
            }
            if (isWordAt(e) && !tok(e - 1).has(Token::Possessive) && isName(e + 1)) {
                const QString &c = word(e).lower;
                const bool connector = c == u"of" || c == u"for" || c == u"de" || c == u"&"
                    || (c == u"and" && e - b == 1 && lowerIs(b - 1, u"the"));
                if (connector) {
                    e += 2;
                    continue;
                }
                if (c == u"of" || c == u"the") {
                    if (lowerIs(e, u"of") && lowerIs(e + 1, u"the") && isName(e + 2)) {
                        e += 3;
                        continue;
                    }
                }
            }
            // hyphenated capitalised compound: "Rolls-Royce"
            break;
        }
        i = e;
        // a name does not end in a function word: "the War Between the States"
        // broken at the lower-case "the" leaves "War", not "War Between"
        while (e - b > 1 && word(e - 1).stop)
            --e;
        // honorific before the name: a person cue, unless it is a title of address ("Mr. Speaker")
        std::uint16_t cue = 0;
        int h = b - 1;
        if (h >= B && !tok(h).isWord() && tok(h).punct == u'.')
            --h;
        if (isWordAt(h) && word(h).honorific) {
            // "Mr. Speaker", "Madam President": a common noun with no proper sense is
            // a title of address; "Mr. Smith" (a WordNet proper noun) and unknown
            // surnames stay names
            const bool vocative = e - b == 1 && e < E && !tok(e).isWord()
                && (tok(e).punct == u',' || tok(e).punct == u':' || tok(e).punct == u'!')
                && (tok(h).has(Token::SentenceStart) || (h > B && !tok(h - 1).isWord()));
            if (vocative)
                continue; // "Mr. Speaker, ...", "Mr. President: ..." address someone
            if (e - b == 1 && word(b).isNoun()) {
                const QByteArray utf8 = word(b).lower.toUtf8();
                if (Lexicon::instance().nounLexFile(std::string_view(utf8.constData(), static_cast<size_t>(utf8.size())), true).isEmpty())
                    continue;
            }
            cue = KPersonCue;
        }
        // "Chinese AI": a nationality adjective opening a run stands for its country
        if (word(b).pertainym >= 0 && e - b > 1) {
            emit(di, b, b + 1, false, KName | KNationality | headingKind, sentence, keys);
            ++b;
            if (b < e && !isName(b))
                continue;
        }
        // a capitalised adjective that is no nationality ("Western") names nothing alone
        auto plainAdjective = [&](int k) {
            return word(k).plainAdjective && formOf(tok(k)).shape == Capitalised;
        };
        if (e - b == 2 && plainAdjective(b) && (formOf(tok(b + 1)).shape & (AllCaps | Mixed)))
            ++b;
        if (e - b == 1 && plainAdjective(b))
            continue;
        if (e - b > kMaxNameTokens)
            continue;
        // a lone initial ("F" of "John F. Kennedy") or a lone roman numeral
        // ("II", "IV") names nothing by itself
        if (e - b == 1 && isInitialOrNumeral(word(b).lower))
            continue;
        bool acronym = e - b == 1 && (formOf(tok(b)).shape & (AllCaps | Mixed));
        std::uint16_t kinds = KName | cue | headingKind | (acronym ? KAcronym : 0);
        if (e - b == 1 && word(b).pertainym >= 0)
            kinds |= KNationality;
        emit(di, b, e, false, kinds, sentence, keys);
    }

    // 2. Acronym definitions: "large language models (LLMs)", "Software as a Service (SaaS)".
    for (int i = B + 1; i + 2 < E + 1; ++i) {
        if (!(tok(i - 1).has(Token::Bracket) && tok(i - 1).punct == u'(' && i + 1 < E && tok(i + 1).punct == u')'))
            continue;
        if (!tok(i).isWord() || !((formOf(tok(i)).shape & (AllCaps | Mixed)) || formOf(tok(i)).acronymBase >= 0))
            continue;
        const FormInfo &af = formOf(tok(i));
        QString letters;
        for (QChar c : m_words[static_cast<size_t>(af.acronymBase >= 0 ? af.acronymBase : af.word)].lower) {
            if (c.isLetter())
                letters.append(c);
        }
        if (letters.size() < 2)
            continue;
        // Schwartz–Hearst: match the letters right to left against word starts.
        int li = static_cast<int>(letters.size()) - 1;
        int j = i - 2;
        int start = -1;
        const int limit = std::max(B, i - 1 - static_cast<int>(letters.size()) * 2 - 2);
        while (j >= limit && li >= 0) {
            if (!tok(j).isWord()) {
                if (tok(j).has(Token::Bracket) || tok(j).punct == u',' || tok(j).punct == u'.')
                    break;
                --j;
                continue;
            }
            const QString &w = word(j).lower;
            if (!w.isEmpty() && w.front() == letters[li]) {
                --li;
                // further letters may come from inside the same word ("SaaS": Service)
                start = j;
            } else if (li == static_cast<int>(letters.size()) - 1) {
                break; // the last letter must match the word just before the bracket
            }
            --j;
        }
        if (li >= 0 || start < 0 || (word(start).stop && !(word(start).pos & (Lexicon::Noun | Lexicon::Adjective))))
            continue;
        bool allLower = true;
        for (int k = start; k < i - 1; ++k) {
            if (tok(k).isWord() && (formOf(tok(k)).shape & Capitalised))
                allLower = false;
        }
        std::uint64_t expansionKey = 0;
        std::uint64_t acronymKey = 0;
        emit(di, start, i - 1, allLower, KExpansion | headingKind, sentence, keys, &expansionKey);
        emit(di, i, i + 1, false, KName | KAcronym | KExpansion | headingKind, sentence, keys, &acronymKey);
        acronyms.emplace_back(acronymKey, expansionKey);
    }

    // 3. Quoted coinages: "Slowing the Flow", "creative destruction".
    for (int i = B; i < E; ++i) {
        if (!tok(i).has(Token::Quote) || tok(i).punct == u'\'' || tok(i).punct == QChar(0x2019)
            || tok(i).punct == QChar(0x2018))
            continue;
        int j = i + 1;
        int words = 0;
        bool content = false;
        while (j < E && !tok(j).has(Token::Quote) && words <= 6) {
            if (tok(j).isWord()) {
                ++words;
                content = content || !word(j).stop;
            }
            ++j;
        }
        if (j >= E || !tok(j).has(Token::Quote) || words == 0 || words > 6 || !content
            || !tok(i + 1).isWord() || !tok(j - 1).isWord()) {
            continue;
        }
        if (words == 1 && word(i + 1).known())
            continue; // a quoted dictionary word is emphasis, not a coinage
        const bool lowerHead = !(formOf(tok(j - 1)).shape & Capitalised);
        emit(di, i + 1, j, lowerHead, KQuoted | headingKind, sentence, keys);
        i = j;
    }

    // 4. Terms: adjective/noun runs bounded by stopwords, verbs and punctuation;
    //    every sub-span ending in a noun, up to four words, is a candidate.
    auto eligible = [&](int i) {
        if (!isWordAt(i) || isName(i) || tok(i).has(Token::Number))
            return false;
        const FormInfo &f = formOf(tok(i));
        if (f.shape & (AllCaps | Mixed | NoLetter))
            return false;
        const WordInfo &w = word(i);
        if (w.stop || w.honorific)
            return false;
        if (!w.known())
            return w.lower.size() >= 3 && !w.lower.endsWith(u"ly");
        if (w.pos & (Lexicon::Noun | Lexicon::Adjective))
            return !(w.direct == Lexicon::Adverb);
        return false;
    };
    // "leveraging data", "using models": a verb form opens no term and is no term
    // alone; it may close one ("edge computing", "machine learning"). A form that
    // WordNet lists as a noun used at least as often as the verb is a noun
    // ("training data", "learning rate").
    auto verbForm = [&](int i) {
        const WordInfo &w = word(i);
        if (!(w.pos & Lexicon::Verb) || (w.direct & Lexicon::Adjective))
            return false;
        if (!(w.lower.endsWith(u"ing") || w.lower.endsWith(u"ed")))
            return false;
        return !((w.direct & Lexicon::Noun) && w.nounTags > 0 && w.nounTags >= w.verbTags);
    };
    // "make war", "lost sight": a word that is overwhelmingly a verb in general
    // English (tag counts) opens no term even when it also has a noun or
    // adjective reading.
    auto verbLed = [&](int i) {
        const WordInfo &w = word(i);
        // after a modal the word is a verb: "companies can leverage their users"
        if (i > B && isWordAt(i - 1) && (word(i - 1).lower == u"can" || word(i - 1).lower == u"could"
                || word(i - 1).lower == u"will" || word(i - 1).lower == u"would" || word(i - 1).lower == u"should"
                || word(i - 1).lower == u"may" || word(i - 1).lower == u"might" || word(i - 1).lower == u"must")
            && (w.pos & Lexicon::Verb))
            return true;
        return w.verbTags >= kVerbLedTagCount && w.verbTags > 4 * (w.nounTags + w.adjTags)
            && !w.lower.endsWith(u"ing");
    };
    // A lone lower-case word is a term only when it is primarily a noun: WordNet
    // tags it as a noun at least as often as as a verb or an adjective ("models",
    // not "help", "reach", "essential", "potential"); with no tags at all, a word
    // that is also an adjective is taken as one ("iterative"). An -s form that
    // can be a verb, right after a noun or name and before a function word, is a
    // verb with its subject ("rain poses the ...", "the port fosters an ...").
    auto isDeterminer = [&](int i) {
        if (!isWordAt(i))
            return false;
        static const std::initializer_list<const char16_t *> determiners = {
            u"the", u"a", u"an", u"its", u"their", u"our", u"his", u"her", u"this", u"these", u"those",
            u"every", u"each", u"some", u"many", u"more", u"new"};
        const QString &l = word(i).lower;
        return std::any_of(determiners.begin(), determiners.end(), [&](const char16_t *d) { return l == QStringView(d); });
    };
    auto loneNoun = [&](int i) {
        const WordInfo &w = word(i);
        if (!w.known()) {
            // unknown words with an adjective suffix are adjectives ("foundational")
            static const std::initializer_list<const char16_t *> suffixes = {
                u"al", u"ive", u"ous", u"ic", u"ful", u"less", u"able", u"ible", u"ish"};
            return std::none_of(suffixes.begin(), suffixes.end(),
                                [&](const char16_t *x) { return w.lower.endsWith(QStringView(x)); });
        }
        if (!(w.pos & Lexicon::Noun))
            return false;
        if (w.nounTags < w.verbTags || w.nounTags < w.adjTags)
            return false;
        if (w.nounTags == 0 && (w.direct & Lexicon::Adjective))
            return false;
        if ((w.pos & Lexicon::Verb) && w.verbTags > 0 && w.lower.endsWith(u's') && !w.lower.endsWith(u"ss") && i > B
            && isDeterminer(i + 1)) {
            const bool subject = isName(i - 1)
                || (isWordAt(i - 1) && !word(i - 1).stop && word(i - 1).isNoun() && !tok(i - 1).has(Token::Possessive)
                    && (word(i - 1).nounTags >= word(i - 1).verbTags));
            if (subject)
                return false;
        }
        return true;
    };
    for (int i = B; i < E;) {
        if (!eligible(i)) {
            ++i;
            continue;
        }
        // the run stops after a possessive ("the industry's growth" is two phrases)
        int e = i + 1;
        while (e < E && eligible(e) && !tok(e - 1).has(Token::Possessive))
            ++e;
        // A hyphen compound cut at the run's edge is not a term ("well-known" half)
        const int runB = i;
        const int runE = e;
        i = e;
        for (int b = runB; b < runE; ++b) {
            if (b > runB && tok(b - 1).has(Token::HyphenNext))
                continue;
            if (b > B && tok(b - 1).has(Token::HyphenNext))
                continue;
            const WordInfo &first = word(b);
            if (first.commonAdjective && !tok(b).has(Token::HyphenNext))
                continue;
            if ((verbForm(b) || verbLed(b)) && !tok(b).has(Token::HyphenNext))
                continue;
            for (int end = b + 1; end <= runE && end - b <= kMaxTermTokens; ++end) {
                const Token &lt = tok(end - 1);
                if (lt.has(Token::HyphenNext))
                    continue;
                // a hyphen compound inside a longer phrase is its modifier ("long-term goals")
                if (end < runE && end - 1 > b && tok(end - 2).has(Token::HyphenNext))
                    continue;
                const WordInfo &lw = word(end - 1);
                if (!(lw.isNoun() || !lw.known()))
                    continue;
                if (end - b == 1 && !loneNoun(b))
                    continue; // single words must be nouns in this use
                emit(di, b, end, true, KTerm | headingKind, sentence, keys);
            }
        }
    }

    // 4b. "freedom of speech", "balance of trade": noun of noun
    for (int i = B + 1; i + 1 < E; ++i) {
        if (!isWordAt(i) || word(i).lower != u"of")
            continue;
        const int left = i - 1;
        const int right = i + 1;
        if (!eligible(left) || !eligible(right) || tok(left).has(Token::HyphenNext) || tok(right).has(Token::HyphenNext))
            continue;
        if (!(word(left).direct & Lexicon::Noun) || verbForm(left) || !word(right).isNoun())
            continue;
        emit(di, left, right + 1, true, KTerm | headingKind, sentence, keys);
    }

    // 5. Wiki links are explicit mentions.
    const ingest::Document &doc = m_corpus.documents[static_cast<size_t>(di)];
    for (const ingest::WikiLink &link : doc.wikiLinks) {
        if (link.range.start < s.range.start || link.range.end > s.range.end)
            continue;
        int b = -1;
        int e = -1;
        for (int k = B; k < E; ++k) {
            if (tok(k).isWord() && tok(k).start >= link.range.start && tok(k).end <= link.range.end) {
                if (b < 0)
                    b = k;
                e = k + 1;
            }
        }
        if (b >= 0)
            emit(di, b, e, !(formOf(tok(e - 1)).shape & Capitalised), KLink, sentence, keys);
    }
}

void Run::findCandidates()
{
    std::vector<KeyMap> keys(static_cast<size_t>(m_threads));
    std::vector<std::vector<std::pair<std::uint64_t, std::uint64_t>>> acronyms(static_cast<size_t>(m_threads));
    std::atomic<int> done{0};
    const int n = static_cast<int>(m_docs.size());
    parallelFor(n, m_threads, [&](int di, int thread) {
        if (cancelled())
            return;
        DocData &d = m_docs[static_cast<size_t>(di)];
        d.occurrences.reserve(d.tokens.size() / 2);
        for (const Sentence &s : d.sentences)
            findCandidatesInSentence(di, s, keys[static_cast<size_t>(thread)], acronyms[static_cast<size_t>(thread)]);
        report(QStringLiteral("Extracting"), n + done.fetch_add(1) + 1, static_cast<qint64>(n) * 3);
    });
    // Merge the per-thread tables. Document counts add up because each
    // document is handled by exactly one thread.
    m_keys = std::move(keys[0]);
    for (size_t t = 1; t < keys.size(); ++t) {
        for (auto &[key, info] : keys[t]) {
            KeyInfo &k = m_keys[key];
            if (k.ids.empty())
                k.ids = std::move(info.ids);
            k.count += info.count;
            k.documents += info.documents;
            k.kinds |= info.kinds;
        }
    }
    for (auto &a : acronyms)
        m_acronymPairs.insert(m_acronymPairs.end(), a.begin(), a.end());
}

void Run::assignMentions()
{
    auto kept = [&](const KeyInfo &k) {
        if (k.kinds & (KName | KQuoted | KLink | KExpansion))
            return true;
        return k.count >= 2;
    };
    // m_keys is only read here, so the threads look keys up directly
    parallelFor(static_cast<int>(m_docs.size()), m_threads, [&](int di, int) {
        DocData &d = m_docs[static_cast<size_t>(di)];
        std::vector<Occurrence> occ;
        occ.reserve(d.occurrences.size());
        for (const Occurrence &o : d.occurrences) {
            if (kept(m_keys.at(o.key)))
                occ.push_back(o);
        }
        // Longest match wins; at equal length, explicit and defined forms first, then position.
        std::sort(occ.begin(), occ.end(), [](const Occurrence &a, const Occurrence &b) {
            if (a.e - a.b != b.e - b.b)
                return a.e - a.b > b.e - b.b;
            const bool ax = a.kinds & (KLink | KQuoted | KExpansion);
            const bool bx = b.kinds & (KLink | KQuoted | KExpansion);
            if (ax != bx)
                return ax;
            return a.b < b.b;
        });
        std::vector<bool> used(d.tokens.size(), false);
        for (const Occurrence &o : occ) {
            bool free = true;
            for (int k = o.b; k < o.e && free; ++k)
                free = !used[static_cast<size_t>(k)];
            if (!free)
                continue;
            for (int k = o.b; k < o.e; ++k)
                used[static_cast<size_t>(k)] = true;
            d.assigned.push_back(o);
        }
        std::sort(d.assigned.begin(), d.assigned.end(),
                  [](const Occurrence &a, const Occurrence &b) { return a.b < b.b; });
        d.occurrences.clear();
        d.occurrences.shrink_to_fit();
    });
    addModifierConcepts();
}

// "turbine blades", "ceramic turbine blade": a noun that
// modifies compound terms at least twice and never stands alone is still a
// subject of the text, so it gets the compounds' modifier tokens as nested
// mentions (a mention may then lie inside another concept's mention).
void Run::addModifierConcepts()
{
    // per-thread tables, merged below: counts add up, sets unite
    std::vector<std::unordered_map<int, int>> compoundsPer(static_cast<size_t>(m_threads));
    std::vector<std::unordered_set<std::uint64_t>> alonePer(static_cast<size_t>(m_threads));
    parallelFor(static_cast<int>(m_docs.size()), m_threads, [&](int di, int thread) {
        const DocData &d = m_docs[static_cast<size_t>(di)];
        std::unordered_map<int, int> &compoundsOf = compoundsPer[static_cast<size_t>(thread)];
        std::unordered_set<std::uint64_t> &alone = alonePer[static_cast<size_t>(thread)];
        for (const Occurrence &o : d.assigned) {
            if (o.e - o.b == 1) {
                alone.insert(o.key);
                continue;
            }
            if (!(o.kinds & KTerm) || (o.kinds & (KName | KQuoted | KLink)))
                continue;
            for (int k = o.b; k < o.e - 1; ++k) {
                const Token &t = d.tokens[static_cast<size_t>(k)];
                if (!t.isWord())
                    continue;
                const WordInfo &w = wordOf(t);
                if (w.stop || !(w.direct & Lexicon::Noun) || (w.direct & Lexicon::Adjective) || w.nounTags < w.verbTags)
                    continue;
                ++compoundsOf[w.lemma];
            }
        }
    });
    std::unordered_map<int, int> compoundsOf = std::move(compoundsPer[0]); // noun lemma -> compound mentions it modifies
    std::unordered_set<std::uint64_t> alone = std::move(alonePer[0]);     // single-word keys with own mentions
    for (size_t t = 1; t < compoundsPer.size(); ++t) {
        for (const auto &[lemma, count] : compoundsPer[t])
            compoundsOf[lemma] += count;
        alone.insert(alonePer[t].begin(), alonePer[t].end());
    }
    std::unordered_map<int, std::uint64_t> promoted; // lemma -> its own key
    for (const auto &[lemma, count] : compoundsOf) {
        if (count < 2)
            continue;
        const std::uint64_t key = hashIds({lemma});
        if (alone.count(key) || !m_keys.count(key))
            continue;
        promoted.emplace(lemma, key);
    }
    if (promoted.empty())
        return;
    parallelFor(static_cast<int>(m_docs.size()), m_threads, [&](int di, int) {
        DocData &d = m_docs[static_cast<size_t>(di)];
        std::vector<Occurrence> nested;
        for (const Occurrence &o : d.assigned) {
            if (o.e - o.b == 1 || !(o.kinds & KTerm) || (o.kinds & (KName | KQuoted | KLink)))
                continue;
            for (int k = o.b; k < o.e - 1; ++k) {
                const Token &t = d.tokens[static_cast<size_t>(k)];
                if (!t.isWord())
                    continue;
                auto it = promoted.find(wordOf(t).lemma);
                if (it == promoted.end())
                    continue;
                Occurrence n;
                n.b = k;
                n.e = k + 1;
                n.key = it->second;
                n.kinds = KTerm | (o.kinds & KHeading);
                n.sentence = o.sentence;
                nested.push_back(n);
            }
        }
        if (nested.empty())
            return;
        d.assigned.insert(d.assigned.end(), nested.begin(), nested.end());
        std::stable_sort(d.assigned.begin(), d.assigned.end(),
                         [](const Occurrence &a, const Occurrence &b) { return a.b < b.b; });
    });
}

void Run::resetWordCaches()
{
    for (WordCache *cache : {&m_personNoun, &m_abstractNoun, &m_relationalAdjective}) {
        *cache = WordCache(m_words.size());
        for (std::atomic<std::int8_t> &c : *cache)
            c.store(-1, std::memory_order_relaxed);
    }
}

bool Run::isPersonNoun(int word)
{
    std::atomic<std::int8_t> &slot = m_personNoun[static_cast<size_t>(word)];
    std::int8_t cached = slot.load(std::memory_order_relaxed);
    if (cached < 0) {
        const QByteArray l = m_words[static_cast<size_t>(word)].lower.toUtf8();
        cached = Lexicon::instance().nounLexFile(std::string_view(l.constData(), static_cast<size_t>(l.size())), false)
                == u"noun.person"
            ? 1
            : 0;
        slot.store(cached, std::memory_order_relaxed);
    }
    return cached == 1;
}

// The first noun sense is no concrete thing (artifact, object, substance, place,
// living being...): "adoption", "governance", "efficiency" are abstractions.
// Words WordNet does not know ("datasets") count as concrete.
bool Run::isAbstractNoun(int word)
{
    std::atomic<std::int8_t> &slot = m_abstractNoun[static_cast<size_t>(word)];
    std::int8_t cached = slot.load(std::memory_order_relaxed);
    if (cached < 0) {
        const QByteArray l = m_words[static_cast<size_t>(word)].lower.toUtf8();
        const QString file = Lexicon::instance().nounLexFile(std::string_view(l.constData(), static_cast<size_t>(l.size())), false);
        const bool concrete = file.isEmpty() || file == u"noun.artifact" || file == u"noun.object"
            || file == u"noun.substance" || file == u"noun.food" || file == u"noun.plant" || file == u"noun.animal"
            || file == u"noun.body" || file == u"noun.location" || file == u"noun.person" || file == u"noun.phenomenon";
        cached = concrete ? 0 : 1;
        slot.store(cached, std::memory_order_relaxed);
    }
    return cached == 1;
}

// The first noun sense lies in a lexicographer file of general notions: acts,
// attributes, cognition, communication, states, relations, quantities, times,
// groups, possessions, events, locations ("approach", "area", "company").
bool Run::isGenericNoun(int word)
{
    const QByteArray l = m_words[static_cast<size_t>(word)].lower.toUtf8();
    const QString file = Lexicon::instance().nounLexFile(std::string_view(l.constData(), static_cast<size_t>(l.size())), false);
    static const std::initializer_list<const char16_t *> general = {
        u"noun.act", u"noun.attribute", u"noun.cognition", u"noun.communication", u"noun.state", u"noun.relation",
        u"noun.quantity", u"noun.time", u"noun.group", u"noun.possession", u"noun.event", u"noun.location",
        u"noun.Tops"};
    return std::any_of(general.begin(), general.end(), [&](const char16_t *g) { return file == QStringView(g); });
}

// "widespread adoption", "robust data governance": an evaluative adjective (one
// pertaining to no noun) in front of an abstract head describes rather than names.
bool Run::evaluativePhrase(const KeyInfo &k)
{
    if (k.ids.size() < 2 || (k.kinds & (KName | KQuoted | KLink | KExpansion)))
        return false;
    const WordInfo &first = m_words[static_cast<size_t>(k.ids.front())];
    bool evaluative = false;
    if ((first.direct & Lexicon::Adjective) && !(first.direct & Lexicon::Noun)) {
        std::atomic<std::int8_t> &slot = m_relationalAdjective[static_cast<size_t>(k.ids.front())];
        std::int8_t cached = slot.load(std::memory_order_relaxed);
        if (cached < 0) {
            const QByteArray l = first.lower.toUtf8();
            cached = Lexicon::instance().isRelationalAdjective(std::string_view(l.constData(), static_cast<size_t>(l.size()))) ? 1 : 0;
            slot.store(cached, std::memory_order_relaxed);
        }
        evaluative = cached == 0;
    }
    if (!evaluative && k.ids.size() >= 3) {
        // a hyphen compound adjective: "cutting-edge tech"
        const QByteArray compound = (m_words[static_cast<size_t>(k.ids[0])].lower + u'-'
                                     + m_words[static_cast<size_t>(k.ids[1])].lower).toUtf8();
        const std::string_view sv(compound.constData(), static_cast<size_t>(compound.size()));
        const Lexicon &lex = Lexicon::instance();
        evaluative = (lex.posMask(sv) & Lexicon::Adjective) && !lex.isRelationalAdjective(sv);
    }
    return evaluative && isAbstractNoun(m_words[static_cast<size_t>(k.ids.back())].lemma);
}

QString Run::keyString(const std::vector<int> &ids) const
{
    QString out;
    for (int id : ids) {
        QString w = m_words[static_cast<size_t>(id)].lower;
        w.remove(u'\'');
        if (w.isEmpty())
            continue;
        if (!out.isEmpty())
            out.append(u' ');
        out.append(w);
    }
    return out;
}

std::vector<Concept> Run::buildConcepts()
{
    const Lexicon &lex = Lexicon::instance();
    resetWordCaches();
    // Union variants: acronym -> expansion, nationality adjective -> country.
    std::unordered_map<std::uint64_t, std::uint64_t> parent;
    std::unordered_map<std::uint64_t, int> mentionCount;
    for (const DocData &d : m_docs) {
        for (const Occurrence &o : d.assigned)
            ++mentionCount[o.key];
    }
    // the key of a phrase written as in WordNet ("U.S.", "United States"), if its words occur
    auto keyOf = [&](const QString &phrase) -> std::optional<std::uint64_t> {
        std::vector<int> ids;
        for (QString part : phrase.toLower().split(u' ', Qt::SkipEmptyParts)) {
            if (part.size() > 2 && part.back() == u'.')
                part.remove(u'.');
            auto it = m_wordIds.constFind(part);
            if (it == m_wordIds.constEnd())
                return std::nullopt;
            ids.push_back(*it);
        }
        if (ids.empty())
            return std::nullopt;
        return hashIds(ids);
    };
    auto find = [&](std::uint64_t k) {
        while (true) {
            auto it = parent.find(k);
            if (it == parent.end() || it->second == k)
                return k;
            k = it->second;
        }
    };
    for (const auto &[acronym, expansion] : m_acronymPairs) {
        const std::uint64_t a = find(acronym);
        const std::uint64_t e = find(expansion);
        if (a != e)
            parent[a] = e;
    }
    for (const auto &[key, count] : mentionCount) {
        const KeyInfo &k = m_keys.at(key);
        if (k.ids.size() != 1)
            continue;
        const int target = m_words[static_cast<size_t>(k.ids[0])].pertainym;
        if (target < 0)
            continue;
        const std::uint64_t t = hashIds({target});
        if (mentionCount.count(t)) {
            if (find(t) != find(key))
                parent[find(key)] = find(t);
            continue;
        }
        // the country is written another way: "American" with "US" in the text
        // joins the most mentioned WordNet synonym of America that occurs
        const QByteArray targetUtf8 = m_words[static_cast<size_t>(target)].lower.toUtf8();
        std::uint64_t best = 0;
        int bestCount = 0;
        for (const QString &synonym : lex.properSynonyms(std::string_view(targetUtf8.constData(), static_cast<size_t>(targetUtf8.size())))) {
            if (const std::optional<std::uint64_t> sk = keyOf(synonym)) {
                auto it = mentionCount.find(*sk);
                if (it != mentionCount.end() && it->second > bestCount) {
                    best = *sk;
                    bestCount = it->second;
                }
            }
        }
        if (bestCount > 0 && find(best) != find(key))
            parent[find(key)] = find(best);
    }

    // Capitalised plurals: "States" joins "State", "Governments" joins
    // "Government", when the plural is no WordNet lemma of its own and the
    // singular name occurs ("United States" stays: "United State" never occurs).
    for (const auto &[key, count] : mentionCount) {
        const KeyInfo &k = m_keys.at(key);
        if (!(k.kinds & KName) || (k.kinds & KAcronym))
            continue;
        const int last = k.ids.back();
        const WordInfo &w = m_words[static_cast<size_t>(last)];
        if (w.lemma == last || w.direct != 0)
            continue;
        // only common nouns written capitalised ("state" also occurs in lower
        // case); demonyms stay apart ("Indians" are people, not India)
        const WordInfo &base = m_words[static_cast<size_t>(w.lemma)];
        if (base.lowMid.load() == 0 || base.pertainym >= 0 || (base.direct & Lexicon::Adjective))
            continue;
        std::vector<int> singular = k.ids;
        singular.back() = w.lemma;
        const std::uint64_t sk = hashIds(singular);
        auto it = mentionCount.find(sk);
        if (it == mentionCount.end() || (k.ids.size() > 1 && it->second < 2))
            continue;
        if (find(sk) != find(key))
            parent[find(key)] = find(sk);
    }

    // Undefined acronyms: "AI" joins "artificial intelligence" when that is the
    // one phrase in the corpus whose word initials spell it, and the acronym is
    // not an ordinary word written in capitals (its lower-case form is rarer).
    std::unordered_set<std::uint64_t> defined;
    for (const auto &[acronym, expansion] : m_acronymPairs)
        defined.insert(acronym);
    // letters of each candidate acronym -> its key, then one pass over the phrases
    std::unordered_map<std::u16string, std::uint64_t> acronymByLetters;
    std::unordered_map<std::u16string, std::vector<std::uint64_t>> byInitials;
    size_t longest = 0;
    for (const auto &[key, count] : mentionCount) {
        const KeyInfo &k = m_keys.at(key);
        if (k.ids.size() != 1 || !(k.kinds & KAcronym) || defined.count(key))
            continue;
        const WordInfo &w = m_words[static_cast<size_t>(k.ids[0])];
        if (w.lower.size() < 2 || w.lower.size() > 6 || w.lowMid.load() >= w.capMid.load())
            continue;
        acronymByLetters.emplace(w.lower.toStdU16String(), key);
        longest = std::max(longest, static_cast<size_t>(w.lower.size()));
    }
    if (!acronymByLetters.empty()) {
        std::u16string initials;
        for (const auto &[key, count] : mentionCount) {
            const KeyInfo &k = m_keys.at(key);
            if (k.ids.size() < 2 || k.ids.size() > longest || (k.kinds & KAcronym))
                continue;
            initials.clear();
            bool content = true;
            for (int id : k.ids) {
                const WordInfo &w = m_words[static_cast<size_t>(id)];
                if (w.stop || w.lower.isEmpty() || !w.lower.front().isLetter()) {
                    content = false;
                    break;
                }
                initials.push_back(w.lower.front().unicode());
            }
            if (content && acronymByLetters.count(initials))
                byInitials[initials].push_back(key);
        }
    }
    for (const auto &[letters, key] : acronymByLetters) {
        auto it = byInitials.find(letters);
        if (it == byInitials.end())
            continue;
        std::uint64_t root = 0;
        bool unique = true;
        for (std::uint64_t e : it->second) {
            if (root != 0 && find(e) != root)
                unique = false;
            root = find(e);
        }
        if (unique && root != 0 && root != find(key))
            parent[find(key)] = root;
    }

    // A surname alone ("Lovelace") joins the one full name ending with it ("Ada Lovelace").
    std::unordered_map<int, std::vector<std::uint64_t>> byLastName;
    for (const auto &[key, count] : mentionCount) {
        const KeyInfo &k = m_keys.at(key);
        if ((k.kinds & KName) && k.ids.size() >= 2 && k.ids.size() <= 3)
            byLastName[k.ids.back()].push_back(key);
    }
    for (const auto &[key, count] : mentionCount) {
        const KeyInfo &k = m_keys.at(key);
        if (k.ids.size() != 1 || !(k.kinds & KName) || (k.kinds & KAcronym)
            || m_words[static_cast<size_t>(k.ids[0])].known())
            continue;
        auto it = byLastName.find(k.ids[0]);
        if (it != byLastName.end() && it->second.size() == 1 && find(it->second.front()) != find(key))
            parent[find(key)] = find(it->second.front());
    }

    struct Group
    {
        std::uint64_t root = 0;
        std::vector<std::pair<int, const Occurrence *>> mentions; // document, occurrence
        std::uint16_t kinds = 0;
        int capitalised = 0;
        std::map<QString, int> surfaces; // without possessive
        std::map<QString, int> classCues;
        std::map<QString, int> followers;
        bool personCue = false;
        int personCues = 0;
    };
    std::unordered_map<std::uint64_t, Group> groups;
    for (int di = 0; di < static_cast<int>(m_docs.size()); ++di) {
        for (const Occurrence &o : m_docs[static_cast<size_t>(di)].assigned) {
            Group &g = groups[find(o.key)];
            g.root = find(o.key);
            g.mentions.emplace_back(di, &o);
            g.kinds |= o.kinds;
        }
    }
    // An acronym seen once, only in a title-case line and never in running text
    // or a definition ("FAQ: ...") labels the page, it is no concept.
    for (auto it = groups.begin(); it != groups.end();) {
        const Group &g = it->second;
        const KeyInfo &k = m_keys.at(it->first);
        const bool headingOnly = (g.kinds & KHeading) && g.mentions.size() == 1;
        if (headingOnly && k.ids.size() == 1 && (g.kinds & KAcronym) && !(g.kinds & (KLink | KExpansion)))
            it = groups.erase(it);
        else
            ++it;
    }

    // Lone common nouns must recur and must not be generic: a single lower-case
    // term (no name, link, quote or definition) is dropped when it has fewer
    // than two mentions in running text, unless WordNet barely knows it (a
    // domain term: tag count <= kDomainTermTagCount); and when it is a general
    // noun, common in English (tag count >= kGenericNounTagCount) with a first
    // sense in an abstract or collective lexicographer file ("company", "area",
    // "approach", "development", "model"). Such words still take part in
    // longer terms ("model training", "company law").
    for (auto it = groups.begin(); it != groups.end();) {
        const Group &g = it->second;
        const KeyInfo &k = m_keys.at(it->first);
        bool drop = false;
        if (k.ids.size() == 1 && !(g.kinds & (KName | KQuoted | KLink | KExpansion | KAcronym))) {
            const WordInfo &w = m_words[static_cast<size_t>(k.ids[0])];
            int running = 0;
            for (const auto &[di, o] : g.mentions)
                running += !(o->kinds & KHeading);
            if (running < 2 && w.tagCount > kDomainTermTagCount)
                drop = true;
            else if (w.tagCount >= kGenericNounTagCount && isGenericNoun(k.ids[0]))
                drop = true;
        }
        if (drop)
            it = groups.erase(it);
        else
            ++it;
    }

    // "Government", "Department": a one-word name that is a common English noun
    // (WordNet tag count >= kGenericNounTagCount) also written in lower case.
    auto commonWordName = [&](const KeyInfo &rk, const ConceptFeatures &f) {
        if (!f.named || f.words != 1 || (m_keys.at(hashIds(rk.ids)).kinds & KAcronym))
            return false;
        const WordInfo &w = m_words[static_cast<size_t>(rk.ids[0])];
        const WordInfo &lemma = m_words[static_cast<size_t>(w.lemma)];
        if (!(w.direct & Lexicon::Noun) && !(lemma.direct & Lexicon::Noun))
            return false;
        return std::max(w.tagCount, lemma.tagCount) >= kGenericNounTagCount
            && w.lowMid.load() + lemma.lowMid.load() > 0;
    };
    const int N = static_cast<int>(m_docs.size());
    // Cheap features first: the score needs only counts and kinds, so labels,
    // cues and mentions are built just for the groups that can make the cut.
    auto cheapFeatures = [&](const Group &g, const KeyInfo &rk, ConceptFeatures &f) {
        f.key = keyString(rk.ids);
        f.words = static_cast<int>(rk.ids.size());
        f.documentTotal = N;
        int lastDoc = -1;
        int named = 0;
        for (const auto &[di, o] : g.mentions) {
            if (di != lastDoc) {
                ++f.documents;
                lastDoc = di;
            }
            // headings restate the body; they earn the heading boost, not frequency
            if (!(o->kinds & KHeading))
                ++f.mentions;
            if (o->kinds & (KName | KAcronym))
                ++named;
        }
        f.named = named * 2 >= static_cast<int>(g.mentions.size());
        f.mentions = std::max(1, f.mentions);
        f.linked = g.kinds & KLink;
        f.quoted = g.kinds & KQuoted;
        f.heading = g.kinds & KHeading;
        f.acronymPair = g.kinds & KExpansion;
        f.evaluative = !f.named && evaluativePhrase(rk);
        QString joined = f.key;
        joined.replace(u' ', u'_');
        const QByteArray joinedUtf8 = joined.toUtf8();
        f.generalCount = f.words == 1
            ? m_words[static_cast<size_t>(rk.ids[0])].tagCount
            : lex.tagCount(std::string_view(joinedUtf8.constData(), static_cast<size_t>(joinedUtf8.size())));
        f.commonWordName = commonWordName(rk, f);
    };
    std::unordered_map<std::uint64_t, bool> selected;
    {
        // each thread scores its own slots; the order stays the map's
        std::vector<const Group *> order;
        order.reserve(groups.size());
        for (const auto &[root, g] : groups)
            order.push_back(&g);
        std::vector<std::pair<double, std::uint64_t>> ranked(order.size());
        parallelFor(static_cast<int>(order.size()), m_threads, [&](int i, int) {
            const Group &g = *order[static_cast<size_t>(i)];
            ConceptFeatures f;
            cheapFeatures(g, m_keys.at(g.root), f);
            ranked[static_cast<size_t>(i)] = {conceptScore(f), g.root};
        });
        // headroom for curation, which may remove or merge some of the best
        const size_t keep = std::min(ranked.size(), static_cast<size_t>(std::max(0, m_options.maxConcepts)) * 5 / 4 + 50);
        std::nth_element(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(),
                         [](const auto &a, const auto &b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
        for (size_t i = 0; i < keep; ++i)
            selected.emplace(ranked[i].second, true);
    }
    struct Scored
    {
        Concept item;
        ConceptFeatures features;
    };
    // Full features for the selected groups, in the map's order: each thread
    // fills its own slots (a group belongs to one slot), kept in that order.
    std::vector<Group *> chosen;
    for (auto &[root, g] : groups) {
        if (selected.count(root))
            chosen.push_back(&g);
    }
    std::vector<std::optional<Scored>> slots(chosen.size());
    parallelFor(static_cast<int>(chosen.size()), m_threads, [&](int gi, int) {
        Group &g = *chosen[static_cast<size_t>(gi)];
        const std::uint64_t root = g.root;
        Scored s;
        const KeyInfo &rk = m_keys.at(root);
        ConceptFeatures &f = s.features;
        // counts, kinds and general frequency as ranked; cues and labels below
        cheapFeatures(g, rk, f);
        if (f.key.isEmpty())
            return;
        for (const auto &[di, o] : g.mentions) {
            const DocData &d = m_docs[static_cast<size_t>(di)];
            const QString &text = m_corpus.documents[static_cast<size_t>(di)].text;
            const Token &first = d.tokens[static_cast<size_t>(o->b)];
            const Token &last = d.tokens[static_cast<size_t>(o->e - 1)];
            const QString surface = text.mid(first.start, last.end - first.start);
            // labels come from running text, not headings or sentence starts, and
            // a country is not labelled by its adjective
            const bool reliable = !first.has(Token::SentenceStart) && !first.has(Token::CaseUnreliable);
            g.surfaces[surface] += (o->kinds & KNationality) ? 0 : (reliable ? 3 : 1);
            if (o->kinds & KPersonCue)
                ++g.personCues;
            // cues around the mention, inside its sentence
            const Sentence &sent = d.sentences[static_cast<size_t>(o->sentence)];
            auto wordAt = [&](int i) -> const WordInfo * {
                if (i < sent.tokBegin || i >= sent.tokEnd || !d.tokens[static_cast<size_t>(i)].isWord())
                    return nullptr;
                return &wordOf(d.tokens[static_cast<size_t>(i)]);
            };
            if (o->kinds & KName) {
                // "Ns such as X", "Ns like X, Y and Z", "Ns including X"
                int i = o->b - 1;
                while (i >= sent.tokBegin) {
                    const Token &t = d.tokens[static_cast<size_t>(i)];
                    if (!t.isWord() && t.punct == u',') {
                        --i;
                        continue;
                    }
                    if (t.isWord()) {
                        const WordInfo &w = wordOf(t);
                        if (w.lower == u"and" || w.lower == u"or" || (formOf(t).shape & Capitalised)) {
                            --i;
                            continue;
                        }
                    }
                    break;
                }
                const WordInfo *cue = wordAt(i);
                int classAt = -1;
                if (cue && (cue->lower == u"like" || cue->lower == u"including"))
                    classAt = i - 1;
                else if (cue && cue->lower == u"as" && wordAt(i - 1) && wordAt(i - 1)->lower == u"such")
                    classAt = i - 2;
                if (classAt >= sent.tokBegin && !d.tokens[static_cast<size_t>(classAt)].isWord())
                    --classAt;
                if (const WordInfo *cls = wordAt(classAt); cls && cls->isNoun() && !cls->stop)
                    ++g.classCues[m_words[static_cast<size_t>(cls->lemma)].lower];
                // "X and other Ns"
                if (const WordInfo *a = wordAt(o->e); a && (a->lower == u"and" || a->lower == u"or")) {
                    if (const WordInfo *b = wordAt(o->e + 1); b && b->lower == u"other") {
                        if (const WordInfo *c = wordAt(o->e + 2); c && c->isNoun())
                            ++g.classCues[m_words[static_cast<size_t>(c->lemma)].lower];
                    }
                }
                // speech or apposition: "X said", "X, a writer", "X is a London-based writer"
                if (const WordInfo *w = wordAt(o->e); w && (w->lower == u"said" || w->lower == u"says"))
                    ++g.personCues;
                int k = o->e;
                const bool comma = k < sent.tokEnd && !d.tokens[static_cast<size_t>(k)].isWord()
                    && d.tokens[static_cast<size_t>(k)].punct == u',';
                const bool copula = wordAt(k) && (wordAt(k)->lower == u"is" || wordAt(k)->lower == u"was");
                if (comma || copula) {
                    ++k;
                    const WordInfo *article = wordAt(k);
                    if (article && (article->lower == u"a" || article->lower == u"an" || article->lower == u"the")) {
                        for (int j = k + 1; j < std::min(sent.tokEnd, k + 5); ++j) {
                            const WordInfo *w = wordAt(j);
                            if (!w)
                                continue;
                            if (isPersonNoun(w->lemma)) {
                                ++g.personCues;
                                break;
                            }
                        }
                    }
                }
            }
            int after = o->e;
            if (after < sent.tokEnd && d.tokens[static_cast<size_t>(after)].has(Token::Quote))
                ++after; // the "Slowing the Flow" project
            if (const WordInfo *next = wordAt(after); next && next->isNoun() && !next->stop)
                ++g.followers[m_words[static_cast<size_t>(next->lemma)].lower];
        }
        f.nationality = false;
        // one cue makes a person of a rare name; a frequent one needs them often
        f.personCue = g.personCues > 0 && g.personCues * 10 >= static_cast<int>(g.mentions.size());
        const QString headWord = m_words[static_cast<size_t>(rk.ids.back())].lower;
        // the head of "Secretary of War" is "secretary"
        size_t head = rk.ids.size() - 1;
        for (size_t k = 1; k < rk.ids.size(); ++k) {
            if (m_words[static_cast<size_t>(rk.ids[k])].lower == u"of") {
                head = k - 1;
                break;
            }
        }
        f.headLemma = m_words[static_cast<size_t>(m_words[static_cast<size_t>(rk.ids[head])].lemma)].lower;
        QString joined = f.key;
        joined.replace(u' ', u'_');
        const QByteArray joinedUtf8 = joined.toUtf8();
        const std::string_view jsv(joinedUtf8.constData(), static_cast<size_t>(joinedUtf8.size()));
        if (f.named) {
            f.properLexFile = lex.nounLexFile(jsv, true);
            if (f.words >= 2) {
                const QByteArray firstUtf8 = m_words[static_cast<size_t>(rk.ids[0])].lower.toUtf8();
                f.firstTokenGivenName = lex.nounLexFile(std::string_view(firstUtf8.constData(), static_cast<size_t>(firstUtf8.size())), true)
                    == u"noun.person";
            }
        }
        if (!f.named || f.words >= 2) {
            const QByteArray head = f.headLemma.toUtf8();
            f.headLexFile = lex.nounLexFile(std::string_view(head.constData(), static_cast<size_t>(head.size())), false);
        }
        // merged nationality adjectives make a place
        for (const auto &[di, o] : g.mentions) {
            if (o->kinds & KNationality) {
                f.nationality = true;
                break;
            }
        }
        if (f.properLexFile == u"noun.time")
            return; // months and weekdays
        // "Americans", "Indians": the plural of a WordNet person noun names a people
        if (f.named && f.words == 1) {
            const int w = rk.ids[0];
            const int lemma = m_words[static_cast<size_t>(w)].lemma;
            f.peoplePlural = lemma != w && isPersonNoun(lemma);
        }
        int best = 0;
        for (const auto &[cls, count] : g.classCues) {
            if (count > best) {
                best = count;
                f.classCue = cls;
            }
        }
        best = 0;
        for (const auto &[w, count] : g.followers) {
            if (count > best && count * 2 >= f.mentions) {
                best = count;
                f.followerCue = w;
            }
        }
        Q_UNUSED(headWord);

        Concept &c = s.item;
        c.id = ConceptId(f.key);
        c.documentCount = f.documents;
        c.score = conceptScore(f);
        c.type = conceptType(f);
        // label: most frequent surface without possessive; nationality adjectives
        // give way to the country's name.
        QMap<QString, int> aliasCounts;
        for (const auto &[surface, count] : g.surfaces)
            aliasCounts[surface] += count;
        QString label;
        int labelCount = -1;
        // a name is labelled by its most frequent capitalised form ("Pacific",
        // never "pacific" from "the pacific coast")
        bool capitalisedSurface = false;
        for (auto it = aliasCounts.cbegin(); it != aliasCounts.cend() && f.named; ++it)
            capitalisedSurface = capitalisedSurface || (!it.key().isEmpty() && it.key().front().isUpper());
        for (auto it = aliasCounts.cbegin(); it != aliasCounts.cend(); ++it) {
            if (capitalisedSurface && !it.key().front().isUpper())
                continue;
            const int words = static_cast<int>(it.key().count(u' ') + it.key().count(u'-') + 1);
            const bool sameLength = words == f.words || f.words == 1;
            const int weight = it.value() * (sameLength ? 2 : 1) + 1;
            if (weight > labelCount) {
                labelCount = weight;
                label = it.key();
            }
        }
        c.label = label;
        // mentions
        for (const auto &[di, o] : g.mentions) {
            const DocData &d = m_docs[static_cast<size_t>(di)];
            const QString &text = m_corpus.documents[static_cast<size_t>(di)].text;
            const Token &first = d.tokens[static_cast<size_t>(o->b)];
            const Token &last = d.tokens[static_cast<size_t>(o->e - 1)];
            qsizetype end = last.end;
            if (last.has(Token::Possessive) && (o->kinds & KName))
                end += 2;
            Mention m;
            m.span = Span{DocumentId(di), TextRange{first.start, end}};
            m.surface = text.mid(first.start, end - first.start);
            m.explicitLink = o->kinds & KLink;
            c.mentions.push_back(m);
        }
        QStringList aliases;
        aliases.append(c.label);
        for (const Mention &m : c.mentions) {
            if (!aliases.contains(m.surface))
                aliases.append(m.surface);
        }
        c.aliases = aliases;
        // only the adjective occurs ("Asian firms"): the concept is the place it
        // pertains to, labelled by the place's name
        if (f.nationality && rk.ids.size() == 1) {
            bool adjectiveOnly = true;
            for (const auto &[di, o] : g.mentions)
                adjectiveOnly = adjectiveOnly && (o->kinds & KNationality);
            const QString &place = m_words[static_cast<size_t>(rk.ids[0])].pertainymLabel;
            if (adjectiveOnly && !place.isEmpty()) {
                c.label = place;
                c.aliases.prepend(place);
            }
        }
        slots[static_cast<size_t>(gi)] = std::move(s);
    });
    std::vector<Concept> out;
    out.reserve(slots.size());
    for (std::optional<Scored> &s : slots) {
        if (s)
            out.push_back(std::move(s->item));
    }
    return out;
}

Extraction Run::run(const Curation &curation)
{
    Extraction result;
    if (!Lexicon::instance().isLoaded()) {
        result.problems.push_back({Problem::Severity::Warning, QString(),
                                   QStringLiteral("WordNet dictionary not found; concept extraction is degraded")});
    }
    tokenizeDocuments();
    if (cancelled())
        return {};
    buildVocabulary();
    countCapitalisation();
    if (cancelled())
        return {};
    findCandidates();
    if (cancelled())
        return {};
    assignMentions();
    std::vector<Concept> concepts = buildConcepts();
    if (cancelled())
        return {};

    std::vector<QStringView> texts;
    for (const ingest::Document &doc : m_corpus.documents)
        texts.push_back(doc.text);
    applyCuration(curation, m_corpus, concepts);
    sortConcepts(concepts);
    if (static_cast<int>(concepts.size()) > m_options.maxConcepts)
        concepts.resize(static_cast<size_t>(std::max(0, m_options.maxConcepts)));

    // Relations over the reader's sentences (or ours), per document.
    std::vector<SentenceMentions> sentences;
    for (int di = 0; di < static_cast<int>(m_docs.size()); ++di) {
        const DocData &d = m_docs[static_cast<size_t>(di)];
        const size_t base = sentences.size();
        for (const Sentence &s : d.sentences)
            sentences.push_back({Span{DocumentId(di), s.range}, {}});
        Q_UNUSED(base);
    }
    // index of each document's first sentence
    std::vector<size_t> firstSentence(m_docs.size() + 1, 0);
    for (size_t di = 0; di < m_docs.size(); ++di)
        firstSentence[di + 1] = firstSentence[di] + m_docs[di].sentences.size();
    // mentions by document, in concept order; then each document places its
    // own in its sentences on one thread, keeping that order
    std::vector<std::vector<std::pair<int, const Mention *>>> byDocument(m_docs.size());
    for (int ci = 0; ci < static_cast<int>(concepts.size()); ++ci) {
        for (const Mention &m : concepts[static_cast<size_t>(ci)].mentions) {
            const size_t di = static_cast<size_t>(m.span.document.value());
            if (di < m_docs.size())
                byDocument[di].emplace_back(ci, &m);
        }
    }
    parallelFor(static_cast<int>(m_docs.size()), m_threads, [&](int docIndex, int) {
        const size_t di = static_cast<size_t>(docIndex);
        for (const auto &[ci, mention] : byDocument[di]) {
            const Mention &m = *mention;
            const auto &ss = m_docs[di].sentences;
            auto it = std::upper_bound(ss.begin(), ss.end(), m.span.range.start,
                                       [](qsizetype pos, const Sentence &s) { return pos < s.range.start; });
            if (it == ss.begin())
                continue;
            --it;
            if (m.span.range.end > it->range.end)
                continue;
            sentences[firstSentence[di] + static_cast<size_t>(it - ss.begin())].mentions.push_back(
                {ci, m.span.range.start, m.span.range.end});
        }
        for (size_t si = firstSentence[di]; si < firstSentence[di + 1]; ++si) {
            std::vector<SentenceMention> &mentions = sentences[si].mentions;
            std::sort(mentions.begin(), mentions.end(),
                      [](const SentenceMention &a, const SentenceMention &b) { return a.start < b.start; });
        }
    });
    result.relations = extractRelations(concepts, sentences, texts, m_options.maxRelationsPerConcept,
                                        m_options.maxEvidencePerRelation, m_threads);
    result.concepts = std::move(concepts);
    report(QStringLiteral("Extracting"), 3, 3);
    return result;
}

} // namespace

ConceptExtractor::ConceptExtractor(Options options)
    : m_options(options)
{
}

void ConceptExtractor::prepare()
{
    (void)Lexicon::instance();
}

ConceptExtractor::ConceptExtractor()
    : ConceptExtractor(Options{})
{
}

Extraction ConceptExtractor::extract(const ingest::Corpus &corpus, const Curation &curation,
                                     ProgressSink *progress, const CancelToken *cancel) const
{
    Run run(corpus, m_options, progress, cancel);
    return run.run(curation);
}

} // namespace carto::extract
