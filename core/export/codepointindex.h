#pragma once

#include <QStringView>

#include <vector>

namespace carto::exporter {

// Maps UTF-16 offsets of one text to Unicode code point offsets. Exports promise
// code points (what other tools index strings by); core works in UTF-16.
class CodePointIndex final
{
public:
    explicit CodePointIndex(QStringView text);

    [[nodiscard]] qsizetype operator()(qsizetype utf16Offset) const;

private:
    std::vector<qsizetype> m_points; // empty when the text has no surrogate pairs
    qsizetype m_size = 0;
};

} // namespace carto::exporter
