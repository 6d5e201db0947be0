#include "statspanel.h"

#include "canvas/colours.h"
#include "document/projectdocument.h"
#include "stats/chartbuilder.h"
#include "stats/chartview.h"

#include <QComboBox>
#include <QEvent>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace carto::app {

StatsPanel::StatsPanel(ProjectDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_choice(new QComboBox(this))
    , m_view(stats::createChartView(this))
{
    setObjectName(u"statsPanel"_s);
    m_choice->setObjectName(u"statsChoice"_s);
    m_choice->setAccessibleName(tr("Chart"));
    m_view->setAccessibleName(tr("Statistics chart"));
    m_choice->addItem(tr("Top concepts by score"));
    m_choice->addItem(tr("Concepts of the selected document"));
    m_choice->addItem(tr("Link weight distribution"));
    m_choice->addItem(tr("Mentions of the selected concept per document"));
    m_view->setMinimumHeight(220);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_choice);
    layout->addWidget(m_view, 1);
    connect(m_choice, &QComboBox::currentIndexChanged, this, &StatsPanel::refresh);
    connect(document, &ProjectDocument::buildChanged, this, [this] {
        m_documentId = DocumentId(-1);
        m_node = -1;
        followSelection();
        refresh();
    });
    connect(document, &ProjectDocument::selectionChanged, this, &StatsPanel::followSelection);
    refresh();
}

void StatsPanel::showChart(Chart chart)
{
    m_choice->setCurrentIndex(int(chart));
    refresh();
}

StatsPanel::Chart StatsPanel::currentChart() const
{
    return Chart(m_choice->currentIndex());
}

void StatsPanel::setDocument(DocumentId document)
{
    m_documentId = document;
    if (currentChart() == Chart::DocumentConcepts)
        refresh();
}

void StatsPanel::followSelection()
{
    // The timeline keeps its concept when the selection is cleared or moves to
    // a link, so clicking away does not blank the chart.
    const QList<graph::NodeIndex> &selected = m_document->selectedNodes();
    if (selected.isEmpty() || selected.first() == m_node)
        return;
    m_node = selected.first();
    if (currentChart() == Chart::ConceptTimeline)
        refresh();
}

void StatsPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        refresh();
}

void StatsPanel::refresh()
{
    const stats::ChartBuilder builder(*m_document);
    switch (currentChart()) {
    case Chart::TopConcepts: m_data = builder.topConcepts(); break;
    case Chart::DocumentConcepts: m_data = builder.documentConcepts(m_documentId); break;
    case Chart::WeightDistribution: m_data = builder.weightDistribution(); break;
    case Chart::ConceptTimeline: m_data = builder.conceptTimeline(m_node); break;
    }
    m_view->showChart(m_data, colours::isDark(palette()));
}

} // namespace carto::app
