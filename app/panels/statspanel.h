#pragma once

#include "foundation/typedid.h"
#include "graph/conceptgraph.h"
#include "stats/chartdata.h"

#include <QWidget>

class QComboBox;

namespace carto::app {

class ProjectDocument;

namespace stats {
class ChartView;
}

// Statistics dock: top concepts by score, the concepts of the selected
// document, the link-weight distribution and the selected concept's mentions
// per document. It computes each chart's data (stats::ChartBuilder) and hands
// it to the chart backend this build uses (Qt Graphs or Qt Charts).
class StatsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatsPanel)

public:
    enum class Chart { TopConcepts, DocumentConcepts, WeightDistribution, ConceptTimeline };

    explicit StatsPanel(ProjectDocument *document, QWidget *parent = nullptr);

    void showChart(Chart chart);
    [[nodiscard]] Chart currentChart() const;
    void setDocument(DocumentId document);
    // The concept of the timeline: follows the map's selection.
    [[nodiscard]] graph::NodeIndex timelineConcept() const { return m_node; }
    // What the current chart shows, as handed to the backend.
    [[nodiscard]] const stats::ChartData &chartData() const { return m_data; }
    [[nodiscard]] stats::ChartView *chartView() const { return m_view; }
    // Number of bars in the current chart, for tests.
    [[nodiscard]] int barCount() const { return int(m_data.values.size()); }

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void followSelection();

    ProjectDocument *m_document;
    QComboBox *m_choice;
    stats::ChartView *m_view;
    stats::ChartData m_data;
    DocumentId m_documentId{-1};
    graph::NodeIndex m_node = -1;
};

} // namespace carto::app
