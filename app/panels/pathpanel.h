#pragma once

#include "foundation/span.h"

#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QStandardItemModel;
class QTreeView;

namespace carto::app {

class ProjectDocument;

// Path finder dock: two concepts in, the shortest path between them
// highlighted on the map and each hop listed in order with its evidence sentences.
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
    ProjectDocument *m_document;
    QLineEdit *m_from;
    QLineEdit *m_to;
    QLabel *m_status;
    QTreeView *m_view;
    QStandardItemModel *m_model;
};

} // namespace carto::app
