#pragma once

#include "foundation/span.h"
#include "graph/conceptgraph.h"

#include <QUrl>
#include <QWidget>

class QLabel;
class QTextBrowser;

namespace carto::app {

class ProjectDocument;

// Document view dock: one document's plain text with its metadata, a
// highlighted sentence centred in view with context above it (kept there while
// the dock settles its size, until the user scrolls), concept mentions as links that select
// the concept on the map, and video timestamps as [mm:ss] links (opened only on
// click, and only when the document's metadata names a videoId).
class DocumentViewPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentViewPanel)

public:
    explicit DocumentViewPanel(ProjectDocument *document, QWidget *parent = nullptr);

    void showDocument(DocumentId id, TextRange highlight = {});
    [[nodiscard]] DocumentId currentDocument() const { return m_current; }
    [[nodiscard]] TextRange highlight() const { return m_highlight; }
    [[nodiscard]] QTextBrowser *browser() const { return m_browser; }
    // Where the highlighted span is drawn, in the browser's viewport coordinates; empty when none.
    [[nodiscard]] QRect highlightRect() const;
    // The URL a timestamp link opens, for a document with a videoId; empty otherwise.
    [[nodiscard]] static QUrl videoUrl(const QString &videoId, int seconds);

Q_SIGNALS:
    void conceptActivated(int node);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onAnchor(const QUrl &url);
    // Finds the highlight's anchors in the laid-out text.
    void locateHighlight();
    void centreHighlight();

    ProjectDocument *m_document;
    QLabel *m_header;
    QTextBrowser *m_browser;
    DocumentId m_current{-1};
    TextRange m_highlight;
    int m_highlightStart = -1; // positions in the browser's QTextDocument
    int m_highlightEnd = -1;
    bool m_keepCentred = false;
    bool m_scrolling = false;
};

} // namespace carto::app
