#include "formatdetector.h"

#include "foundation/regexview.h"
#include "textdecoder.h"

#include <QRegularExpression>

#include <cctype>

namespace carto::ingest {

namespace {

bool hasPrefix(QByteArrayView bytes, QByteArrayView magic)
{
    return bytes.size() >= magic.size() && bytes.first(magic.size()) == magic;
}

QStringView extensionOf(QStringView fileName)
{
    const qsizetype dot = fileName.lastIndexOf(u'.');
    const qsizetype slash = fileName.lastIndexOf(u'/');
    if (dot <= slash + 1) // no dot, or a leading dot only
        return {};
    return fileName.mid(dot + 1);
}

} // namespace

bool FormatDetector::isBinary(QByteArrayView bytes)
{
    if (hasPrefix(bytes, "\xFF\xFE") || hasPrefix(bytes, "\xFE\xFF"))
        return false; // UTF-16 text with a BOM
    if (TextDecoder::detectUtf16WithoutBom(bytes))
        return false; // its zero high (or low) bytes are not binary
    static const QByteArrayView magics[] = {
        "\x89PNG", "\xFF\xD8\xFF", "GIF8", "PK\x03\x04", "\x1F\x8B", "\x7F" "ELF", "BZh", "7z\xBC\xAF",
        "Rar!", "\xD0\xCF\x11\xE0", "OggS", "fLaC", "ID3", "RIFF", "MZ",
        "SQLite format 3", "\x28\xB5\x2F\xFD", "\xFD" "7zXZ",
    };
    for (const QByteArrayView magic : magics) {
        if (hasPrefix(bytes, magic))
            return true;
    }
    const QByteArrayView head = bytes.first(std::min<qsizetype>(bytes.size(), 8192));
    qsizetype controls = 0;
    for (const char ch : head) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == 0)
            return true;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
            ++controls;
    }
    // A stray control character is hygiene work; many of them mean data.
    return head.size() > 0 && controls * 100 > head.size() * 5;
}

bool FormatDetector::looksLikeHtml(QByteArrayView bytes)
{
    QByteArray head = bytes.first(std::min<qsizetype>(bytes.size(), 1024)).toByteArray().trimmed().toLower();
    if (head.startsWith("\xEF\xBB\xBF"))
        head = head.mid(3).trimmed();
    if (head.startsWith("<!doctype html") || head.startsWith("<html"))
        return true;
    if (head.startsWith("<?xml") && head.contains("<html"))
        return true;
    return head.startsWith("<") && (head.contains("<head") || head.contains("<body"));
}

bool FormatDetector::looksLikeMbox(QByteArrayView bytes)
{
    if (!hasPrefix(bytes, "From "))
        return false;
    const qsizetype end = bytes.indexOf('\n');
    const QByteArrayView line = bytes.first(end < 0 ? std::min<qsizetype>(bytes.size(), 200) : end);
    // "From ada@example.org Tue May  1 10:00:00 2023": a sender and a year.
    static const QRegularExpression year(QStringLiteral("\\b[12][0-9]{3}\\b"));
    return line.size() < 200 && matchView(year, QString::fromLatin1(line)).hasMatch();
}

bool FormatDetector::looksLikeEmail(QByteArrayView bytes)
{
    if (looksLikeMbox(bytes))
        return true;
    static const QByteArrayView typical[] = {"from",        "to",         "cc",          "subject",    "date",
                                             "received",    "return-path", "message-id", "mime-version",
                                             "delivered-to", "reply-to",  "in-reply-to", "references", "x-mailer",
                                             "user-agent",  "content-type"};
    const QByteArrayView head = bytes.first(std::min<qsizetype>(bytes.size(), 16 * 1024));
    int headers = 0;
    int known = 0;
    qsizetype at = 0;
    while (at < head.size() && headers < 200) {
        qsizetype end = head.indexOf('\n', at);
        if (end < 0)
            end = head.size();
        QByteArrayView line = head.sliced(at, end - at);
        if (line.endsWith('\r'))
            line.chop(1);
        at = end + 1;
        if (line.isEmpty())
            break; // end of the header block
        if (line.front() == ' ' || line.front() == '\t') {
            if (headers == 0)
                return false;
            continue; // folded header
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || colon > 76)
            return false;
        for (const char c : line.first(colon)) {
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-')
                return false;
        }
        ++headers;
        const QByteArray name = line.first(colon).toByteArray().toLower();
        for (const QByteArrayView t : typical)
            known += name == t ? 1 : 0;
    }
    return known >= 2 && at < head.size();
}

bool FormatDetector::looksLikeMarkdown(QStringView text)
{
    const QStringView head = text.first(std::min<qsizetype>(text.size(), 64 * 1024));
    // YAML front matter: '---' on the first line and a closing '---' later.
    if (head.startsWith(u"---\n") || head.startsWith(u"---\r\n")) {
        static const QRegularExpression frontMatter(QStringLiteral("^---\\r?\\n(?:[^\\n]*\\n){0,200}?(?:---|\\.\\.\\.)\\s*(?:\\n|$)"));
        static const QRegularExpression keyLine(QStringLiteral("^---\\r?\\n[A-Za-z_][\\w -]*:"));
        if (matchView(frontMatter, head).hasMatch() && matchView(keyLine, head).hasMatch())
            return true;
    }
    // Cheap exit before the regular expressions: no markdown syntax characters at all.
    if (!head.contains(u'#') && !head.contains(u'[') && !head.contains(u"**")
        && !head.contains(u"```") && !head.contains(u"~~~"))
        return false;
    static const QRegularExpression atxHeading(QStringLiteral("^#{1,6}[ \\t]+\\S"), QRegularExpression::MultilineOption);
    static const QRegularExpression fence(QStringLiteral("^(```|~~~)"), QRegularExpression::MultilineOption);
    static const QRegularExpression link(QStringLiteral("\\[[^\\]\\n]+\\]\\([^)\\s]+\\)"));
    static const QRegularExpression wiki(QStringLiteral("\\[\\[[^\\]\\n]+\\]\\]"));
    static const QRegularExpression emphasis(QStringLiteral("\\*\\*[^*\\n]+\\*\\*"));
    int headings = 0;
    for (auto it = globalMatchView(atxHeading, head); it.hasNext() && headings < 3; it.next())
        ++headings;
    int signals_ = 0;
    signals_ += headings >= 2 ? 2 : headings;
    signals_ += matchView(fence, head).hasMatch() ? 1 : 0;
    signals_ += matchView(link, head).hasMatch() ? 1 : 0;
    signals_ += matchView(wiki, head).hasMatch() ? 1 : 0;
    signals_ += matchView(emphasis, head).hasMatch() ? 1 : 0;
    return signals_ >= 2;
}

std::optional<DocumentFormat> FormatDetector::detect(QStringView fileName, QByteArrayView bytes)
{
    if (hasPrefix(bytes, "%PDF-"))
        return DocumentFormat::Pdf;
    if (isBinary(bytes))
        return std::nullopt;
    const QString ext = extensionOf(fileName).toString().toLower();
    if (ext == u"pdf")
        return DocumentFormat::Pdf; // let the PDF reader report what is wrong with it
    if (ext == u"html" || ext == u"htm" || ext == u"xhtml" || looksLikeHtml(bytes))
        return DocumentFormat::Html;
    if (ext == u"md" || ext == u"markdown" || ext == u"mdown" || ext == u"mkd" || ext == u"mdx")
        return DocumentFormat::Markdown;
    if (ext == u"eml" || ext == u"mbox" || ext == u"mbx" || looksLikeEmail(bytes))
        return DocumentFormat::Email;
    // .txt and everything else: decided on the decoded text by the caller.
    return DocumentFormat::PlainText;
}

} // namespace carto::ingest
