#pragma once

#include <QRegularExpression>
#include <QStringView>

namespace carto {

// Matching a QStringView without copying it. Qt 6.5 added matchView() and
// globalMatchView(), and Qt 6.8 deprecated the QStringView overloads of
// match() and globalMatch() in their favour; with warnings as errors, code
// must call the new names on 6.5+ and the old ones on 6.4 (Debian 12).
[[nodiscard]] inline QRegularExpressionMatch matchView(const QRegularExpression &re, QStringView subject,
                                                       qsizetype offset = 0)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return re.matchView(subject, offset);
#else
    return re.match(subject, offset);
#endif
}

[[nodiscard]] inline QRegularExpressionMatchIterator globalMatchView(const QRegularExpression &re, QStringView subject,
                                                                     qsizetype offset = 0)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return re.globalMatchView(subject, offset);
#else
    return re.globalMatch(subject, offset);
#endif
}

} // namespace carto
