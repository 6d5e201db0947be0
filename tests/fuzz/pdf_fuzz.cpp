// PDF through poppler-cpp and PdfLayout as CorpusReader reads it (furniture,
// paragraphs, headings, hyphenation), with small limits so that an input
// whose pages share one huge content stream is cut short, not slow.
#include "ingest/pdfreader.h"
#include "readercheck.h"

#include <cstdint>

using namespace carto;
using namespace carto::ingest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    Document doc;
    doc.path = QStringLiteral("fuzz.pdf");
    doc.format = DocumentFormat::Pdf;
    std::vector<Problem> problems;
    PdfReadLimits limits;
    limits.maxPages = 50;
    limits.maxTextChars = 1024 * 1024;
    if (PdfReader::read(bytes, doc, problems, {}, limits))
        finishAndCheck(doc);
    return 0;
}

// poppler sets fontconfig up once per process and never frees it: not a leak of ours.
extern "C" const char *__lsan_default_suppressions()
{
    return "leak:libfontconfig\n";
}
