#pragma once

#include "typedid.h"

#include <QString>
#include <QStringView>

namespace carto {

// A half-open range [start, end) of UTF-16 code units inside one text.
struct TextRange
{
    qsizetype start = 0;
    qsizetype end = 0;

    [[nodiscard]] constexpr qsizetype length() const { return end - start; }
    [[nodiscard]] constexpr bool isEmpty() const { return end <= start; }
    [[nodiscard]] constexpr bool contains(qsizetype pos) const { return pos >= start && pos < end; }
    [[nodiscard]] constexpr bool contains(const TextRange &other) const
    {
        return other.start >= start && other.end <= end;
    }
    [[nodiscard]] QStringView slice(QStringView text) const { return text.mid(start, end - start); }

    friend bool operator==(const TextRange &, const TextRange &) = default;
};

// Where a fact comes from: a document and a range of its plain text. Every
// mention and every piece of evidence is a Span; tests check them by slicing.
// Offsets are UTF-16 code units of Document::text; exports convert them to
// Unicode code points (see codePointOffset()).
struct Span
{
    DocumentId document;
    TextRange range;

    friend bool operator==(const Span &, const Span &) = default;
};

// Converts a UTF-16 offset in text to a Unicode code point offset.
[[nodiscard]] qsizetype codePointOffset(QStringView text, qsizetype utf16Offset);

} // namespace carto
