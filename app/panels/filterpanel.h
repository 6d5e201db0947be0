#pragma once

#include "project/project.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QSlider;

namespace carto::app {

class ProjectDocument;

// Filters dock: top-N slider, minimum link weight, concept types,
// communities, documents, and hidden concepts (always in view below the
// tabs, with Show again). Every change applies live through
// ProjectDocument::setFilter; the widgets follow the document's filter when
// something else sets it (an undo, the legend, a search). Hiding a concept is
// an undoable command.
class FilterPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterPanel)

public:
    explicit FilterPanel(ProjectDocument *document, QWidget *parent = nullptr);

    [[nodiscard]] QSlider *topNSlider() const { return m_topN; }
    [[nodiscard]] QSlider *minWeightSlider() const { return m_minWeight; }
    [[nodiscard]] QListWidget *typeList() const { return m_types; }
    [[nodiscard]] QListWidget *communityList() const { return m_communities; }
    [[nodiscard]] QListWidget *documentList() const { return m_documents; }
    [[nodiscard]] QListWidget *hiddenList() const { return m_hidden; }
    [[nodiscard]] QPushButton *showAgainButton() const { return m_showAgain; }
    // Hides the selected concepts (undoable, through the curation).
    void hideSelected();
    // Writes the filter part of a project's view state (top N, weight, types,
    // communities, documents) and restores it after a build.
    void storeViewState(project::ViewState &view) const;
    void restoreViewState(const project::ViewState &view);

private:
    void rebuild();
    void apply();
    void updateLabels();
    [[nodiscard]] double sliderMinWeight() const;
    void refreshHidden();
    // Sets the widgets to the document's filter without applying them back.
    void syncFromDocument();

    ProjectDocument *m_document;
    QSlider *m_topN;
    QLabel *m_topNLabel;
    QSlider *m_minWeight;
    QLabel *m_minWeightLabel;
    QListWidget *m_types;
    QListWidget *m_communities;
    QListWidget *m_documents;
    QListWidget *m_hidden;
    QLabel *m_hiddenTitle;
    QPushButton *m_showAgain;
    bool m_rebuilding = false;
    bool m_applying = false;
    // The weight slider's position when last set from the document, and the
    // exact weight it stood for: an untouched slider keeps that weight.
    int m_syncedWeightSlider = -1;
    double m_syncedMinWeight = 0.0;
};

} // namespace carto::app
