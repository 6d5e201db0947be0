#include "tagger.h"

#include "taggermodel.h"

#include <algorithm>
#include <array>
#include <limits>

namespace carto::extract {

namespace taggerdata {
// Generated at build time by tools/taggerconvert.
extern const char kBlob[];
extern const std::size_t kBlobSize;
} // namespace taggerdata

namespace {

constexpr std::array<QLatin1StringView, kPosTagCount> kPennNames = {
    QLatin1StringView("CC"), QLatin1StringView("CD"), QLatin1StringView("DT"), QLatin1StringView("EX"),
    QLatin1StringView("FW"), QLatin1StringView("IN"), QLatin1StringView("JJ"), QLatin1StringView("JJR"),
    QLatin1StringView("JJS"), QLatin1StringView("-LRB-"), QLatin1StringView("LS"), QLatin1StringView("MD"),
    QLatin1StringView("NN"), QLatin1StringView("NNP"), QLatin1StringView("NNPS"), QLatin1StringView("NNS"),
    QLatin1StringView("PDT"), QLatin1StringView("POS"), QLatin1StringView("."), QLatin1StringView(","),
    QLatin1StringView("$"), QLatin1StringView("``"), QLatin1StringView("''"), QLatin1StringView(":"),
    QLatin1StringView("PRP"), QLatin1StringView("PRP$"), QLatin1StringView("RB"), QLatin1StringView("RBR"),
    QLatin1StringView("RBS"), QLatin1StringView("RP"), QLatin1StringView("-RRB-"), QLatin1StringView("SYM"),
    QLatin1StringView("TO"), QLatin1StringView("UH"), QLatin1StringView("VB"), QLatin1StringView("VBD"),
    QLatin1StringView("VBG"), QLatin1StringView("VBN"), QLatin1StringView("VBP"), QLatin1StringView("VBZ"),
    QLatin1StringView("WDT"), QLatin1StringView("WP"), QLatin1StringView("WP$"), QLatin1StringView("WRB")};

bool isApostrophe(QChar c)
{
    return c == u'\'' || c == QChar(0x2019) || c == QChar(0x02BC);
}

// One position of the model's sentence: a lexeme over tokens [first, last],
// or the clitic of token first.
struct Unit
{
    Tagger::Lexeme lexeme;
    std::int32_t first;
    std::int32_t last;
    bool clitic;
};

// Turns one sentence of our tokens into the model's positions (the rules are
// listed at Tagger::tagSentence()).
class UnitBuilder
{
public:
    UnitBuilder(const TaggerModel &model, std::span<const Token> tokens, QStringView text,
                const Tagger::FormLexemes &forms, std::vector<Unit> &units)
        : m_model(model), m_tokens(tokens), m_text(text), m_forms(forms), m_units(units),
          m_n(static_cast<std::int32_t>(tokens.size()))
    {
        // a token gives at most three units: "he'd's" is he + 'd + 's
        if (m_units.size() < tokens.size() * 3)
            m_units.resize(tokens.size() * 3);
    }

    // The number of units written.
    size_t build()
    {
        m_shouted = shouted();
        for (std::int32_t i = 0; i < m_n; ++i)
            i = tok(i).isWord() ? word(i) : punctuation(i);
        return m_count;
    }

private:
    const Token &tok(std::int32_t i) const { return m_tokens[static_cast<size_t>(i)]; }
    bool adjacent(std::int32_t a, std::int32_t b) const { return tok(a).end == tok(b).start; }
    QStringView slice(std::int32_t first, std::int32_t last) const
    {
        return m_text.mid(tok(first).start, tok(last).end - tok(first).start);
    }
    void add(Tagger::Lexeme lexeme, std::int32_t first, std::int32_t last, bool clitic)
    {
        m_units[m_count++] = {lexeme, first, last, clitic};
    }

    // A line in capitals is a heading whatever the reader said.
    bool shouted() const
    {
        int letterWords = 0;
        int capsWords = 0;
        for (std::int32_t i = 0; i < m_n; ++i) {
            if (tok(i).isWord() && m_forms.hasLetter(tok(i).form)) {
                ++letterWords;
                capsWords += m_forms.isAllCaps(tok(i).form);
            }
        }
        return capsWords >= 2 && capsWords * 4 >= letterWords * 3;
    }

    // Returns the last token consumed.
    std::int32_t punctuation(std::int32_t i)
    {
        const Token &t = tok(i);
        const bool gapBefore = i == 0 || !adjacent(i - 1, i);
        const bool gapAfter = i + 1 == m_n || !adjacent(i, i + 1);
        std::int32_t last = i;
        Tagger::Lexeme lex = m_model.punctuation(t.punct);
        if ((t.punct == u'.' || t.punct == u'-') && !gapAfter && tok(i + 1).punct == t.punct) {
            while (last + 1 < m_n && tok(last + 1).punct == t.punct && adjacent(last, last + 1))
                ++last; // "..." and "--"
            lex = t.punct == u'.' ? m_model.ellipsis : m_model.dash;
        } else if (t.punct == u'"') {
            const bool open = gapBefore != gapAfter ? gapBefore : !m_quoteOpen;
            m_quoteOpen = open;
            lex = open ? m_model.openQuote : m_model.closeQuote;
        } else if (isApostrophe(QChar(t.punct))) {
            const bool afterPlural = !gapBefore && tok(i - 1).isWord()
                && (m_text[tok(i - 1).end - 1] == u's' || m_text[tok(i - 1).end - 1] == u'S');
            lex = afterPlural ? m_model.apostrophe : (gapBefore && !gapAfter ? m_model.openSingle : m_model.closeQuote);
        }
        add(lex, i, last, false);
        m_afterOpener = lex == m_model.openQuote || lex == m_model.openSingle || t.punct == u'(' || t.punct == u'[';
        return last;
    }

    std::int32_t word(std::int32_t i)
    {
        const Token &t = tok(i);
        std::uint8_t flags = 0;
        if (t.has(Token::SentenceStart) || m_afterOpener)
            flags |= Tagger::SentenceInitial;
        if (t.has(Token::CaseUnreliable) || m_shouted)
            flags |= Tagger::CaseUnreliable;
        m_afterOpener = false;
        std::int32_t last = i;
        while (tok(last).has(Token::HyphenNext) && last + 1 < m_n && tok(last + 1).isWord())
            ++last;
        Tagger::Lexeme abbreviation = -1;
        if (last == i && i + 2 < m_n && tok(i + 1).punct == u'.' && adjacent(i, i + 1) && !t.has(Token::Possessive)
            && !(tok(i + 2).punct == u'.' && adjacent(i + 1, i + 2)))
            abbreviation = m_model.known(slice(i, i + 1), flags); // "Mr." mid-sentence
        if (last > i) {
            add(m_model.lookup(slice(i, last), flags), i, last, false); // "open-source" as one word
        } else if (abbreviation >= 0) {
            last = i + 1;
            add(abbreviation, i, last, false);
        } else {
            const Tagger::FormLexemes::Entry e = m_forms.entry(t.form, flags);
            add(e.main, i, i, false);
            if (e.clitic >= 0)
                add(e.clitic, i, i, true);
        }
        if (tok(last).has(Token::Possessive)) {
            const bool letUs = slice(last, last).compare(u"let", Qt::CaseInsensitive) == 0;
            add(letUs ? m_model.objectUs : m_model.possessive, last, last, true);
        }
        return last;
    }

    const TaggerModel &m_model;
    std::span<const Token> m_tokens;
    QStringView m_text;
    const Tagger::FormLexemes &m_forms;
    std::vector<Unit> &m_units;
    const std::int32_t m_n;
    size_t m_count = 0;
    bool m_shouted = false;
    bool m_quoteOpen = false;
    bool m_afterOpener = false; // a capital after an opening quote or bracket is sentence-initial
};

} // namespace

QLatin1StringView pennName(PosTag tag)
{
    const auto i = static_cast<size_t>(tag);
    return i < kPennNames.size() ? kPennNames[i] : QLatin1StringView();
}

PosTag posTagFromPenn(QStringView name)
{
    for (size_t i = 0; i < kPennNames.size(); ++i) {
        if (name == kPennNames[i])
            return static_cast<PosTag>(i);
    }
    return PosTag::None;
}

Tagger::Tagger()
{
    auto model = std::make_unique<TaggerModel>();
    if (model->load(std::string_view(taggerdata::kBlob, taggerdata::kBlobSize), &m_error))
        m_model = std::move(model);
    else
        qWarning("%s", qUtf8Printable(m_error));
}

Tagger::~Tagger() = default;

const Tagger &Tagger::instance()
{
    // never destroyed: a worker the job runner abandoned may still read it
    // while the process exits, and freeing its tables would only cost time
    static const Tagger *const tagger = new Tagger;
    return *tagger;
}

bool Tagger::isLoaded() const
{
    return m_model != nullptr;
}

QString Tagger::errorString() const
{
    return m_error;
}

int Tagger::lexiconSize() const
{
    return m_model ? m_model->lexiconSize() : 0;
}

void Tagger::forEachSpelling(const std::function<void(QStringView, int)> &f) const
{
    if (!m_model)
        return;
    m_model->forEachSpelling([&](std::string_view spelling, std::uint32_t count) {
        f(QString::fromUtf8(spelling.data(), static_cast<qsizetype>(spelling.size())), static_cast<int>(count));
    });
}

Tagger::Lexeme Tagger::lookup(QStringView surface, std::uint8_t flags) const
{
    return m_model ? m_model->lookup(surface, flags) : 0;
}

bool Tagger::isKnown(QStringView surface, std::uint8_t flags) const
{
    return m_model && m_model->known(surface, flags) >= 0;
}

PosTag Tagger::majorityTag(QStringView surface) const
{
    return m_model ? m_model->majorityTag(surface.toUtf8().toStdString()) : PosTag::None;
}

std::vector<PosTag> Tagger::candidates(Lexeme lexeme) const
{
    if (!m_model)
        return {};
    const TaggerModel::Row r = m_model->row(lexeme);
    std::vector<PosTag> tags;
    for (int i = 0; i < r.size; ++i)
        tags.push_back(r.entries[i].tag);
    return tags;
}

void Tagger::tag(std::span<const Lexeme> lexemes, std::span<PosTag> out) const
{
    const size_t n = std::min(lexemes.size(), out.size());
    if (!m_model) {
        std::fill(out.begin(), out.end(), PosTag::None);
        return;
    }
    if (n == 0)
        return;
    constexpr int K = TaggerModel::kMaxCandidates;
    const TaggerModel &m = *m_model;
    thread_local std::vector<std::uint8_t> backBuffer; // best previous candidate, K per position
    std::vector<std::uint8_t> &back = backBuffer;      // one TLS look-up, not one per use
    back.resize(n * K);
    std::array<double, K> bufferA{};
    std::array<double, K> bufferB{};
    double *prev = bufferA.data();
    double *cur = bufferB.data();
    TaggerModel::Row pr = m.row(lexemes[0]);
    for (int j = 0; j < pr.size; ++j)
        prev[j] = m.start(pr.entries[j].tag) + pr.entries[j].score;
    for (size_t i = 1; i < n; ++i) {
        const TaggerModel::Row r = m.row(lexemes[i]);
        std::uint8_t *backHere = back.data() + i * K;
        for (int j = 0; j < r.size; ++j) {
            const PosTag t = r.entries[j].tag;
            double best = prev[0] + m.transition(pr.entries[0].tag, t);
            int arg = 0;
            for (int p = 1; p < pr.size; ++p) {
                // strict >: on a tie the lower previous tag wins
                const double s = prev[p] + m.transition(pr.entries[p].tag, t);
                if (s > best) {
                    best = s;
                    arg = p;
                }
            }
            cur[j] = best + r.entries[j].score;
            backHere[j] = static_cast<std::uint8_t>(arg);
        }
        std::swap(prev, cur);
        pr = r;
    }
    double best = prev[0] + m.end(pr.entries[0].tag);
    int arg = 0;
    for (int p = 1; p < pr.size; ++p) {
        const double s = prev[p] + m.end(pr.entries[p].tag);
        if (s > best) {
            best = s;
            arg = p;
        }
    }
    out[n - 1] = pr.entries[arg].tag;
    for (size_t i = n - 1; i > 0; --i) {
        arg = back[i * K + static_cast<size_t>(arg)];
        out[i - 1] = m.row(lexemes[i - 1]).entries[arg].tag;
    }
}

void Tagger::tagSentence(std::span<const Token> tokens, QStringView text, const FormLexemes &forms,
                         std::span<PosTag> tags, std::span<PosTag> clitics) const
{
    std::fill(tags.begin(), tags.end(), PosTag::None);
    std::fill(clitics.begin(), clitics.end(), PosTag::None);
    if (!m_model || tokens.empty())
        return;
    thread_local std::vector<Unit> unitBuffer;
    thread_local std::vector<Lexeme> lexemeBuffer;
    thread_local std::vector<PosTag> tagBuffer;
    std::vector<Unit> &units = unitBuffer; // one TLS look-up each, not one per use
    std::vector<Lexeme> &lexemes = lexemeBuffer;
    std::vector<PosTag> &out = tagBuffer;
    const std::span<const Token> sentence = tokens.first(std::min(tokens.size(), tags.size()));
    const size_t count = UnitBuilder(*m_model, sentence, text, forms, units).build();
    lexemes.resize(count);
    out.resize(count);
    for (size_t u = 0; u < count; ++u)
        lexemes[u] = units[u].lexeme;
    tag(lexemes, out);
    for (size_t u = 0; u < count; ++u) {
        const Unit &unit = units[u];
        if (unit.clitic) {
            if (static_cast<size_t>(unit.first) < clitics.size())
                clitics[static_cast<size_t>(unit.first)] = out[u];
            continue;
        }
        for (std::int32_t k = unit.first; k <= unit.last; ++k)
            tags[static_cast<size_t>(k)] = out[u];
    }
}

Tagger::Tagged Tagger::tagText(QStringView text, std::uint16_t extraFlags) const
{
    Tagged result;
    FormInterner interner;
    tokenize(text, TextRange{0, text.size()}, true, extraFlags, interner, result.tokens);
    const FormLexemes forms(*this, interner.forms);
    result.tags.resize(result.tokens.size());
    result.clitics.resize(result.tokens.size());
    tagSentence(result.tokens, text, forms, result.tags, result.clitics);
    return result;
}

// --- FormLexemes -------------------------------------------------------------

Tagger::FormLexemes::FormLexemes(const Tagger &tagger, std::span<const QStringView> forms)
    : m_tagger(tagger), m_forms(forms), m_shapes(forms.size(), 0),
      m_entries(std::make_unique<std::atomic<std::uint64_t>[]>(forms.size() * 3))
{
    for (size_t f = 0; f < forms.size(); ++f) {
        int letters = 0;
        bool lower = false;
        for (QChar c : forms[f]) {
            if (c.isLetter()) {
                ++letters;
                lower |= c.isLower();
            }
        }
        m_shapes[f] = static_cast<std::uint8_t>((letters > 0 ? 1 : 0) | (letters >= 2 && !lower ? 2 : 0));
    }
}

Tagger::FormLexemes::~FormLexemes() = default;

Tagger::FormLexemes::Entry Tagger::FormLexemes::entry(std::int32_t form, std::uint8_t lookupFlags) const
{
    const size_t variant = (lookupFlags & CaseUnreliable) ? 2 : (lookupFlags & SentenceInitial) ? 1 : 0;
    std::atomic<std::uint64_t> &slot = m_entries[static_cast<size_t>(form) * 3 + variant];
    std::uint64_t v = slot.load(std::memory_order_relaxed);
    if (v == 0) {
        const Entry e = compute(m_forms[static_cast<size_t>(form)], lookupFlags);
        v = static_cast<std::uint64_t>(static_cast<std::uint32_t>(e.main + 1))
            | static_cast<std::uint64_t>(static_cast<std::uint32_t>(e.clitic + 1)) << 32;
        slot.store(v, std::memory_order_relaxed);
    }
    return {static_cast<Lexeme>(static_cast<std::uint32_t>(v)) - 1,
            static_cast<Lexeme>(static_cast<std::uint32_t>(v >> 32)) - 1};
}

// Contractions are split the Treebank's way ("do" + "n't", "I" + "'m",
// "can" + "not") unless the lexicon knows the whole form ("o'clock").
Tagger::FormLexemes::Entry Tagger::FormLexemes::compute(QStringView s, std::uint8_t lookupFlags) const
{
    const Tagger &t = m_tagger;
    qsizetype apostrophe = -1;
    for (qsizetype i = 1; i + 1 < s.size(); ++i) {
        if (isApostrophe(s[i])) {
            apostrophe = i;
            break;
        }
    }
    if (apostrophe > 0 && !t.isKnown(s, lookupFlags)) {
        const QStringView tail = s.mid(apostrophe + 1);
        if (apostrophe == s.size() - 2 && apostrophe >= 2 && (s[apostrophe - 1] == u'n' || s[apostrophe - 1] == u'N')
            && (tail == u"t" || tail == u"T"))
            return {t.lookup(s.first(apostrophe - 1), lookupFlags), t.lookup(u"n't")};
        for (const char16_t *clitic : {u"m", u"re", u"ve", u"ll", u"d"}) {
            if (tail.compare(QStringView(clitic), Qt::CaseInsensitive) == 0)
                return {t.lookup(s.first(apostrophe), lookupFlags), t.lookup(u'\'' + QString::fromUtf16(clitic))};
        }
    }
    if (s.size() == 6 && s.compare(u"cannot", Qt::CaseInsensitive) == 0 && !t.isKnown(s, lookupFlags))
        return {t.lookup(s.first(3), lookupFlags), t.lookup(u"not")};
    return {t.lookup(s, lookupFlags), -1};
}

} // namespace carto::extract
