#include "clauses.h"

#include <QLatin1StringView>

#include <array>
#include <string_view>

namespace carto::extract {

namespace {

// English subordinating conjunctions that the Penn tag set files under IN
// with the prepositions (Santorini 1990, "IN"): a closed class, so a list.
constexpr std::array kSubordinators = {
    QLatin1StringView("after"),  QLatin1StringView("although"), QLatin1StringView("as"),
    QLatin1StringView("because"), QLatin1StringView("before"),  QLatin1StringView("if"),
    QLatin1StringView("lest"),   QLatin1StringView("once"),     QLatin1StringView("since"),
    QLatin1StringView("so"),     QLatin1StringView("that"),     QLatin1StringView("though"),
    QLatin1StringView("till"),   QLatin1StringView("unless"),   QLatin1StringView("until"),
    QLatin1StringView("whereas"), QLatin1StringView("whether"), QLatin1StringView("while"),
    QLatin1StringView("whilst"),
};

bool isFinite(PosTag t)
{
    return t == PosTag::VBD || t == PosTag::VBZ || t == PosTag::VBP || t == PosTag::MD;
}

bool isWh(PosTag t)
{
    return t == PosTag::WDT || t == PosTag::WP || t == PosTag::WPS || t == PosTag::WRB;
}

bool isRelativePronoun(PosTag t)
{
    return t == PosTag::WDT || t == PosTag::WP || t == PosTag::WPS;
}

// A word that can be a clause's subject.
bool isNominal(PosTag t)
{
    return isNoun(t) || t == PosTag::PRP || t == PosTag::EX || t == PosTag::DT || t == PosTag::CD;
}

bool isPunctuationBoundary(PosTag t)
{
    return t == PosTag::Comma || t == PosTag::Colon || t == PosTag::LRB || t == PosTag::RRB;
}

bool isClosingPunctuation(PosTag t)
{
    return t == PosTag::Comma || t == PosTag::Colon || t == PosTag::RRB;
}

struct Segment
{
    std::int32_t begin;
    std::int32_t end;
    bool finite = false;   // holds a finite verb
    bool opening = false;  // may open a clause (see splitClauses)
    bool relative = false; // starts with a relative pronoun
};

class Splitter
{
public:
    Splitter(std::span<const Token> tokens, std::span<const PosTag> tags, QStringView text)
        : m_tokens(tokens), m_tags(tags), m_text(text)
    {
    }

    bool subordinator(std::int32_t i) const
    {
        const Token &t = m_tokens[static_cast<size_t>(i)];
        return isSubordinator(m_text.mid(t.start, t.end - t.start));
    }

    bool boundary(std::int32_t i) const
    {
        const PosTag t = m_tags[static_cast<size_t>(i)];
        return isPunctuationBoundary(t) || t == PosTag::CC || isWh(t) || (t == PosTag::IN && subordinator(i));
    }

    Segment describe(std::int32_t begin, std::int32_t end) const
    {
        Segment s{begin, end};
        std::int32_t first = begin; // the first word after leading punctuation and conjunctions
        while (first < end && (isPunctuationBoundary(tag(first)) || tag(first) == PosTag::CC))
            ++first;
        bool nominal = false;
        bool subjectFirst = false;
        for (std::int32_t i = first; i < end; ++i) {
            const PosTag t = tag(i);
            if (isFinite(t)) {
                if (!s.finite)
                    subjectFirst = nominal;
                s.finite = true;
            }
            nominal = nominal || isNominal(t);
        }
        const bool opener = first < end && (isWh(tag(first)) || (tag(first) == PosTag::IN && subordinator(first)));
        s.opening = s.finite && (opener || subjectFirst);
        s.relative = first < end && isRelativePronoun(tag(first));
        return s;
    }

private:
    PosTag tag(std::int32_t i) const { return m_tags[static_cast<size_t>(i)]; }

    std::span<const Token> m_tokens;
    std::span<const PosTag> m_tags;
    QStringView m_text;
};

} // namespace

bool isSubordinator(QStringView lower)
{
    if (lower.size() < 2 || lower.size() > 8)
        return false;
    // ASCII folding by hand: every preposition of every clause asks, and
    // Qt's case-insensitive compare was 3% of a build
    std::array<char, 8> folded{};
    for (qsizetype i = 0; i < lower.size(); ++i) {
        const char16_t c = lower[i].unicode();
        if (c >= u'A' && c <= u'Z')
            folded[static_cast<size_t>(i)] = static_cast<char>(c - u'A' + 'a');
        else if (c >= u'a' && c <= u'z')
            folded[static_cast<size_t>(i)] = static_cast<char>(c);
        else
            return false;
    }
    const std::string_view word(folded.data(), static_cast<size_t>(lower.size()));
    for (const QLatin1StringView s : kSubordinators) {
        if (word == std::string_view(s.data(), static_cast<size_t>(s.size())))
            return true;
    }
    return false;
}

void splitClauses(std::span<const Token> tokens, std::span<const PosTag> tags, QStringView text,
                  std::span<const std::pair<std::int32_t, std::int32_t>> unbreakable, std::vector<Clause> &out)
{
    out.clear();
    const auto n = static_cast<std::int32_t>(std::min(tokens.size(), tags.size()));
    if (n == 0)
        return;
    const Splitter splitter(tokens, tags, text);
    // Boundaries cutting a mention are not boundaries: mark the cut positions.
    thread_local std::vector<std::uint8_t> cut;
    cut.assign(static_cast<size_t>(n) + 1, 0);
    for (const auto &[first, last] : unbreakable) {
        for (std::int32_t i = std::max(first + 1, 1); i < std::min(last, n); ++i)
            cut[static_cast<size_t>(i)] = 1;
    }
    Clause current{0, 0, false};
    bool currentFinite = false;
    std::int32_t begin = 0;
    auto close = [&](std::int32_t end) {
        const Segment s = splitter.describe(begin, end);
        if (begin > 0 && s.opening && currentFinite) {
            // punctuation at the cut ends the clause before it
            std::int32_t split = begin;
            while (split < end && isClosingPunctuation(tags[static_cast<size_t>(split)]))
                ++split;
            current.end = split;
            out.push_back(current);
            current = Clause{split, end, s.relative};
            currentFinite = true;
        } else {
            current.end = end;
            currentFinite = currentFinite || s.finite;
        }
        begin = end;
    };
    for (std::int32_t i = 1; i < n; ++i) {
        if (!cut[static_cast<size_t>(i)] && splitter.boundary(i))
            close(i);
    }
    close(n);
    out.push_back(current);
}

} // namespace carto::extract
