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
// highlighted sentence scrolled into view, concept mentions as links that select
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
    // The URL a timestamp link opens, for a document with a videoId; empty otherwise.
    [[nodiscard]] static QUrl videoUrl(const QString &videoId, int seconds);

Q_SIGNALS:
    void conceptActivated(int node);

private:
    void onAnchor(const QUrl &url);

    ProjectDocument *m_document;
    QLabel *m_header;
    QTextBrowser *m_browser;
    DocumentId m_current{-1};
    TextRange m_highlight;
};

} // namespace carto::app
