// The Qt Charts statistics backend: the series, axes and title it builds from
// a ChartData, read back from the QChart (not from pixels).
#include "stats/qtchartsview.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QTest>
#include <QValueAxis>

#include <algorithm>

using namespace carto::app::stats;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(carto::app::stats::ChartData::Kind)

class QtChartsViewTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showChart_givesTheSeriesItsData_data();
    void showChart_givesTheSeriesItsData();
    void showChart_replacesThePreviousChart();
    void showChart_darkPicksTheDarkTheme();
};

namespace {

QChart *chartOf(const QtChartsView &view)
{
    const auto *chartView = view.findChild<QChartView *>();
    return chartView ? chartView->chart() : nullptr;
}

template <typename Axis>
Axis *axisOf(QChart *chart, Qt::Orientation orientation)
{
    const QList<QAbstractAxis *> axes = chart->axes(orientation);
    return axes.size() == 1 ? qobject_cast<Axis *>(axes.first()) : nullptr;
}

} // namespace

void QtChartsViewTest::showChart_givesTheSeriesItsData_data()
{
    QTest::addColumn<ChartData::Kind>("kind");
    QTest::addColumn<QStringList>("categories");
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<bool>("integer");
    QTest::addColumn<bool>("labelled");
    QTest::newRow("horizontal bars") << ChartData::Kind::HorizontalBars << QStringList{u"beaver"_s, u"dam"_s, u"river"_s}
                                     << QList<double>{0.9, 0.5, 0.25} << false << true;
    QTest::newRow("columns, counts") << ChartData::Kind::Columns << QStringList{u"1790"_s, u"1791"_s}
                                     << QList<double>{7, 0} << true << true;
    QTest::newRow("columns, unlabelled") << ChartData::Kind::Columns << QStringList{u"a"_s, u"b"_s, u"c"_s}
                                         << QList<double>{1, 2, 3} << true << false;
    QTest::newRow("markup shown as text") << ChartData::Kind::HorizontalBars
                                          << QStringList{u"<img src='x.png'>"_s, u"R&D"_s} << QList<double>{2, 1}
                                          << false << true;
    QTest::newRow("empty") << ChartData::Kind::HorizontalBars << QStringList{} << QList<double>{} << false << true;
}

void QtChartsViewTest::showChart_givesTheSeriesItsData()
{
    QFETCH(ChartData::Kind, kind);
    QFETCH(QStringList, categories);
    QFETCH(QList<double>, values);
    QFETCH(bool, integer);
    QFETCH(bool, labelled);
    ChartData data;
    data.kind = kind;
    data.title = u"A title"_s;
    data.categories = categories;
    data.values = values;
    data.valueTitle = u"mentions"_s;
    data.categoryTitle = u"documents"_s;
    data.integerValues = integer;
    data.categoryLabels = labelled;
    data.colour = QColor(10, 120, 200);

    QtChartsView view;
    QCOMPARE(view.backendName(), u"Qt Charts"_s);
    view.showChart(data, false);
    QChart *chart = chartOf(view);
    QVERIFY(chart);
    QCOMPARE(chart->series().size(), 1);
    const bool horizontal = kind == ChartData::Kind::HorizontalBars;
    auto *series = qobject_cast<QAbstractBarSeries *>(chart->series().first());
    QVERIFY(series);
    QCOMPARE(series->type(), horizontal ? QAbstractSeries::SeriesTypeHorizontalBar : QAbstractSeries::SeriesTypeBar);
    QCOMPARE(series->barSets().size(), 1);
    QBarSet *set = series->barSets().first();
    QCOMPARE(set->color(), data.colour);

    // Qt Charts draws horizontal bars bottom-up: the first row must be last.
    QList<double> shown;
    for (int i = 0; i < set->count(); ++i)
        shown << set->at(i);
    // Qt Charts renders labels as HTML: untrusted names arrive escaped.
    QStringList expectedCategories;
    for (const QString &category : categories)
        expectedCategories << category.toHtmlEscaped();
    QList<double> expectedValues = values;
    if (horizontal) {
        std::reverse(expectedCategories.begin(), expectedCategories.end());
        std::reverse(expectedValues.begin(), expectedValues.end());
    }
    QCOMPARE(shown, expectedValues);

    const Qt::Orientation categoryOrientation = horizontal ? Qt::Vertical : Qt::Horizontal;
    const Qt::Orientation valueOrientation = horizontal ? Qt::Horizontal : Qt::Vertical;
    auto *categoryAxis = axisOf<QBarCategoryAxis>(chart, categoryOrientation);
    auto *valueAxis = axisOf<QValueAxis>(chart, valueOrientation);
    QVERIFY(categoryAxis);
    QVERIFY(valueAxis);
    QCOMPARE(categoryAxis->categories(), expectedCategories);
    if (horizontal || labelled) {
        QCOMPARE(categoryAxis->titleText(), data.categoryTitle);
        QCOMPARE(chart->title(), data.title);
    } else {
        QVERIFY(categoryAxis->titleText().isEmpty());
        QVERIFY(chart->title().startsWith(data.title));
        QVERIFY(chart->title().contains(data.categoryTitle));
    }
    QCOMPARE(categoryAxis->labelsVisible(), horizontal || labelled);
    QCOMPARE(valueAxis->titleText(), data.valueTitle);
    QCOMPARE(valueAxis->min(), 0.0);
    QCOMPARE(valueAxis->max(), data.axisMax());
    QCOMPARE(valueAxis->labelFormat(), integer ? u"%d"_s : u"%g"_s);
    QCOMPARE(valueAxis->tickType(), QValueAxis::TicksDynamic);
    QCOMPARE(valueAxis->tickInterval(), data.axisStep());
    QVERIFY(series->attachedAxes().contains(categoryAxis));
    QVERIFY(series->attachedAxes().contains(valueAxis));
}

void QtChartsViewTest::showChart_replacesThePreviousChart()
{
    QtChartsView view;
    ChartData first;
    first.categories = {u"one"_s};
    first.values = {1};
    view.showChart(first, false);
    ChartData second;
    second.kind = ChartData::Kind::Columns;
    second.categories = {u"x"_s, u"y"_s};
    second.values = {4, 5};
    view.showChart(second, false);
    QChart *chart = chartOf(view);
    QVERIFY(chart);
    QCOMPARE(chart->series().size(), 1);
    const auto *series = qobject_cast<QAbstractBarSeries *>(chart->series().first());
    QCOMPARE(series->barSets().first()->count(), 2);
    QCOMPARE(series->barSets().first()->at(1), 5.0);
}

void QtChartsViewTest::showChart_darkPicksTheDarkTheme()
{
    QtChartsView view;
    view.showChart({}, true);
    QCOMPARE(chartOf(view)->theme(), QChart::ChartThemeDark);
    view.showChart({}, false);
    QCOMPARE(chartOf(view)->theme(), QChart::ChartThemeLight);
}

QTEST_MAIN(QtChartsViewTest)
#include "qtchartsview_test.moc"
