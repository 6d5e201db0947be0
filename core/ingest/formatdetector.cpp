#include "formatdetector.h"

#include "foundation/regexview.h"
#include "textdecoder.h"

#include <QRegularExpression>

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
    if (!head.contains(u'#') && !head.contains(u'[') && !head.contains(QLatin1String("**"))
        && !head.contains(QLatin1String("```")) && !head.contains(QLatin1String("~~~")))
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
    // .txt and everything else: decided on the decoded text by the caller.
    return DocumentFormat::PlainText;
}

} // namespace carto::ingest
