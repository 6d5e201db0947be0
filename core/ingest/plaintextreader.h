#pragma once

#include "document.h"

#include <QStringView>

namespace carto::ingest {

// Plain text. Hard-wrapped text (manuals, RFCs, most README.txt files, e-mail)
// is recognised by its line widths and reflowed: the lines of a paragraph are
// joined until a blank line, a bullet or numbered item, a change of
// indentation, a short line that cannot have been wrapped, or a heading;
// headings (an underlined title, "Chapter 2.", "1.3 Scope", a standalone
// ALL-CAPS or title line) become Heading blocks; a word hyphenated at a line
// end is joined or kept by Hyphenation. Text that is not hard-wrapped (one
// paragraph per line, as in web-page text) keeps one block per line. In e-mail
// mode quoted replies (lines starting with '>', with the attribution line
// before them) and the signature after "-- " are set aside, and format=flowed
// soft breaks are honoured. Private to carto_ingest; CorpusReader and
// EmailReader call it.
class PlainTextReader final
{
public:
    struct Options
    {
        bool email = false;  // set quotes and signatures aside
        bool flowed = false; // RFC 3676 format=flowed: a line ending in a space continues
    };

    // The whole document: appends, then derives sentences and sections.
    static void read(QString text, Document &document);

    // Appends text's blocks to document.text (after a blank line) and its
    // quotes and signature to document.setAside; no sentences yet.
    static void append(QStringView text, Document &document, const Options &options);

    // The width a text was hard-wrapped at, or 0 when it is not hard-wrapped.
    [[nodiscard]] static int wrapWidth(QStringView text);
};

} // namespace carto::ingest
