#include "document/projectdocument.h"
#include "export/mapimageexporter.h"
#include "project/build.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <poppler-qt6.h>

#include <memory>

using namespace Qt::StringLiterals;
using namespace carto;

// Image export of the sample corpus's map: PNG size and content, SVG as valid
// XML with the top labels as <text>, PDF loadable by Poppler.
class ImageExportTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void png_hasRequestedWidthAndIsNotBlank();
    void png_transparent_leavesBackgroundClear();
    void svg_parsesAndHoldsTopLabelsAsText();
    void pdf_isValidWithOnePage();
    void formatForPath_readsSuffix();

private:
    std::unique_ptr<app::ProjectDocument> m_document;
    QTemporaryDir m_dir;
};

void ImageExportTest::initTestCase()
{
    QVERIFY2(QDir(QStringLiteral(CARTO_SAMPLES_DIR)).exists(), "sample corpus missing");
    QString error;
    auto build = project::buildCorpus(QStringLiteral(CARTO_SAMPLES_DIR), {}, &error);
    QVERIFY2(build, qPrintable(error));
    m_document = std::make_unique<app::ProjectDocument>();
    m_document->setBuild(std::make_shared<project::BuildResult>(std::move(*build)), QStringLiteral(CARTO_SAMPLES_DIR));
    QVERIFY(m_document->nodeCount() > 10);
}

void ImageExportTest::png_hasRequestedWidthAndIsNotBlank()
{
    const app::MapImageExporter exporter(m_document.get());
    app::ImageExportOptions options;
    options.width = 900;
    options.title = u"Sample"_s;
    const QString path = m_dir.filePath(u"map.png"_s);
    QString error;
    QVERIFY2(exporter.write(path, options, &error), qPrintable(error));
    const QImage image(path);
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), 900);
    QCOMPARE(image.size(), exporter.imageSize(options));
    QSet<QRgb> colours;
    qint64 inked = 0;
    const QRgb background = image.pixel(1, 1);
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2) {
            colours.insert(image.pixel(x, y));
            if (image.pixel(x, y) != background)
                ++inked;
        }
    QVERIFY2(colours.size() > 50, qPrintable(QString::number(colours.size())));
    // Nodes, links and labels cover a real share of the picture.
    QVERIFY(inked > qint64(image.width()) * image.height() / 4 / 50);
}

void ImageExportTest::png_transparent_leavesBackgroundClear()
{
    const app::MapImageExporter exporter(m_document.get());
    app::ImageExportOptions options;
    options.width = 400;
    options.transparent = true;
    options.legend = false;
    const QString path = m_dir.filePath(u"clear.png"_s);
    QString error;
    QVERIFY2(exporter.write(path, options, &error), qPrintable(error));
    const QImage image(path);
    QVERIFY(image.hasAlphaChannel());
    QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
}

void ImageExportTest::svg_parsesAndHoldsTopLabelsAsText()
{
    const app::MapImageExporter exporter(m_document.get());
    app::ImageExportOptions options;
    options.format = app::ImageExportOptions::Format::Svg;
    options.width = 1200;
    const QString path = m_dir.filePath(u"map.svg"_s);
    QString error;
    QVERIFY2(exporter.write(path, options, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QStringList texts;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == u"text"_s)
            texts.append(xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified());
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    for (int rank = 0; rank < 3; ++rank) {
        const QString label = m_document->graph().node(m_document->nodesByScore()[size_t(rank)]).info.label;
        QVERIFY2(texts.contains(label), qPrintable(label));
    }
}

void ImageExportTest::pdf_isValidWithOnePage()
{
    const app::MapImageExporter exporter(m_document.get());
    app::ImageExportOptions options;
    options.format = app::ImageExportOptions::Format::Pdf;
    options.width = 800;
    const QString path = m_dir.filePath(u"map.pdf"_s);
    QString error;
    QVERIFY2(exporter.write(path, options, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
    const std::unique_ptr<Poppler::Document> pdf = Poppler::Document::load(path);
    QVERIFY(pdf);
    QVERIFY(!pdf->isLocked());
    QVERIFY(pdf->numPages() >= 1);
    // Vector labels: the page's text holds the names of the best concepts.
    const std::unique_ptr<Poppler::Page> page = pdf->page(0);
    // NFKC: the renderer draws "fl" as a ligature glyph, which poppler extracts as U+FB02.
    const QString text = page->text(QRectF()).normalized(QString::NormalizationForm_KC).simplified();
    int found = 0;
    for (int rank = 0; rank < 10; ++rank)
        found += text.contains(m_document->graph().node(m_document->nodesByScore()[size_t(rank)]).info.label) ? 1 : 0;
    QVERIFY2(found >= 5, qPrintable(text.left(400)));
}

void ImageExportTest::formatForPath_readsSuffix()
{
    using F = app::ImageExportOptions::Format;
    QCOMPARE(app::MapImageExporter::formatForPath(u"a/map.SVG"_s), F::Svg);
    QCOMPARE(app::MapImageExporter::formatForPath(u"map.pdf"_s), F::Pdf);
    QCOMPARE(app::MapImageExporter::formatForPath(u"map.png"_s), F::Png);
}

QTEST_MAIN(ImageExportTest)
#include "imageexport_test.moc"
