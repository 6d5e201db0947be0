#pragma once

#include "foundation/span.h"

#include <QHash>
#include <QStringView>

#include <cstdint>
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
    };

    std::int32_t start = 0;
    std::int32_t end = 0;
    std::int32_t form = -1; // surface-form id for words, -1 for punctuation
    std::uint16_t flags = 0;
    char16_t punct = 0;     // the character, for punctuation

    [[nodiscard]] bool isWord() const { return form >= 0; }
    [[nodiscard]] bool has(Flag f) const { return (flags & f) != 0; }
};

// Interns surface forms by view into the document texts (which outlive the run).
struct FormInterner
{
    QHash<QStringView, std::int32_t> ids;
    std::vector<QStringView> forms;

    std::int32_t intern(QStringView form)
    {
        auto it = ids.constFind(form);
        if (it != ids.constEnd())
            return *it;
        const auto id = static_cast<std::int32_t>(forms.size());
        ids.insert(form, id);
        forms.push_back(form);
        return id;
    }
};

// Splits text[range] into tokens appended to out. The first word gets
// SentenceStart when sentenceStart is true; every token gets extraFlags.
void tokenize(QStringView text, TextRange range, bool sentenceStart, std::uint16_t extraFlags,
              FormInterner &interner, std::vector<Token> &out);

// Splits a range into sentences at . ! ? followed by space and a capital or
// digit; used only when the reader gave no sentences.
[[nodiscard]] std::vector<TextRange> splitSentences(QStringView text, TextRange range);

} // namespace carto::extract
