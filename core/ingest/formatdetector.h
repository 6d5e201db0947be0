#pragma once

#include "document.h"

#include <QByteArrayView>
#include <QStringView>

#include <optional>

namespace carto::ingest {

// Decides how to read a file from its name and its first bytes. Content wins
// over the extension where the extension is vague (.txt, none, unknown):
// a .txt file with YAML front matter or markdown headings is read as markdown.
// Private to carto_ingest; CorpusReader calls it.
class FormatDetector final
{
public:
    // True for content that is not text: known binary magic numbers, NUL bytes,
    // or many control characters in the first 8 KB. UTF-16 with a BOM is text,
    // and so is UTF-16 without one that TextDecoder recognises.
    [[nodiscard]] static bool isBinary(QByteArrayView bytes);

    // Format from extension and content bytes; std::nullopt for binary content.
    [[nodiscard]] static std::optional<DocumentFormat> detect(QStringView fileName, QByteArrayView bytes);

    // Markdown signals in decoded text: front matter, ATX headings, fences,
    // links, wiki links. Plain text needs more than one weak signal to qualify.
    [[nodiscard]] static bool looksLikeMarkdown(QStringView text);

    // An HTML document rather than text that mentions a tag.
    [[nodiscard]] static bool looksLikeHtml(QByteArrayView bytes);

    // A mail message or an mbox: an mbox "From " line, or a block of header
    // lines at the top of which at least two are typical mail headers
    // (From, To, Subject, Date, Received, Message-ID, MIME-Version, ...).
    [[nodiscard]] static bool looksLikeEmail(QByteArrayView bytes);

    // An mbox: messages each opened by a "From " line.
    [[nodiscard]] static bool looksLikeMbox(QByteArrayView bytes);
};

} // namespace carto::ingest
