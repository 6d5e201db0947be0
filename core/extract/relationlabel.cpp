#include "relationlabel.h"

#include "clauses.h"
#include "lexicon.h"

#include <array>
#include <string_view>

namespace carto::extract {

namespace {

using namespace std::string_view_literals;

constexpr qsizetype kMaxConnectiveChars = 40;

constexpr std::array kConnectives = {
    u"such as"sv,    u"like"sv,       u"including"sv,  u"includes"sv,   u"include"sv,  u"exemplified by"sv,
    u"enables"sv,    u"enable"sv,     u"enabled by"sv, u"drives"sv,     u"drive"sv,    u"driven by"sv,
    u"powers"sv,     u"power"sv,      u"powered by"sv, u"uses"sv,       u"use"sv,      u"using"sv,
    u"supports"sv,   u"supported by"sv, u"leads"sv,    u"led by"sv,     u"owns"sv,     u"owned by"sv,
    u"acquired"sv,   u"acquired by"sv, u"versus"sv,    u"vs"sv,         u"against"sv,  u"replaces"sv,
    u"threatens"sv,  u"requires"sv,   u"is part of"sv, u"part of"sv,    u"based in"sv, u"and other"sv,
    u"or other"sv};

bool isArticle(QStringView w)
{
    return w == u"the" || w == u"a" || w == u"an";
}

// Determiners, adjectives, numbers, adverbs and quotes: what may stand
// between a preposition (or a verb) and the phrase it governs.
bool isModifier(PosTag t)
{
    switch (t) {
    case PosTag::DT: case PosTag::PDT: case PosTag::PRPS: case PosTag::JJ: case PosTag::JJR: case PosTag::JJS:
    case PosTag::CD: case PosTag::RB: case PosTag::RBR: case PosTag::RBS: case PosTag::POS:
    case PosTag::OpenQuote: case PosTag::CloseQuote:
        return true;
    default:
        return false;
    }
}

bool isAdverb(PosTag t)
{
    return t == PosTag::RB || t == PosTag::RBR || t == PosTag::RBS;
}

bool isPreposition(PosTag t)
{
    return t == PosTag::IN || t == PosTag::TO;
}

} // namespace

QString connectiveLabel(QStringView gap)
{
    if (gap.size() > kMaxConnectiveChars)
        return {};
    // Normalise: lower case, runs of anything but letters to one space,
    // leading and trailing articles dropped. On the stack: this runs for
    // every pair of mentions in a clause.
    std::array<QChar, kMaxConnectiveChars> buffer;
    qsizetype n = 0;
    for (QChar c : gap) {
        if (c.isLetter())
            buffer[static_cast<size_t>(n++)] = c.toLower();
        else if (n > 0 && buffer[static_cast<size_t>(n - 1)] != u' ')
            buffer[static_cast<size_t>(n++)] = u' ';
    }
    if (n == 0)
        return {};
    QStringView v(buffer.data(), n);
    v = v.trimmed();
    int words = v.isEmpty() ? 0 : 1 + static_cast<int>(v.count(u' '));
    while (words > 0) {
        const qsizetype space = v.indexOf(u' ');
        if (!isArticle(space < 0 ? v : v.left(space)))
            break;
        v = space < 0 ? QStringView() : v.mid(space + 1);
        --words;
    }
    while (words > 0) {
        const qsizetype space = v.lastIndexOf(u' ');
        if (!isArticle(space < 0 ? v : v.mid(space + 1)))
            break;
        v = space < 0 ? QStringView() : v.left(space);
        --words;
    }
    if (words == 0 || words > 3)
        return {};
    const std::u16string_view word(v.utf16(), static_cast<size_t>(v.size()));
    for (const std::u16string_view c : kConnectives) {
        if (word == c)
            return v.toString();
    }
    return {};
}

const QString &RelationLabeller::verbLemma(QStringView surface)
{
    const std::u16string_view key(surface.utf16(), static_cast<size_t>(surface.size()));
    auto it = m_lemmas.find(key);
    if (it == m_lemmas.end()) {
        const QString word = surface.toString().toLower();
        const std::string base = Lexicon::instance().verbBase(word.toStdString());
        it = m_lemmas.emplace(key, base.empty() ? word : QString::fromStdString(base)).first;
    }
    return it->second;
}

// The tokens between two mentions of one sentence.
struct LabelGap
{
    std::span<const Token> tokens;
    std::span<const PosTag> tags;
    QStringView text;
    std::int32_t begin;
    std::int32_t end;

    PosTag tag(std::int32_t i) const { return tags[static_cast<size_t>(i)]; }
    bool verbal(std::int32_t i) const { return isVerb(tag(i)) || tag(i) == PosTag::MD; }
    QStringView surface(std::int32_t i) const
    {
        const Token &t = tokens[static_cast<size_t>(i)];
        return text.mid(t.start, t.end - t.start);
    }
    QString lower(std::int32_t i) const { return surface(i).toString().toLower(); }
};

namespace {

// The one verb group of the gap as [first, last), {-1, -1} when there is
// none, {-2, -2} when there are two.
std::pair<std::int32_t, std::int32_t> verbGroup(const LabelGap &g)
{
    std::int32_t vb = -1;
    std::int32_t ve = -1;
    for (std::int32_t i = g.begin; i < g.end; ++i) {
        if (!g.verbal(i))
            continue;
        if (vb >= 0)
            return {-2, -2};
        vb = i;
        ve = i + 1;
        while (ve < g.end
               && (g.verbal(ve) || isAdverb(g.tag(ve))
                   || (g.tag(ve) == PosTag::TO && ve + 1 < g.end && isVerb(g.tag(ve + 1)))))
            ++ve;
        while (ve > vb + 1 && !g.verbal(ve - 1)) // trailing adverbs belong to what follows
            --ve;
        i = ve - 1;
    }
    return {vb, ve};
}

// No verb: a single preposition among determiners and adjectives.
QString prepositionLabel(const LabelGap &g)
{
    std::int32_t prep = -1;
    for (std::int32_t i = g.begin; i < g.end; ++i) {
        if (isPreposition(g.tag(i)) && prep < 0)
            prep = i;
        else if (!isModifier(g.tag(i)))
            return {};
    }
    if (prep < 0)
        return {};
    QString word = g.lower(prep);
    return isSubordinator(word) ? QString() : word;
}

// Before the verb: adverbs, a relative pronoun, or an apposition in commas;
// anything else is the verb's own subject, not the first mention.
bool subjectIsFirstMention(const LabelGap &g, std::int32_t vb)
{
    if (g.tag(g.begin) == PosTag::Comma && vb - 1 > g.begin && g.tag(vb - 1) == PosTag::Comma)
        return true;
    for (std::int32_t i = g.begin; i < vb; ++i) {
        const PosTag t = g.tag(i);
        if (!isAdverb(t) && t != PosTag::WDT && t != PosTag::WP && t != PosTag::WPS)
            return false;
    }
    return true;
}

// After the verb group and its particle, from rest: the preposition that
// governs the second mention (-1: none, the mention is the object; -2: the
// gap holds a phrase the verb does not link the mention through). An object
// may stand before the preposition ("invests billions in"), but not another
// preposition, a comma or a conjunction.
std::int32_t governingPreposition(const LabelGap &g, std::int32_t rest)
{
    std::int32_t prep = -1;
    for (std::int32_t i = g.end - 1; i >= rest && prep < 0; --i) {
        if (isPreposition(g.tag(i)))
            prep = i;
        else if (!isModifier(g.tag(i)))
            break;
    }
    for (std::int32_t i = rest; i < (prep >= 0 ? prep : g.end); ++i) {
        const PosTag t = g.tag(i);
        if (prep < 0 ? !isModifier(t)
                     : isPreposition(t) || t == PosTag::Comma || t == PosTag::Colon || t == PosTag::CC)
            return -2;
    }
    return prep;
}

bool isNegation(QStringView w)
{
    // contractions are one token tagged as their stem ("doesn't", "cannot")
    return w.compare(u"not", Qt::CaseInsensitive) == 0 || w.compare(u"never", Qt::CaseInsensitive) == 0
        || w.endsWith(u"n't", Qt::CaseInsensitive) || w.endsWith(u"n\u2019t", Qt::CaseInsensitive)
        || w.compare(u"cannot", Qt::CaseInsensitive) == 0;
}

} // namespace

QString RelationLabeller::verbLabel(const LabelGap &g, std::int32_t vb, std::int32_t ve)
{
    if (!subjectIsFirstMention(g, vb))
        return {};
    std::int32_t main = -1;
    bool auxiliaryHave = false; // "has invested": active, whatever the participle
    bool negated = false;
    for (std::int32_t i = vb; i < ve; ++i) {
        negated = negated || ((g.verbal(i) || isAdverb(g.tag(i))) && isNegation(g.surface(i)));
        if (!isVerb(g.tag(i)))
            continue;
        if (main >= 0 && verbLemma(g.surface(main)) == u"have")
            auxiliaryHave = true;
        main = i;
    }
    if (main < 0 || (negated && isNegation(g.surface(main))))
        return {}; // a modal alone, or a negated auxiliary whose verb is left out ("ain't", "don't")
    std::int32_t rest = ve;
    QString particle;
    if (rest < g.end && g.tag(rest) == PosTag::RP)
        particle = g.lower(rest++);
    const std::int32_t prep = governingPreposition(g, rest);
    if (prep == -2)
        return {};
    const QString preposition = prep >= 0 ? g.lower(prep) : QString();
    if (isSubordinator(preposition))
        return {};
    // a participle not after "have" is passive or a reduced relative
    // ("driven by", "funded by"): it keeps its form
    const bool passive = g.tag(main) == PosTag::VBN && !auxiliaryHave;
    const QString verb = passive ? g.lower(main) : verbLemma(g.surface(main));
    if (!passive && verb == u"be") {
        // a copula says only its preposition, and only one that follows it
        return prep >= 0 && prep == rest ? preposition : QString();
    }
    QString out;
    if (negated)
        out = QStringLiteral("not ");
    out += verb;
    if (!particle.isEmpty())
        out += u' ' + particle;
    if (!preposition.isEmpty())
        out += u' ' + preposition;
    return out;
}

QString RelationLabeller::label(std::span<const Token> tokens, std::span<const PosTag> tags, QStringView text,
                                std::int32_t gapBegin, std::int32_t gapEnd, qsizetype from, qsizetype to)
{
    if (to - from <= kMaxConnectiveChars) {
        QString connective = connectiveLabel(text.mid(from, to - from));
        if (!connective.isEmpty())
            return connective;
    }
    if (gapEnd <= gapBegin || gapEnd - gapBegin > kMaxGapTokens)
        return {};
    const LabelGap g{tokens, tags, text, gapBegin, gapEnd};
    const auto [vb, ve] = verbGroup(g);
    if (vb == -2)
        return {}; // two verb groups: the link is indirect
    return vb < 0 ? prepositionLabel(g) : verbLabel(g, vb, ve);
}

} // namespace carto::extract
