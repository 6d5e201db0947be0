#pragma once

#include "documentbuilder.h"

#include <QString>
#include <QStringView>

#include <optional>
#include <utility>
#include <vector>

namespace carto::ingest {

// One start or end tag as written in markdown ("<a class=x href='y'>", "</a>", "<br/>").
struct HtmlTag
{
    QString name; // lower case
    bool closing = false;
    bool selfClosing = false;
    std::vector<std::pair<QString, QString>> attributes;

    [[nodiscard]] QString attribute(QStringView key) const;
};

[[nodiscard]] std::optional<HtmlTag> parseHtmlTag(QStringView raw);
// Decodes character references (&amp; &#8217; &#x2019; and common named ones).
[[nodiscard]] QString decodeHtmlEntities(QStringView text);
// "00:02:54" / "2:54" / "174" / "2m54s" to seconds.
[[nodiscard]] std::optional<int> parseTimeLabel(QStringView label);
// A video time anchor: an <a> with a data-t / data-time / data-timestamp
// attribute, or whose class names a timestamp. Used by the markdown and HTML readers.
[[nodiscard]] bool isTimestampAnchor(const HtmlTag &tag);
[[nodiscard]] bool isDroppedElement(QStringView name);     // script, style, noscript, template
[[nodiscard]] bool isBlockLevelElement(QStringView name);  // p, div, li, h1, ...

// Feeds raw HTML met inside markdown (inline spans and HTML blocks) into a
// DocumentBuilder: strips tags, keeps text, turns <a href> into links and time
// anchors into timestamps, drops script/style content. Private to carto_ingest.
class InlineHtml final
{
public:
    InlineHtml(DocumentBuilder &builder, Document &document);

    void tag(const HtmlTag &tag);
    void text(QStringView text); // already entity-decoded
    // Tokenizes a raw HTML run (tags and text) and feeds it through tag()/text().
    void feedRaw(QStringView raw);
    // True while text must not reach the document (inside a time anchor or a script).
    [[nodiscard]] bool swallowing() const { return m_inTimestamp || m_dropDepth > 0; }

private:
    DocumentBuilder &m_builder;
    Document &m_doc;
    int m_dropDepth = 0;
    bool m_inTimestamp = false;
    QString m_timestampLabel;
    QString m_timestampText;
    std::vector<std::pair<int, QString>> m_links; // open <a href> marks
};

} // namespace carto::ingest
