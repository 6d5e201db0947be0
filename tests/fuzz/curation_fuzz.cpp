// A cartograph.yaml shipped with a corpus.
#include "extract/curation.h"

#include <cstdint>

using namespace carto;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    std::vector<Problem> problems;
    (void)extract::parseCuration(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)),
                                 QStringLiteral("cartograph.yaml"), problems);
    return 0;
}
