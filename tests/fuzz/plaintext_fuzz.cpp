// Plain text as CorpusReader reads it: decoded, reflowed from hard-wrapped
// lines (headings, bullets, hyphenation), then back matter found and set
// aside. The first byte picks the reader's e-mail and format=flowed modes, so
// quotes and signatures are fuzzed too.
#include "ingest/documentbuilder.h"
#include "ingest/plaintextreader.h"
#include "ingest/textdecoder.h"
#include "readercheck.h"

#include <cstdint>

using namespace carto;
using namespace carto::ingest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    PlainTextReader::Options options;
    options.email = (data[0] & 1) != 0;
    options.flowed = (data[0] & 2) != 0;
    const DecodedText decoded = TextDecoder::decode(QByteArrayView(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1)));
    Document doc;
    doc.path = QStringLiteral("fuzz.txt");
    PlainTextReader::append(decoded.text, doc, options);
    DocumentBuilder::finalize(doc, QStringLiteral("fuzz"));
    if (!doc.blocks.empty())
        finishAndCheck(doc);
    return 0;
}
