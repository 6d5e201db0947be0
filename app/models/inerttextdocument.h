#pragma once

#include <QTextDocument>
#include <QUrl>

namespace carto::app {

// A QTextDocument that loads no resources: no images, no style sheets, from
// disk or the network. QTextDocument and QTextBrowser otherwise read any local
// path an <img> or a Markdown image names (a note or a document can name
// /dev/zero or a FIFO and freeze the window). Used for every document that
// renders text we did not write: the note preview, the document view and the
// rich-text item delegate. Refused requests are counted, for tests.
class InertTextDocument final : public QTextDocument
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InertTextDocument)

public:
    explicit InertTextDocument(QObject *parent = nullptr);

    [[nodiscard]] const QList<QUrl> &refusedResources() const { return m_refused; }

protected:
    QVariant loadResource(int type, const QUrl &name) override;

private:
    QList<QUrl> m_refused;
};

} // namespace carto::app
