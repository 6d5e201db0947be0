#pragma once

#include "foundation/span.h"
#include "graph/conceptgraph.h"

#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QStandardItemModel;
class QTreeView;

namespace carto::app {

class ProjectDocument;

// Path finder dock: two concepts in, the shortest path between them
// highlighted on the map and each hop listed in order with its evidence
// sentences. The user's [[links]] count as hops, with their note as evidence.
class PathPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PathPanel)

public:
    PathPanel(ProjectDocument *document, QAbstractItemModel *completions, QWidget *parent = nullptr);

    // Finds and shows the path; returns the number of hops (0 when none).
    int findPath(const QString &from, const QString &to);
    // One top-level row per hop, in order; children are its evidence sentences.
    [[nodiscard]] QStandardItemModel *pathModel() const { return m_model; }

Q_SIGNALS:
    void documentRequested(carto::DocumentId document, carto::TextRange sentence);

private:
    // Fewest hops over extracted links and the user's [[links]]; a user-link hop has edge -1.
    [[nodiscard]] std::vector<graph::PathStep> pathWithUserLinks(graph::NodeIndex from, graph::NodeIndex to) const;

    ProjectDocument *m_document;
    QLineEdit *m_from;
    QLineEdit *m_to;
    QLabel *m_status;
    QTreeView *m_view;
    QStandardItemModel *m_model;
};

} // namespace carto::app
