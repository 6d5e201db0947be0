#include "canvas/mapview.h"
#include "document/projectdocument.h"
#include "export/exportimagedialog.h"
#include "export/mapimageexporter.h"
#include "mainwindow.h"
#include "offscreenscreen.h"

#include <poppler-qt6.h>

#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace Qt::StringLiterals;
using namespace carto;
using carto::app::ExportImageDialog;
using carto::app::ImageExportOptions;
using carto::app::MainWindow;

// File ▸ Export ▸ Image as a user meets it after the first build: "as on
// screen" copies the view (framing and labels), PDF page presets, a preview,
// the folder, format and title remembered, and the status bar's confirmation.
class ExportImageDialogTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void asOnScreen_png_isTheViewsShapeWithItsLabels();
    void asOnScreen_pdf_pagePresets_data();
    void asOnScreen_pdf_pagePresets();
    void wholeMap_framesEveryVisibleNode();
    void asOnScreen_png_drawsTheWholeFrameAtAnyWidth_data();
    void asOnScreen_png_drawsTheWholeFrameAtAnyWidth();
    void preview_showsTheExport();
    void export_remembersFolderFormatAndTitle();
    void statusBar_confirmsWithOpenFolder();

private:
    [[nodiscard]] app::MapView *map() const { return m_window->mapView(); }

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;
};

void ExportImageDialogTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"CartographExportDialogTest"_s);
    QSettings().clear();
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy finished(m_window.get(), &MainWindow::buildFinished);
    m_window->openFolder(QStringLiteral(CARTO_SHARED_DIR "/seeds"));
    QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 180000));
    QVERIFY(finished.first().first().toBool());
    QTest::qWait(100);
    map()->viewport()->repaint();
}

void ExportImageDialogTest::cleanupTestCase()
{
    m_window.reset();
}

void ExportImageDialogTest::asOnScreen_png_isTheViewsShapeWithItsLabels()
{
    ExportImageDialog dialog(m_window->document(), map());
    QCOMPARE(dialog.extentChoice()->currentIndex(), 0); // "as on screen" is the default
    dialog.formatChoice()->setCurrentIndex(0);
    dialog.titleEdit()->clear();
    const ImageExportOptions options = dialog.options();
    const QString path = m_dir.filePath(u"view.png"_s);
    QString error;
    QVERIFY2(dialog.exportTo(path, &error), qPrintable(error));
    const QImage image(path);
    QVERIFY(!image.isNull());
    const QSize viewport = map()->viewport()->size();
    // Landscape like the view; the map part has the view's aspect (below it only the legend).
    QVERIFY2(image.width() > image.height() || viewport.width() <= viewport.height(),
             qPrintable(u"%1x%2"_s.arg(image.width()).arg(image.height())));
    QCOMPARE(image.width(), options.width);

    // The labels the export draws are the ones on screen.
    map()->viewport()->repaint();
    const auto &screen = map()->renderer().lastLabelledNodes();
    app::MapImageExporter exporter(m_window->document());
    exporter.setPositions(map()->renderer().positions());
    QByteArray bytes;
    QVERIFY(exporter.render(options, &bytes, &error));
    const std::set<int> exported(exporter.lastLabelledNodes().begin(), exporter.lastLabelledNodes().end());
    QVERIFY(!screen.empty());
    int shared = 0;
    for (const int v : screen)
        shared += exported.count(v) ? 1 : 0;
    // The screen keeps labels off its legend and minimap; the export has none there.
    QVERIFY2(shared >= int(screen.size()) * 9 / 10,
             qPrintable(u"%1 of %2 screen labels exported"_s.arg(shared).arg(screen.size())));
    QVERIFY2(int(exported.size()) <= int(screen.size()) * 13 / 10 + 5,
             qPrintable(u"%1 labels exported, %2 on screen"_s.arg(exported.size()).arg(screen.size())));
}

void ExportImageDialogTest::asOnScreen_pdf_pagePresets_data()
{
    QTest::addColumn<int>("page");
    QTest::addColumn<double>("longSide");
    QTest::addColumn<double>("shortSide");
    QTest::newRow("A4") << 0 << 841.89 << 595.28;
    QTest::newRow("Letter") << 1 << 792.0 << 612.0;
    QTest::newRow("16:9 slide") << 3 << 960.0 << 540.0;
}

void ExportImageDialogTest::asOnScreen_pdf_pagePresets()
{
    QFETCH(int, page);
    QFETCH(double, longSide);
    QFETCH(double, shortSide);
    ExportImageDialog dialog(m_window->document(), map());
    dialog.formatChoice()->setCurrentIndex(2);
    dialog.pageChoice()->setCurrentIndex(page);
    const QString path = m_dir.filePath(u"view-%1.pdf"_s.arg(page));
    QString error;
    QVERIFY2(dialog.exportTo(path, &error), qPrintable(error));
    const std::unique_ptr<Poppler::Document> pdf = Poppler::Document::load(path);
    QVERIFY(pdf);
    QCOMPARE(pdf->numPages(), 1);
    const QSizeF size = pdf->page(0)->pageSizeF();
    QVERIFY2(std::abs(size.width() - longSide) < 1.5 && std::abs(size.height() - shortSide) < 1.5,
             qPrintable(u"%1 x %2 pt"_s.arg(size.width()).arg(size.height())));
    // Labels as on screen are text on the page.
    const QString text = pdf->page(0)->text(QRectF());
    int found = 0;
    for (const int v : map()->renderer().lastLabelledNodes())
        found += text.contains(m_window->document()->graph().node(v).info.label.left(6)) ? 1 : 0;
    QVERIFY2(found >= 3, qPrintable(text.left(200)));
}

void ExportImageDialogTest::wholeMap_framesEveryVisibleNode()
{
    ExportImageDialog dialog(m_window->document(), map());
    dialog.extentChoice()->setCurrentIndex(1);
    const ImageExportOptions options = dialog.options();
    QVERIFY(options.sceneRect.isEmpty());
    QCOMPARE(options.frameWidth, 0);
    // Zoomed in, "as on screen" shows part of the map; "whole map" all of it.
    map()->zoomIn();
    map()->zoomIn();
    ExportImageDialog zoomed(m_window->document(), map());
    const ImageExportOptions view = zoomed.options();
    int inView = 0, visible = 0;
    for (int v = 0; v < m_window->document()->nodeCount(); ++v) {
        if (!m_window->document()->isNodeVisible(v))
            continue;
        ++visible;
        inView += view.sceneRect.contains(map()->nodeScenePos(v)) ? 1 : 0;
    }
    QVERIFY(inView < visible);
    map()->fitToVisible();
}

void ExportImageDialogTest::asOnScreen_png_drawsTheWholeFrameAtAnyWidth_data()
{
    QTest::addColumn<double>("factor");
    QTest::newRow("half the view") << 0.5;
    QTest::newRow("twice the view") << 2.0;
}

void ExportImageDialogTest::asOnScreen_png_drawsTheWholeFrameAtAnyWidth()
{
    QFETCH(double, factor);
    ExportImageDialog dialog(m_window->document(), map());
    app::ImageExportOptions options = dialog.options();
    options.format = ImageExportOptions::Format::Png;
    options.width = int(map()->viewport()->width() * factor);
    options.transparent = false;
    app::MapImageExporter exporter(m_window->document());
    exporter.setPositions(map()->renderer().positions());
    QByteArray bytes;
    QString error;
    QVERIFY(exporter.render(options, &bytes, &error));
    QImage image;
    QVERIFY(image.loadFromData(bytes, "PNG"));
    QCOMPARE(image.width(), options.width);
    // Where the view has nodes, the image has ink: the right and bottom of the
    // frame too, not only the part a clipped painter would reach.
    const QColor background = image.pixelColor(2, 2);
    auto inked = [&](QRect part) {
        for (int y = part.top(); y <= part.bottom(); y += 2)
            for (int x = part.left(); x <= part.right(); x += 2)
                if (image.pixelColor(x, y).alpha() == 255 && image.pixelColor(x, y) != background)
                    return true;
        return false;
    };
    const int w = image.width(), h = image.height();
    // An opaque background everywhere, the far corner included.
    QCOMPARE(image.pixelColor(w - 2, h - 2), background);
    QVERIFY(inked(QRect(w * 3 / 4, 0, w / 4 - 4, h)));
    QVERIFY(inked(QRect(0, 0, w / 4, h)));
    QVERIFY(inked(QRect(0, h * 3 / 4, w, h / 4 - 4)));
}

void ExportImageDialogTest::preview_showsTheExport()
{
    ExportImageDialog dialog(m_window->document(), map());
    const QPixmap preview = dialog.preview()->pixmap();
    QVERIFY(!preview.isNull());
    const QSize viewport = map()->viewport()->size();
    QCOMPARE(preview.width() > preview.height(), viewport.width() > viewport.height());
    // Not blank: the map is drawn in it.
    const QImage image = preview.toImage();
    std::set<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 8, qPrintable(QString::number(colours.size())));
}

void ExportImageDialogTest::export_remembersFolderFormatAndTitle()
{
    const QString folder = m_dir.filePath(u"exports"_s);
    QDir().mkpath(folder);
    {
        ExportImageDialog dialog(m_window->document(), map());
        dialog.formatChoice()->setCurrentIndex(1); // SVG
        dialog.titleEdit()->setText(u"Chips and rules"_s);
        QString error;
        QVERIFY2(dialog.exportTo(QDir(folder).filePath(u"map.svg"_s), &error), qPrintable(error));
    }
    ExportImageDialog again(m_window->document(), map());
    QCOMPARE(again.formatChoice()->currentIndex(), 1);
    QCOMPARE(again.titleEdit()->text(), u"Chips and rules"_s);
    QCOMPARE(QFileInfo(again.suggestedPath()).absolutePath(), QFileInfo(folder).absoluteFilePath());
    QVERIFY(again.suggestedPath().endsWith(u".svg"_s));
}

void ExportImageDialogTest::statusBar_confirmsWithOpenFolder()
{
    const QString path = m_dir.filePath(u"confirmed.png"_s);
    m_window->showExported(path);
    QLabel *message = m_window->exportedMessage();
    QVERIFY(message->isVisible());
    QVERIFY(message->text().contains(u"confirmed.png"_s));
    QVERIFY(message->text().contains(u"Open folder"_s));
    QVERIFY(message->text().contains(QUrl::fromLocalFile(QFileInfo(path).absolutePath()).toString()));
}

CARTO_TEST_MAIN_ON_SCREEN(ExportImageDialogTest, 1920, 1080)
#include "exportimagedialog_test.moc"
