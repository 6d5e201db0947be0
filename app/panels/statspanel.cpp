#include "statspanel.h"

#include "canvas/colours.h"
#include "document/projectdocument.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHorizontalBarSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace carto::app {

namespace {
constexpr int kTopBars = 15;
constexpr int kHistogramBins = 20;
} // namespace

StatsPanel::StatsPanel(ProjectDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_choice(new QComboBox(this))
    , m_view(new QChartView(this))
{
    setObjectName(u"statsPanel"_s);
    m_choice->addItem(tr("Top concepts by score"));
    m_choice->addItem(tr("Concepts of the selected document"));
    m_choice->addItem(tr("Link weight distribution"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(220);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_choice);
    layout->addWidget(m_view, 1);
    connect(m_choice, &QComboBox::currentIndexChanged, this, &StatsPanel::refresh);
    connect(document, &ProjectDocument::buildChanged, this, [this] {
        m_documentId = DocumentId(-1);
        refresh();
    });
    refresh();
}

void StatsPanel::showChart(Chart chart)
{
    m_choice->setCurrentIndex(int(chart));
    refresh();
}

void StatsPanel::setDocument(DocumentId document)
{
    m_documentId = document;
    if (Chart(m_choice->currentIndex()) == Chart::DocumentConcepts)
        refresh();
}

void StatsPanel::refresh()
{
    auto *chart = new QChart;
    chart->setTheme(colours::isDark(palette()) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundVisible(false);
    chart->legend()->hide();
    chart->setMargins(QMargins(2, 2, 2, 2));
    m_bars = 0;
    const graph::ConceptGraph &g = m_document->graph();
    QStringList categories;
    auto *set = new QBarSet(QString());
    set->setColor(colours::community(0));
    const Chart which = Chart(m_choice->currentIndex());
    if (which == Chart::TopConcepts || which == Chart::DocumentConcepts) {
        std::vector<std::pair<double, QString>> rows;
        if (which == Chart::TopConcepts) {
            chart->setTitle(tr("Top concepts by score"));
            for (const int v : m_document->nodesByScore()) {
                if (int(rows.size()) >= kTopBars)
                    break;
                rows.emplace_back(g.node(v).info.score, g.node(v).info.label);
            }
        } else {
            const auto &docs = m_document->corpus().documents;
            const int d = m_documentId.value();
            chart->setTitle(d >= 0 && d < int(docs.size()) ? tr("Concepts in %1").arg(docs[size_t(d)].title.toHtmlEscaped())
                                                           : tr("Select a document in the Documents panel"));
            std::map<int, int> counts;
            for (const DocumentMention &m : m_document->mentionsInDocument(m_documentId))
                ++counts[m.node];
            for (const auto &[node, count] : counts)
                rows.emplace_back(count, g.node(node).info.label);
            std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
            if (int(rows.size()) > kTopBars)
                rows.resize(kTopBars);
        }
        // Horizontal bars list bottom-up: reverse so the best sits on top.
        std::reverse(rows.begin(), rows.end());
        for (const auto &[value, label] : rows) {
            *set << value;
            // Qt Charts draws titles and axis labels as HTML.
            categories << (label.size() > 28 ? label.left(27) + QChar(0x2026) : label).toHtmlEscaped();
        }
        auto *series = new QHorizontalBarSeries;
        series->append(set);
        chart->addSeries(series);
        auto *axisY = new QBarCategoryAxis;
        axisY->append(categories);
        chart->addAxis(axisY, Qt::AlignLeft);
        series->attachAxis(axisY);
        auto *axisX = new QValueAxis;
        axisX->setLabelFormat(u"%g"_s);
        chart->addAxis(axisX, Qt::AlignBottom);
        series->attachAxis(axisX);
        m_bars = int(rows.size());
    } else {
        chart->setTitle(tr("Link weight distribution"));
        std::vector<int> bins(kHistogramBins, 0);
        const double maxWeight = m_document->maxEdgeWeight();
        for (int e = 0; e < g.edgeCount(); ++e) {
            const int bin = std::clamp(int(g.edge(e).relation.weight / maxWeight * kHistogramBins), 0, kHistogramBins - 1);
            ++bins[size_t(bin)];
        }
        int maxCount = 1;
        for (int b = 0; b < kHistogramBins; ++b) {
            *set << bins[size_t(b)];
            maxCount = std::max(maxCount, bins[size_t(b)]);
            categories << QString::number(maxWeight * (b + 0.5) / kHistogramBins, 'g', 2);
        }
        auto *series = new QBarSeries;
        series->setBarWidth(0.95);
        series->append(set);
        chart->addSeries(series);
        auto *axisX = new QBarCategoryAxis;
        axisX->append(categories);
        axisX->setLabelsAngle(-60);
        chart->addAxis(axisX, Qt::AlignBottom);
        series->attachAxis(axisX);
        auto *axisY = new QValueAxis;
        axisY->setRange(0, maxCount);
        axisY->setLabelFormat(u"%d"_s);
        axisY->setTitleText(tr("links"));
        chart->addAxis(axisY, Qt::AlignLeft);
        series->attachAxis(axisY);
        m_bars = g.edgeCount() > 0 ? kHistogramBins : 0;
    }
    QChart *old = m_view->chart();
    m_view->setChart(chart);
    delete old;
}

} // namespace carto::app
