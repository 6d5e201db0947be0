#pragma once

#include "stats/chartview.h"

class QChartView;

namespace carto::app::stats {

// The Qt Charts backend (Debian 12's Qt 6.4): a QChartView whose QChart is
// rebuilt for every chart shown.
class QtChartsView final : public ChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QtChartsView)

public:
    explicit QtChartsView(QWidget *parent = nullptr);

    void showChart(const ChartData &data, bool dark) override;
    [[nodiscard]] QString backendName() const override;

private:
    QChartView *m_view;
};

} // namespace carto::app::stats
