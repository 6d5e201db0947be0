#pragma once

#include "graph/conceptgraph.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

namespace carto::project {

// The metrics (degrees, betweenness, PageRank, components, communities) of the
// last graph assembled from one kept concept draft, and the structure they
// were computed from: they read only the node count, the edges in order with
// their weights, and the metric options, never labels, types or positions. So
// a curation edit that leaves the relations as they were (a rename, a type
// change) takes them from here instead of recomputing them (hundreds of ms on
// 3,000 nodes). Held by ProjectAnalyses beside the draft; thread-safe, since
// assemblies of one draft may overlap. A memo, never a source of truth: any
// other structure is computed afresh. Two entries, the last used first: the
// map before an edit and after it, so undoing or redoing it finds them too.
class MetricsMemo final
{
public:
    // graph.computeMetrics(options), or the stored metrics when `graph` has
    // the structure and options of the stored graph; stores what it computes
    // unless cancelled.
    void computeMetrics(graph::ConceptGraph &graph, const graph::MetricsOptions &options);
    // How many times computeMetrics() reused the stored metrics (for tests).
    [[nodiscard]] int reused() const { return m_reused.load(std::memory_order_relaxed); }

private:
    struct Key
    {
        int nodes = 0;
        std::vector<graph::NodeIndex> ends; // source, target per edge
        std::vector<double> weights;
        unsigned seed = 0;
        long long exactBetweennessWork = 0;
        int betweennessPivots = 0;
        int threads = 0;

        friend bool operator==(const Key &, const Key &) = default;
    };
    struct Metrics
    {
        int degree = 0;
        double weightedDegree = 0.0;
        double betweenness = 0.0;
        double pageRank = 0.0;
        int component = -1;
        int community = -1;
    };
    struct Entry
    {
        Key key;
        std::vector<Metrics> metrics;
    };

    static Key keyOf(const graph::ConceptGraph &graph, const graph::MetricsOptions &options);

    static constexpr size_t kEntries = 2;

    std::mutex m_mutex;
    std::vector<std::shared_ptr<const Entry>> m_entries; // the last used first
    std::atomic<int> m_reused{0};
};

} // namespace carto::project
