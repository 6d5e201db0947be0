#include "chartdata.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace carto::app::stats {

double ChartData::maxValue() const
{
    double top = 1.0;
    for (const double v : values)
        top = std::max(top, v);
    return top;
}

double ChartData::axisStep() const
{
    // The smallest of 1, 2 or 5 times a power of ten that covers the values in
    // at most 6 intervals: round tick labels, and none between two counts.
    const double top = maxValue();
    double scale = std::pow(10.0, std::floor(std::log10(top / 6.0)));
    if (integerValues)
        scale = std::max(scale, 1.0);
    for (;; scale *= 10.0) {
        for (const double m : {1.0, 2.0, 5.0}) {
            if (top / (m * scale) <= 6.0 + 1e-9)
                return m * scale;
        }
    }
}

double ChartData::axisMax() const
{
    const double step = axisStep();
    return std::ceil(maxValue() / step - 1e-9) * step;
}

int ChartData::axisDecimals() const
{
    return std::max(0, int(-std::floor(std::log10(axisStep()) + 1e-9)));
}

std::vector<TimelineEntry> orderTimeline(std::vector<TimelineEntry> entries)
{
    std::stable_sort(entries.begin(), entries.end(), [](const TimelineEntry &a, const TimelineEntry &b) {
        if (a.date.has_value() != b.date.has_value())
            return a.date.has_value(); // dated documents first
        if (a.date && *a.date != *b.date)
            return *a.date < *b.date;
        return a.document < b.document;
    });
    return entries;
}

std::optional<QDate> parseDocumentDate(const QString &value)
{
    // Leading date only: front matter often writes "2024-03-01 10:00" or a full
    // ISO timestamp; the time of day does not order documents any better.
    static const QRegularExpression iso(u"^\\s*(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?(?:$|[T\\s])"_s);
    const QRegularExpressionMatch m = iso.match(value);
    if (!m.hasMatch())
        return std::nullopt;
    const int year = m.captured(1).toInt();
    const int month = m.capturedLength(2) > 0 ? m.captured(2).toInt() : 1;
    const int day = m.capturedLength(3) > 0 ? m.captured(3).toInt() : 1;
    const QDate date(year, month, day);
    if (!date.isValid())
        return std::nullopt;
    return date;
}

} // namespace carto::app::stats
