#pragma once

#include "document.h"
#include "foundation/problem.h"
#include "readbudget.h"

#include <QByteArray>

#include <vector>

namespace carto::ingest {

// Reads a PDF's text layer with poppler-cpp (words with positions and fonts, no Qt
// Gui) and lays it out with PdfLayout: page furniture dropped, paragraphs,
// headings, hyphenation; the creation date becomes the document date.
// Locked, damaged or text-less PDFs become Problems, never crashes.
// Private to carto_ingest; CorpusReader calls it.
struct PdfReadLimits
{
    int maxPages = 2000;                    // later pages are not read (a Warning)
    qint64 maxTextChars = 32 * 1024 * 1024; // pages sharing one huge content stream multiply it
};

class PdfReader final
{
public:
    // Returns false (with a Problem) when no text could be read, the text grew
    // past limits.maxTextChars, or the budget was spent (checked between pages).
    static bool read(const QByteArray &bytes, Document &document, std::vector<Problem> &problems,
                     const ReadBudget &budget = {}, const PdfReadLimits &limits = {});
};

} // namespace carto::ingest
