#pragma once

#include "graph/conceptgraph.h"

#include <QHash>
#include <QStringListModel>

namespace carto::app {

class ProjectDocument;

// Every concept label and alias as a string list for QCompleter, with the way
// back from a chosen string to its node. Rebuilt when a build lands.
class SearchModel final : public QStringListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchModel)

public:
    explicit SearchModel(ProjectDocument *document, QObject *parent = nullptr);

    // The node a completion (or typed name) stands for; -1 when unknown.
    [[nodiscard]] graph::NodeIndex nodeFor(const QString &text) const;

private:
    void rebuild();

    ProjectDocument *m_document;
    QHash<QString, graph::NodeIndex> m_nodes; // lower-cased name -> node
};

} // namespace carto::app
