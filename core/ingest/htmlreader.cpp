#include "htmlreader.h"

#include "documentbuilder.h"
#include "gumboarena.h"
#include "htmllimiter.h"
#include "inlinehtml.h"

#include <QFileInfo>

#include <gumbo.h>

namespace carto::ingest {

namespace {

QString tagName(const GumboElement &element)
{
    if (element.tag != GUMBO_TAG_UNKNOWN)
        return QLatin1String(gumbo_normalized_tagname(element.tag));
    GumboStringPiece piece = element.original_tag;
    gumbo_tag_from_original_text(&piece);
    return QString::fromUtf8(piece.data, qsizetype(piece.length)).toLower();
}

HtmlTag toTag(const GumboElement &element, const QString &name)
{
    HtmlTag tag;
    tag.name = name;
    for (unsigned i = 0; i < element.attributes.length; ++i) {
        const auto *attr = static_cast<const GumboAttribute *>(element.attributes.data[i]);
        tag.attributes.emplace_back(QString::fromUtf8(attr->name).toLower(), QString::fromUtf8(attr->value));
    }
    return tag;
}

// All text below a node, for <title> and time anchors. Iterative: hostile
// pages nest deeply enough to overflow a recursive walk.
QString textContent(const GumboNode *root)
{
    QString out;
    std::vector<const GumboNode *> pending{root};
    while (!pending.empty()) {
        const GumboNode *node = pending.back();
        pending.pop_back();
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
            out += QString::fromUtf8(node->v.text.text);
        } else if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
            const GumboVector &children = node->v.element.children;
            for (unsigned i = children.length; i-- > 0;)
                pending.push_back(static_cast<const GumboNode *>(children.data[i]));
        }
    }
    return out;
}

// Elements that decide the kind of the blocks inside them.
bool isStructural(const QString &n)
{
    return (n.size() == 2 && n[0] == u'h' && n[1] >= u'1' && n[1] <= u'6') || n == u"td" || n == u"th" || n == u"pre"
           || n == u"li" || n == u"dd" || n == u"dt" || n == u"blockquote" || n == u"ul" || n == u"ol";
}

class Walker final
{
public:
    Walker(Document &doc)
        : m_doc(doc)
        , m_builder(doc)
    {
    }

    void run(const GumboNode *root)
    {
        // Iterative walk: hostile pages nest deeply enough to overflow a recursive one.
        struct Frame
        {
            const GumboNode *node;
            unsigned next;
        };
        std::vector<Frame> stack;
        stack.push_back({root, 0});
        enter(root);
        while (!stack.empty()) {
            Frame &frame = stack.back();
            const GumboNode *node = frame.node;
            const bool descend = (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE
                                  || node->type == GUMBO_NODE_DOCUMENT)
                                 && !m_skipChildren.contains(node);
            const GumboVector *children = nullptr;
            if (descend)
                children = node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children : &node->v.element.children;
            if (children && frame.next < children->length) {
                const auto *child = static_cast<const GumboNode *>(children->data[frame.next++]);
                stack.push_back({child, 0});
                enter(child);
            } else {
                leave(node);
                stack.pop_back();
            }
        }
        m_builder.finish(QFileInfo(m_doc.path).completeBaseName());
    }

private:
    // nav anywhere; header, footer and aside of the page rather than of its main text.
    [[nodiscard]] bool isChromeElement(const QString &name) const
    {
        return name == u"nav" || ((name == u"header" || name == u"footer" || name == u"aside") && m_mainDepth == 0);
    }

    void updateKind()
    {
        m_builder.setChrome(m_chromeDepth > 0);
        const int listDepth = m_listDepth;
        const bool linkOnly = m_navDepth > 0;
        for (auto it = m_structural.rbegin(); it != m_structural.rend(); ++it) {
            const QString &n = *it;
            if (n.size() == 2 && n[0] == u'h' && n[1] >= u'1' && n[1] <= u'6') {
                m_builder.setBlockKind(Block::Kind::Heading, n[1].digitValue(), linkOnly);
                return;
            }
            if (n == u"td" || n == u"th") {
                m_builder.setBlockKind(Block::Kind::TableCell, 0, linkOnly);
                return;
            }
            if (n == u"pre") {
                m_builder.setBlockKind(Block::Kind::Code, 0, linkOnly);
                return;
            }
            if (n == u"li" || n == u"dd" || n == u"dt") {
                m_builder.setBlockKind(Block::Kind::ListItem, listDepth, linkOnly);
                return;
            }
            if (n == u"blockquote") {
                m_builder.setBlockKind(Block::Kind::Quote, 0, linkOnly);
                return;
            }
        }
        m_builder.setBlockKind(Block::Kind::Paragraph, 0, linkOnly);
    }

    void enter(const GumboNode *node)
    {
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA || node->type == GUMBO_NODE_WHITESPACE) {
            const QString text = QString::fromUtf8(node->v.text.text);
            if (m_preDepth > 0)
                m_builder.appendVerbatim(text);
            else
                m_builder.appendText(text);
            return;
        }
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE)
            return;
        const GumboElement &element = node->v.element;
        const QString name = tagName(element);
        if (isDroppedElement(name) || node->type == GUMBO_NODE_TEMPLATE) {
            m_skipChildren.insert(node);
            m_skipped.insert(node);
            return;
        }
        if (name == u"title") {
            if (m_doc.title.isEmpty())
                m_doc.title = textContent(node).simplified();
            m_skipChildren.insert(node);
            m_skipped.insert(node);
            return;
        }
        if (name == u"meta") {
            const HtmlTag tag = toTag(element, name);
            QString key = tag.attribute(u"name");
            if (key.isEmpty())
                key = tag.attribute(u"property");
            const QString content = tag.attribute(u"content").simplified();
            if (!key.isEmpty() && !content.isEmpty())
                m_doc.metadata.emplace_back(key, content);
            return;
        }
        if (name == u"head" || name == u"img" || name == u"svg" || name == u"iframe" || name == u"object"
            || name == u"select" || name == u"button") {
            // Head: title and meta are met by their own cases; the rest is not prose.
            if (name != u"head") {
                m_skipChildren.insert(node);
                m_skipped.insert(node);
            }
            return;
        }
        const HtmlTag tag = toTag(element, name);
        if (name == u"a" && isTimestampAnchor(tag)) {
            QString label = tag.attribute(u"data-t");
            if (label.isEmpty())
                label = tag.attribute(u"data-time");
            if (label.isEmpty())
                label = tag.attribute(u"data-timestamp");
            if (label.isEmpty())
                label = textContent(node).trimmed();
            if (const auto seconds = parseTimeLabel(label)) {
                if (label.startsWith(u'[') && label.endsWith(u']'))
                    label = label.mid(1).chopped(1);
                m_builder.addTimestamp(*seconds, label);
                m_skipChildren.insert(node);
                m_skipped.insert(node);
                return;
            }
        }
        if (name == u"br") {
            m_builder.lineBreak();
            return;
        }
        m_elements.push_back(name);
        if (isStructural(name)) {
            m_structural.push_back(name);
            m_listDepth += (name == u"ul" || name == u"ol") ? 1 : 0;
        }
        if (name == u"nav")
            ++m_navDepth;
        if (name == u"main" || name == u"article")
            ++m_mainDepth;
        if (name == u"main" || name == u"article" || isChromeElement(name))
            m_doc.chromeMarked = true; // the page has landmarks: what is not chrome is body
        if (isChromeElement(name))
            ++m_chromeDepth;
        if (name == u"pre")
            ++m_preDepth;
        if (name == u"time" && !m_sawTime) {
            // The first <time datetime> dates the page when no <meta> does (DocumentDates).
            const QString when = tag.attribute(u"datetime").simplified();
            if (!when.isEmpty()) {
                m_doc.metadata.emplace_back(QStringLiteral("time"), when);
                m_sawTime = true;
            }
        }
        if (name == u"a")
            m_links.emplace_back(node, std::make_pair(m_builder.beginMark(), tag.attribute(u"href")));
        if (isBlockLevelElement(name)) {
            m_builder.closeBlock();
            updateKind();
        }
    }

    void leave(const GumboNode *node)
    {
        if (node->type != GUMBO_NODE_ELEMENT)
            return;
        if (m_skipped.remove(node)) {
            m_skipChildren.remove(node);
            return;
        }
        const QString name = tagName(node->v.element);
        if (m_elements.empty() || m_elements.back() != name || name == u"head" || name == u"meta" || name == u"br")
            return;
        m_elements.pop_back();
        if (isStructural(name) && !m_structural.empty()) {
            m_listDepth -= (m_structural.back() == u"ul" || m_structural.back() == u"ol") ? 1 : 0;
            m_structural.pop_back();
        }
        if (name == u"nav")
            --m_navDepth;
        if (isChromeElement(name))
            --m_chromeDepth;
        if (name == u"main" || name == u"article")
            --m_mainDepth;
        if (name == u"pre")
            --m_preDepth;
        if (name == u"a" && !m_links.empty() && m_links.back().first == node) {
            const auto [mark, url] = m_links.back().second;
            m_links.pop_back();
            const TextRange range = m_builder.endMark(mark);
            if (!range.isEmpty())
                m_doc.links.push_back(Link{range, url});
        }
        if (isBlockLevelElement(name)) {
            m_builder.closeBlock();
            updateKind();
        }
    }

    Document &m_doc;
    DocumentBuilder m_builder;
    std::vector<QString> m_elements;
    std::vector<QString> m_structural; // the open elements that decide a block's kind, kept short for speed
    QSet<const GumboNode *> m_skipChildren;
    QSet<const GumboNode *> m_skipped;
    std::vector<std::pair<const GumboNode *, std::pair<int, QString>>> m_links;
    int m_navDepth = 0;
    int m_chromeDepth = 0; // open chrome elements (see isChromeElement)
    int m_mainDepth = 0;   // open main and article elements
    bool m_sawTime = false;
    int m_preDepth = 0;
    int m_listDepth = 0; // ul and ol among m_structural, counted as they open and close
};

} // namespace

bool HtmlReader::read(const QString &html, Document &document, std::vector<Problem> &problems,
                      const ReadBudget &budget, const HtmlReadLimits &limits)
{
    QByteArray utf8 = html.toUtf8();
    HtmlLimiter::Result limited = HtmlLimiter::limit(utf8, limits.limiter);
    if (limited.droppedTags > 0) {
        problems.push_back({Problem::Severity::Warning, document.path,
                            QStringLiteral("HTML nests more than %1 elements deep; %2 deeper tags ignored")
                                .arg(limits.limiter.maxDepth)
                                .arg(limited.droppedTags)});
    }
    if (limited.droppedFormatting > 0) {
        problems.push_back({Problem::Severity::Warning, document.path,
                            QStringLiteral("HTML leaves more than %1 formatting tags open; %2 more ignored")
                                .arg(limits.limiter.maxFormatting)
                                .arg(limited.droppedFormatting)});
    }
    if (limited.droppedAttributes > 0) {
        problems.push_back({Problem::Severity::Warning, document.path,
                            QStringLiteral("HTML tags with more than %1 attributes; %2 attributes ignored")
                                .arg(limits.limiter.maxAttributes)
                                .arg(limited.droppedAttributes)});
    }
    if (limited.changed())
        utf8 = std::move(limited.html);
    const auto cap = std::size_t(std::max<qint64>(limits.minParserBytes, limits.parserBytesPerInputByte * utf8.size()));
    GumboArena arena(cap, budget);
    GumboOutput *output = arena.parse(utf8.constData(), size_t(utf8.size()));
    if (!output) {
        QString reason = QStringLiteral("HTML parser failed");
        if (arena.failure() == GumboArena::Failure::TooMuchMemory)
            reason = QStringLiteral("HTML parser needed more than %1 MB").arg(arena.maxLiveBytes() / (1024 * 1024));
        else if (arena.failure() == GumboArena::Failure::BudgetSpent)
            reason = budget.reason();
        problems.push_back({Problem::Severity::Error, document.path, reason + QStringLiteral(", skipped")});
        return false;
    }
    Walker walker(document);
    walker.run(output->document);
    // The arena frees the tree; gumbo_destroy_output would recurse once per level.
    return true;
}

} // namespace carto::ingest
