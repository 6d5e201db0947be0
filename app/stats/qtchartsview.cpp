#include "qtchartsview.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace carto::app::stats {

QtChartsView::QtChartsView(QWidget *parent)
    : ChartView(parent)
    , m_view(new QChartView(this))
{
    m_view->setObjectName(u"statsChartView"_s);
    m_view->setRenderHint(QPainter::Antialiasing);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

QString QtChartsView::backendName() const
{
    return u"Qt Charts"_s;
}

void QtChartsView::showChart(const ChartData &data, bool dark)
{
    // The title says what the chart shows; the bars themselves are QGraphicsItems.
    m_view->setAccessibleName(tr("Statistics chart"));
    m_view->setAccessibleDescription(data.title);
    auto *chart = new QChart;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundVisible(false);
    chart->legend()->hide();
    chart->setMargins(QMargins(2, 2, 2, 2));
    // Qt Charts draws titles and axis labels as HTML; concept and document
    // names are untrusted text.
    chart->setTitle(data.title.toHtmlEscaped());
    // Without labels Qt Charts elides the axis title to dots: the title says it.
    const bool labelled = data.categoryLabels || data.kind == ChartData::Kind::HorizontalBars;
    if (!labelled && !data.categoryTitle.isEmpty())
        chart->setTitle(data.title.toHtmlEscaped() + u"<br><small>"_s + data.categoryTitle.toHtmlEscaped() + u"</small>"_s);

    auto *set = new QBarSet(QString());
    set->setColor(data.colour);
    QStringList categories;
    for (const QString &category : data.categories)
        categories << category.toHtmlEscaped();
    QList<double> values = data.values;
    const bool horizontal = data.kind == ChartData::Kind::HorizontalBars;
    if (horizontal) {
        // Qt Charts stacks horizontal bars bottom-up; ChartData lists top-down.
        std::reverse(categories.begin(), categories.end());
        std::reverse(values.begin(), values.end());
    }
    set->append(values);
    QAbstractBarSeries *series = horizontal ? static_cast<QAbstractBarSeries *>(new QHorizontalBarSeries)
                                            : static_cast<QAbstractBarSeries *>(new QBarSeries);
    if (!horizontal)
        series->setBarWidth(0.95);
    series->append(set);
    chart->addSeries(series);

    auto *categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    categoryAxis->setTitleText(labelled ? data.categoryTitle.toHtmlEscaped() : QString());
    auto *valueAxis = new QValueAxis;
    valueAxis->setRange(0, data.axisMax());
    valueAxis->setTitleText(data.valueTitle.toHtmlEscaped());
    valueAxis->setLabelFormat(data.integerValues ? u"%d"_s : u"%g"_s);
    valueAxis->setTickType(QValueAxis::TicksDynamic);
    valueAxis->setTickAnchor(0);
    valueAxis->setTickInterval(data.axisStep());
    if (horizontal) {
        chart->addAxis(categoryAxis, Qt::AlignLeft);
        chart->addAxis(valueAxis, Qt::AlignBottom);
    } else {
        // Upright labels: Qt Charts elides slanted ones to a few dots.
        categoryAxis->setLabelsAngle(categories.size() > 6 ? -90 : 0);
        categoryAxis->setLabelsVisible(data.categoryLabels);
        chart->addAxis(categoryAxis, Qt::AlignBottom);
        chart->addAxis(valueAxis, Qt::AlignLeft);
    }
    series->attachAxis(categoryAxis);
    series->attachAxis(valueAxis);

    QChart *old = m_view->chart();
    m_view->setChart(chart);
    delete old;
}

#ifndef CARTO_STATS_QTGRAPHS
ChartView *createChartView(QWidget *parent)
{
    return new QtChartsView(parent);
}
#endif

} // namespace carto::app::stats
