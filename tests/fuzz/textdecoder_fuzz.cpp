// Bytes from any file: format detection, then decoding with encoding
// detection, mojibake repair and hygiene. The decoded text must be clean.
#include "ingest/formatdetector.h"
#include "ingest/textdecoder.h"

#include <cstdint>
#include <cstdlib>

using namespace carto::ingest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)FormatDetector::detect(u"input.txt", bytes);
    (void)FormatDetector::looksLikeHtml(bytes);
    const DecodedText decoded = TextDecoder::decode(bytes);
    for (const QChar c : decoded.text) {
        // clean() promises no carriage returns and no control characters but \n and \t.
        if (c == u'\r' || (c.unicode() < 0x20 && c != u'\n' && c != u'\t'))
            std::abort();
    }
    (void)FormatDetector::looksLikeMarkdown(decoded.text);
    return 0;
}
