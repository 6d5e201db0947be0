#pragma once

#include "stats/chartdata.h"

#include <QWidget>

namespace carto::app::stats {

// The drawing half of the statistics panel: shows one ChartData. Two backends
// implement it, chosen when configuring (CARTOGRAPH_STATS_BACKEND): Qt Graphs
// (Qt >= 6.8, a GraphsView in Qt Quick) and Qt Charts (Qt 6.4 - 6.9; deprecated
// from 6.10). The panel talks only to this interface.
class ChartView : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartView)

public:
    // Replaces what is shown; `dark` picks the backend's dark theme.
    virtual void showChart(const ChartData &data, bool dark) = 0;
    // "Qt Graphs" or "Qt Charts", for the About box and tests.
    [[nodiscard]] virtual QString backendName() const = 0;

protected:
    explicit ChartView(QWidget *parent)
        : QWidget(parent)
    {
    }
};

// The backend this build was configured with.
[[nodiscard]] ChartView *createChartView(QWidget *parent);

} // namespace carto::app::stats
