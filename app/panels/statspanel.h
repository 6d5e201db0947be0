#pragma once

#include "foundation/typedid.h"

#include <QWidget>

class QChart;
class QChartView;
class QComboBox;

namespace carto::app {

class ProjectDocument;

// Statistics dock, the one place that knows Qt Charts: top concepts by score,
// the concepts of the selected document, and the link-weight distribution.
class StatsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatsPanel)

public:
    enum class Chart { TopConcepts, DocumentConcepts, WeightDistribution };

    explicit StatsPanel(ProjectDocument *document, QWidget *parent = nullptr);

    void showChart(Chart chart);
    void setDocument(DocumentId document);
    // Number of bars in the current chart, for tests.
    [[nodiscard]] int barCount() const { return m_bars; }

private:
    void refresh();

    ProjectDocument *m_document;
    QComboBox *m_choice;
    QChartView *m_view;
    DocumentId m_documentId{-1};
    int m_bars = 0;
};

} // namespace carto::app
