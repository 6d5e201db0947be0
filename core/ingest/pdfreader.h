#pragma once

#include "document.h"
#include "foundation/problem.h"

#include <QByteArray>

#include <vector>

namespace carto::ingest {

// Reads a PDF's text layer with poppler-qt6. Lines are joined into paragraphs
// (a short line ending a sentence closes a paragraph; hyphenated line ends are
// rejoined). Locked, damaged or text-less PDFs become Problems, never crashes.
// Private to carto_ingest; CorpusReader calls it.
class PdfReader final
{
public:
    // Returns false (with a Problem) when no text could be read.
    static bool read(const QByteArray &bytes, Document &document, std::vector<Problem> &problems);
};

} // namespace carto::ingest
