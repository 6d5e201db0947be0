#include "sanitize.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace carto::exporter::sanitize {

namespace {

// XML 1.0 section 2.2, Char, for one UTF-16 unit that is not a surrogate.
bool isXmlChar(char16_t c)
{
    if (c < 0x20)
        return c == u'\t' || c == u'\n' || c == u'\r';
    return c != 0xFFFE && c != 0xFFFF;
}

// Embeddings, overrides and isolates reorder what a reader sees ("\u202Eexe.txt"
// shows as "txt.exe"); an inline label has no use for them.
bool isBidiControl(char16_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// Folds white space (including line and paragraph separators) and drops the
// other control and format-breaking characters a one-line context cannot hold.
QString oneLine(QStringView text)
{
    QString out;
    out.reserve(text.size());
    bool space = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isSpace()) {
            space = !out.isEmpty();
            continue;
        }
        const bool pairedHigh = c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate();
        if (c.category() == QChar::Other_Control || (c.isSurrogate() && !pairedHigh) || isBidiControl(c.unicode())
            || c.unicode() == 0xFFFE || c.unicode() == 0xFFFF) {
            continue;
        }
        if (space) {
            out += u' ';
            space = false;
        }
        out += c;
        if (c.isHighSurrogate())
            out += text[++i];
    }
    return out;
}

} // namespace

QString xml(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate()) {
            if (i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
                out += c;
                out += text[++i];
            }
            continue;
        }
        if (c.isLowSurrogate() || !isXmlChar(c.unicode()))
            continue;
        out += c;
    }
    return out;
}

QString csvText(const QString &raw)
{
    // Control characters first (a NUL stops Python's csv reader), so the
    // formula check sees the cell's real first character.
    const QString text = xml(raw);
    if (text.isEmpty())
        return text;
    switch (text.front().unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
        return u'\'' + text;
    default:
        return text;
    }
}

QString markdownInline(QStringView text)
{
    // Backslash escapes work on any ASCII punctuation in CommonMark; these are
    // the ones that start structure inline: links and embeds ([ ] !), wiki
    // links, tags (#), code (`), emphasis and highlights (* _ ~ =), maths ($),
    // Obsidian comments (%%), block references (^), tables (|) and the escape
    // itself.
    static constexpr char16_t kEscaped[] = u"\\[]!#`*_~=$%^|";
    const QString line = oneLine(text);
    QString out;
    out.reserve(line.size() + line.size() / 8);
    for (const QChar c : line) {
        switch (c.unicode()) {
        case u'<':
            out += QStringLiteral("&lt;");
            break;
        case u'>':
            out += QStringLiteral("&gt;");
            break;
        case u'&':
            out += QStringLiteral("&amp;");
            break;
        default:
            if (std::find(std::begin(kEscaped), std::end(kEscaped) - 1, c.unicode()) != std::end(kEscaped) - 1)
                out += u'\\';
            out += c;
        }
    }
    // A line that starts with these would become a list or a heading in some
    // contexts; the callers prefix every line, but a leading escape costs nothing.
    if (!out.isEmpty() && (out.front() == u'-' || out.front() == u'+'))
        out.prepend(u'\\');
    return out;
}

QString markdownCode(QStringView text)
{
    const QString line = oneLine(text);
    qsizetype longest = 0;
    qsizetype run = 0;
    for (const QChar c : line) {
        run = c == u'`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const QString fence(longest + 1, u'`');
    // A space on each side keeps a backtick at either end from joining the fence.
    const bool pad = longest > 0;
    return fence + (pad ? QStringLiteral(" ") : QString()) + line + (pad ? QStringLiteral(" ") : QString()) + fence;
}

QString mapTitle(const QString &corpusRoot)
{
    const QString name = QFileInfo(QDir::cleanPath(corpusRoot)).fileName();
    return name.isEmpty() ? QStringLiteral("Concept map") : QStringLiteral("Concept map of %1").arg(name);
}

} // namespace carto::exporter::sanitize
