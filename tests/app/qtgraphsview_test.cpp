// The Qt Graphs statistics backend: the series, axes and title it hands to the
// GraphsView, read back from the Qt Quick scene's objects (offscreen Qt Quick
// leaves out some decorations, so pixels would prove little).
#include "stats/qtgraphsview.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QFontMetrics>
#include <QGraphsTheme>
#include <QQuickItem>
#include <QTest>
#include <QValueAxis>

using namespace carto::app::stats;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(carto::app::stats::ChartData::Kind)

class QtGraphsViewTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scene_loadsWithEveryPart();
    void showChart_givesTheSeriesItsData_data();
    void showChart_givesTheSeriesItsData();
    void showChart_replacesThePreviousData();
    void showChart_darkPicksTheDarkScheme();
};

void QtGraphsViewTest::scene_loadsWithEveryPart()
{
    QtGraphsView view;
    QCOMPARE(view.backendName(), u"Qt Graphs"_s);
    QVERIFY(view.graphsView());
    QVERIFY(view.series());
    QVERIFY(view.barSet());
    QVERIFY(view.categoryAxis());
    QVERIFY(view.valueAxis());
    QVERIFY(view.theme());
    // The series and axes are the GraphsView's own, not stray objects.
    QCOMPARE(view.graphsView()->property("axisX").value<QObject *>(), view.categoryAxis());
    QCOMPARE(view.graphsView()->property("axisY").value<QObject *>(), view.valueAxis());
    QCOMPARE(view.series()->barSets(), QList<QBarSet *>{view.barSet()});
}

void QtGraphsViewTest::showChart_givesTheSeriesItsData_data()
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
    QTest::newRow("long names") << ChartData::Kind::HorizontalBars
                                << QStringList{u"Natural flood management schemes"_s, u"<b>bold</b>"_s}
                                << QList<double>{2, 1} << false << true;
    QTest::newRow("empty") << ChartData::Kind::HorizontalBars << QStringList{} << QList<double>{} << false << true;
}

void QtGraphsViewTest::showChart_givesTheSeriesItsData()
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

    QtGraphsView view;
    view.resize(400, 300);
    view.show();
    view.showChart(data, false);
    QVERIFY(view.barSet());
    QCOMPARE(view.title(), data.title);
    const bool horizontal = kind == ChartData::Kind::HorizontalBars;
    QCOMPARE(view.graphsView()->property("orientation").value<Qt::Orientation>(),
             horizontal ? Qt::Horizontal : Qt::Vertical);
    // A horizontal GraphsView lists categories top-down, like ChartData.
    const QStringList expectedCategories = categories;
    const QList<double> expectedValues = values;
    QList<double> shown;
    for (qsizetype i = 0; i < view.barSet()->count(); ++i)
        shown << view.barSet()->at(i);
    QCOMPARE(shown, expectedValues);
    QCOMPARE(view.barSet()->color(), data.colour);
    QCOMPARE(view.categoryAxis()->categories(), expectedCategories);
    QCOMPARE(view.caption(), data.categoryTitle); // plain text under the chart
    QVERIFY(!view.categoryAxis()->isTitleVisible());
    // Long names get room on the left of horizontal bars.
    QCOMPARE(view.graphsView()->property("marginLeft").toDouble() > 4.0,
             horizontal && QFontMetrics(view.font()).horizontalAdvance(categories.value(0)) > 34);
    QCOMPARE(view.categoryAxis()->labelsVisible(), horizontal || labelled);
    QCOMPARE(view.valueAxis()->min(), 0.0);
    QCOMPARE(view.valueAxis()->max(), data.axisMax());
    QCOMPARE(view.valueAxis()->titleText(), data.valueTitle);
    QCOMPARE(view.valueAxis()->labelFormat(), u"f"_s);
    QCOMPARE(view.valueAxis()->labelDecimals(), data.axisDecimals());
    QCOMPARE(view.categoryAxis()->isVisible(), horizontal || labelled);
    QCOMPARE(view.theme()->labelTextColor(), view.palette().color(QPalette::WindowText));
    QCOMPARE(view.valueAxis()->tickInterval(), data.axisStep());
}

void QtGraphsViewTest::showChart_replacesThePreviousData()
{
    QtGraphsView view;
    ChartData first;
    first.categories = {u"one"_s, u"two"_s, u"three"_s};
    first.values = {1, 2, 3};
    view.showChart(first, false);
    ChartData second;
    second.kind = ChartData::Kind::Columns;
    second.categories = {u"x"_s, u"y"_s};
    second.values = {4, 5};
    view.showChart(second, false);
    QCOMPARE(view.series()->barSets().size(), 1);
    QCOMPARE(view.barSet()->count(), 2);
    QCOMPARE(view.barSet()->at(0), 4.0);
    QCOMPARE(view.barSet()->at(1), 5.0);
    QCOMPARE(view.categoryAxis()->categories(), second.categories);
}

void QtGraphsViewTest::showChart_darkPicksTheDarkScheme()
{
    QtGraphsView view;
    view.showChart({}, true);
    QCOMPARE(view.theme()->colorScheme(), QGraphsTheme::ColorScheme::Dark);
    view.showChart({}, false);
    QCOMPARE(view.theme()->colorScheme(), QGraphsTheme::ColorScheme::Light);
}

QTEST_MAIN(QtGraphsViewTest)
#include "qtgraphsview_test.moc"
