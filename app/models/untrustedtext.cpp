#include "untrustedtext.h"

namespace carto::app {

QString plainToolTip(const QString &text)
{
    if (text.isEmpty())
        return {}; // no tooltip at all
    // Always rich text (so Qt does not guess), escaped so it says only the text.
    return QStringLiteral("<p style='white-space:pre-wrap'>") + text.toHtmlEscaped() + QStringLiteral("</p>");
}

} // namespace carto::app
