#pragma once

#include "stats/chartview.h"

class QBarCategoryAxis;
class QBarSeries;
class QBarSet;
class QGraphsTheme;
class QLabel;
class QQuickItem;
class QQuickWidget;
class QValueAxis;

namespace carto::app::stats {

// The Qt Graphs backend (Qt >= 6.8): Qt Graphs draws 2D charts only in Qt
// Quick, so a QQuickWidget shows StatsGraph.qml, a GraphsView whose series
// and axes this class fills from C++. The title and the category axis' title
// are QLabels around it: plain text in the widget palette.
class QtGraphsView final : public ChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QtGraphsView)

public:
    explicit QtGraphsView(QWidget *parent = nullptr);

    void showChart(const ChartData &data, bool dark) override;
    [[nodiscard]] QString backendName() const override;

    // The scene's objects, for tests; null when the QML failed to load.
    [[nodiscard]] QQuickItem *graphsView() const { return m_graph; }
    [[nodiscard]] QBarSeries *series() const { return m_series; }
    [[nodiscard]] QBarSet *barSet() const { return m_set; }
    [[nodiscard]] QBarCategoryAxis *categoryAxis() const { return m_categoryAxis; }
    [[nodiscard]] QValueAxis *valueAxis() const { return m_valueAxis; }
    [[nodiscard]] QGraphsTheme *theme() const { return m_theme; }
    [[nodiscard]] QString title() const;
    // The category axis' title, shown under the chart as plain text: it may
    // name documents, and Qt Quick would read markup in it.
    [[nodiscard]] QString caption() const;

private:
    QLabel *m_title;
    QLabel *m_caption;
    QQuickWidget *m_quick;
    QQuickItem *m_graph = nullptr;
    QBarSeries *m_series = nullptr;
    QBarSet *m_set = nullptr;
    QBarCategoryAxis *m_categoryAxis = nullptr;
    QValueAxis *m_valueAxis = nullptr;
    QGraphsTheme *m_theme = nullptr;
};

} // namespace carto::app::stats
