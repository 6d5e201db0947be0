#include "htmlreader.h"

#include "documentbuilder.h"
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

// All text below a node, for <title> and time anchors.
QString textContent(const GumboNode *node)
{
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA)
        return QString::fromUtf8(node->v.text.text);
    QString out;
    if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
        const GumboVector &children = node->v.element.children;
        for (unsigned i = 0; i < children.length; ++i)
            out += textContent(static_cast<const GumboNode *>(children.data[i]));
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
    void updateKind()
    {
        int listDepth = 0;
        for (const QString &name : m_structural)
            listDepth += (name == u"ul" || name == u"ol") ? 1 : 0;
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
                if (label.startsWith(u'['))
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
        if (isStructural(name))
            m_structural.push_back(name);
        if (name == u"nav")
            ++m_navDepth;
        if (name == u"pre")
            ++m_preDepth;
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
        if (isStructural(name) && !m_structural.empty())
            m_structural.pop_back();
        if (name == u"nav")
            --m_navDepth;
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
    int m_preDepth = 0;
};

} // namespace

void HtmlReader::read(const QString &html, Document &document, std::vector<Problem> &problems)
{
    const QByteArray utf8 = html.toUtf8();
    GumboOutput *output = gumbo_parse_with_options(&kGumboDefaultOptions, utf8.constData(), size_t(utf8.size()));
    if (!output) {
        problems.push_back({Problem::Severity::Error, document.path, QStringLiteral("HTML parser failed")});
        return;
    }
    Walker walker(document);
    walker.run(output->document);
    gumbo_destroy_output(&kGumboDefaultOptions, output);
}

} // namespace carto::ingest
