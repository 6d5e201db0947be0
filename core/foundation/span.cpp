#include "span.h"

namespace carto {

qsizetype codePointOffset(QStringView text, qsizetype utf16Offset)
{
    qsizetype points = 0;
    const qsizetype end = std::min(utf16Offset, text.size());
    for (qsizetype i = 0; i < end; ++i) {
        if (!(text[i].isLowSurrogate() && i > 0 && text[i - 1].isHighSurrogate()))
            ++points;
    }
    return points;
}

} // namespace carto
