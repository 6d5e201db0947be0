#pragma once

#include "foundation/span.h"

#include <QStringView>

#include <vector>

namespace carto::ingest {

// Splits a block of prose into sentences with general English rules: terminal
// punctuation followed by space and a plausible sentence start, except after
// abbreviations (Mr., e.g., U.S.), initials (J. F. Kennedy), decimals (3.5),
// list numbers and mid-sentence ellipses. Works on run-on texts with no line
// breaks. Private to carto_ingest; readers call it once per block.
class SentenceSplitter final
{
public:
    // Appends the sentences of text[range) to out, trimmed, in order.
    static void split(QStringView text, TextRange range, std::vector<TextRange> &out);
};

} // namespace carto::ingest
