#include "partialdate.h"

namespace carto {

namespace {

// Years a document date can plausibly carry; outside them a number is no date.
constexpr int kMinYear = 1000;
constexpr int kMaxYear = 2999;

int digitsAt(QStringView text, qsizetype at, qsizetype count)
{
    if (at + count > text.size())
        return -1;
    int value = 0;
    for (qsizetype i = at; i < at + count; ++i) {
        if (!text[i].isDigit() || text[i].unicode() > 0x7F)
            return -1;
        value = value * 10 + (text[i].unicode() - u'0');
    }
    // A further digit means the number is longer than the field.
    if (at + count < text.size() && text[at + count].isDigit())
        return -1;
    return value;
}

} // namespace

PartialDate PartialDate::ofYear(int year)
{
    if (year < kMinYear || year > kMaxYear)
        return {};
    return PartialDate{year, 0, 0, Precision::Year};
}

PartialDate PartialDate::ofMonth(int year, int month)
{
    PartialDate d = ofYear(year);
    if (!d.isValid() || month < 1 || month > 12)
        return d;
    d.month = month;
    d.precision = Precision::Month;
    return d;
}

PartialDate PartialDate::fromDate(QDate date)
{
    if (!date.isValid() || date.year() < kMinYear || date.year() > kMaxYear)
        return {};
    return PartialDate{date.year(), date.month(), date.day(), Precision::Day};
}

QString PartialDate::toIsoString() const
{
    switch (precision) {
    case Precision::None:
        return {};
    case Precision::Year:
        return QString::number(year);
    case Precision::Month:
        return QStringLiteral("%1-%2").arg(year).arg(month, 2, 10, QLatin1Char('0'));
    case Precision::Day:
        return QStringLiteral("%1-%2-%3").arg(year).arg(month, 2, 10, QLatin1Char('0')).arg(day, 2, 10, QLatin1Char('0'));
    }
    return {};
}

PartialDate PartialDate::fromIsoPrefix(QStringView text)
{
    text = text.trimmed();
    PartialDate date = ofYear(digitsAt(text, 0, 4));
    if (!date.isValid() || text.size() < 7 || text[4] != u'-')
        return date;
    const int month = digitsAt(text, 5, 2);
    if (month < 1 || month > 12)
        return date;
    date = ofMonth(date.year, month);
    if (text.size() < 10 || text[7] != u'-')
        return date;
    const PartialDate day = fromDate(QDate(date.year, month, digitsAt(text, 8, 2)));
    return day.isValid() ? day : date;
}

} // namespace carto
