#pragma once

#include "foundation/span.h"
#include "graph/conceptgraph.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QStandardItemModel;
class QTextBrowser;
class QTreeView;

namespace carto::app {

class NoteEditor;
class ProjectDocument;

// Concept view dock: the selected concept's name, type, aliases, metrics,
// documents, the user's Markdown note with a preview, and every mention grouped
// by document as its sentence with the surface form highlighted. Activating a
// mention asks for the document view.
class ConceptPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConceptPanel)

public:
    explicit ConceptPanel(ProjectDocument *document, QWidget *parent = nullptr);

    void showConcept(graph::NodeIndex node);
    [[nodiscard]] graph::NodeIndex currentConcept() const { return m_node; }
    // Top level: one row per document; children: one row per mentioning sentence.
    [[nodiscard]] QStandardItemModel *mentionModel() const { return m_model; }
    [[nodiscard]] QString headerText() const;
    // Asks for the document view at a mention row (what a click on the row does).
    void openMention(const QModelIndex &index);
    // The Markdown note of the shown concept: typing edits it (undoable, one
    // step per burst of typing); the preview renders it.
    [[nodiscard]] QPlainTextEdit *noteEditor() const;
    [[nodiscard]] QTextBrowser *notePreview() const;
    void focusNote();

Q_SIGNALS:
    void documentRequested(carto::DocumentId document, carto::TextRange sentence);
    // A [[link]] in the note's preview was clicked: its concept is selected; show it.
    void conceptRequested(int node);

private:
    void onSelectionChanged();
    void onNoteEdited(const QString &text);
    void refreshNote();

    ProjectDocument *m_document;
    QLabel *m_header;
    QTreeView *m_view;
    QStandardItemModel *m_model;
    NoteEditor *m_note;
    graph::NodeIndex m_node = -1;
};

} // namespace carto::app
