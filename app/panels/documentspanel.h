#pragma once

#include "foundation/typedid.h"

#include <QStringList>
#include <QWidget>

class QTreeWidget;

namespace carto::app {

class ProjectDocument;

// Documents dock: every document of the corpus with its concept count, its
// date and what reading set aside (back matter, quotes, signatures,
// attachments), and the problems met while reading and extracting; a
// problem's row opens its file.
class DocumentsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentsPanel)

public:
    explicit DocumentsPanel(ProjectDocument *document, QWidget *parent = nullptr);

    [[nodiscard]] QTreeWidget *documentList() const { return m_documents; }
    [[nodiscard]] QTreeWidget *problemList() const { return m_problems; }
    // The document's concepts by their keyness in it, best first (labels).
    [[nodiscard]] QStringList keyConcepts(carto::DocumentId id, int count) const;

Q_SIGNALS:
    void documentActivated(carto::DocumentId document);
    // A Problems row was activated (double-click, Enter): open its file, an absolute path.
    void problemFileRequested(const QString &path);

private:
    void rebuild();

    ProjectDocument *m_document;
    QTreeWidget *m_documents;
    QTreeWidget *m_problems;
};

} // namespace carto::app
