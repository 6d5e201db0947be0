#pragma once

#include "stats/chartdata.h"

#include "foundation/typedid.h"
#include "graph/conceptgraph.h"

#include <QCoreApplication>

namespace carto::app {
class ProjectDocument;
}

namespace carto::app::stats {

// Turns the open project into the statistics panel's charts. Pure reads of
// the document, no drawing: the same data goes to either chart backend, and
// tests check it without a display.
class ChartBuilder final
{
    Q_DECLARE_TR_FUNCTIONS(ChartBuilder)

public:
    static constexpr int topBars = 15;
    static constexpr int histogramBins = 20;
    // Above this many documents the timeline's axis names its first and last
    // document instead of labelling every bar.
    static constexpr int maxLabelledDocuments = 12;

    explicit ChartBuilder(const ProjectDocument &document)
        : m_document(document)
    {
    }

    [[nodiscard]] ChartData topConcepts() const;
    [[nodiscard]] ChartData documentConcepts(DocumentId document) const;
    [[nodiscard]] ChartData weightDistribution() const;
    // Mentions of one concept per document, in date order when the documents
    // have dates, else in file order; every document appears, also with 0.
    [[nodiscard]] ChartData conceptTimeline(graph::NodeIndex node) const;
    [[nodiscard]] std::vector<TimelineEntry> timelineEntries(graph::NodeIndex node) const;

private:
    [[nodiscard]] ChartData horizontalBars(std::vector<std::pair<double, QString>> rows) const;

    const ProjectDocument &m_document;
};

} // namespace carto::app::stats
