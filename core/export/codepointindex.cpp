#include "codepointindex.h"

#include <algorithm>

namespace carto::exporter {

CodePointIndex::CodePointIndex(QStringView text)
    : m_size(text.size())
{
    const bool hasSurrogates = std::any_of(text.begin(), text.end(), [](QChar c) { return c.isSurrogate(); });
    if (!hasSurrogates)
        return;
    m_points.resize(static_cast<size_t>(text.size()) + 1);
    qsizetype points = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        m_points[static_cast<size_t>(i)] = points;
        if (!(text[i].isLowSurrogate() && i > 0 && text[i - 1].isHighSurrogate()))
            ++points;
    }
    m_points[static_cast<size_t>(text.size())] = points;
}

qsizetype CodePointIndex::operator()(qsizetype utf16Offset) const
{
    const qsizetype clamped = std::clamp<qsizetype>(utf16Offset, 0, m_size);
    if (m_points.empty())
        return clamped;
    return m_points[static_cast<size_t>(clamped)];
}

} // namespace carto::exporter
