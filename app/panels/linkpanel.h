#pragma once

#include "foundation/span.h"
#include "graph/conceptgraph.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTextBrowser;
class QStandardItem;
class QStandardItemModel;
class QTreeView;

namespace carto::app {

class NoteEditor;
class ProjectDocument;

// Link view dock: the selected link's concepts, weight, label, and its
// evidence sentences with both concepts highlighted.
class LinkPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinkPanel)

public:
    explicit LinkPanel(ProjectDocument *document, QWidget *parent = nullptr);

    void showEdge(graph::EdgeIndex edge);
    [[nodiscard]] graph::EdgeIndex currentEdge() const { return m_edge; }
    // One row per evidence sentence.
    [[nodiscard]] QStandardItemModel *evidenceModel() const { return m_model; }
    // The link's Markdown note (undoable edits) and its preview.
    [[nodiscard]] QPlainTextEdit *noteEditor() const;
    [[nodiscard]] QTextBrowser *notePreview() const;

Q_SIGNALS:
    void documentRequested(carto::DocumentId document, carto::TextRange sentence);
    // A [[link]] in the note's preview was clicked: its concept is selected; show it.
    void conceptRequested(int node);

private:
    void refreshNote();

    ProjectDocument *m_document;
    QLabel *m_header;
    QTreeView *m_view;
    QStandardItemModel *m_model;
    NoteEditor *m_note;
    graph::EdgeIndex m_edge = -1;
};

// Builds one evidence row (sentence HTML with both ends' mentions highlighted);
// shared with the path finder.
[[nodiscard]] QStandardItem *makeEvidenceItem(const ProjectDocument &document, const graph::EdgeData &edge,
                                              const extract::Evidence &evidence);

} // namespace carto::app
