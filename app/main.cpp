#include "canvas/mapview.h"
#include "document/projectdocument.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>

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
    parser.addOptions({screenshot, zoom, size, select});
    parser.process(app);

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
                if (factor > 0 && factor != 1.0)
                    map->scale(factor, factor);
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
