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
    // Ends the open block, if any; the next text starts a new one.
    void closeBlock();

    void appendText(QStringView text);     // collapses whitespace, drops control characters
    void appendVerbatim(QStringView text); // code: keeps spaces and line breaks
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
    // blocks themselves (plain text).
    static void finalize(Document &document, const QString &fallbackTitle);

private:
    void ensureBlock();
    void appendVisible(QChar c);

    Document &m_doc;
    Block::Kind m_kind = Block::Kind::Paragraph;
    int m_level = 0;
    bool m_linkOnly = false;
    bool m_blockOpen = false;
    bool m_pendingSpace = false;
    bool m_afterAnchor = false;
    std::vector<qsizetype> m_markStarts; // -1 until the first visible character
    std::vector<int> m_unresolvedMarks;
    std::vector<char> m_forcedLinkOnly;  // per block
};

// Whether a first line reads like a title: short, has letters, no final stop.
[[nodiscard]] bool looksLikeTitle(QStringView line);

} // namespace carto::ingest
