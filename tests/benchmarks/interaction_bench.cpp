// Interaction benchmark: the real MainWindow (every dock, the status bar,
// the minimap and legend) at 1920x1080 on a real corpus, SOTU by default, with
// every concept shown. Each step is one input event sent to the map's viewport
// (or a filter-slider step) followed by the window's real paint: the posted
// update request is delivered, so the paint events the user would wait for run
// (QGraphicsView's paint event, not QGraphicsView::render). Phases:
//
//   first frame (seeds)  a finished build of the seeds lands in the window
//                        (ProjectDocument::setBuild: every panel rebuilds, the
//                        map fits) until its first frame is painted, cold caches
//   zoom step            one wheel notch at the viewport centre, in and out
//   pan step             a 14-pixel mouse drag on empty map
//   hover step           the mouse moves onto a node, then off it
//   filter step          the Concepts slider moves one page (1/20 of the map)
//
// Prints the median, 90th percentile and maximum wall time per step and the
// median GUI-thread CPU time. Under callgrind only the steps are counted:
//   valgrind --tool=callgrind --instr-atstart=no interaction_bench
// then tests/benchmarks/callgrind-phases.sh sums each phase's instructions.
//
//   QT_QPA_PLATFORM=offscreen interaction_bench [CORPUS] [--seeds SEEDS] [--steps N]

#include "benchtiming.h"

#include "canvas/mapview.h"
#include "document/projectdocument.h"
#include "mainwindow.h"
#include "panels/filterpanel.h"
#include "project/build.h"

#include <QApplication>
#include <QScrollBar>
#include <QSlider>
#include <QStandardPaths>
#include <QTest>
#include <QWheelEvent>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace carto;
using bench::Phase;

namespace {

// Counts paint events of one widget.
class PaintCounter final : public QObject
{
public:
    explicit PaintCounter(QWidget *widget)
        : QObject(widget)
    {
        widget->installEventFilter(this);
    }
    int count = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++count;
        return false;
    }
};

// Delivers what the event loop would after an input event: posted events
// (the update request among them), then the paint. A step that changed
// nothing on screen paints nothing, as in the app.
void deliver(PaintCounter *counter)
{
    const int before = counter->count;
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    if (counter->count == before)
        QCoreApplication::sendPostedEvents(nullptr, QEvent::UpdateRequest);
}

std::shared_ptr<project::BuildResult> buildFolder(const QString &folder)
{
    QString error;
    std::optional<project::BuildResult> result = project::buildCorpus(folder, {}, &error);
    if (!result) {
        std::fprintf(stderr, "interaction_bench: %s: %s\n", qPrintable(folder), qPrintable(error));
        return nullptr;
    }
    return std::make_shared<project::BuildResult>(std::move(*result));
}

void wheel(QWidget *viewport, int delta)
{
    const QPointF at = QRectF(viewport->rect()).center();
    QWheelEvent event(at, viewport->mapToGlobal(at), QPoint(), QPoint(0, delta), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport, &event);
}

void mouseMove(QWidget *viewport, QPoint pos, Qt::MouseButtons buttons)
{
    QMouseEvent event(QEvent::MouseMove, QPointF(pos), viewport->mapToGlobal(QPointF(pos)), Qt::NoButton, buttons,
                      Qt::NoModifier);
    QApplication::sendEvent(viewport, &event);
}

// A point of the viewport with no node within 12 pixels, nearest the centre.
QPoint emptyPoint(app::MapView *map)
{
    const QPoint c = map->viewport()->rect().center();
    for (int r = 0; r < 400; r += 8)
        for (const QPoint d : {QPoint(r, 0), QPoint(-r, 0), QPoint(0, r), QPoint(0, -r), QPoint(r, r), QPoint(-r, -r)}) {
            bool clear = true;
            for (const QPoint o : {QPoint(0, 0), QPoint(12, 0), QPoint(-12, 0), QPoint(0, 12), QPoint(0, -12)})
                clear = clear && map->renderer().nodeAt(map->mapToScene(c + d + o), map->currentScale()) < 0;
            if (clear)
                return c + d;
        }
    return c;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // no user settings in or out
    QCoreApplication::setOrganizationName(u"CartographBench"_s);
    QString corpus = QStringLiteral(CARTO_SHARED_DIR "/corpora/sotu");
    QString seeds = QStringLiteral(CARTO_SHARED_DIR "/seeds");
    int steps = 40;
    const QStringList args = QCoreApplication::arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == u"--steps"_s && i + 1 < args.size())
            steps = std::max(4, args[++i].toInt());
        else if (args[i] == u"--seeds"_s && i + 1 < args.size())
            seeds = args[++i];
        else
            corpus = args[i];
    }

    app::MainWindow window;
    window.resize(1920, 1080);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    app::MapView *map = window.mapView();
    QWidget *viewport = map->viewport();
    auto *counter = new PaintCounter(viewport);
    Phase::printHeader();

    // First frame after a build: setBuild (the panels rebuild, the map fits)
    // and the paint. Each repetition starts with cold label caches.
    if (auto seedBuild = buildFolder(seeds)) {
        Phase first{u"first frame (seeds)"_s, {}};
        for (int rep = 0; rep < 7; ++rep) {
            auto copy = std::make_shared<project::BuildResult>(*seedBuild);
            first.add(bench::measure([&] {
                window.document()->setBuild(copy, seeds);
                deliver(counter);
            }));
        }
        first.print();
    }

    auto build = buildFolder(corpus);
    if (!build)
        return 1;
    window.document()->setBuild(build, corpus);
    QSlider *slider = window.filterPanel()->topNSlider();
    slider->setValue(slider->maximum()); // every concept shown
    map->fitToVisible();
    deliver(counter);
    std::printf("%s: %d of %d concepts shown, %d links; viewport %dx%d\n", qPrintable(corpus),
                window.document()->visibleNodeCount(), window.document()->nodeCount(),
                window.document()->visibleEdgeCount(), viewport->width(), viewport->height());

    Phase zoom{u"zoom step"_s, {}};
    // In four notches and out again: the way in reveals labels, the way out hides them.
    for (int i = 0; i < steps; ++i) {
        const int delta = (i / 4) % 2 == 0 ? 120 : -120;
        zoom.add(bench::measure([&] {
            wheel(viewport, delta);
            deliver(counter);
        }));
    }
    zoom.print();

    map->fitToVisible();
    map->scale(2.0, 2.0); // a closer view, as when reading a region
    deliver(counter);
    Phase pan{u"pan step"_s, {}};
    const QPoint start = emptyPoint(map);
    QTest::mousePress(viewport, Qt::LeftButton, {}, start);
    QPoint at = start;
    for (int i = 0; i < steps; ++i) {
        at += (i / 10) % 2 == 0 ? QPoint(14, 8) : QPoint(-14, -8);
        pan.add(bench::measure([&] {
            mouseMove(viewport, at, Qt::LeftButton);
            deliver(counter);
        }));
    }
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, at);
    pan.print();

    // Hover: onto one of the best visible nodes, then back to empty map.
    map->fitToVisible();
    deliver(counter);
    std::vector<QPoint> targets;
    for (const graph::NodeIndex v : window.document()->nodesByScore()) {
        if (!window.document()->isNodeVisible(v))
            continue;
        const QPoint p = map->mapFromScene(map->nodeScenePos(v));
        if (viewport->rect().adjusted(20, 20, -20, -20).contains(p)
            && map->renderer().nodeAt(map->mapToScene(p), map->currentScale()) == v)
            targets.push_back(p);
        if (targets.size() >= 20)
            break;
    }
    const QPoint empty = emptyPoint(map);
    Phase hover{u"hover step"_s, {}};
    for (int i = 0; i < steps && !targets.empty(); ++i) {
        const QPoint p = i % 2 == 0 ? targets[size_t(i / 2) % targets.size()] : empty;
        hover.add(bench::measure([&] {
            mouseMove(viewport, p, Qt::NoButton);
            deliver(counter);
        }));
    }
    hover.print();

    // Filter: the Concepts slider a page down at a time from "all", then back up.
    Phase filter{u"filter step"_s, {}};
    const int page = std::max(1, slider->maximum() / 20);
    for (int i = 0; i < steps; ++i) {
        const int value = (i / 5) % 2 == 0 ? slider->value() - page : slider->value() + page;
        filter.add(bench::measure([&] {
            slider->setValue(std::clamp(value, slider->minimum(), slider->maximum()));
            deliver(counter);
        }));
    }
    filter.print();
    return 0;
}
