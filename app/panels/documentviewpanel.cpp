#include "documentviewpanel.h"

#include "document/projectdocument.h"
#include "models/inerttextdocument.h"
#include "models/snippets.h"

#include <QDesktopServices>
#include <QEvent>
#include <QLabel>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTimer>
#include <QUrlQuery>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace carto::app {

DocumentViewPanel::DocumentViewPanel(ProjectDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_header(new QLabel(this))
    , m_browser(new QTextBrowser(this))
{
    setObjectName(u"documentViewPanel"_s);
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText); // built from escaped document strings
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_browser->setAccessibleName(tr("Document text"));
    m_browser->setAccessibleDescription(tr("The document's text with the concepts' mentions marked as links"));
    m_header->setAccessibleName(tr("Document details"));
    m_browser->setOpenLinks(false);
    m_browser->setOpenExternalLinks(false);
    m_browser->setDocument(new InertTextDocument(m_browser)); // it shows document text: nothing to load
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_header);
    layout->addWidget(m_browser, 1);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &DocumentViewPanel::onAnchor);
    // Until the user scrolls, the highlight stays centred while the dock and the
    // text settle (the first click shows a dock that has not its size yet).
    m_browser->viewport()->installEventFilter(this);
    QScrollBar *bar = m_browser->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, [this] {
        if (!m_scrolling)
            m_keepCentred = false;
    });
    connect(bar, &QScrollBar::rangeChanged, this, [this] {
        if (m_keepCentred)
            centreHighlight();
    });
    connect(document, &ProjectDocument::buildChanged, this, [this] {
        m_current = DocumentId(-1);
        m_highlightStart = m_highlightEnd = -1;
        m_keepCentred = false;
        m_browser->clear();
        m_header->setText(tr("<i>Click a sentence in the concept or link view to read it in context.</i>"));
    });
    m_header->setText(tr("<i>Click a sentence in the concept or link view to read it in context.</i>"));
}

QUrl DocumentViewPanel::videoUrl(const QString &videoId, int seconds)
{
    if (videoId.isEmpty())
        return {};
    QUrl url(u"https://www.youtube.com/watch"_s);
    QUrlQuery query;
    query.addQueryItem(u"v"_s, videoId);
    query.addQueryItem(u"t"_s, u"%1s"_s.arg(seconds));
    url.setQuery(query);
    return url;
}

void DocumentViewPanel::showDocument(DocumentId id, TextRange highlight)
{
    const auto &docs = m_document->corpus().documents;
    if (id.value() < 0 || id.value() >= int(docs.size()))
        return;
    m_current = id;
    m_highlight = highlight;
    const ingest::Document &doc = docs[size_t(id.value())];
    const QString videoId = doc.metadataValue(u"videoId"_s);

    QString header = u"<b>%1</b><br><span style='color:gray'>%2</span>"_s.arg(doc.title.toHtmlEscaped(),
                                                                            doc.path.toHtmlEscaped());
    QStringList meta;
    for (const auto &[key, value] : doc.metadata)
        if (meta.size() < 12)
            meta.append(u"<b>%1</b>: %2"_s.arg(key.toHtmlEscaped(), value.left(200).toHtmlEscaped()));
    if (!meta.isEmpty())
        header += u"<br>"_s + meta.join(u" · ");
    m_header->setText(header);

    // Insertions keyed by text offset; at equal offsets closers come before openers.
    struct Insert
    {
        qsizetype pos;
        int order;
        QString html;
    };
    std::vector<Insert> inserts;
    qsizetype lastEnd = -1;
    for (const DocumentMention &m : m_document->mentionsInDocument(id)) {
        if (m.range.start < lastEnd || !m_document->isNodeVisible(m.node))
            continue; // overlapping or filtered-out mentions stay plain text
        if (!highlight.isEmpty() && m.range.start < highlight.end && m.range.end > highlight.end)
            continue; // would break the highlight's nesting
        inserts.push_back({m.range.start, 2, u"<a href=\"concept:%1\" style=\"text-decoration:none\">"_s.arg(m.node)});
        inserts.push_back({m.range.end, 0, u"</a>"_s});
        lastEnd = m.range.end;
    }
    if (!highlight.isEmpty()) {
        inserts.push_back({highlight.start, 1, u"<a name=\"hl\"></a><span style=\"background-color:#ffe28a;color:#000000\">"_s});
        inserts.push_back({highlight.end, 0, u"</span><a name=\"hlend\"></a>"_s});
    }
    for (const ingest::Timestamp &ts : doc.timestamps) {
        const QString label = snippets::timestamp(ts.seconds);
        const QString html = videoId.isEmpty()
            ? u" <span style=\"color:gray\">%1</span>"_s.arg(label)
            : u" <a href=\"ts:%1\">%2</a>"_s.arg(ts.seconds).arg(label);
        inserts.push_back({ts.passage.end, 0, html});
    }
    std::stable_sort(inserts.begin(), inserts.end(), [](const Insert &a, const Insert &b) {
        return a.pos < b.pos || (a.pos == b.pos && a.order < b.order);
    });

    QString html;
    html.reserve(doc.text.size() * 2);
    html += u"<div style=\"line-height:140%\">"_s;
    auto appendText = [&html](QStringView text) {
        QString escaped = text.toString().toHtmlEscaped();
        escaped.replace(u'\n', u"<br>"_s);
        html += escaped;
    };
    qsizetype pos = 0;
    for (const Insert &insert : inserts) {
        const qsizetype at = std::clamp<qsizetype>(insert.pos, pos, doc.text.size());
        appendText(QStringView(doc.text).mid(pos, at - pos));
        html += insert.html;
        pos = at;
    }
    appendText(QStringView(doc.text).mid(pos));
    html += u"</div>"_s;
    m_scrolling = true;
    m_browser->setHtml(html);
    m_scrolling = false;
    locateHighlight();
    m_keepCentred = m_highlightStart >= 0;
    if (m_keepCentred) {
        centreHighlight();
        QTimer::singleShot(0, this, [this] {
            if (m_keepCentred)
                centreHighlight();
        });
    }
}

void DocumentViewPanel::locateHighlight()
{
    m_highlightStart = m_highlightEnd = -1;
    if (m_highlight.isEmpty())
        return;
    const QTextDocument *text = m_browser->document();
    for (QTextBlock block = text->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QStringList names = fragment.charFormat().anchorNames();
            if (names.contains(u"hl"_s) && m_highlightStart < 0)
                m_highlightStart = fragment.position();
            if (names.contains(u"hlend"_s))
                m_highlightEnd = fragment.position();
        }
    }
    if (m_highlightStart >= 0 && m_highlightEnd < m_highlightStart)
        m_highlightEnd = text->characterCount() - 1; // the highlight runs to the end
}

QRect DocumentViewPanel::highlightRect() const
{
    if (m_highlightStart < 0)
        return {};
    QTextCursor cursor(m_browser->document());
    cursor.setPosition(m_highlightStart);
    const QRect first = m_browser->cursorRect(cursor);
    cursor.setPosition(m_highlightEnd);
    const QRect last = m_browser->cursorRect(cursor);
    return first.united(last);
}

void DocumentViewPanel::centreHighlight()
{
    const QRect span = highlightRect();
    if (span.isNull())
        return;
    QScrollBar *bar = m_browser->verticalScrollBar();
    const int viewHeight = m_browser->viewport()->height();
    const int line = m_browser->fontMetrics().lineSpacing();
    const int top = span.top() + bar->value();
    const int bottom = span.bottom() + bar->value();
    // Centred with room around it; a span taller than the view starts a line below its top.
    const int wanted = bottom - top + 2 * line <= viewHeight ? (top + bottom) / 2 - viewHeight / 2 : top - line;
    m_scrolling = true;
    bar->setValue(std::clamp(wanted, bar->minimum(), bar->maximum()));
    m_scrolling = false;
}

bool DocumentViewPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_browser->viewport() && event->type() == QEvent::Resize && m_keepCentred)
        centreHighlight();
    return QWidget::eventFilter(watched, event);
}

void DocumentViewPanel::onAnchor(const QUrl &url)
{
    const QString s = url.toString();
    if (s.startsWith(u"concept:")) {
        const int node = s.mid(8).toInt();
        m_document->selectNodes({node});
        Q_EMIT conceptActivated(node);
    } else if (s.startsWith(u"ts:")) {
        const auto &docs = m_document->corpus().documents;
        if (m_current.value() < 0 || m_current.value() >= int(docs.size()))
            return;
        const QUrl video = videoUrl(docs[size_t(m_current.value())].metadataValue(u"videoId"_s), s.mid(3).toInt());
        if (video.isValid())
            QDesktopServices::openUrl(video);
    } else if (url.scheme() == u"http" || url.scheme() == u"https") {
        QDesktopServices::openUrl(url);
    }
}

} // namespace carto::app
