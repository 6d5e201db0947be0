#include "wordshape.h"

#include <QChar>

#include <algorithm>
#include <string>

namespace carto::extract {

namespace {

constexpr size_t kMaxKey = 255; // longer words are in no lexicon

bool isUpper(char16_t c)
{
    return c < 0x80 ? (c >= u'A' && c <= u'Z') : QChar(c).isUpper();
}
bool isDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}
bool isLetter(char16_t c)
{
    return c < 0x80 ? ((c | 0x20) >= u'a' && (c | 0x20) <= u'z') : QChar(c).isLetter();
}
bool isHyphen(char16_t c)
{
    return c == u'-' || c == 0x2010 || c == 0x2011;
}

// Case-insensitive for the ASCII suffix.
template <typename Char>
bool endsWith(std::basic_string_view<Char> s, std::string_view suffix)
{
    if (s.size() < suffix.size())
        return false;
    const size_t off = s.size() - suffix.size();
    for (size_t i = 0; i < suffix.size(); ++i) {
        const auto c = static_cast<char16_t>(s[off + i]);
        if (c != static_cast<char16_t>(suffix[i]) && c != static_cast<char16_t>(suffix[i] - ('a' - 'A')))
            return false;
    }
    return true;
}

template <typename Char>
bool isPlural(std::basic_string_view<Char> s)
{
    return s.size() > 3 && endsWith(s, "s") && !endsWith(s, "ss") && !endsWith(s, "us") && !endsWith(s, "is");
}

// Numbers as the tokenizer sees them: digits with , . : / between.
template <typename Char>
bool isNumeric(std::basic_string_view<Char> s)
{
    if (s.empty() || !isDigit(static_cast<char16_t>(s.front())))
        return false;
    return std::all_of(s.begin(), s.end(), [](Char c) {
        const auto u = static_cast<char16_t>(c);
        return isDigit(u) || u == u',' || u == u'.' || u == u':' || u == u'/';
    });
}

template <typename Char>
PosTag majorityOf(std::basic_string_view<Char> part, const MajorityTag &majority)
{
    std::string key;
    for (Char ch : part) {
        const auto c = static_cast<char16_t>(ch);
        if (c >= 0x80 || key.size() == kMaxKey)
            return PosTag::None;
        key += static_cast<char>(c >= u'A' && c <= u'Z' ? c + (u'a' - u'A') : c);
    }
    return key.empty() ? PosTag::None : majority(key);
}

template <typename Char>
WordShape hyphenShape(std::basic_string_view<Char> s, std::uint8_t flags, const MajorityTag &majority)
{
    size_t lastStart = 0;
    size_t partStart = 0;
    size_t firstEnd = 0;
    bool allNumeric = true;
    for (size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || isHyphen(static_cast<char16_t>(s[i]))) {
            if (firstEnd == 0)
                firstEnd = i;
            allNumeric &= isNumeric(s.substr(partStart, i - partStart));
            lastStart = partStart;
            partStart = i + 1;
        }
    }
    if (allNumeric)
        return {WordShape::Number, WordClass::Sym, false};
    const auto first = static_cast<char16_t>(s.front());
    if (isDigit(first))
        return {WordShape::ClassRow, WordClass::HypAdj, false}; // "30-year", "1,000-ship"
    const bool capital = isUpper(first);
    if (capital && !(flags & (Tagger::SentenceInitial | Tagger::CaseUnreliable)))
        return {WordShape::ClassRow, WordClass::Cap, false};
    const std::basic_string_view<Char> last = s.substr(lastStart);
    const PosTag major = majorityOf(last, majority);
    WordClass cls = WordClass::Hyp;
    if (isAdjective(major) || major == PosTag::VBN || major == PosTag::VBG || major == PosTag::VBD) {
        cls = WordClass::HypAdj;
    } else if (major == PosTag::NNS) {
        cls = WordClass::S;
    } else if (major == PosTag::None) {
        for (std::string_view suffix : {"ed", "ing", "al", "ic", "ous", "ful", "less", "ive", "able", "ible", "ish"}) {
            if (last.size() > suffix.size() + 1 && endsWith(last, suffix))
                cls = WordClass::HypAdj;
        }
        if (cls == WordClass::Hyp && isPlural(last))
            cls = WordClass::S;
    }
    if (cls == WordClass::Hyp && isAdjective(majorityOf(s.substr(0, firstEnd), majority)))
        cls = WordClass::HypAdj; // adjective + noun: "open-source", "long-term", "high-quality"
    return {WordShape::ClassRow, cls, capital};
}

template <typename Char>
WordShape suffixShape(std::basic_string_view<Char> s, bool upper)
{
    const size_t n = s.size();
    if (isDigit(static_cast<char16_t>(s.front()))) {
        if (isNumeric(s))
            return {WordShape::Number, WordClass::Sym, false};
        size_t p = 0;
        while (p < n && isDigit(static_cast<char16_t>(s[p])))
            ++p;
        const std::basic_string_view<Char> rest = s.substr(p);
        const bool ordinal = endsWith(rest, "st") || endsWith(rest, "nd") || endsWith(rest, "rd") || endsWith(rest, "th");
        if (rest.size() == 2 && ordinal)
            return {WordShape::Ordinal, WordClass::Sym, false};
        if (rest.size() == 1 && endsWith(rest, "s"))
            return {WordShape::ClassRow, WordClass::S, false}; // "1990s"
        return {WordShape::ClassRow, upper ? WordClass::Cap : WordClass::Unknown, false};
    }
    WordClass cls = WordClass::Unknown;
    if (n > 4 && endsWith(s, "ing"))
        cls = WordClass::Ing;
    else if (n > 3 && endsWith(s, "ed"))
        cls = WordClass::Ed;
    else if (n > 3 && endsWith(s, "ly"))
        cls = WordClass::Ly;
    else if (n > 4 && (endsWith(s, "tion") || endsWith(s, "sion")))
        cls = WordClass::Tion;
    else if (isPlural(s))
        cls = WordClass::S;
    return {WordShape::ClassRow, cls, false};
}

template <typename Char>
WordShape shapeOf(std::basic_string_view<Char> s, std::uint8_t flags, const MajorityTag &majority)
{
    if (s.empty())
        return {WordShape::Fixed, WordClass::Sym, false};
    bool letter = false;
    bool digit = false;
    bool hyphen = false;
    bool dot = false;
    bool upper = false;
    for (Char ch : s) {
        const auto c = static_cast<char16_t>(ch);
        letter |= isLetter(c);
        digit |= isDigit(c);
        hyphen |= isHyphen(c);
        dot |= c == u'.';
        upper |= isUpper(c);
    }
    const auto first = static_cast<char16_t>(s.front());
    if ((!letter && !digit) || (first == u'*' && s.size() > 2 && static_cast<char16_t>(s.back()) == u'*'))
        return {WordShape::Fixed, WordClass::Sym, false}; // punctuation and the lexicon's *NUM* etc.
    if (first == u'\'' || (s.size() == 3 && endsWith(s, "n't")))
        return {WordShape::Fixed, WordClass::Sym, false}; // clitics: 's 'm n't
    if (hyphen && s.size() > 2 && !isHyphen(first) && !isHyphen(static_cast<char16_t>(s.back())))
        return hyphenShape(s, flags, majority);
    if (dot && !isDigit(first))
        return {WordShape::ClassRow, WordClass::Abr, false};
    WordShape shape = suffixShape(s, upper);
    if (shape.kind == WordShape::ClassRow && isUpper(first)) {
        if (flags & (Tagger::SentenceInitial | Tagger::CaseUnreliable))
            shape.capitalMix = true;
        else
            shape.cls = WordClass::Cap;
    }
    return shape;
}

} // namespace

WordShape wordShape(QStringView word, std::uint8_t flags, const MajorityTag &majority)
{
    return shapeOf(std::u16string_view(word.utf16(), static_cast<size_t>(word.size())), flags, majority);
}

WordShape wordShape(std::string_view word, std::uint8_t flags, const MajorityTag &majority)
{
    return shapeOf(word, flags, majority);
}

} // namespace carto::extract
