#pragma once

#include "extract/documentanalysis.h"
#include "foundation/problem.h"
#include "ingest/document.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>
#include <vector>

namespace carto::cache {

// One file as the analysis cache keeps it: the document its reader made (but
// for id, path and absolutePath, which the caller sets), the warnings met
// while reading it, and its analysis.
struct CachedDocument
{
    ingest::Document document;
    std::vector<Problem> problems; // paths left empty
    extract::DocumentAnalysis analysis;
};

// The compact binary form of a CachedDocument: a header (magic, format
// version, payload size, CRC-32 of the payload) and a QDataStream payload with
// the text as UTF-8, ranges and tokens as variable-length integers (deltas
// from the previous one), and one byte per tag: about 5 bytes a token.
// decode() checks every size, offset and index against the rest before it
// trusts it, so a damaged or hostile blob is refused, never followed.
class AnalysisCodec final
{
public:
    static constexpr quint32 kFormatVersion = 3; // 2: set-aside ranges, landmarks, dates, e-mail; 3: address tokens, header blocks

    [[nodiscard]] static QByteArray encode(const CachedDocument &entry);
    // std::nullopt, with *error set, for anything but a blob encode() made.
    // verifyChecksum = false skips the CRC (for the fuzz target only).
    [[nodiscard]] static std::optional<CachedDocument> decode(QByteArrayView blob, QString *error = nullptr,
                                                              bool verifyChecksum = true);
};

} // namespace carto::cache
