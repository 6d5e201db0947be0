#include "canvas/mapview.h"
#include "document/projectdocument.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QPalette>
#include <QStyleFactory>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"Cartograph"_s);
    QApplication::setOrganizationName(u"Cartograph"_s);
    QApplication::setApplicationVersion(QStringLiteral(CARTOGRAPH_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Concept maps from folders of documents."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"path"_s, u"A project (NAME.cartograph.yaml) or a folder of documents to open."_s,
                                 u"[PROJECT|FOLDER]"_s);
    const QCommandLineOption screenshot(u"screenshot"_s, u"Save a PNG of the window once the map is built, then quit."_s,
                                        u"file"_s);
    const QCommandLineOption zoom(u"zoom"_s, u"With --screenshot: zoom factor over the fitted view."_s, u"factor"_s,
                                  u"1"_s);
    const QCommandLineOption size(u"size"_s, u"With --screenshot: window size WxH."_s, u"size"_s, u"1600x1000"_s);
    const QCommandLineOption select(u"select"_s, u"With --screenshot: select and centre this concept."_s, u"name"_s);
    // Hidden: a dark Fusion palette, so screenshots.sh can check the dark look
    // on machines whose desktop has no dark theme.
    QCommandLineOption dark(u"dark"_s, u"Use a dark palette."_s);
    dark.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({screenshot, zoom, size, select, dark});
    parser.process(app);
    if (parser.isSet(dark)) {
        QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
        QPalette palette;
        palette.setColor(QPalette::Window, QColor(45, 45, 48));
        palette.setColor(QPalette::WindowText, QColor(225, 225, 225));
        palette.setColor(QPalette::Base, QColor(30, 30, 32));
        palette.setColor(QPalette::AlternateBase, QColor(45, 45, 48));
        palette.setColor(QPalette::Text, QColor(225, 225, 225));
        palette.setColor(QPalette::PlaceholderText, QColor(140, 140, 140));
        palette.setColor(QPalette::Button, QColor(53, 53, 56));
        palette.setColor(QPalette::ButtonText, QColor(225, 225, 225));
        palette.setColor(QPalette::ToolTipBase, QColor(30, 30, 32));
        palette.setColor(QPalette::ToolTipText, QColor(225, 225, 225));
        palette.setColor(QPalette::Highlight, QColor(60, 130, 200));
        palette.setColor(QPalette::HighlightedText, Qt::white);
        palette.setColor(QPalette::Mid, QColor(80, 80, 84));
        palette.setColor(QPalette::Dark, QColor(25, 25, 27));
        palette.setColor(QPalette::Light, QColor(75, 75, 78));
        palette.setColor(QPalette::Disabled, QPalette::Text, QColor(120, 120, 120));
        palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(120, 120, 120));
        palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(120, 120, 120));
        QApplication::setPalette(palette);
    }

    carto::app::MainWindow window;
    const QString folder = parser.positionalArguments().value(0);
    if (parser.isSet(screenshot)) {
        const QStringList wh = parser.value(size).split(u'x');
        window.resize(wh.value(0).toInt(), wh.value(1).toInt());
        QObject::connect(&window, &carto::app::MainWindow::buildFinished, &window, [&](bool ok) {
            if (!ok) {
                std::fprintf(stderr, "build failed\n");
                QCoreApplication::exit(1);
                return;
            }
            QTimer::singleShot(300, &window, [&] {
                carto::app::MapView *map = window.mapView();
                map->fitToVisible();
                if (parser.isSet(select))
                    window.searchFor(parser.value(select));
                const double factor = parser.value(zoom).toDouble();
                if (factor > 0 && factor != 1.0) {
                    // Zoom in on the map's middle (the median node), not the viewport's.
                    const QPointF middle = map->mapToScene(map->viewport()->rect().center());
                    std::vector<double> xs, ys;
                    const auto &pos = map->renderer().positions();
                    for (int i = 0; i < int(pos.size()); ++i)
                        if (window.document()->isNodeVisible(i)) {
                            xs.push_back(pos[size_t(i)].x());
                            ys.push_back(pos[size_t(i)].y());
                        }
                    map->scale(factor, factor);
                    if (parser.isSet(select) || xs.empty()) {
                        map->centerOn(middle);
                    } else {
                        std::nth_element(xs.begin(), xs.begin() + long(xs.size() / 2), xs.end());
                        std::nth_element(ys.begin(), ys.begin() + long(ys.size() / 2), ys.end());
                        map->centerOn(QPointF(xs[xs.size() / 2], ys[ys.size() / 2]));
                    }
                }
                QTimer::singleShot(200, &window, [&] {
                    const bool saved = window.grab().save(parser.value(screenshot));
                    QCoreApplication::exit(saved ? 0 : 1);
                });
            });
        });
    }
    window.show();
    window.openInitial(folder);
    return QApplication::exec();
}
