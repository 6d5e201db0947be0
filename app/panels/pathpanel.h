#pragma once

#include "foundation/span.h"
#include "graph/conceptgraph.h"

#include <QWidget>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QStandardItemModel;
class QTreeView;

namespace carto::app {

class ProjectDocument;

// Path finder dock: two concepts in (typed, or filled in from the map's
// selection), up to three paths between them (ConceptGraph::bestPaths: the
// cheapest through specific concepts, then its alternatives) to choose from;
// the chosen one is highlighted on the map and each hop listed in order with
// its evidence sentences. The user's [[links]] count as hops, with their note
// as evidence: a path over them is offered first when it is shorter.
class PathPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PathPanel)

public:
    PathPanel(ProjectDocument *document, QAbstractItemModel *completions, QWidget *parent = nullptr);

    // Finds the paths and shows the first; returns its number of hops (0 when none).
    int findPath(const QString &from, const QString &to);
    // Shows the index-th path found (0 = best); false when there is none.
    bool showPath(int index);
    [[nodiscard]] int pathCount() const { return int(m_paths.size()); }
    [[nodiscard]] const std::vector<std::vector<graph::PathStep>> &paths() const { return m_paths; }
    // Fills in the ends without searching (from the selection); a field the
    // user is typing in is left alone, and an empty `to` keeps the old one.
    void setEnds(const QString &from, const QString &to);
    [[nodiscard]] QString fromText() const;
    [[nodiscard]] QString toText() const;
    // One top-level row per hop of the shown path, in order; children are its evidence sentences.
    [[nodiscard]] QStandardItemModel *pathModel() const { return m_model; }
    [[nodiscard]] QComboBox *pathChoice() const { return m_choice; }

Q_SIGNALS:
    void documentRequested(carto::DocumentId document, carto::TextRange sentence);

private:
    // Fewest hops over extracted links and the user's [[links]]; a user-link hop has edge -1.
    [[nodiscard]] std::vector<graph::PathStep> pathWithUserLinks(graph::NodeIndex from, graph::NodeIndex to) const;

    ProjectDocument *m_document;
    QLineEdit *m_from;
    QLineEdit *m_to;
    QLabel *m_status;
    QComboBox *m_choice;
    std::vector<std::vector<graph::PathStep>> m_paths;
    QTreeView *m_view;
    QStandardItemModel *m_model;
};

} // namespace carto::app
