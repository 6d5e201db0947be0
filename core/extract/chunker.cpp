#include "chunker.h"

#include "gazetteer.h"
#include "lexicon.h"

#include <algorithm>
#include <string_view>

namespace carto::extract {

namespace {

constexpr int kMaxNameTokens = 8;
constexpr int kMaxPhraseSide = 3; // words on each side of a prepositional phrase

bool isOneOf(const QString &w, std::initializer_list<std::u16string_view> words)
{
    const std::u16string_view v(QStringView(w).utf16(), static_cast<size_t>(w.size()));
    return std::any_of(words.begin(), words.end(), [&](std::u16string_view x) { return v == x; });
}

// One letter, or a roman numeral up to 39 ("ii", "xiv").
bool isInitialOrNumeral(const QString &lower)
{
    if (lower.size() == 1)
        return true;
    if (lower.size() > 6)
        return false;
    qsizetype i = 0;
    while (i < lower.size() && lower[i] == u'x')
        ++i;
    const QStringView rest = QStringView(lower).mid(i);
    return rest.isEmpty() || rest == u"i" || rest == u"ii" || rest == u"iii" || rest == u"iv" || rest == u"v"
        || rest == u"vi" || rest == u"vii" || rest == u"viii" || rest == u"ix";
}

bool isYear(const TaggedSentence &s, std::int32_t i)
{
    if (!s.isWord(i) || !s.token(i).has(Token::Number))
        return false;
    const QString &w = s.word(i).lower;
    return w.size() == 4 && std::all_of(w.begin(), w.end(), [](QChar c) { return c.isDigit(); });
}

// A common noun WordNet files under noun.person ("president", "senator",
// "commodore"): written capitalised before a name, it is the person's title.
bool isPersonNoun(const WordInfo &w)
{
    return w.personNoun;
}

// A capitalised WordNet instance of the word ("Smith": Adam Smith, "Jones",
// "Franklin") makes it a surname as well as a common noun; a title of address
// ("President", "Speaker") has no instances.
bool isPersonInstance(const WordInfo &w)
{
    return !Lexicon::instance().instanceClasses(w.lower.toStdString()).empty();
}

// The -ing forms of the auxiliaries be, have and do.
bool isAuxiliaryGerund(const QString &lower)
{
    return lower == u"being" || lower == u"having" || lower == u"doing";
}

bool hasPersonInstance(const WordInfo &w)
{
    const std::vector<Lexicon::NounClass> classes = Lexicon::instance().instanceClasses(w.lower.toStdString());
    return std::any_of(classes.begin(), classes.end(),
                       [](const Lexicon::NounClass &c) { return c.lexFile == u"noun.person"; });
}

class Chunker
{
public:
    explicit Chunker(const TaggedSentence &s)
        : m_s(s), m_name(static_cast<size_t>(s.end - s.begin)), m_bracketed(static_cast<size_t>(s.end - s.begin))
    {
        int depth = 0;
        for (std::int32_t i = s.begin; i < s.end; ++i) {
            const Token &t = s.token(i);
            if (!t.isWord() && t.punct == u'[')
                ++depth;
            m_bracketed[static_cast<size_t>(i - s.begin)] = depth > 0;
            if (!t.isWord() && t.punct == u']')
                depth = std::max(0, depth - 1);
        }
        for (std::int32_t i = s.begin; i < s.end; ++i)
            m_name[static_cast<size_t>(i - s.begin)] = nameToken(i);
        markInitialProperNoun();
    }

    std::vector<Chunk> run()
    {
        names();
        nounPhrases();
        prepositionalPhrases();
        coordinations();
        return std::move(m_chunks);
    }

private:
    bool inside(std::int32_t i) const { return i >= m_s.begin && i < m_s.end; }
    bool free(std::int32_t i) const { return inside(i) && !m_bracketed[static_cast<size_t>(i - m_s.begin)]; }
    bool isName(std::int32_t i) const { return free(i) && m_name[static_cast<size_t>(i - m_s.begin)]; }
    bool wordIs(std::int32_t i, const char16_t *w) const { return free(i) && m_s.isWord(i) && m_s.word(i).lower == QStringView(w); }

    bool nameToken(std::int32_t i) const;
    void markInitialProperNoun();
    void names();
    void addName(std::int32_t b, std::int32_t e);
    void nounPhrases();
    void prepositionalPhrases();
    void coordinations();
    bool nominal(std::int32_t i) const;
    bool headNoun(std::int32_t i) const;
    bool namedAsCode(std::int32_t i) const;
    bool knownAsNoNoun(std::int32_t i) const;

    const TaggedSentence &m_s;
    std::vector<bool> m_name;
    std::vector<bool> m_bracketed;
    std::vector<Chunk> m_chunks;
    std::vector<std::pair<std::int32_t, std::int32_t>> m_nounPhrases; // for prepositional phrases
};

bool Chunker::nameToken(std::int32_t i) const
{
    if (!m_s.isWord(i) || m_s.token(i).has(Token::Number))
        return false;
    const FormInfo &f = m_s.form(i);
    if (!(f.shape & (Capitalised | Mixed)))
        return false;
    const WordInfo &w = m_s.word(i);
    if (w.honorific || w.lower == u"i")
        return false;
    const PosTag tag = m_s.tag(i);
    const Token &t = m_s.token(i);
    const bool reliable = !t.has(Token::SentenceStart) && !t.has(Token::CaseUnreliable);
    // A capitalised function word (pronoun, preposition, determiner) is no name
    // wherever it stands: sentences are not always split where a capital follows.
    if (w.stop && !(w.direct & Lexicon::Adjective) && !isProperNoun(tag))
        return false;
    if ((f.shape & Mixed) || f.acronymBase >= 0)
        return true; // "iPhone", "McKinley", "SaaS", "LLMs"
    if (reliable)
        return isNoun(tag) || isAdjective(tag) || tag == PosTag::VBN || tag == PosTag::VBG || tag == PosTag::FW
            || tag == PosTag::CD;
    // at a sentence start or in a heading the tag decides: the tagging stage
    // already made common nouns of the capitals the corpus gives no evidence
    // for. An -ing form of a verb is the sentence's verb all the same
    // ("Using AI helps", "Respecting GDPR matters"), unless WordNet knows it
    // as a name ("Reading"); an -ed form may be a name's adjective ("United").
    const bool participle = w.lower.endsWith(u"ing") && (w.pos & Lexicon::Verb) && !(w.direct & Lexicon::Verb)
        && !w.properNoun; // an inflection: "Spring Street" is a name
    return isProperNoun(tag) && !participle;
}

// "North Korea tested a missile": at a sentence start, capitalised words that
// WordNet lists together as a proper noun are a name whatever the tagger made
// of the first ("North" as an adjective).
void Chunker::markInitialProperNoun()
{
    const std::int32_t b = m_s.begin;
    // only a sentence whose first two words are capitalised can open so
    if (m_s.end - b < 2 || !m_s.isWord(b) || !m_s.isWord(b + 1) || !(m_s.form(b).shape & Capitalised)
        || !(m_s.form(b + 1).shape & Capitalised) || !isName(b + 1))
        return;
    for (std::int32_t n = std::min<std::int32_t>(4, m_s.end - b); n >= 2; --n) {
        std::string joined;
        bool capitalised = true;
        for (std::int32_t k = b; k < b + n && capitalised; ++k) {
            capitalised = m_s.isWord(k) && (m_s.form(k).shape & Capitalised) && !m_s.token(k).has(Token::Possessive);
            if (!capitalised)
                break;
            if (k > b)
                joined += '_';
            joined += m_s.word(k).lower.toStdString();
        }
        if (!capitalised)
            continue;
        if (!Lexicon::instance().nounLexFile(joined, true).isEmpty()) {
            for (std::int32_t k = b; k < b + n; ++k)
                m_name[static_cast<size_t>(k - m_s.begin)] = true;
            return;
        }
    }
}

void Chunker::names()
{
    for (std::int32_t i = m_s.begin; i < m_s.end;) {
        if (!isName(i)) {
            ++i;
            continue;
        }
        const std::int32_t b = i;
        std::int32_t e = i + 1;
        bool sawOf = false;
        while (e < m_s.end) {
            const bool joinable = !m_s.token(e - 1).has(Token::Possessive) && m_s.token(e - 1).isWord();
            if (isName(e) && joinable) {
                ++e;
                continue;
            }
            // "John F. Kennedy", "St. Louis": an initial or short abbreviation and its dot
            if (inside(e) && !m_s.token(e).isWord() && m_s.token(e).punct == u'.' && isName(e + 1)
                && m_s.word(e - 1).lower.size() <= 3 && (m_s.form(e - 1).shape & Capitalised)) {
                e += 2;
                continue;
            }
            if (!joinable || !m_s.isWord(e))
                break;
            const QString &c = m_s.word(e).lower;
            if ((c == u"of" || c == u"for" || c == u"de" || c == u"&") && isName(e + 1)) {
                sawOf = sawOf || c == u"of";
                e += 2;
                continue;
            }
            if (c == u"of" && wordIs(e + 1, u"the") && isName(e + 2)) {
                sawOf = true;
                e += 3;
                continue;
            }
            // "Department of Commerce and Labor", "the Chesapeake and Ohio Canal"
            if (c == u"and" && isName(e + 1) && (sawOf || (e - b == 1 && wordIs(b - 1, u"the")))) {
                e += 2;
                continue;
            }
            // "Atomic Energy Act of 1946"
            if (c == u"of" && isYear(m_s, e + 1)) {
                e += 2;
                break;
            }
            break;
        }
        i = e;
        // a name does not end in a function word
        while (e - b > 1 && m_s.isWord(e - 1) && m_s.word(e - 1).stop && !isYear(m_s, e - 1))
            --e;
        if (e - b <= kMaxNameTokens)
            addName(b, e);
    }
}

void Chunker::addName(std::int32_t b, std::int32_t e)
{
    Chunk c;
    c.kind = Chunk::Name;
    c.properHead = true;
    // an honorific before the name: a person cue, unless it addresses someone
    // by a title ("Mr. Speaker, ...")
    std::int32_t h = b - 1;
    if (inside(h) && !m_s.token(h).isWord() && m_s.token(h).punct == u'.')
        --h;
    if (m_s.isWord(h) && m_s.word(h).honorific) {
        const bool vocative = e - b == 1 && inside(e) && !m_s.token(e).isWord()
            && (m_s.token(e).punct == u',' || m_s.token(e).punct == u':' || m_s.token(e).punct == u'!');
        if (vocative)
            return;
        if (e - b == 1 && isPersonNoun(m_s.word(b)) && !isPersonInstance(m_s.word(b)))
            return; // "Mr. President": a title of address, not a name ("Mr. Smith" is one)
        c.personCue = true;
        c.titleBegin = h;
    }
    // a title noun inside the run ("Senator Robert Byrd", "Commodore Porter"):
    // the name is what follows the last title that a person's name follows
    for (std::int32_t t = e - 2; t >= b && !c.personCue; --t) {
        // (the dot of an initial is no word to look up; a given name such as
        // "Robert", whose first WordNet sense is a person, is no title)
        if (!m_s.isWord(t) || !isPersonNoun(m_s.word(t)) || Gazetteer::instance().isGivenName(m_s.word(t).lower))
            continue;
        const std::int32_t rest = e - (t + 1);
        if (rest < 1 || rest > 3)
            continue;
        if (!isName(t + 1))
            continue;
        const WordInfo &first = m_s.word(t + 1);
        // after a title one word is a surname when any capitalised reading
        // is a person ("President Washington", whose first reading is the city)
        const bool personLike = Gazetteer::instance().isGivenName(first.lower) || !first.known()
            || (rest == 1 && (first.properPerson || hasPersonInstance(first)));
        if (!personLike || isInitialOrNumeral(first.lower))
            continue;
        c.personCue = true;
        c.titleBegin = b;
        b = t + 1;
    }
    // a lone initial ("F" of "John F. Kennedy"), roman numeral or abbreviated
    // function word ("St") names nothing
    if (e - b == 1 && (isInitialOrNumeral(m_s.word(b).lower) || (m_s.word(b).stop && !(m_s.form(b).shape & AllCaps))))
        return;
    c.b = b;
    c.e = e;
    m_chunks.push_back(c);
}

// Adjectives, nouns and (opening a phrase) participles. A contraction
// ("warn't", "I've") or an unknown word of one or two letters ("em") is none.
bool Chunker::nominal(std::int32_t i) const
{
    if (!free(i) || !m_s.isWord(i))
        return false;
    const WordInfo &w = m_s.word(i);
    if (w.lower.contains(u'\'') || (!w.known() && w.lower.size() <= 2 && m_s.form(i).shape == Lower))
        return false;
    const PosTag t = m_s.tag(i);
    // a plural WordNet knows only as a verb's -s form is the tagger's slip:
    // "infrastructure which facilitates innovation" has a verb
    if (t == PosTag::NNS && knownAsNoNoun(i) && (w.pos & Lexicon::Verb) && !(w.pos & Lexicon::Adjective))
        return false;
    return isNoun(t) || isAdjective(t) || t == PosTag::VBN || t == PosTag::VBG;
}

// A lower-case word WordNet knows, never as a noun, and not named as code:
// where the tagger made it a noun, it slipped.
bool Chunker::knownAsNoNoun(std::int32_t i) const
{
    const WordInfo &w = m_s.word(i);
    return !(m_s.form(i).shape & Capitalised) && w.known() && !(w.pos & Lexicon::Noun) && !namedAsCode(i);
}

// A word standing alone in quotes ("the 'connect' event") or called
// ("connect()"): a name from code, whatever part of speech it is in English.
bool Chunker::namedAsCode(std::int32_t i) const
{
    const auto punct = [&](std::int32_t k, char16_t c) {
        return inside(k) && !m_s.token(k).isWord() && m_s.token(k).punct == c;
    };
    const bool quoted = inside(i - 1) && inside(i + 1) && m_s.token(i - 1).has(Token::Quote)
        && m_s.token(i + 1).has(Token::Quote) && m_s.token(i - 1).end == m_s.token(i).start
        && m_s.token(i + 1).start == m_s.token(i).end;
    const bool called = punct(i + 1, u'(') && m_s.token(i + 1).start == m_s.token(i).end && punct(i + 2, u')');
    return quoted || called;
}

// A noun, or a gerund that WordNet lists as a noun ("bargaining", "computing").
bool Chunker::headNoun(std::int32_t i) const
{
    if (!free(i) || !m_s.isWord(i) || m_s.token(i).has(Token::HyphenNext))
        return false;
    const PosTag t = m_s.tag(i);
    const WordInfo &w = m_s.word(i);
    if (isNoun(t)) {
        // a lower-case word WordNet knows, but never as a noun, is the
        // tagger's slip: "navigation excels in ..." has a verb ("conducive",
        // "worldwide" are no heads either); a gerund is a noun all the same
        // ("cloud networking"), and so is a word quoted or called as a name
        // (the "'connect'" event, "connect()")
        if (knownAsNoNoun(i) && !w.lower.endsWith(u"ing"))
            return false;
        return !(w.lower.size() == 1 && !(m_s.form(i).shape & Capitalised));
    }
    return t == PosTag::VBG && (w.direct & Lexicon::Noun);
}

void Chunker::nounPhrases()
{
    for (std::int32_t i = m_s.begin; i < m_s.end;) {
        if (!nominal(i) || isDeterminerLike(m_s.tag(i), m_s.word(i))) {
            ++i;
            continue;
        }
        // a participle opens a phrase only after a determiner ("the growing
        // economy"): after a noun or a preposition it is a verb with its object
        // ("firms using data", "by emphasizing open models", "for fostering
        // collaboration"), unless it is mostly a noun in compounds ("training
        // data", "bargaining power"); a gerund that WordNet lists as a noun
        // may stand alone after a determiner too
        const PosTag t = m_s.tag(i);
        if (t == PosTag::VBN || t == PosTag::VBG) {
            const PosTag before = i > m_s.begin ? m_s.tag(i - 1) : PosTag::None;
            if (before != PosTag::DT && before != PosTag::PRPS && before != PosTag::PDT && before != PosTag::POS
                && !(headNoun(i) && m_s.word(i).nounGerund && i + 1 < m_s.end && headNoun(i + 1))) {
                ++i;
                continue;
            }
        }
        std::int32_t e = i + 1;
        while (e < m_s.end && !m_s.token(e - 1).has(Token::Possessive)) {
            const PosTag te = m_s.tag(e);
            const bool joined = m_s.token(e - 1).has(Token::HyphenNext);
            if (!nominal(e) || (!joined && (te == PosTag::VBN || te == PosTag::VBG) && !headNoun(e)))
                break;
            // after a noun, a gerund that is rarely a noun is a verb with its
            // object: "innovation using limited resources", not "cloud
            // computing" or "machine learning"; an auxiliary's always is
            // ("cases being citizens", "the Government having power")
            if (!joined && te == PosTag::VBG
                && (isAuxiliaryGerund(m_s.word(e).lower) || (!m_s.word(e).nounGerund && m_s.word(e).nounTags == 0)))
                break;
            // a time noun that is also an adverb ("yesterday", "tonight")
            // says when, after a noun: "the new plants yesterday"
            const WordInfo &we = m_s.word(e);
            if (!joined && we.timeNoun && (we.direct & Lexicon::Adverb))
                break;
            ++e;
        }
        const std::int32_t runEnd = e;
        while (e > i && !headNoun(e - 1))
            --e;
        if (e > i) {
            Chunk c;
            c.b = i;
            c.e = e;
            c.kind = Chunk::NounPhrase;
            c.properHead = isProperNoun(m_s.tag(e - 1));
            m_chunks.push_back(c);
            m_nounPhrases.emplace_back(i, e);
        }
        i = std::max(runEnd, i + 1);
    }
}

void Chunker::prepositionalPhrases()
{
    // the noun phrases by their start, to find the one after a preposition
    for (const auto &[lb, le] : m_nounPhrases) {
        std::int32_t p = le;
        if (!m_s.isWord(p) || !isPhrasePreposition(m_s.word(p).lower) || m_s.token(le - 1).has(Token::Possessive))
            continue;
        std::int32_t r = p + 1;
        while (m_s.isWord(r) && isDeterminerLike(m_s.tag(r), m_s.word(r)))
            ++r;
        auto right = std::find_if(m_nounPhrases.begin(), m_nounPhrases.end(),
                                  [&](const auto &np) { return np.first == r; });
        if (right == m_nounPhrases.end() || right->second - right->first > kMaxPhraseSide)
            continue;
        // the head with one, two or three words of its phrase: "regulation of
        // rates", "possible regulation of rates"
        for (std::int32_t b = le - 1; b >= std::max(lb, le - kMaxPhraseSide); --b) {
            if (b > lb && m_s.token(b - 1).has(Token::HyphenNext))
                continue;
            Chunk c;
            c.b = b;
            c.e = right->second;
            c.kind = Chunk::PrepPhrase;
            c.properHead = isProperNoun(m_s.tag(le - 1));
            m_chunks.push_back(c);
        }
    }
}

void Chunker::coordinations()
{
    for (std::int32_t i = m_s.begin + 1; i + 1 < m_s.end; ++i) {
        if (!wordIs(i, u"and"))
            continue;
        const std::int32_t a = i - 1;
        const PosTag ta = m_s.tag(a);
        if (!free(a) || !m_s.isWord(a) || !(isNoun(ta) || isAdjective(ta)) || isName(a))
            continue;
        auto right = std::find_if(m_nounPhrases.begin(), m_nounPhrases.end(),
                                  [&](const auto &np) { return np.first == i + 1; });
        if (right == m_nounPhrases.end())
            continue;
        const std::int32_t length = right->second - right->first;
        const bool sharedHead = length >= 2 && length <= 3 && !nominal(a - 1)
            && !isProperNoun(m_s.tag(right->second - 1));
        // two bare common nouns: nothing modifies either side
        const bool bare = length == 1 && isNoun(ta) && !isProperNoun(ta) && !isProperNoun(m_s.tag(i + 1))
            && !nominal(a - 1);
        if (!sharedHead && !bare)
            continue;
        Chunk c;
        c.b = a;
        c.e = right->second;
        c.kind = Chunk::Coordination;
        m_chunks.push_back(c);
    }
}

} // namespace

bool isDeterminerLike(PosTag tag, const WordInfo &word)
{
    return tag == PosTag::DT || tag == PosTag::PDT || tag == PosTag::PRPS || tag == PosTag::WDT || tag == PosTag::WPS
        || tag == PosTag::EX || tag == PosTag::PRP || word.quantifier;
}

std::vector<Chunk> chunkSentence(const TaggedSentence &s)
{
    return Chunker(s).run();
}

bool isPhrasePreposition(const QString &lower)
{
    return isOneOf(lower, {u"of", u"on", u"for", u"from", u"against", u"in", u"toward", u"towards"});
}

} // namespace carto::extract
