// The statistics panel through its one interface, whichever chart backend the
// build uses: which chart it shows, and the timeline following the selection.
#include "document/projectdocument.h"
#include "panels/statspanel.h"
#include "project/build.h"
#include "stats/chartview.h"

#include <QComboBox>
#include <QTest>

#include <numeric>

using namespace carto;
using namespace Qt::StringLiterals;

class StatsPanelTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void backend_isTheConfiguredOne();
    void charts_eachShowData();
    void choice_switchesTheChart();
    void timeline_followsTheSelection();
    void timeline_keepsItsConceptWhenSelectionClears();
    void rebuild_forgetsTheTimelineConcept();

private:
    std::unique_ptr<app::ProjectDocument> m_document;
    std::unique_ptr<app::StatsPanel> m_panel;
};

void StatsPanelTest::init()
{
    QString error;
    auto build = project::buildCorpus(QStringLiteral(CARTO_SAMPLES_DIR), {}, &error);
    QVERIFY2(build, qPrintable(error));
    m_document = std::make_unique<app::ProjectDocument>();
    m_panel = std::make_unique<app::StatsPanel>(m_document.get());
    m_document->setBuild(std::make_shared<project::BuildResult>(std::move(*build)), QStringLiteral(CARTO_SAMPLES_DIR));
    QVERIFY(m_document->nodeCount() > 10);
    m_panel->resize(420, 360);
    m_panel->show();
}

void StatsPanelTest::cleanup()
{
    m_panel.reset();
    m_document.reset();
}

void StatsPanelTest::backend_isTheConfiguredOne()
{
#ifdef CARTO_STATS_QTGRAPHS
    QCOMPARE(m_panel->chartView()->backendName(), u"Qt Graphs"_s);
#else
    QCOMPARE(m_panel->chartView()->backendName(), u"Qt Charts"_s);
#endif
}

void StatsPanelTest::charts_eachShowData()
{
    m_panel->showChart(app::StatsPanel::Chart::TopConcepts);
    QCOMPARE(m_panel->barCount(), 15);
    QCOMPARE(m_panel->chartData().values.first(), m_document->graph().node(m_document->nodesByScore()[0]).info.score);
    m_panel->showChart(app::StatsPanel::Chart::WeightDistribution);
    QCOMPARE(std::accumulate(m_panel->chartData().values.begin(), m_panel->chartData().values.end(), 0.0),
             double(m_document->edgeCount()));
    m_panel->showChart(app::StatsPanel::Chart::DocumentConcepts);
    QCOMPARE(m_panel->barCount(), 0); // no document chosen yet
    m_panel->setDocument(DocumentId(0));
    QVERIFY(m_panel->barCount() > 0);
    QVERIFY(m_panel->chartData().title.contains(m_document->corpus().documents[0].title));
}

void StatsPanelTest::choice_switchesTheChart()
{
    auto *choice = m_panel->findChild<QComboBox *>(u"statsChoice"_s);
    QVERIFY(choice);
    QCOMPARE(choice->count(), 4);
    choice->setCurrentIndex(int(app::StatsPanel::Chart::WeightDistribution));
    QCOMPARE(m_panel->currentChart(), app::StatsPanel::Chart::WeightDistribution);
    QCOMPARE(m_panel->chartData().kind, app::stats::ChartData::Kind::Columns);
    choice->setCurrentIndex(int(app::StatsPanel::Chart::ConceptTimeline));
    QVERIFY(m_panel->chartData().title.contains(u"Select a concept"_s));
}

void StatsPanelTest::timeline_followsTheSelection()
{
    m_panel->showChart(app::StatsPanel::Chart::ConceptTimeline);
    QCOMPARE(m_panel->timelineConcept(), -1);
    QCOMPARE(m_panel->barCount(), 0);
    for (const int rank : {0, 3}) {
        const graph::NodeIndex node = m_document->nodesByScore()[size_t(rank)];
        m_document->selectNodes({node});
        QCOMPARE(m_panel->timelineConcept(), node);
        const auto &info = m_document->graph().node(node).info;
        QVERIFY(m_panel->chartData().title.contains(info.label));
        QCOMPARE(m_panel->barCount(), int(m_document->corpus().documents.size()));
        const auto &values = m_panel->chartData().values;
        QCOMPARE(std::accumulate(values.begin(), values.end(), 0.0), double(info.mentions.size()));
    }
}

void StatsPanelTest::timeline_keepsItsConceptWhenSelectionClears()
{
    const graph::NodeIndex node = m_document->nodesByScore()[1];
    m_document->selectNodes({node});
    m_panel->showChart(app::StatsPanel::Chart::ConceptTimeline);
    const QString title = m_panel->chartData().title;
    m_document->clearSelection();
    QCOMPARE(m_panel->timelineConcept(), node);
    QCOMPARE(m_panel->chartData().title, title);
}

void StatsPanelTest::rebuild_forgetsTheTimelineConcept()
{
    m_document->selectNodes({m_document->nodesByScore()[0]});
    m_panel->showChart(app::StatsPanel::Chart::ConceptTimeline);
    QVERIFY(m_panel->barCount() > 0);
    QString error;
    auto build = project::buildCorpus(QStringLiteral(CARTO_SAMPLES_DIR), {}, &error);
    QVERIFY2(build, qPrintable(error));
    m_document->setBuild(std::make_shared<project::BuildResult>(std::move(*build)), QStringLiteral(CARTO_SAMPLES_DIR));
    QCOMPARE(m_panel->timelineConcept(), -1);
    QCOMPARE(m_panel->barCount(), 0);
}

QTEST_MAIN(StatsPanelTest)
#include "statspanel_test.moc"
