#pragma once

// GUI tests of the first minutes run on a screen of a known size: the
// offscreen platform reads its screens from a JSON file named in
// QT_QPA_PLATFORM (offscreen:configfile=...). Its default screen is 800x600.
// CARTO_TEST_MAIN_ON_SCREEN(Test, 1920, 1080) writes such a file before the
// QApplication starts; CARTO_TEST_SCREEN=WxH in the environment overrides it,
// so CTest can run the same executable on a smaller screen too.

#include <QApplication>
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QTest>

#include <cstdio>

namespace carto::testing {

inline bool useOffscreenScreen(int width, int height)
{
    const QByteArray wanted = qgetenv("CARTO_TEST_SCREEN");
    if (const qsizetype x = wanted.indexOf('x'); x > 0) {
        width = wanted.left(x).toInt();
        height = wanted.mid(x + 1).toInt();
    }
    const QString path = QDir::temp().filePath(QStringLiteral("cartograph-screen-%1x%2.json").arg(width).arg(height));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    file.write(QStringLiteral(R"({"synchronousWindowSystemEvents": false, "windowFrameMargins": true,
 "screens": [{"name": "test", "x": 0, "y": 0, "width": %1, "height": %2, "logicalDpi": 96,
 "logicalBaseDpi": 96, "dpr": 1.0}]})")
                   .arg(width)
                   .arg(height)
                   .toUtf8());
    file.close();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + QFile::encodeName(path));
    return true;
}

} // namespace carto::testing

#define CARTO_TEST_MAIN_ON_SCREEN(TestClass, width, height)                                                           \
    int main(int argc, char *argv[])                                                                                   \
    {                                                                                                                  \
        if (!carto::testing::useOffscreenScreen(width, height))                                                        \
            std::fprintf(stderr, "could not write the screen configuration\n");                                        \
        QApplication app(argc, argv);                                                                                  \
        app.setAttribute(Qt::AA_Use96Dpi, true);                                                                       \
        TestClass test;                                                                                                \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                     \
        return QTest::qExec(&test, argc, argv);                                                                        \
    }
