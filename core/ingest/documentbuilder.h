#pragma once

#include "document.h"

#include <QStringView>

#include <vector>

namespace carto::ingest {

// Accumulates the plain text and structure of one document while a format
// reader walks its parse tree (md4c callbacks, gumbo nodes, PDF lines).
// Whitespace is collapsed; blocks open lazily on their first visible character
// and are separated by a blank line. Marks record ranges (links, wiki links)
// that start at the next visible character, so ranges never include the
// collapsed space before them. Private to carto_ingest.
class DocumentBuilder final
{
public:
    explicit DocumentBuilder(Document &document);

    // Kind of the block the next visible text will open. Does not close the open block.
    void setBlockKind(Block::Kind kind, int level = 0, bool linkOnly = false);
    // Whether the blocks opened from now on are site furniture (Block::isChrome).
    void setChrome(bool chrome) { m_chrome = chrome; }
    // Ends the open block, if any; the next text starts a new one.
    void closeBlock();

    void appendText(QStringView text);     // collapses whitespace, drops control characters, NFC
    void appendVerbatim(QStringView text); // code: keeps spaces and line breaks, NFC
    void lineBreak();                      // hard break inside the open block

    [[nodiscard]] int beginMark();
    [[nodiscard]] TextRange endMark(int mark); // empty when no visible text was added

    // A time anchor at the current position. The space before following
    // punctuation is dropped so "results <a>[00:02:54]</a>." reads "results.".
    void addTimestamp(int seconds, const QString &label);

    [[nodiscard]] qsizetype length() const { return m_doc.text.size(); }

    // Closes the open block and derives sentences, sections, link-only flags,
    // timestamp passages and a fallback title.
    void finish(const QString &fallbackTitle);

    // The derivation step alone, for readers that fill Document::text and
    // blocks themselves (plain text). Also flags shouted (mostly upper-case) blocks.
    static void finalize(Document &document, const QString &fallbackTitle);

    // Appends another document's text (after a blank line) with its blocks,
    // links, wiki links and set-aside ranges moved to their new offsets; its
    // sentences and sections are derived again by finalize(). For e-mail, whose
    // HTML parts are read by HtmlReader into a document of their own.
    static void appendDocument(Document &into, const Document &part);

private:
    void appendNfcText(QStringView text);
    void composeWithPrevious(QStringView &text);
    void ensureBlock();
    void appendVisible(QChar c);

    Document &m_doc;
    Block::Kind m_kind = Block::Kind::Paragraph;
    int m_level = 0;
    bool m_linkOnly = false;
    bool m_chrome = false;
    bool m_blockOpen = false;
    bool m_pendingSpace = false;
    bool m_afterAnchor = false;
    std::vector<qsizetype> m_markStarts; // -1 until the first visible character
    std::vector<int> m_unresolvedMarks;
    std::vector<char> m_forcedLinkOnly;  // per block
};

// Whether a first line reads like a title: short, has letters, no final stop.
[[nodiscard]] bool looksLikeTitle(QStringView line);

// Whether at least 12 letters and 60% of them are upper case: shouted text
// ("THE SOFTWARE IS PROVIDED AS IS"), whose capitals mark no names.
[[nodiscard]] bool looksShouted(QStringView text);

} // namespace carto::ingest
