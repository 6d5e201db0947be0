#pragma once

#include <QDate>
#include <QString>
#include <QStringView>

#include <compare>

namespace carto {

// A calendar date known to a year, a month or a day ("1790", "1790-01",
// "1790-01-08"): documents are often dated only by a year in their name or a
// month in a header. Written and read as the matching ISO 8601 prefix.
struct PartialDate
{
    enum class Precision : quint8 { None, Year, Month, Day };

    int year = 0;
    int month = 0; // 1..12 when precision >= Month
    int day = 0;   // 1..31 when precision == Day
    Precision precision = Precision::None;

    [[nodiscard]] bool isValid() const { return precision != Precision::None; }

    [[nodiscard]] static PartialDate ofYear(int year);
    [[nodiscard]] static PartialDate ofMonth(int year, int month);
    [[nodiscard]] static PartialDate fromDate(QDate date);

    // "YYYY", "YYYY-MM" or "YYYY-MM-DD"; empty when invalid.
    [[nodiscard]] QString toIsoString() const;
    // The longest valid ISO 8601 date prefix of text ("2023-05-01T10:00Z" ->
    // 2023-05-01, "2023-05" -> May 2023); invalid when text starts otherwise.
    [[nodiscard]] static PartialDate fromIsoPrefix(QStringView text);

    friend bool operator==(const PartialDate &, const PartialDate &) = default;
    friend auto operator<=>(const PartialDate &, const PartialDate &) = default;
};

} // namespace carto
