#include "apptranslators.h"
#include "canvas/mapview.h"
#include "document/projectdocument.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLocale>
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
    // Ties the windows to the installed .desktop entry (taskbar icon and name on Wayland and X11).
    QGuiApplication::setDesktopFileName(u"io.github.cartograph.Cartograph"_s);
    QApplication::setWindowIcon(QIcon::fromTheme(u"io.github.cartograph.Cartograph"_s,
                                                 QIcon(u":/icons/io.github.cartograph.Cartograph.svg"_s)));

    // Qt's and Cartograph's catalogues for the system locale, before any text is made.
    carto::app::AppTranslators translators;
    translators.load(QLocale());

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Concept maps from folders of documents."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"paths"_s,
                                 u"A project (NAME.cartograph.yaml) or a folder of documents to open; of several, "
                                 "the project, else the first folder."_s,
                                 u"[PROJECT|FOLDER...]"_s);
    const QCommandLineOption screenshot(u"screenshot"_s, u"Save a PNG of the window once the map is built, then quit."_s,
                                        u"file"_s);
    const QCommandLineOption zoom(u"zoom"_s, u"With --screenshot: zoom factor over the fitted view."_s, u"factor"_s,
                                  u"1"_s);
    const QCommandLineOption size(u"size"_s, u"With --screenshot: window size WxH."_s, u"size"_s, u"1600x1000"_s);
    const QCommandLineOption select(u"select"_s, u"With --screenshot: select and centre this concept."_s, u"name"_s);
    // Hidden: the dark theme, so screenshots.sh can check the dark look on
    // machines whose desktop has no dark theme.
    QCommandLineOption dark(u"dark"_s, u"Use a dark palette."_s);
    dark.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({screenshot, zoom, size, select, dark});
    parser.process(app);
    carto::app::MainWindow window;
    // Hidden --dark: the Dark theme for this run only (View ▸ Theme keeps a choice).
    if (parser.isSet(dark))
        window.setTheme(carto::app::theme::Theme::Dark, false);
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
    // The .desktop entry passes %F: any number of paths (OpenTarget picks one).
    window.openPaths(parser.positionalArguments());
    return QApplication::exec();
}
