#include "qtgraphsview.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QFontMetrics>
#include <QGraphsLine>
#include <QGraphsTheme>
#include <QLabel>
#include <QQmlError>
#include <QQuickItem>
#include <QQuickWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace carto::app::stats {

QtGraphsView::QtGraphsView(QWidget *parent)
    : ChartView(parent)
    , m_title(new QLabel(this))
    , m_caption(new QLabel(this))
    , m_quick(new QQuickWidget(this))
{
    m_caption->setObjectName(u"statsChartCaption"_s);
    m_caption->setAlignment(Qt::AlignCenter);
    m_caption->setWordWrap(true);
    m_caption->setTextFormat(Qt::PlainText);
    m_title->setObjectName(u"statsChartTitle"_s);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText); // concept and document names are untrusted
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_quick->setObjectName(u"statsChartView"_s);
    m_quick->setAccessibleName(tr("Statistics chart"));
    m_quick->setResizeMode(QQuickWidget::SizeRootObjectToView);
    m_quick->setClearColor(Qt::transparent);
    m_quick->setSource(QUrl(u"qrc:/cartograph/stats/StatsGraph.qml"_s));
    if (m_quick->status() == QQuickWidget::Error) {
        // A missing QML module (qml6-module-qtgraphs) must not take the app down:
        // say so in the panel and leave the chart empty.
        QStringList errors;
        for (const QQmlError &e : m_quick->errors())
            errors << e.toString();
        qWarning("statistics: cannot load the chart: %s", qPrintable(errors.join(u"; "_s)));
        m_title->setText(tr("The statistics chart is unavailable: %1").arg(errors.value(0)));
    }
    m_graph = m_quick->rootObject();
    if (m_graph) {
        m_series = m_graph->findChild<QBarSeries *>(u"bars"_s);
        m_set = m_graph->findChild<QBarSet *>(u"barSet"_s);
        m_categoryAxis = m_graph->findChild<QBarCategoryAxis *>(u"categoryAxis"_s);
        m_valueAxis = m_graph->findChild<QValueAxis *>(u"valueAxis"_s);
        m_theme = m_graph->findChild<QGraphsTheme *>(u"theme"_s);
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_quick, 1);
    layout->addWidget(m_caption);
}

QString QtGraphsView::backendName() const
{
    return u"Qt Graphs"_s;
}

QString QtGraphsView::title() const
{
    return m_title->text();
}

QString QtGraphsView::caption() const
{
    return m_caption->text();
}

void QtGraphsView::showChart(const ChartData &data, bool dark)
{
    if (!m_series || !m_set || !m_categoryAxis || !m_valueAxis)
        return;
    m_title->setText(data.title);
    m_quick->setAccessibleDescription(data.title);
    if (m_theme) {
        m_theme->setColorScheme(dark ? QGraphsTheme::ColorScheme::Dark : QGraphsTheme::ColorScheme::Light);
        // Qt Graphs' own themes colour labels green; use the widgets' text colour.
        const QColor text = palette().color(QPalette::WindowText);
        m_theme->setLabelTextColor(text);
        QGraphsLine axisX = m_theme->axisX();
        axisX.setLabelTextColor(text);
        m_theme->setAxisX(axisX);
        QGraphsLine axisY = m_theme->axisY();
        axisY.setLabelTextColor(text);
        m_theme->setAxisY(axisY);
    }

    const bool horizontal = data.kind == ChartData::Kind::HorizontalBars;
    // A horizontal GraphsView lists categories top-down, like ChartData, and
    // swaps its axes' places: axisX (the categories) goes on the left.
    m_graph->setProperty("orientation", horizontal ? Qt::Horizontal : Qt::Vertical);
    int longest = 0;
    const QFontMetrics metrics(font());
    for (const QString &category : data.categories)
        longest = std::max(longest, metrics.horizontalAdvance(category));
    m_graph->setProperty("marginLeft", horizontal ? std::max(4, longest - 30) : 4);
    m_series->setBarWidth(horizontal ? 0.8 : 0.95);
    m_set->clear();
    m_set->append(QList<qreal>(data.values.begin(), data.values.end()));
    m_set->setColor(data.colour);
    m_set->setBorderColor(data.colour);
    m_set->setBorderWidth(0);
    m_categoryAxis->setCategories(data.categories);
    m_categoryAxis->setTitleVisible(false);
    // Hundreds of documents: their ticks would paint the plot area solid.
    m_categoryAxis->setVisible(horizontal || data.categoryLabels);
    m_categoryAxis->setLabelsVisible(horizontal || data.categoryLabels);
    m_caption->setText(data.categoryTitle);
    m_caption->setVisible(!data.categoryTitle.isEmpty());
    m_valueAxis->setRange(0, data.axisMax());
    m_valueAxis->setTitleText(data.valueTitle);
    m_valueAxis->setTitleVisible(!data.valueTitle.isEmpty());
    // Fixed notation with as many decimals as the step needs ("g" writes 10 as 1e+01).
    m_valueAxis->setLabelFormat(u"f"_s);
    m_valueAxis->setLabelDecimals(data.axisDecimals());
    m_valueAxis->setTickAnchor(0);
    m_valueAxis->setTickInterval(data.axisStep());
}

ChartView *createChartView(QWidget *parent)
{
    return new QtGraphsView(parent);
}

} // namespace carto::app::stats
