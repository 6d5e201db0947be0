// Bytes from an analysis cache file: AnalysisCodec::decode must refuse or
// accept them without reading out of bounds, and what it accepts must satisfy
// the invariants the extractor relies on. Each input is tried twice: as a
// whole blob with the checksum unchecked, and as a payload behind a valid
// header (so mutations reach the payload decoder instead of the CRC).
#include "cache/analysiscodec.h"

#include <QDataStream>
#include <QIODevice>

#include <zlib.h>

#include <cstdint>
#include <cstdlib>

using namespace carto;

namespace {

void check(const std::optional<cache::CachedDocument> &entry)
{
    if (!entry)
        return;
    const qsizetype size = entry->document.text.size();
    const extract::DocumentAnalysis &a = entry->analysis;
    if (a.tags.size() != a.tokens.size())
        std::abort();
    for (const extract::Token &t : a.tokens) {
        if (t.start < 0 || t.end <= t.start || t.end > size || t.form >= a.formCount)
            std::abort();
    }
    std::int32_t next = 0;
    for (const extract::UnitSentence &s : a.sentences) {
        if (s.sentence.tokBegin != next || s.sentence.tokEnd <= s.sentence.tokBegin)
            std::abort();
        next = s.sentence.tokEnd;
    }
    if (static_cast<size_t>(next) != a.tokens.size())
        std::abort();
    for (const ingest::Block &b : entry->document.blocks) {
        if (b.range.start < 0 || b.range.end > size || b.range.end < b.range.start)
            std::abort();
    }
    // what the codec accepts, it writes back the same
    if (!cache::AnalysisCodec::decode(cache::AnalysisCodec::encode(*entry)))
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    check(cache::AnalysisCodec::decode(bytes, nullptr, false));

    QByteArray blob;
    QDataStream out(&blob, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    const auto crc = static_cast<quint32>(crc32(crc32(0L, Z_NULL, 0), data, static_cast<uInt>(size)));
    out << quint32(0x43414E41) << cache::AnalysisCodec::kFormatVersion << crc << bytes.toByteArray();
    check(cache::AnalysisCodec::decode(blob));
    return 0;
}
