// Render benchmark: paints synthetic concept maps through the real MapView
// (batched edges, level of detail, label density limit) at 1920x1080.
// Maps of 5,000 nodes / 15,000 edges and 20,000 nodes / 60,000 edges, laid out
// as Gaussian community blobs with 85% of links inside a community, and the
// seeds corpus built for real. Per map it prints the median time of:
//   paint      the widget's real paint event (QWidget::repaint of the shown
//              view: what a user waits for), full view and zoomed in (8x)
//   render()   QGraphicsView::render into a QImage, which Qt draws through a
//              faster path; kept so the two can be compared
//   first      the first frame after a build landed (cold label caches)
// Each figure is the median over --frames frames of wall time; "cpu" is the
// same frames' median thread CPU time.
//
//   QT_QPA_PLATFORM=offscreen render_bench [--frames N] [--seeds FOLDER] [--only 5k|20k|seeds]
// Under callgrind only the measured frames are counted, one dump per map and phase:
//   valgrind --tool=callgrind --instr-atstart=no render_bench --only 5k --frames 3

#include "benchtiming.h"

#include "canvas/mapview.h"
#include "document/projectdocument.h"
#include "project/build.h"

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

// QGraphicsView::render into an image: the path the benchmark used to time.
double medianRenderMs(app::MapView &view, int frames)
{
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    bench::Phase phase{u"render"_s, {}};
    for (int f = 0; f < frames; ++f) {
        phase.add(bench::measure([&] {
            QPainter painter(&image);
            view.render(&painter, QRectF(image.rect()), view.viewport()->rect());
        }));
    }
    return bench::Phase::quantile(phase.walls(), 0.5);
}

// The widget's own paint event, as the event loop delivers it.
bench::Phase paintFrames(app::MapView &view, int frames)
{
    bench::Phase phase{u"paint"_s, {}};
    for (int f = 0; f < frames; ++f)
        phase.add(bench::measure([&] { view.viewport()->repaint(); }));
    return phase;
}

// A build landing in a shown view: the view rebuilds its caches and fits,
// then paints its first frame.
bench::Phase firstFrames(app::ProjectDocument &document, app::MapView &view,
                         const std::shared_ptr<project::BuildResult> &build, int frames)
{
    bench::Phase phase{u"first"_s, {}};
    for (int f = 0; f < frames; ++f) {
        auto copy = std::make_shared<project::BuildResult>(*build);
        phase.add(bench::measure([&] {
            document.setBuild(copy, u"bench"_s);
            view.viewport()->repaint();
        }));
    }
    return phase;
}

void printRow(const char *name, int edges, double render, const bench::Phase &full, const bench::Phase &zoomed,
              const bench::Phase &first)
{
    std::printf("%-10s %-8d %10.1f %10.1f %10.1f %10.1f %10.1f %10.1f %10.1f\n", name, edges, render,
                bench::Phase::quantile(full.walls(), 0.5), bench::Phase::quantile(full.cpus(), 0.5),
                bench::Phase::quantile(zoomed.walls(), 0.5), bench::Phase::quantile(zoomed.cpus(), 0.5),
                bench::Phase::quantile(first.walls(), 0.5), bench::Phase::quantile(first.cpus(), 0.5));
}

// Under callgrind (--instr-atstart=no) each phase of each map is its own dump.
void dumpPhase(const char *map, const char *phase)
{
    const QByteArray name = QByteArray(map) + ' ' + phase;
    CARTO_CALLGRIND_DUMP(name.constData());
}

void measureMap(const char *name, const std::shared_ptr<project::BuildResult> &build, int frames)
{
    app::ProjectDocument document;
    app::MapView view(&document);
    view.resize(1920, 1080);
    view.show();
    QCoreApplication::processEvents();
    const bench::Phase first = firstFrames(document, view, build, std::max(3, frames / 3));
    dumpPhase(name, "first");
    view.fitToVisible();
    const double render = medianRenderMs(view, frames);
    dumpPhase(name, "render");
    const bench::Phase full = paintFrames(view, frames);
    dumpPhase(name, "paint");
    const int fullEdges = view.renderer().lastEdgeCount();
    const int fullNodes = view.renderer().lastNodeCount();
    const int fullLabels = int(view.renderer().lastLabelledNodes().size());
    view.scale(8.0, 8.0);
    const bench::Phase zoomed = paintFrames(view, frames);
    dumpPhase(name, "zoomed");
    printRow(name, document.edgeCount(), render, full, zoomed, first);
    std::printf("%-10s %-8s drew %d edges, %d nodes, %d labels full; %d edges, %d nodes, %d labels zoomed\n", "", "",
                fullEdges, fullNodes, fullLabels, view.renderer().lastEdgeCount(), view.renderer().lastNodeCount(),
                int(view.renderer().lastLabelledNodes().size()));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    int frames = 15;
    const QStringList args = QCoreApplication::arguments();
    if (const qsizetype i = args.indexOf(u"--frames"_s); i >= 0 && i + 1 < args.size())
        frames = std::max(1, args[i + 1].toInt());

    QString seeds = QStringLiteral(CARTO_SHARED_DIR "/seeds");
    if (const qsizetype i = args.indexOf(u"--seeds"_s); i >= 0 && i + 1 < args.size())
        seeds = args[i + 1];

    std::printf("%-10s %-8s %10s %10s %10s %10s %10s %10s %10s\n", "map", "edges", "render()", "paint", "paint cpu",
                "zoomed", "zoomed cpu", "first", "first cpu");
    // --only NAME (5k, 20k or seeds) measures one map, e.g. under callgrind.
    QString only;
    if (const qsizetype i = args.indexOf(u"--only"_s); i >= 0 && i + 1 < args.size())
        only = args[i + 1];
    const std::pair<int, int> sizes[] = {{5000, 15000}, {20000, 60000}};
    for (const auto &[nodes, edges] : sizes) {
        const QString name = u"%1k"_s.arg(nodes / 1000);
        if (only.isEmpty() || only == name)
            measureMap(qPrintable(name), syntheticMap(nodes, edges, 7), frames);
    }
    if (!only.isEmpty() && only != u"seeds"_s)
        return 0;
    QString error;
    if (std::optional<project::BuildResult> built = project::buildCorpus(seeds, {}, &error))
        measureMap("seeds", std::make_shared<project::BuildResult>(std::move(*built)), frames);
    else
        std::printf("seeds: %s\n", qPrintable(error));
    return 0;
}
