// HTML through the limiter and gumbo (in its arena), as CorpusReader reads it.
#include "ingest/htmlreader.h"
#include "ingest/textdecoder.h"
#include "readercheck.h"

#include <cstdint>

using namespace carto;
using namespace carto::ingest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const DecodedText decoded = TextDecoder::decode(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    Document doc;
    doc.path = QStringLiteral("fuzz.html");
    std::vector<Problem> problems;
    if (HtmlReader::read(decoded.text, doc, problems))
        checkDocument(doc);
    return 0;
}
