// Render benchmark: paints synthetic concept maps through the real MapView
// (batched edges, level of detail, label density limit) into a 1920x1080 QImage.
// Maps of 5,000 nodes / 15,000 edges and 20,000 nodes / 60,000 edges, laid out
// as Gaussian community blobs with 85% of links inside a community. Prints the
// median time of a full-view frame and of a zoomed-in frame (8x) per size.
//
//   QT_QPA_PLATFORM=offscreen render_bench [--frames N]

#include "canvas/mapview.h"
#include "document/projectdocument.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <set>

using namespace Qt::StringLiterals;
using namespace carto;

namespace {

std::shared_ptr<project::BuildResult> syntheticMap(int nodes, int edges, unsigned seed)
{
    std::mt19937 rng(seed);
    const int communities = std::max(8, nodes / 250);
    std::normal_distribution<double> gauss(0.0, 1.0);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    extract::Extraction extraction;
    extraction.concepts.reserve(size_t(nodes));
    for (int i = 0; i < nodes; ++i) {
        extract::Concept c;
        c.id = ConceptId(u"c%1"_s.arg(i));
        c.label = u"Concept %1"_s.arg(i);
        c.aliases = {c.label};
        c.score = 100.0 / std::pow(1.0 + i, 0.7); // long-tailed, like real corpora
        extraction.concepts.push_back(std::move(c));
    }
    std::vector<std::vector<int>> members(static_cast<size_t>(communities));
    std::vector<int> community(static_cast<size_t>(nodes));
    for (int i = 0; i < nodes; ++i) {
        community[size_t(i)] = int(rng() % unsigned(communities));
        members[size_t(community[size_t(i)])].push_back(i);
    }
    std::set<std::pair<int, int>> seen;
    while (int(extraction.relations.size()) < edges) {
        const int a = int(rng() % unsigned(nodes));
        int b;
        if (unit(rng) < 0.85) {
            const auto &m = members[size_t(community[size_t(a)])];
            b = m[rng() % m.size()];
        } else {
            b = int(rng() % unsigned(nodes));
        }
        if (a == b || !seen.insert({std::min(a, b), std::max(a, b)}).second)
            continue;
        extract::Relation r;
        r.source = extraction.concepts[size_t(std::min(a, b))].id;
        r.target = extraction.concepts[size_t(std::max(a, b))].id;
        r.count = 1 + int(rng() % 10);
        r.weight = unit(rng);
        extraction.relations.push_back(std::move(r));
    }
    auto result = std::make_shared<project::BuildResult>();
    result->graph = graph::ConceptGraph::fromExtraction(extraction);
    const double spread = std::sqrt(double(nodes)) * 10.0;
    std::vector<graph::Point> centres(static_cast<size_t>(communities));
    for (auto &c : centres)
        c = {unit(rng) * spread, unit(rng) * spread};
    const double blob = spread / std::sqrt(double(communities)) * 0.35;
    for (int i = 0; i < nodes; ++i) {
        graph::NodeData &node = result->graph.node(i);
        node.community = community[size_t(i)];
        node.position = {centres[size_t(node.community)].x + gauss(rng) * blob,
                         centres[size_t(node.community)].y + gauss(rng) * blob};
    }
    return result;
}

double medianFrameMs(app::MapView &view, int frames)
{
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    std::vector<double> times;
    for (int f = 0; f < frames; ++f) {
        QElapsedTimer timer;
        timer.start();
        QPainter painter(&image);
        view.render(&painter, QRectF(image.rect()), view.viewport()->rect());
        painter.end();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    int frames = 15;
    const QStringList args = QCoreApplication::arguments();
    if (const qsizetype i = args.indexOf(u"--frames"_s); i >= 0 && i + 1 < args.size())
        frames = std::max(1, args[i + 1].toInt());

    std::printf("%-8s %-8s %12s %12s %8s %8s %8s\n", "nodes", "edges", "full ms", "zoomed ms", "edges", "nodes",
                "labels");
    const std::pair<int, int> sizes[] = {{5000, 15000}, {20000, 60000}};
    for (const auto &[nodes, edges] : sizes) {
        app::ProjectDocument document;
        document.setBuild(syntheticMap(nodes, edges, 7), u"synthetic"_s);
        app::MapView view(&document);
        view.resize(1920, 1080);
        view.show();
        QCoreApplication::processEvents();
        view.fitToVisible();
        const double full = medianFrameMs(view, frames);
        const int fullEdges = view.renderer().lastEdgeCount();
        const int fullNodes = view.renderer().lastNodeCount();
        const int fullLabels = int(view.renderer().lastLabelledNodes().size());
        view.scale(8.0, 8.0);
        const double zoomed = medianFrameMs(view, frames);
        std::printf("%-8d %-8d %12.1f %12.1f %8d %8d %8d\n", nodes, edges, full, zoomed, fullEdges, fullNodes,
                    fullLabels);
        std::printf("%-8s %-8s %12s %12s %8d %8d %8d   (zoomed frame)\n", "", "", "", "",
                    view.renderer().lastEdgeCount(), view.renderer().lastNodeCount(),
                    int(view.renderer().lastLabelledNodes().size()));
    }
    return 0;
}
