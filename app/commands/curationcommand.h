#pragma once

#include "document/projectdocument.h"
#include "extract/curation.h"
#include "graph/conceptgraph.h"

#include <QUndoCommand>

#include <optional>

namespace carto::app {

class ProjectDocument;

// One edit of the project's curation (rename, merge, split, type, add, hide),
// kept as the curation before and after so undo is exact. Redo and undo set the
// curation on the document, which hides ignored concepts at once and asks for a
// rebuild; the rebuilt map reflects the edit. Undo also gives back the filters,
// focus and selection as they were ("all" concepts stays "all"), and redo
// those seen after the edit. Built through the named factories,
// which also word the Edit menu ("Undo Merge ‘Chinese AI’ into ‘China’").
class CurationCommand final : public QUndoCommand
{
public:
    CurationCommand(ProjectDocument *document, const QString &text, extract::Curation before,
                    extract::Curation after, QUndoCommand *parent = nullptr);

    // nullptr when the edit would change nothing (empty name, same name, unknown concept).
    [[nodiscard]] static CurationCommand *rename(ProjectDocument *document, graph::NodeIndex node,
                                                 const QString &newName);
    [[nodiscard]] static CurationCommand *merge(ProjectDocument *document, graph::NodeIndex from,
                                                graph::NodeIndex into);
    [[nodiscard]] static CurationCommand *split(ProjectDocument *document, graph::NodeIndex node,
                                                const QString &alias);
    [[nodiscard]] static CurationCommand *setType(ProjectDocument *document, graph::NodeIndex node,
                                                  extract::ConceptType type);
    [[nodiscard]] static CurationCommand *addConcept(ProjectDocument *document, const QString &name,
                                                     const QStringList &aliases,
                                                     std::optional<extract::ConceptType> type = std::nullopt);
    [[nodiscard]] static CurationCommand *hide(ProjectDocument *document, const QString &name, bool hide);

    void undo() override;
    void redo() override;

private:
    ProjectDocument *m_document;
    extract::Curation m_before;
    extract::Curation m_after;
    ProjectDocument::ViewSnapshot m_viewBefore;
    std::optional<ProjectDocument::ViewSnapshot> m_viewAfter;
};

} // namespace carto::app
