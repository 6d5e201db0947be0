#pragma once

#include "document.h"
#include "foundation/problem.h"
#include "readbudget.h"

#include <QByteArray>

#include <vector>

namespace carto::ingest {

// Reads a PDF's text layer with poppler-qt6. Lines are joined into paragraphs
// (a short line ending a sentence closes a paragraph; hyphenated line ends are
// rejoined). Locked, damaged or text-less PDFs become Problems, never crashes.
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
