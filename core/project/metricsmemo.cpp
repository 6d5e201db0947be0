#include "metricsmemo.h"

#include <algorithm>

namespace carto::project {

MetricsMemo::Key MetricsMemo::keyOf(const graph::ConceptGraph &graph, const graph::MetricsOptions &options)
{
    Key key;
    key.nodes = graph.nodeCount();
    key.seed = options.seed;
    key.exactBetweennessWork = options.exactBetweennessWork;
    key.betweennessPivots = options.betweennessPivots;
    key.threads = options.threads;
    const int edges = graph.edgeCount();
    key.ends.reserve(2 * size_t(edges));
    key.weights.reserve(size_t(edges));
    for (graph::EdgeIndex e = 0; e < edges; ++e) {
        const graph::EdgeData &data = graph.edge(e);
        key.ends.push_back(data.source);
        key.ends.push_back(data.target);
        key.weights.push_back(data.relation.weight);
    }
    return key;
}

void MetricsMemo::computeMetrics(graph::ConceptGraph &graph, const graph::MetricsOptions &options)
{
    Key key = keyOf(graph, options);
    std::vector<std::shared_ptr<const Entry>> entries;
    {
        const std::lock_guard lock(m_mutex);
        entries = m_entries;
    }
    // Compared outside the lock: entries are immutable once stored.
    const auto hit = std::find_if(entries.begin(), entries.end(),
                                  [&](const std::shared_ptr<const Entry> &e) { return e->key == key; });
    if (hit != entries.end()) {
        const std::shared_ptr<const Entry> entry = *hit;
        for (graph::NodeIndex v = 0; v < graph.nodeCount(); ++v) {
            const Metrics &m = entry->metrics[size_t(v)];
            graph::NodeData &node = graph.node(v);
            node.degree = m.degree;
            node.weightedDegree = m.weightedDegree;
            node.betweenness = m.betweenness;
            node.pageRank = m.pageRank;
            node.component = m.component;
            node.community = m.community;
        }
        m_reused.fetch_add(1, std::memory_order_relaxed);
        const std::lock_guard lock(m_mutex);
        std::erase(m_entries, entry);
        m_entries.insert(m_entries.begin(), entry);
        m_entries.resize(std::min(m_entries.size(), kEntries));
        return;
    }
    graph.computeMetrics(options);
    if (options.cancel && options.cancel->isCancelled())
        return;
    auto fresh = std::make_shared<Entry>();
    fresh->key = std::move(key);
    fresh->metrics.reserve(size_t(graph.nodeCount()));
    for (graph::NodeIndex v = 0; v < graph.nodeCount(); ++v) {
        const graph::NodeData &node = graph.node(v);
        fresh->metrics.push_back({node.degree, node.weightedDegree, node.betweenness, node.pageRank, node.component,
                                  node.community});
    }
    const std::lock_guard lock(m_mutex);
    m_entries.insert(m_entries.begin(), std::move(fresh));
    m_entries.resize(std::min(m_entries.size(), kEntries));
}

} // namespace carto::project
