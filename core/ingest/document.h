#pragma once

#include "foundation/partialdate.h"
#include "foundation/span.h"
#include "foundation/typedid.h"

#include <QString>

#include <utility>
#include <vector>

namespace carto::ingest {

enum class DocumentFormat { PlainText, Markdown, Html, Pdf, Email };

// A structural unit of the plain text. Plain-text documents yield one block per
// paragraph (hard-wrapped lines joined, see PlainTextReader); markdown and HTML
// yield their block elements; PDFs their paragraphs and headings.
struct Block
{
    enum class Kind { Heading, Paragraph, ListItem, Quote, TableCell, Code };

    Kind kind = Kind::Paragraph;
    TextRange range;
    int level = 0;          // heading level (1..6) or list nesting depth
    bool isLinkOnly = false; // the block's text is (almost) all link text
    // Most of its letters are upper case (a shouted disclaimer, an all-caps
    // title): its capitals say nothing about names, whatever its length.
    bool isShouted = false;
    // Site furniture of a web page: inside <nav>, or a <header>, <footer> or
    // <aside> outside the page's <main> or <article>. A list in the body (of
    // people, of items) is not chrome, whatever its link density.
    bool isChrome = false;
};

// A part of the text kept for the reader but left out of extraction: back
// matter (appendices, licences, bibliographies, indexes, tables of contents)
// and, in e-mail, quoted replies, signatures and quoted header blocks. Its blocks and sentences are
// not in Document::blocks / sentences (unless CorpusReader::Options says to
// read back matter); the text stays, so the document view shows it.
// Attachments are listed with an empty range: they are named, not read.
struct SetAside
{
    enum class Kind { Contents, Appendix, Bibliography, Index, Licence, Quote, Signature, Attachment, Headers };

    Kind kind = Kind::Appendix;
    TextRange range;
    QString label; // the heading that announced it, or the attachment's name and type
};

[[nodiscard]] QString setAsideKindName(SetAside::Kind kind); // "bibliography", "quoted reply", ...

// When a document was written, where that is known, and how it was learnt.
struct DocumentDate
{
    enum class Source { None, FrontMatter, PdfMetadata, EmailHeader, HtmlMeta, HtmlTime, FileName };

    PartialDate date;
    Source source = Source::None;

    [[nodiscard]] bool isValid() const { return date.isValid(); }
    // Guessed from a year or date in the file name, not stated by the document.
    [[nodiscard]] bool isInferred() const { return source == Source::FileName; }
};

// A heading and the text it governs, up to the next heading of the same or a higher level.
struct Section
{
    QString title;
    int level = 0;
    TextRange heading; // the heading's own text
    TextRange range;   // heading plus body
};

// A video time anchor (e.g. <a class="yt-timestamp" data-t="00:02:54">) attached
// to the passage it closes: the sentence that ends where the anchor stood.
struct Timestamp
{
    TextRange passage;
    int seconds = 0;
    QString label; // as written, "00:02:54"
};

// An Obsidian-style [[target|shown]] link; range covers the shown text.
struct WikiLink
{
    TextRange range;
    QString target;
};

// A markdown or HTML hyperlink; range covers the link text.
struct Link
{
    TextRange range;
    QString url;
};

// One document read from disk and reduced to plain text with structure.
// Every range indexes `text`, which is what `cartograph-cli text` prints.
struct Document
{
    DocumentId id;
    QString path;         // relative to the corpus root, '/'-separated
    QString absolutePath;
    QString title;        // front matter title, <title>, first heading, or file stem
    DocumentFormat format = DocumentFormat::PlainText;
    QString encoding;     // detected source encoding, e.g. "UTF-8", "WINDOWS-1252"
    bool mojibakeRepaired = false;

    QString text;
    std::vector<std::pair<QString, QString>> metadata; // front matter / <meta>, in order
    std::vector<Block> blocks;
    std::vector<Section> sections;
    std::vector<TextRange> sentences; // sorted, non-overlapping, inside blocks
    std::vector<Timestamp> timestamps;
    std::vector<WikiLink> wikiLinks;
    std::vector<Link> links;
    std::vector<SetAside> setAside; // in text order; attachments last
    // The reader knows the page's furniture: an HTML page with landmarks
    // (<main>, <article>, <nav>, or a page-level <header>, <footer>, <aside>),
    // whose site chrome is marked Block::isChrome. Its other blocks are body
    // text, lists in the body (of people, of items) included.
    bool chromeMarked = false;
    DocumentDate date;

    [[nodiscard]] QString metadataValue(const QString &key) const
    {
        for (const auto &[k, v] : metadata) {
            if (k == key)
                return v;
        }
        return {};
    }
};

} // namespace carto::ingest
