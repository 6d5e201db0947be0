#pragma once

#include "document/projectdocument.h"
#include "foundation/typedid.h"

#include <QUndoCommand>

#include <optional>

namespace carto::app {

class ProjectDocument;

// Hides a concept from the map (or shows it again) by adding its name to the
// project curation's ignore list, so the choice survives rebuilds and is saved.
// Pushed by the filter panel and the map's context actions. Undo gives back
// the filters, focus and selection as they were before the edit.
class HideConceptCommand final : public QUndoCommand
{
public:
    HideConceptCommand(ProjectDocument *document, const ConceptId &conceptId, bool hide, QUndoCommand *parent = nullptr);
    // By name: how a concept no longer on the map (ignored, so not extracted) is shown again.
    HideConceptCommand(ProjectDocument *document, const QString &name, bool hide, QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

private:
    void init(const QString &name);

    ProjectDocument *m_document;
    bool m_hide;
    QString m_name;
    QStringList m_before;
    QStringList m_after;
    ProjectDocument::ViewSnapshot m_viewBefore;
    std::optional<ProjectDocument::ViewSnapshot> m_viewAfter;
};

} // namespace carto::app
