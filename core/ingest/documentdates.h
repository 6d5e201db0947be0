#pragma once

#include "document.h"

#include <QStringView>

namespace carto::ingest {

// Gives a document its date: what the document states (front matter "date",
// an HTML <meta> such as article:published_time or dc.date, the first
// <time datetime>; PDF and e-mail readers set theirs from the PDF's creation
// date and the Date header), else a year or date in the file name, marked as
// inferred ("1790-washington.txt" -> 1790). Private to carto_ingest;
// CorpusReader calls assign() for every document.
class DocumentDates final
{
public:
    static void assign(Document &document);

    // "2023-05-01", "2023-05-01T10:00:00Z", "Tue, 1 May 2023 10:00:00 +0200",
    // "May 1, 2023", "1 May 2023", "May 2023", "2023"; invalid otherwise.
    [[nodiscard]] static PartialDate parse(QStringView text);

    // The first year (1000-2999), year-month or date in a file name, not part
    // of a longer number or of a word on both sides (hex ids are not dates).
    [[nodiscard]] static PartialDate fromFileName(QStringView fileName);
};

} // namespace carto::ingest
