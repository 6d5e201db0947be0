// cartograph-cli is headless by construction: the binary needs no Qt Widgets
// library (ldd, readelf), an image export loads none at run time either (not
// even through a plug-in), and its PNG, SVG and PDF are valid drawings of the
// size asked for, to a file or to standard output.
#include <poppler-qt6.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString &program, const QStringList &arguments, const QProcessEnvironment &env = {})
{
    QProcess process;
    if (!env.isEmpty())
        process.setProcessEnvironment(env);
    process.start(program, arguments);
    Run result;
    if (!process.waitForStarted(10000) || !process.waitForFinished(180000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

// Distinct colours in an image: a drawing of a map has many, a blank page one or two.
int colourCount(const QImage &image)
{
    QSet<QRgb> colours;
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < argb.height(); y += 2)
        for (int x = 0; x < argb.width(); x += 2)
            colours.insert(argb.pixel(x, y));
    return int(colours.size());
}

} // namespace

class CliHeadlessTest final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_work;

    [[nodiscard]] static QString cli() { return QStringLiteral(CARTO_CLI); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_work.isValid()); }

    // ldd lists every library the loader would map, transitively: Qt Gui (for
    // painting) but never Qt Widgets.
    void binary_loadsNoQtWidgets_ldd()
    {
        const QString ldd = QStandardPaths::findExecutable(u"ldd"_s);
        QVERIFY2(!ldd.isEmpty(), "ldd is needed");
        const Run r = run(ldd, {cli()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("libQt6Gui.so"), r.out.constData()); // the listing is real
        QVERIFY2(!r.out.contains("libQt6Widgets"), r.out.constData());
        QVERIFY2(!r.out.contains("libQt6Charts"), r.out.constData());
    }

    void binary_needsNoQtWidgets_readelf()
    {
        const QString readelf = QStandardPaths::findExecutable(u"readelf"_s);
        QVERIFY2(!readelf.isEmpty(), "readelf (binutils) is needed");
        const Run r = run(readelf, {u"--dynamic"_s, cli()});
        QCOMPARE(r.exitCode, 0);
        QStringList needed;
        const QRegularExpression entry(u"\\(NEEDED\\)\\s+Shared library: \\[([^\\]]+)\\]"_s);
        for (auto it = entry.globalMatch(QString::fromUtf8(r.out)); it.hasNext();)
            needed << it.next().captured(1);
        QVERIFY2(needed.contains(u"libQt6Gui.so.6"_s), qPrintable(needed.join(u' ')));
        QVERIFY2(needed.contains(u"libQt6Svg.so.6"_s), qPrintable(needed.join(u' ')));
        for (const QString &library : needed)
            QVERIFY2(!library.startsWith(u"libQt6Widgets"_s), qPrintable(library));
    }

    // glibc's loader reports every library it maps, also those dlopen()ed
    // later (the platform plug-in): a PNG export maps no Qt Widgets either.
    void imageExport_loadsNoQtWidgetsAtRunTime()
    {
        const QString trace = m_work.filePath(u"ld-trace"_s);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"LD_DEBUG"_s, u"libs"_s);
        env.insert(u"LD_DEBUG_OUTPUT"_s, trace);
        env.remove(u"DISPLAY"_s);
        env.remove(u"WAYLAND_DISPLAY"_s);
        env.remove(u"QT_QPA_PLATFORM"_s); // the CLI picks offscreen itself without a display
        const QString png = m_work.filePath(u"traced.png"_s);
        const Run r = run(cli(), {u"build"_s, QStringLiteral(CARTO_SAMPLES_DIR), u"--png"_s, png, u"--width"_s,
                                  u"600"_s, u"--quiet"_s},
                          env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(QImage(png).width() == 600);
        // LD_DEBUG_OUTPUT writes TRACE.PID.
        QByteArray loaded;
        for (const QFileInfo &file : QDir(m_work.path()).entryInfoList({u"ld-trace.*"_s}, QDir::Files)) {
            QFile f(file.filePath());
            QVERIFY(f.open(QIODevice::ReadOnly));
            loaded += f.readAll();
        }
        QVERIFY2(loaded.contains("libQt6Gui.so"), "the loader trace is empty");
        QVERIFY2(loaded.contains("libqoffscreen.so"), "the offscreen platform plug-in was not loaded");
        QVERIFY2(!loaded.contains("libQt6Widgets"), "an image export loaded Qt Widgets");
    }

    void imageExport_isAValidImageOfTheAskedSize_data()
    {
        QTest::addColumn<QString>("flag");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<bool>("toStdout");
        QTest::addColumn<QSizeF>("size"); // PNG: pixels (height: any); SVG: its view box width; PDF: the page in points
        QTest::newRow("png 1200") << u"--png"_s << QStringList{u"--width"_s, u"1200"_s} << false << QSizeF(1200, 0);
        QTest::newRow("png 640 to stdout") << u"--png"_s << QStringList{u"--width"_s, u"640"_s} << true
                                           << QSizeF(640, 0);
        QTest::newRow("svg 900") << u"--svg"_s << QStringList{u"--width"_s, u"900"_s} << false << QSizeF(900, 0);
        QTest::newRow("svg to stdout") << u"--svg"_s << QStringList{u"--width"_s, u"700"_s} << true << QSizeF(700, 0);
        QTest::newRow("pdf A4") << u"--pdf"_s << QStringList{} << false
                                << QPageSize(QPageSize::A4).size(QPageSize::Point);
        QTest::newRow("pdf Letter to stdout") << u"--pdf"_s << QStringList{u"--page"_s, u"Letter"_s} << true
                                              << QPageSize(QPageSize::Letter).size(QPageSize::Point);
    }

    void imageExport_isAValidImageOfTheAskedSize()
    {
        QFETCH(QString, flag);
        QFETCH(QStringList, options);
        QFETCH(bool, toStdout);
        QFETCH(QSizeF, size);
        const QString path = m_work.filePath(QString::fromUtf8(QTest::currentDataTag()).replace(u' ', u'-'));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        const Run r = run(cli(), QStringList{u"build"_s, QStringLiteral(CARTO_SAMPLES_DIR), flag,
                                             toStdout ? u"-"_s : path, u"--quiet"_s} + options, env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QByteArray bytes = r.out;
        if (!toStdout) {
            QVERIFY(r.out.isEmpty());
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            bytes = file.readAll();
        }
        QVERIFY(bytes.size() > 1000);

        QImage drawn;
        if (flag == u"--png") {
            QVERIFY(drawn.loadFromData(bytes, "PNG"));
            QCOMPARE(drawn.width(), int(size.width()));
            QVERIFY(drawn.height() > 100);
        } else if (flag == u"--svg") {
            QSvgRenderer svg(bytes);
            QVERIFY(svg.isValid());
            QCOMPARE(svg.viewBoxF().width(), size.width());
            QVERIFY(svg.viewBoxF().height() > 100);
            drawn = QImage(svg.viewBox().size(), QImage::Format_ARGB32_Premultiplied);
            drawn.fill(Qt::white);
            QPainter painter(&drawn);
            svg.render(&painter);
        } else {
            const std::unique_ptr<Poppler::Document> pdf = Poppler::Document::loadFromData(bytes);
            QVERIFY(pdf && !pdf->isLocked());
            QCOMPARE(pdf->numPages(), 1);
            const std::unique_ptr<Poppler::Page> page = pdf->page(0);
            const QSizeF points = page->pageSizeF();
            // Turned to suit the map: either orientation of the sheet.
            const QSizeF turned = size.transposed();
            QVERIFY2((qAbs(points.width() - size.width()) < 1 && qAbs(points.height() - size.height()) < 1)
                         || (qAbs(points.width() - turned.width()) < 1 && qAbs(points.height() - turned.height()) < 1),
                     qPrintable(u"%1 x %2 pt"_s.arg(points.width()).arg(points.height())));
            drawn = page->renderToImage(48, 48);
            QVERIFY(!drawn.isNull());
            // Labels are text the PDF carries, not pixels.
            QVERIFY(page->text(QRectF()).trimmed().size() > 20);
        }
        // Not a blank canvas: nodes, links and labels in their colours.
        QVERIFY2(colourCount(drawn) > 20, qPrintable(QString::number(colourCount(drawn))));
    }
};

QTEST_MAIN(CliHeadlessTest)
#include "cliheadless_test.moc"
