#pragma once

#include "foundation/typedid.h"
#include "graph/conceptgraph.h"

#include <QUndoCommand>

#include <map>

namespace carto::app {

class ProjectDocument;

// A re-layout: every concept's position before and after (layout units), by
// concept id so a rebuild between the two keeps it valid. Pushed by
// ProjectDocument::applyNewLayout when a layout job lands; undo puts the map
// back where it was and marks the project modified like any other edit.
class LayoutCommand final : public QUndoCommand
{
public:
    LayoutCommand(ProjectDocument *document, std::map<ConceptId, graph::Point> before,
                  std::map<ConceptId, graph::Point> after, QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

private:
    ProjectDocument *m_document;
    std::map<ConceptId, graph::Point> m_before;
    std::map<ConceptId, graph::Point> m_after;
};

} // namespace carto::app
