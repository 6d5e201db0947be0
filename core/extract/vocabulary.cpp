#include "vocabulary.h"

#include "background.h"
#include "corpustokens.h"
#include "lexicon.h"
#include "parallel.h"
#include "stopwords.h"
#include "tagger.h"

#include <algorithm>
#include <string_view>
#include <string>
#include <unordered_map>

namespace carto::extract {

namespace {

std::string utf8(const QString &s)
{
    return s.toStdString();
}

// Closed-class words that open but never belong to a noun phrase, and the
// indefinite pronouns that stand for one ("everybody", "nothing").
bool isQuantifier(const QString &w)
{
    static const std::initializer_list<std::u16string_view> words = {
        u"all", u"any", u"each", u"every", u"few", u"fewer", u"many", u"more", u"most", u"much", u"no", u"other",
        u"several", u"some", u"such", u"own", u"same", u"both", u"either", u"neither", u"certain", u"various",
        u"numerous", u"further", u"less", u"least", u"enough", u"another", u"everybody", u"nobody", u"anybody",
        u"somebody", u"everyone", u"someone", u"anyone", u"everything", u"nothing", u"anything", u"something"};
    const std::u16string_view v(QStringView(w).utf16(), static_cast<size_t>(w.size()));
    return std::any_of(words.begin(), words.end(), [&](std::u16string_view x) { return v == x; });
}

} // namespace

WordInfo::WordInfo(WordInfo &&o) noexcept
    : lower(std::move(o.lower)), pos(o.pos), direct(o.direct), stop(o.stop), honorific(o.honorific),
      lemma(o.lemma), tagCount(o.tagCount), nounTags(o.nounTags), verbTags(o.verbTags), adjTags(o.adjTags),
      background(o.background), relationalAdjective(o.relationalAdjective), personNoun(o.personNoun),
      timeNoun(o.timeNoun), abstractNoun(o.abstractNoun), properNoun(o.properNoun), properPlace(o.properPlace),
      properPerson(o.properPerson), properOnly(o.properOnly), quantifier(o.quantifier),
      nounGerund(o.nounGerund), pertainym(o.pertainym),
      pertainymLabel(std::move(o.pertainymLabel)), capMid(o.capMid.load()), lowMid(o.lowMid.load())
{
    // every member: a word table that grows moves its entries
}

bool WordInfo::isNoun() const
{
    return pos & Lexicon::Noun;
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

int Vocabulary::intern(const QString &lower)
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

int Vocabulary::find(const QString &lower) const
{
    return m_wordIds.value(lower, -1);
}

void Vocabulary::build(std::vector<FormInterner> &interners, std::vector<DocumentTokens> &docs, int threads)
{
    // Form ids in the order of the forms' text: which thread tokenised which
    // document (items are handed out as threads come free) must not change them.
    // Deduplicated by hash first: with an interner per document the forms
    // repeat hundreds of times, and sorting them all cost more than tagging.
    std::unordered_map<std::u16string_view, int, WordViewHash> globalForms;
    for (const FormInterner &in : interners) {
        for (const QStringView form : in.forms)
            globalForms.emplace(std::u16string_view(form.utf16(), static_cast<size_t>(form.size())), 0);
    }
    std::vector<std::u16string_view> distinct;
    distinct.reserve(globalForms.size());
    for (const auto &entry : globalForms)
        distinct.push_back(entry.first);
    std::sort(distinct.begin(), distinct.end());
    m_formText.reserve(distinct.size());
    for (const std::u16string_view form : distinct) {
        globalForms[form] = static_cast<int>(m_formText.size());
        m_formText.emplace_back(form.data(), static_cast<qsizetype>(form.size()));
    }
    std::vector<std::vector<std::int32_t>> remap(interners.size());
    for (size_t t = 0; t < interners.size(); ++t) {
        const FormInterner &in = interners[t];
        remap[t].resize(in.forms.size());
        for (size_t i = 0; i < in.forms.size(); ++i)
            remap[t][i] = globalForms.at(std::u16string_view(in.forms[i].utf16(), static_cast<size_t>(in.forms[i].size())));
    }
    // Shapes and lower-case keys per form in parallel; the words are then
    // interned on this thread in form order (word, then acronym base), so the
    // word ids do not depend on the threads.
    struct FormKeys
    {
        QString lower;
        QString acronymStem; // lower case; empty unless an acronym with a plural s
    };
    std::vector<FormKeys> keys(m_formText.size());
    m_forms.resize(m_formText.size());
    parallelFor(static_cast<int>(m_formText.size()), threads, [&](int fi, int) {
        const QStringView form = m_formText[static_cast<size_t>(fi)];
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
    for (size_t fi = 0; fi < m_formText.size(); ++fi) {
        FormInfo &info = m_forms[fi];
        info.word = intern(keys[fi].lower);
        if (!keys[fi].acronymStem.isNull())
            info.acronymBase = intern(keys[fi].acronymStem);
    }
    parallelFor(static_cast<int>(docs.size()), threads, [&](int di, int) {
        DocumentTokens &d = docs[static_cast<size_t>(di)];
        const std::vector<std::int32_t> &map = remap[static_cast<size_t>(d.thread)];
        for (Token &t : d.tokens) {
            if (t.form >= 0)
                t.form = map[static_cast<size_t>(t.form)];
        }
    });
    interners.clear();
    lookUpWords(threads);
}

// One look-up per distinct word. Noun lemmas may add words, so the table is
// looked up in batches: the words known so far in parallel (each thread writes
// only the words it takes), then their lemmas are interned on this thread in
// index order, which gives the ids a single index-ordered pass would give; the
// lemmas new to the table form the next batch.
void Vocabulary::lookUpWords(int threads)
{
    const Lexicon &lex = Lexicon::instance();
    std::vector<std::string> bases;
    std::vector<int> ownTags;
    for (size_t begin = 0; begin < m_words.size();) {
        const size_t end = m_words.size();
        bases.assign(end - begin, std::string());
        ownTags.assign(end - begin, 0);
        parallelFor(static_cast<int>(end - begin), threads, [&](int k, int) {
            WordInfo &w = m_words[begin + static_cast<size_t>(k)];
            const std::string sv = utf8(w.lower);
            w.stop = isStopword(w.lower);
            w.honorific = isHonorific(w.lower);
            w.direct = lex.posMask(sv);
            w.pos = lex.inflectedPosMask(sv);
            if (w.pos & Lexicon::Noun) {
                std::string base = lex.nounBase(sv);
                if (!base.empty() && base != sv)
                    bases[static_cast<size_t>(k)] = std::move(base);
            }
            ownTags[static_cast<size_t>(k)] = lex.tagCount(sv);
            if (w.pos & Lexicon::Noun)
                w.nounTags = lex.tagCount(sv, Lexicon::Noun);
            if (w.pos & Lexicon::Verb)
                w.verbTags = lex.tagCount(sv, Lexicon::Verb);
            if (w.pos & Lexicon::Adjective)
                w.adjTags = lex.tagCount(sv, Lexicon::Adjective);
            if (w.direct & Lexicon::Noun) {
                const QString file = lex.nounLexFile(sv, false);
                w.personNoun = file == u"noun.person";
                w.timeNoun = file == u"noun.time";
                w.abstractNoun = file == u"noun.act" || file == u"noun.state" || file == u"noun.attribute"
                    || file == u"noun.feeling" || file == u"noun.process" || file == u"noun.cognition";
                const QString proper = lex.nounLexFile(sv, true);
                w.properNoun = !proper.isEmpty();
                w.properPlace = proper == u"noun.location";
                w.properPerson = proper == u"noun.person";
                w.properOnly = w.properNoun && lex.properOnly(sv);
            }
            w.quantifier = isQuantifier(w.lower);
            w.nounGerund = w.lower.endsWith(u"ing") && isNoun(Tagger::instance().majorityTag(w.lower));
        });
        for (size_t i = begin; i < end; ++i) {
            const std::string &base = bases[i - begin];
            m_words[i].lemma = base.empty() ? static_cast<int>(i) : intern(QString::fromStdString(base));
        }
        // the table no longer grows in this batch: lemma counts in parallel
        const Background &background = Background::instance();
        parallelFor(static_cast<int>(end - begin), threads, [&](int k, int) {
            WordInfo &w = m_words[begin + static_cast<size_t>(k)];
            int tags = ownTags[static_cast<size_t>(k)];
            const WordInfo &lemma = m_words[static_cast<size_t>(w.lemma)];
            if (w.lemma != static_cast<int>(begin) + k)
                tags = std::max(tags, lex.tagCount(utf8(lemma.lower)));
            w.tagCount = tags;
            w.background = background.count(lemma.lower);
            if (w.direct & Lexicon::Adjective)
                w.relationalAdjective = lex.isRelationalAdjective(utf8(w.lower));
        });
        begin = end;
    }
}

void Vocabulary::countCapitalisation(const std::vector<DocumentTokens> &docs, int threads)
{
    parallelFor(static_cast<int>(docs.size()), threads, [&](int di, int) {
        for (const Token &t : docs[static_cast<size_t>(di)].tokens) {
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
    // A demonym plural ("Americans", "Afghans") points where its singular does.
    for (size_t i = 0; i < count; ++i) {
        if (m_words[i].capMid.load() == 0)
            continue;
        const size_t base = static_cast<size_t>(m_words[i].lemma);
        if (!(m_words[base].direct & Lexicon::Adjective))
            continue;
        const QString target = lex.properPertainym(utf8(m_words[base].lower));
        if (target.isEmpty())
            continue;
        // a place: "Democratic" points at Democrat and "Republican" at the
        // GOP, which are no nationalities; "Soviet" points at a place of two
        // words, which the merger looks up by name
        QString lemma = target.toLower();
        lemma.replace(u' ', u'_');
        const QString file = lex.nounLexFile(utf8(lemma), true);
        if (file != u"noun.location" && file != u"noun.object") // continents are objects
            continue;
        const int id = intern(target.toLower());
        for (size_t w : {i, base}) {
            m_words[w].pertainym = id;
            m_words[w].pertainymLabel = target;
        }
    }
}

} // namespace carto::extract
