#include "chartbuilder.h"

#include "canvas/colours.h"
#include "document/projectdocument.h"

#include <QSet>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace carto::app::stats {

namespace {

QString elide(const QString &label, int length = 28)
{
    return label.size() > length ? label.left(length - 1) + QChar(0x2026) : label;
}

// Both chart libraries key bars by category name: equal names (two documents
// with one title, two concepts cut to one prefix) would share one bar.
void makeUnique(QStringList &categories)
{
    QSet<QString> seen;
    for (QString &category : categories) {
        const QString base = category;
        for (int n = 2; seen.contains(category); ++n)
            category = u"%1 (%2)"_s.arg(base).arg(n);
        seen.insert(category);
    }
}

} // namespace

ChartData ChartBuilder::horizontalBars(std::vector<std::pair<double, QString>> rows) const
{
    ChartData data;
    data.kind = ChartData::Kind::HorizontalBars;
    data.colour = colours::community(0);
    for (const auto &[value, label] : rows) {
        data.categories << elide(label);
        data.values << value;
    }
    makeUnique(data.categories);
    return data;
}

ChartData ChartBuilder::topConcepts() const
{
    std::vector<std::pair<double, QString>> rows;
    if (m_document.hasBuild()) {
        const graph::ConceptGraph &g = m_document.graph();
        for (const int v : m_document.nodesByScore()) {
            if (int(rows.size()) >= topBars)
                break;
            rows.emplace_back(g.node(v).info.score, g.node(v).info.label);
        }
    }
    ChartData data = horizontalBars(std::move(rows));
    data.title = tr("Top concepts by score");
    data.valueTitle = tr("score");
    return data;
}

ChartData ChartBuilder::documentConcepts(DocumentId document) const
{
    std::vector<std::pair<double, QString>> rows;
    QString title = tr("Select a document in the Documents panel");
    if (m_document.hasBuild()) {
        const auto &docs = m_document.corpus().documents;
        const int d = document.value();
        if (d >= 0 && d < int(docs.size())) {
            title = tr("Concepts in %1").arg(docs[size_t(d)].title);
            const graph::ConceptGraph &g = m_document.graph();
            std::map<int, int> counts;
            for (const DocumentMention &m : m_document.mentionsInDocument(document))
                ++counts[m.node];
            for (const auto &[node, count] : counts)
                rows.emplace_back(count, g.node(node).info.label);
            // Most mentioned first; equal counts keep the order of node index.
            std::stable_sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
            if (int(rows.size()) > topBars)
                rows.resize(topBars);
        }
    }
    ChartData data = horizontalBars(std::move(rows));
    data.title = title;
    data.valueTitle = tr("mentions");
    data.integerValues = true;
    return data;
}

ChartData ChartBuilder::weightDistribution() const
{
    ChartData data;
    data.kind = ChartData::Kind::Columns;
    data.title = tr("Link weight distribution");
    data.valueTitle = tr("links");
    data.integerValues = true;
    data.colour = colours::community(0);
    if (!m_document.hasBuild() || m_document.edgeCount() == 0)
        return data;
    const graph::ConceptGraph &g = m_document.graph();
    std::vector<int> bins(histogramBins, 0);
    const double maxWeight = m_document.maxEdgeWeight();
    for (int e = 0; e < g.edgeCount(); ++e) {
        const int bin = std::clamp(int(g.edge(e).relation.weight / maxWeight * histogramBins), 0, histogramBins - 1);
        ++bins[size_t(bin)];
    }
    for (int b = 0; b < histogramBins; ++b) {
        data.values << bins[size_t(b)];
        data.categories << QString::number(maxWeight * (b + 0.5) / histogramBins, 'g', 2);
    }
    // Twenty labels do not fit a dock's width (both libraries elide them to
    // dots): the axis title gives the range instead.
    data.categoryLabels = false;
    data.categoryTitle = tr("link weight, 0 \u2013 %1").arg(QString::number(maxWeight, 'g', 3));
    return data;
}

std::vector<TimelineEntry> ChartBuilder::timelineEntries(graph::NodeIndex node) const
{
    std::vector<TimelineEntry> entries;
    if (!m_document.hasBuild() || node < 0 || node >= m_document.nodeCount())
        return entries;
    const auto &docs = m_document.corpus().documents;
    entries.reserve(docs.size());
    for (size_t d = 0; d < docs.size(); ++d) {
        // Documents gain a date of their own from ingest later; until then the
        // metadata's `date` is the only one there is.
        entries.push_back({int(d), docs[d].title, parseDocumentDate(docs[d].metadataValue(u"date"_s)), 0});
    }
    for (const extract::Mention &m : m_document.graph().node(node).info.mentions) {
        const int d = m.span.document.value();
        if (d >= 0 && d < int(entries.size()))
            ++entries[size_t(d)].mentions;
    }
    return orderTimeline(std::move(entries));
}

ChartData ChartBuilder::conceptTimeline(graph::NodeIndex node) const
{
    ChartData data;
    data.kind = ChartData::Kind::Columns;
    data.valueTitle = tr("mentions");
    data.integerValues = true;
    data.colour = colours::community(0);
    const std::vector<TimelineEntry> entries = timelineEntries(node);
    if (entries.empty()) {
        data.title = tr("Select a concept to see its mentions per document");
        return data;
    }
    data.title = tr("Mentions of %1 per document").arg(m_document.graph().node(node).info.label);
    const bool dated = std::all_of(entries.begin(), entries.end(), [](const TimelineEntry &e) { return e.date.has_value(); });
    for (const TimelineEntry &e : entries) {
        data.categories << (e.date ? e.date->toString(Qt::ISODate) : elide(e.label, 20));
        data.values << e.mentions;
    }
    makeUnique(data.categories);
    const QString order = dated ? tr("documents by date") : tr("documents in file order");
    data.categoryLabels = int(entries.size()) <= maxLabelledDocuments;
    data.categoryTitle = data.categoryLabels
                             ? order
                             : u"%1: %2 \u2026 %3"_s.arg(order, data.categories.first(), data.categories.last());
    return data;
}

} // namespace carto::app::stats
