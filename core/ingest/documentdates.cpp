#include "documentdates.h"

#include "foundation/regexview.h"

#include <QDateTime>
#include <QFileInfo>
#include <QRegularExpression>

namespace carto::ingest {

namespace {

int monthNumber(QStringView name)
{
    static const char16_t *const months[] = {u"jan", u"feb", u"mar", u"apr", u"may", u"jun",
                                             u"jul", u"aug", u"sep", u"oct", u"nov", u"dec"};
    const QString n = name.left(3).toString().toLower();
    for (int i = 0; i < 12; ++i) {
        if (n == QStringView(months[i]))
            return i + 1;
    }
    return 0;
}

PartialDate dayDate(int year, int month, int day)
{
    const PartialDate d = PartialDate::fromDate(QDate(year, month, day));
    return d.isValid() ? d : PartialDate::ofMonth(year, month);
}

// Metadata keys that carry a document's own date, most specific first.
struct DateKey
{
    const char16_t *key;
    DocumentDate::Source source;
};

} // namespace

PartialDate DocumentDates::parse(QStringView text)
{
    text = text.trimmed();
    if (text.isEmpty() || text.size() > 120)
        return {};
    if (const PartialDate iso = PartialDate::fromIsoPrefix(text); iso.isValid())
        return iso;
    static const QRegularExpression dayMonthYear(
        QStringLiteral("\\b([0-9]{1,2})(?:st|nd|rd|th)?\\.?\\s+(\\p{L}{3,9})\\.?,?\\s+([0-9]{4})\\b"));
    if (const auto m = matchView(dayMonthYear, text); m.hasMatch()) {
        if (const int month = monthNumber(m.capturedView(2)))
            return dayDate(m.capturedView(3).toInt(), month, m.capturedView(1).toInt());
    }
    static const QRegularExpression monthDayYear(
        QStringLiteral("\\b(\\p{L}{3,9})\\.?\\s+([0-9]{1,2})(?:st|nd|rd|th)?,?\\s+([0-9]{4})\\b"));
    if (const auto m = matchView(monthDayYear, text); m.hasMatch()) {
        if (const int month = monthNumber(m.capturedView(1)))
            return dayDate(m.capturedView(3).toInt(), month, m.capturedView(2).toInt());
    }
    static const QRegularExpression monthYear(QStringLiteral("^(\\p{L}{3,9})\\.?,?\\s+([0-9]{4})$"));
    if (const auto m = matchView(monthYear, text); m.hasMatch()) {
        if (const int month = monthNumber(m.capturedView(1)))
            return PartialDate::ofMonth(m.capturedView(2).toInt(), month);
    }
    static const QRegularExpression year(QStringLiteral("^([0-9]{4})$"));
    if (const auto m = matchView(year, text); m.hasMatch())
        return PartialDate::ofYear(m.capturedView(1).toInt());
    return {};
}

PartialDate DocumentDates::fromFileName(QStringView fileName)
{
    static const QRegularExpression date(QStringLiteral(
        "(?<![0-9])([12][0-9]{3})(?:[-_.]?(0[1-9]|1[0-2])(?:[-_.]?(0[1-9]|[12][0-9]|3[01]))?)?(?![0-9])"));
    const QString name = QFileInfo(fileName.toString()).completeBaseName();
    for (auto it = globalMatchView(date, name); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const qsizetype start = m.capturedStart();
        const qsizetype end = m.capturedEnd();
        const bool letterBefore = start > 0 && name[start - 1].isLetter();
        const bool letterAfter = end < name.size() && name[end].isLetter();
        if (letterBefore && letterAfter)
            continue; // inside an identifier such as "a1998b"
        const int y = m.capturedView(1).toInt();
        if (m.capturedLength(3) > 0)
            return dayDate(y, m.capturedView(2).toInt(), m.capturedView(3).toInt());
        if (m.capturedLength(2) > 0)
            return PartialDate::ofMonth(y, m.capturedView(2).toInt());
        return PartialDate::ofYear(y);
    }
    return {};
}

void DocumentDates::assign(Document &doc)
{
    if (doc.date.isValid())
        return;
    using Source = DocumentDate::Source;
    const Source stated = doc.format == DocumentFormat::Markdown ? Source::FrontMatter : Source::HtmlMeta;
    static const DateKey keys[] = {
        {u"date", Source::None}, {u"published", Source::None}, {u"article:published_time", Source::None},
        {u"citation_publication_date", Source::None}, {u"citation_date", Source::None}, {u"dc.date", Source::None},
        {u"dc.date.issued", Source::None}, {u"dcterms.date", Source::None}, {u"dcterms.issued", Source::None},
        {u"dcterms.created", Source::None}, {u"pubdate", Source::None}, {u"publish_date", Source::None},
        {u"created", Source::None}, {u"time", Source::HtmlTime}};
    for (const DateKey &key : keys) {
        for (const auto &[k, v] : doc.metadata) {
            if (k.compare(QStringView(key.key), Qt::CaseInsensitive) != 0)
                continue;
            if (const PartialDate d = parse(v); d.isValid()) {
                doc.date = {d, key.source == Source::None ? stated : key.source};
                return;
            }
        }
    }
    if (const PartialDate d = fromFileName(doc.path); d.isValid())
        doc.date = {d, Source::FileName};
}

} // namespace carto::ingest
