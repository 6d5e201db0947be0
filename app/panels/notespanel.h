#pragma once

#include "graph/conceptgraph.h"

#include <QWidget>

class QLineEdit;
class QPushButton;
class QStandardItemModel;
class QSortFilterProxyModel;
class QTreeView;

namespace carto::app {

class ProjectDocument;

// Notes dock: every concept and link note in one searchable list. Clicking a
// concept note selects its concept. Orphaned notes (their concept is no longer
// on the map) are listed under their own heading with their old label, and
// can be re-attached to another concept or deleted, both undoable. A note is
// never dropped without the user asking.
class NotesPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotesPanel)

public:
    enum Role { KindRole = Qt::UserRole + 40, NoteIndexRole, ConceptRole, SearchTextRole };
    enum Kind { ConceptNoteKind = 1, OrphanNoteKind, LinkNoteKind };

    explicit NotesPanel(ProjectDocument *document, QWidget *parent = nullptr);

    // One row per note: text "label — first line", KindRole, NoteIndexRole (into
    // Project::conceptNotes or linkNotes), ConceptRole (concept id, concept notes),
    // SearchTextRole (label and whole note, what the search box filters on).
    [[nodiscard]] QStandardItemModel *model() const { return m_model; }
    [[nodiscard]] QSortFilterProxyModel *filteredModel() const { return m_proxy; }
    [[nodiscard]] QLineEdit *searchBox() const { return m_search; }
    // Activates a row of model(): selects the note's concept.
    void activate(int row);
    // Undoable. Re-attach needs a concept name known to the map.
    bool reattachOrphan(size_t noteIndex, const QString &conceptName);
    bool deleteNote(size_t noteIndex);

Q_SIGNALS:
    void conceptActivated(carto::graph::NodeIndex node);

private:
    void refresh();
    [[nodiscard]] int currentRow() const;

    ProjectDocument *m_document;
    QLineEdit *m_search;
    QTreeView *m_view;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QPushButton *m_reattach;
    QPushButton *m_delete;
};

} // namespace carto::app
