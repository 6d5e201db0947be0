#pragma once

#include "foundation/span.h"

#include <QHash>
#include <QStringView>

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace carto::extract {

// One word or punctuation mark of a document's plain text. Words carry the id of
// their exact surface form (interned per thread, remapped to corpus ids later),
// so the vocabulary is looked up once per distinct form, not once per token.
struct Token
{
    enum Flag : std::uint16_t {
        SentenceStart = 1 << 0,  // first word of its sentence
        HyphenNext = 1 << 1,     // joined to the next word by a hyphen ("open-source")
        Possessive = 1 << 2,     // followed by 's / ’s (not part of [start, end))
        CaseUnreliable = 1 << 3, // inside a heading or title-case line
        Quote = 1 << 4,          // punctuation that opens or closes a quotation
        Number = 1 << 5,         // starts with a digit
        Bracket = 1 << 6,        // '(' or ')'
        Identifier = 1 << 7,     // a file name or code identifier kept whole ("package.json", "node_modules", "C++")
    };

    std::int32_t start = 0;
    std::int32_t end = 0;
    std::int32_t form = -1; // surface-form id for words, -1 for punctuation
    std::uint16_t flags = 0;
    char16_t punct = 0;     // the character, for punctuation; kAddressMark for an address

    [[nodiscard]] bool isWord() const { return form >= 0; }
    [[nodiscard]] bool has(Flag f) const { return (flags & f) != 0; }
};

// Token::punct of an e-mail address or a URL: one token that is no word.
inline constexpr char16_t kAddressMark = u'\uFFFC';

// A cheap FNV-1a hash for short words; Qt's seeded string hash dominated the
// profile when called once per token.
struct WordViewHash
{
    size_t operator()(std::u16string_view s) const noexcept
    {
        std::uint64_t h = 1469598103934665603ull;
        for (char16_t c : s) {
            h ^= c;
            h *= 1099511628211ull;
        }
        return static_cast<size_t>(h);
    }
};

// Interns surface forms by view into the document texts (which outlive the run).
struct FormInterner
{
    std::unordered_map<std::u16string_view, std::int32_t, WordViewHash> ids;
    std::vector<QStringView> forms;

    std::int32_t intern(QStringView form)
    {
        const std::u16string_view key(form.utf16(), static_cast<size_t>(form.size()));
        auto [it, inserted] = ids.try_emplace(key, static_cast<std::int32_t>(forms.size()));
        if (inserted)
            forms.push_back(form);
        return it->second;
    }
};

// Splits text[range] into tokens appended to out. The first word gets
// SentenceStart when sentenceStart is true; every token gets extraFlags.
void tokenize(QStringView text, TextRange range, bool sentenceStart, std::uint16_t extraFlags,
              FormInterner &interner, std::vector<Token> &out);

// Splits a range into sentences, each line on its own, with the readers'
// SentenceSplitter; used only when the reader gave no sentences.
[[nodiscard]] std::vector<TextRange> splitSentences(QStringView text, TextRange range);

} // namespace carto::extract
