// Markdown with YAML front matter, inline HTML and wiki links, as CorpusReader
// reads it: decoded first, then parsed with no time budget (so a slow input
// shows up as a libFuzzer timeout instead of being cut short).
#include "ingest/markdownreader.h"
#include "ingest/textdecoder.h"
#include "readercheck.h"

#include <cstdint>

using namespace carto;
using namespace carto::ingest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const DecodedText decoded = TextDecoder::decode(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    Document doc;
    doc.path = QStringLiteral("fuzz.md");
    std::vector<Problem> problems;
    if (MarkdownReader::read(decoded.text, doc, problems))
        checkDocument(doc);
    return 0;
}
