// Any text as one block: sentences must be sorted, non-empty, trimmed and
// inside the block.
#include "ingest/sentencesplitter.h"

#include <QString>

#include <cstdint>
#include <cstdlib>

using namespace carto;
using namespace carto::ingest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    // Split a middle part too, so offsets that do not start at 0 are exercised.
    const TextRange ranges[] = {{0, text.size()}, {text.size() / 3, text.size() - text.size() / 3}};
    for (const TextRange range : ranges) {
        std::vector<TextRange> sentences;
        SentenceSplitter::split(text, range, sentences);
        qsizetype previous = range.start;
        for (const TextRange &s : sentences) {
            if (s.isEmpty() || s.start < previous || s.end > range.end || text[s.start].isSpace()
                || text[s.end - 1].isSpace())
                std::abort();
            previous = s.end;
        }
    }
    return 0;
}
