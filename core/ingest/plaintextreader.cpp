#include "plaintextreader.h"

#include "documentbuilder.h"
#include "hyphenation.h"

#include "foundation/regexview.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace carto::ingest {

namespace {

constexpr int kTabWidth = 8;
// Hard-wrapped text is wrapped somewhere between these widths (RFCs 72, mail 72-78, manuals 65-80).
constexpr int kMinWrapWidth = 40;
constexpr int kMaxWrapWidth = 100;
constexpr int kMaxHeadingLength = 80;

struct Line
{
    QStringView text;   // trimmed
    int indent = 0;     // columns before the text
    bool soft = false;  // ends in a space (a format=flowed soft break)

    [[nodiscard]] bool blank() const { return text.isEmpty(); }
    [[nodiscard]] int width() const { return indent + int(text.size()); }
};

std::vector<Line> splitLines(QStringView text)
{
    std::vector<Line> lines;
    qsizetype start = 0;
    const qsizetype n = text.size();
    while (start <= n) {
        qsizetype end = text.indexOf(u'\n', start);
        if (end < 0)
            end = n;
        const QStringView raw = text.mid(start, end - start);
        Line line;
        qsizetype s = 0;
        while (s < raw.size() && raw[s].isSpace()) {
            line.indent = raw[s] == u'\t' ? (line.indent / kTabWidth + 1) * kTabWidth : line.indent + 1;
            ++s;
        }
        qsizetype e = raw.size();
        while (e > s && raw[e - 1].isSpace())
            --e;
        line.text = raw.mid(s, e - s);
        line.soft = e < raw.size() && raw.back() == u' ';
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

int wrapWidthOf(const std::vector<Line> &lines)
{
    std::vector<int> widths;
    for (const Line &l : lines) {
        if (!l.blank())
            widths.push_back(l.width());
    }
    if (widths.size() < 2)
        return 0;
    std::sort(widths.begin(), widths.end());
    const int w95 = widths[(widths.size() - 1) * 95 / 100];
    if (w95 < kMinWrapWidth || w95 > kMaxWrapWidth)
        return 0;
    // Wrapped prose fills most of its lines; a list of short entries does not.
    const auto full = std::count_if(widths.begin(), widths.end(), [&](int w) { return w * 10 >= w95 * 7; });
    return full * 5 >= qsizetype(widths.size()) * 2 ? w95 : 0;
}

// The column where a bulleted or numbered item's text starts, or -1.
int bulletTextColumn(const Line &l)
{
    static const QRegularExpression bullet(
        QStringLiteral("^(?:[-*+\\x{2022}\\x{00B7}\\x{2023}\\x{2013}]|\\(?[0-9]{1,3}[.)]|\\(?[a-z][.)]|\\([ivxlcdm]+\\))\\s+\\S"));
    const QRegularExpressionMatch m = matchView(bullet, l.text);
    if (!m.hasMatch())
        return -1;
    return l.indent + int(m.capturedLength()) - 1;
}

QChar underlineChar(const Line &underline, const Line &title)
{
    const QStringView u = underline.text;
    if (u.size() < 3 || title.blank() || !QStringView(u"=-~*^#+_").contains(u.front()))
        return {};
    for (const QChar c : u) {
        if (c != u.front())
            return {};
    }
    const qsizetype diff = std::abs(u.size() - title.text.size());
    return diff <= std::max<qsizetype>(3, title.text.size() / 3) ? u.front() : QChar();
}

bool endsWithPunctuation(QStringView t)
{
    return !t.isEmpty() && QStringView(u".,;:!?").contains(t.back());
}

// Heading level of a standalone line in hard-wrapped text, 0 when it is prose.
int headingLevel(const std::vector<Line> &lines, size_t i)
{
    const Line &l = lines[i];
    const bool standalone = (i == 0 || lines[i - 1].blank()) && (i + 1 == lines.size() || lines[i + 1].blank());
    if (!standalone || l.text.size() > kMaxHeadingLength)
        return 0;
    static const QRegularExpression named(
        QStringLiteral("^(chapter|part|book|appendix|annex|section)\\s+([0-9]+|[ivxlcdm]+|[a-z])\\b"),
        QRegularExpression::CaseInsensitiveOption);
    if (const QRegularExpressionMatch m = matchView(named, l.text); m.hasMatch())
        return m.capturedView(1).compare(u"section", Qt::CaseInsensitive) == 0 ? 2 : 1;
    static const QRegularExpression numbered(QStringLiteral("^([0-9]+(?:\\.[0-9]+)*)\\.?\\s+\\p{Lu}"));
    if (const QRegularExpressionMatch m = matchView(numbered, l.text); m.hasMatch() && !endsWithPunctuation(l.text))
        return int(m.capturedView(1).count(u'.')) + 1;
    int upper = 0;
    int lower = 0;
    for (const QChar c : l.text) {
        upper += c.isUpper() ? 1 : 0;
        lower += c.isLower() ? 1 : 0;
    }
    if (lower == 0 && upper >= 3)
        return 1;
    const bool titleStart = l.text.front().isUpper() || l.text.front().isDigit();
    if (titleStart && l.text.size() <= 60 && l.text.count(u' ') < 8 && !endsWithPunctuation(l.text))
        return 2;
    return 0;
}

// A line laid out in columns or drawn with box characters (a table, a
// diagram): kept as it is, never reflowed into prose.
bool isLayoutLine(const Line &l)
{
    int runs = 0;
    for (qsizetype k = 0; k < l.text.size(); ++k) {
        const char16_t c = l.text[k].unicode();
        if (c >= 0x2500 && c <= 0x257F)
            return true;
        if (c == u' ' && k + 2 < l.text.size() && l.text[k + 1] == u' ' && l.text[k + 2] == u' ') {
            ++runs;
            while (k + 1 < l.text.size() && l.text[k + 1] == u' ')
                ++k;
        }
    }
    return runs >= 2;
}

// A line with (almost) no letters, such as an arrow head between diagram rows.
bool isScrap(const Line &l)
{
    int letters = 0;
    for (const QChar c : l.text)
        letters += c.isLetter() ? 1 : 0;
    return letters <= 1 && l.text.size() <= 3;
}

bool isQuote(const Line &l)
{
    return !l.blank() && l.text.front() == u'>';
}

bool isSignatureMark(const Line &l)
{
    return l.text == u"--" && l.indent == 0;
}

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

// The name of a header field ("Received", "Content-Type") when the line
// opens one, else empty.
QStringView headerFieldName(const Line &l)
{
    if (l.text.isEmpty() || !isAsciiLetter(l.text.front()))
        return {};
    qsizetype k = 1;
    while (k < l.text.size() && (isAsciiLetter(l.text[k]) || l.text[k].isDigit() || l.text[k] == u'-'))
        ++k;
    if (k >= l.text.size() || l.text[k] != u':' || l.text[k - 1] == u'-')
        return {};
    return l.text.first(k);
}

// Fields a mail system writes (RFC 5322, MIME, trace, mailing-list and
// delivery-status fields), as opposed to a "Note:" or "Status:" line of prose.
bool isMailField(QStringView name)
{
    static const QStringView prefixes[] = {u"x-", u"list-", u"resent-", u"content-", u"arc-"};
    for (const QStringView p : prefixes) {
        if (name.size() > p.size() && name.startsWith(p, Qt::CaseInsensitive))
            return true;
    }
    static const QStringView fields[] = {
        u"received", u"return-path", u"from", u"to", u"cc", u"bcc", u"subject", u"date", u"message-id",
        u"in-reply-to", u"references", u"reply-to", u"sender", u"mime-version", u"delivered-to", u"envelope-to",
        u"errors-to", u"precedence", u"user-agent", u"reporting-mta", u"final-recipient", u"original-recipient",
        u"diagnostic-code", u"remote-mta", u"arrival-date", u"last-attempt-date", u"received-from-mta",
        u"dkim-signature", u"authentication-results", u"thread-topic", u"thread-index", u"sent"};
    return std::any_of(std::begin(fields), std::end(fields),
                       [&](QStringView f) { return name.compare(f, Qt::CaseInsensitive) == 0; });
}

qsizetype firstWordLength(QStringView t)
{
    qsizetype k = 0;
    while (k < t.size() && !t[k].isSpace())
        ++k;
    return k;
}

class Writer final
{
public:
    explicit Writer(Document &doc)
        : m_doc(doc)
    {
    }

    void begin(Block::Kind kind, int level)
    {
        if (!m_doc.text.isEmpty())
            m_doc.text += QStringLiteral("\n\n");
        m_block = Block{};
        m_block.kind = kind;
        m_block.level = level;
        m_block.range.start = m_doc.text.size();
    }
    void add(QStringView s) { m_doc.text += s; }
    // Text that stays in the document but not in the block (a bullet marker).
    void addOutside(QStringView s)
    {
        m_doc.text += s;
        m_block.range.start = m_doc.text.size();
    }
    void add(QChar c) { m_doc.text += c; }
    [[nodiscard]] QString &text() { return m_doc.text; }
    void end()
    {
        m_block.range.end = m_doc.text.size();
        if (!m_block.range.isEmpty())
            m_doc.blocks.push_back(m_block);
    }
    void endAside(SetAside::Kind kind)
    {
        end();
        if (!m_block.range.isEmpty())
            m_doc.setAside.push_back({kind, m_block.range, {}});
    }

private:
    Document &m_doc;
    Block m_block;
};

class Reflow final
{
public:
    Reflow(QStringView text, Document &doc, const PlainTextReader::Options &options)
        : m_lines(splitLines(text))
        , m_width(options.flowed ? 0 : wrapWidthOf(m_lines))
        , m_options(options)
        , m_hyphenation(text)
        , m_out(doc)
    {
    }

    void run()
    {
        size_t i = 0;
        while (i < m_lines.size()) {
            const Line &l = m_lines[i];
            if (l.blank()) {
                ++i;
            } else if (m_options.email && isSignatureMark(l)) {
                verbatimAside(i + 1, m_lines.size(), SetAside::Kind::Signature);
                i = m_lines.size();
            } else if (m_options.email && startsQuote(i)) {
                i = quote(i);
            } else if (const size_t k = m_options.email ? headerBlockEnd(i) : i; k > i) {
                verbatimAside(i, k, SetAside::Kind::Headers);
                i = k;
            } else if (wrapped() && i + 1 < m_lines.size() && !underlineChar(m_lines[i + 1], l).isNull()) {
                const QChar u = underlineChar(m_lines[i + 1], l);
                heading(l, u == u'=' ? 1 : u == u'-' ? 2 : 3);
                i += 2;
            } else if (wrapped() && isLayoutLine(l)) {
                i = layout(i);
            } else if (const int level = wrapped() ? headingLevel(m_lines, i) : 0) {
                heading(l, level);
                ++i;
            } else {
                i = paragraph(i);
            }
        }
    }

private:
    [[nodiscard]] bool wrapped() const { return m_width > 0; }

    [[nodiscard]] bool startsQuote(size_t i) const
    {
        // "On Tuesday, Ada wrote:" directly above the quote belongs to it.
        return isQuote(m_lines[i])
               || (m_lines[i].text.endsWith(u':') && i + 1 < m_lines.size() && isQuote(m_lines[i + 1]));
    }

    // A bounce or a forward quotes the headers of another message: two or
    // more mail fields in a row at one indentation, with their folded
    // continuation lines, are set aside. Returns where they end, or i when no
    // such block starts at i.
    [[nodiscard]] size_t headerBlockEnd(size_t i) const
    {
        const int base = m_lines[i].indent;
        size_t k = i;
        int fields = 0;
        while (k < m_lines.size() && m_lines[k].indent == base) {
            const QStringView name = headerFieldName(m_lines[k]);
            if (name.isEmpty() || !isMailField(name))
                break;
            ++fields;
            ++k;
            while (k < m_lines.size() && !m_lines[k].blank() && m_lines[k].indent > base)
                ++k; // a folded field goes on on indented lines
        }
        return fields >= 2 ? k : i;
    }

    void heading(const Line &l, int level)
    {
        m_out.begin(Block::Kind::Heading, level);
        m_out.add(l.text);
        m_out.end();
    }

    // A table or diagram: its lines as they are (indentation relative to the first), as one Code block.
    size_t layout(size_t i)
    {
        m_out.begin(Block::Kind::Code, 0);
        const int base = m_lines[i].indent;
        size_t k = i;
        for (; k < m_lines.size() && !m_lines[k].blank() && (isLayoutLine(m_lines[k]) || isScrap(m_lines[k])); ++k) {
            if (k > i)
                m_out.add(u'\n');
            m_out.add(QString(std::max(0, m_lines[k].indent - base), u' '));
            m_out.add(m_lines[k].text);
        }
        m_out.end();
        return k;
    }

    void verbatimAside(size_t from, size_t to, SetAside::Kind kind)
    {
        while (from < to && m_lines[from].blank())
            ++from;
        while (to > from && m_lines[to - 1].blank())
            --to;
        if (from >= to)
            return;
        m_out.begin(Block::Kind::Paragraph, 0);
        for (size_t k = from; k < to; ++k) {
            if (k > from)
                m_out.add(u'\n');
            m_out.add(m_lines[k].text);
        }
        m_out.endAside(kind);
    }

    size_t quote(size_t i)
    {
        m_out.begin(Block::Kind::Quote, 0);
        bool first = true;
        size_t k = i;
        for (; k < m_lines.size(); ++k) {
            const Line &l = m_lines[k];
            if (l.blank()) {
                size_t next = k;
                while (next < m_lines.size() && m_lines[next].blank())
                    ++next;
                if (next == m_lines.size() || !isQuote(m_lines[next]))
                    break;
                continue;
            }
            if (k > i && !isQuote(l))
                break;
            QStringView t = l.text;
            while (!t.isEmpty() && (t.front() == u'>' || t.front() == u' '))
                t = t.sliced(1);
            if (t.isEmpty())
                continue;
            if (!first)
                m_out.add(u'\n');
            m_out.add(t);
            first = false;
        }
        m_out.endAside(SetAside::Kind::Quote);
        return k;
    }

    // Whether line j + 1 continues the paragraph that line `first` opened.
    [[nodiscard]] bool continues(size_t first, size_t j, int &continuation) const
    {
        const Line &prev = m_lines[j];
        const Line &next = m_lines[j + 1];
        if (next.blank() || (m_options.email && (isQuote(next) || isSignatureMark(next))))
            return false;
        if (m_options.flowed)
            return prev.soft;
        if (!wrapped() || bulletTextColumn(next) >= 0 || isLayoutLine(next) || isLayoutLine(prev))
            return false;
        if (j + 2 < m_lines.size() && !underlineChar(m_lines[j + 2], next).isNull())
            return false;
        if (continuation < 0) {
            if (next.indent > m_lines[first].indent + 1)
                return false; // an indented block of its own
        } else if (std::abs(next.indent - continuation) > 1) {
            return false;
        }
        // The previous line was wrapped only if the next word would not have fitted on it.
        const qsizetype fitted = prev.width() + 1 + firstWordLength(next.text);
        if (fitted * 10 < qsizetype(m_width) * 9)
            return false;
        continuation = next.indent;
        return true;
    }

    void join(const Line &prev, const Line &next)
    {
        const QStringView p = prev.text;
        const QStringView t = next.text;
        const bool broken = p.size() >= 3 && p.back() == u'-' && p[p.size() - 2].isLetter() && t.front().isLower();
        if (!broken) {
            m_out.add(u' ');
            m_out.add(t);
            return;
        }
        qsizetype s = p.size() - 1;
        while (s > 0 && p[s - 1].isLetter())
            --s;
        if (m_hyphenation.joins(p.mid(s, p.size() - 1 - s), t))
            m_out.text().chop(1);
        m_out.add(t);
    }

    size_t paragraph(size_t i)
    {
        const Line &l = m_lines[i];
        const int bullet = wrapped() ? bulletTextColumn(l) : -1;
        m_out.begin(bullet >= 0 ? Block::Kind::ListItem : Block::Kind::Paragraph, bullet >= 0 ? 1 + l.indent / 4 : 0);
        if (bullet >= 0) {
            const qsizetype marker = bullet - l.indent;
            m_out.addOutside(l.text.first(marker));
            m_out.add(l.text.sliced(marker));
        } else {
            m_out.add(l.text);
        }
        int continuation = bullet;
        size_t j = i;
        while (j + 1 < m_lines.size() && continues(i, j, continuation)) {
            join(m_lines[j], m_lines[j + 1]);
            ++j;
        }
        m_out.end();
        return j + 1;
    }

    std::vector<Line> m_lines;
    int m_width = 0;
    PlainTextReader::Options m_options;
    Hyphenation m_hyphenation;
    Writer m_out;
};

} // namespace

int PlainTextReader::wrapWidth(QStringView text)
{
    return wrapWidthOf(splitLines(text));
}

void PlainTextReader::append(QStringView text, Document &document, const Options &options)
{
    Reflow(text, document, options).run();
}

void PlainTextReader::read(QString text, Document &document)
{
    append(text, document, Options{});
    DocumentBuilder::finalize(document, QFileInfo(document.path).completeBaseName());
}

} // namespace carto::ingest
