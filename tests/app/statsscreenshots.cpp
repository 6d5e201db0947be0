// Saves a PNG of the statistics panel for each of its charts, drawn by the
// backend this build uses, for a person to look at (tests/app/screenshots.sh).
//   statsscreenshots FOLDER OUT_PREFIX [--dark]
#include "document/projectdocument.h"
#include "panels/statspanel.h"
#include "project/build.h"
#include "stats/chartview.h"

#include <QApplication>
#include <QPalette>
#include <QStyleFactory>
#include <QTimer>

#include <cstdio>

using namespace carto;
using namespace Qt::StringLiterals;

namespace {

void useDarkPalette()
{
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(45, 45, 48));
    palette.setColor(QPalette::WindowText, QColor(225, 225, 225));
    palette.setColor(QPalette::Base, QColor(30, 30, 32));
    palette.setColor(QPalette::Text, QColor(225, 225, 225));
    palette.setColor(QPalette::Button, QColor(53, 53, 56));
    palette.setColor(QPalette::ButtonText, QColor(225, 225, 225));
    QApplication::setPalette(palette);
}

// Lets the chart lay out and, for Qt Quick, render a few frames.
void settle()
{
    for (int i = 0; i < 10; ++i) {
        QCoreApplication::processEvents();
        QTimer timer;
        timer.setSingleShot(true);
        QEventLoop loop;
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        timer.start(30);
        loop.exec();
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: statsscreenshots FOLDER OUT_PREFIX [--dark]\n");
        return 2;
    }
    if (args.contains(u"--dark"_s))
        useDarkPalette();
    QString error;
    auto build = project::buildCorpus(args[1], {}, &error);
    if (!build) {
        std::fprintf(stderr, "build failed: %s\n", qPrintable(error));
        return 1;
    }
    app::ProjectDocument document;
    app::StatsPanel panel(&document);
    document.setBuild(std::make_shared<project::BuildResult>(std::move(*build)), args[1]);
    panel.resize(560, 460);
    panel.show();
    const struct
    {
        app::StatsPanel::Chart chart;
        const char16_t *name;
    } shots[] = {{app::StatsPanel::Chart::TopConcepts, u"top"},
                 {app::StatsPanel::Chart::DocumentConcepts, u"document"},
                 {app::StatsPanel::Chart::WeightDistribution, u"weights"},
                 {app::StatsPanel::Chart::ConceptTimeline, u"timeline"}};
    if (document.nodeCount() > 0)
        document.selectNodes({document.nodesByScore()[0]});
    panel.setDocument(DocumentId(0));
    for (const auto &shot : shots) {
        panel.showChart(shot.chart);
        settle();
        const QString path = args[2] + u'-' + QString::fromUtf16(shot.name) + u".png"_s;
        if (!panel.grab().save(path)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
            return 1;
        }
        std::printf("%s (%s)\n", qPrintable(path), qPrintable(panel.chartView()->backendName()));
    }
    return 0;
}
