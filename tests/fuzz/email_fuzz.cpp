// E-mail through GMime as CorpusReader reads it: one message or an mbox,
// headers, transfer encodings, charsets, multipart trees, HTML parts through
// HtmlReader, quotes and signatures set aside, attachments listed.
#include "ingest/emailreader.h"
#include "readercheck.h"

#include <cstdint>

using namespace carto;
using namespace carto::ingest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    Document doc;
    doc.path = QStringLiteral("fuzz.eml");
    doc.format = DocumentFormat::Email;
    std::vector<Problem> problems;
    if (EmailReader::read(bytes, doc, problems))
        finishAndCheck(doc);
    return 0;
}
