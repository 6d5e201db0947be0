#pragma once

#include "foundation/typedid.h"

#include <QUndoCommand>

namespace carto::app {

class ProjectDocument;

// Hides a concept from the map (or shows it again) by adding its name to the
// project curation's ignore list, so the choice survives rebuilds and is saved.
// Pushed by the filter panel and the map's context actions.
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
};

} // namespace carto::app
