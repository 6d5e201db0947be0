// Image exports others accept: SVG with a CSS generic font family and no
// character XML forbids (even from a hostile label), PDF on a standard page,
// and no image written through a planted symlink.
#include "document/projectdocument.h"
#include "export/mapimageexporter.h"
#include "project/build.h"
#include "support/exporttestsupport.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <poppler-qt6.h>

#include <cmath>
#include <memory>

using namespace carto;
namespace ts = exporter::testsupport;

class ImageExportFormatsTest final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<app::ProjectDocument> m_document; // the sample map, its best label made hostile
    QString m_hostileLabel;

    bool exportTo(const QString &path, const app::ImageExportOptions &options, QString *error) const
    {
        return app::MapImageExporter(m_document.get()).write(path, options, error);
    }

private Q_SLOTS:
    void initTestCase()
    {
        std::optional<project::BuildResult> build;
        ts::buildSampleMap(build);
        if (QTest::currentTestFailed())
            return;
        // Control characters, markup and a noncharacter, on the node drawn first.
        m_hostileLabel = QString::fromUtf16(u"ctl\x01\x02 <b>&amp; \x1b[31mred\uFFFF");
        build->graph.node(0).info.label = m_hostileLabel;
        m_document = std::make_unique<app::ProjectDocument>();
        m_document->setBuild(std::make_shared<project::BuildResult>(std::move(*build)), QStringLiteral(CARTO_SAMPLES_DIR));
    }

    void svg_isWellFormedWithGenericFontFamilies()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("map.svg"));
        app::ImageExportOptions options;
        options.format = app::ImageExportOptions::Format::Svg;
        options.width = 1200;
        options.title = QStringLiteral("Title with \x07 bell");
        QString error;
        QVERIFY2(exportTo(path, options, &error), qPrintable(error));
        const QByteArray bytes = ts::readAll(path);
        QXmlStreamReader xml(bytes);
        QStringList texts;
        int families = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            const QString family = xml.attributes().value(QLatin1String("font-family")).toString();
            if (!family.isEmpty()) {
                ++families;
                // A CSS font-family list that ends in a generic family.
                QVERIFY2(family == u"sans-serif" || family.endsWith(QStringLiteral(", sans-serif")), qPrintable(family));
            }
            if (xml.name() == u"text")
                texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(families > 0);
        QVERIFY(!bytes.contains("Sans Serif\""));
        // The hostile label is drawn, minus what XML cannot hold.
        QVERIFY2(texts.contains(QStringLiteral("ctl <b>&amp; [31mred")), qPrintable(texts.mid(0, 5).join(u'|')));
    }

    void pdf_isAStandardPageTurnedToTheMap_data()
    {
        QTest::addColumn<int>("pageSize");
        QTest::addColumn<double>("longSide");
        QTest::addColumn<double>("shortSide");
        QTest::newRow("A4") << int(QPageSize::A4) << 841.89 << 595.28;
        QTest::newRow("A3") << int(QPageSize::A3) << 1190.55 << 841.89;
        QTest::newRow("Letter") << int(QPageSize::Letter) << 792.0 << 612.0;
    }

    void pdf_isAStandardPageTurnedToTheMap()
    {
        QFETCH(int, pageSize);
        QFETCH(double, longSide);
        QFETCH(double, shortSide);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("map.pdf"));
        app::ImageExportOptions options;
        options.format = app::ImageExportOptions::Format::Pdf;
        options.pageSize = QPageSize::PageSizeId(pageSize);
        options.width = 2400; // ignored for PDF: the page decides
        QString error;
        QVERIFY2(exportTo(path, options, &error), qPrintable(error));
        const std::unique_ptr<Poppler::Document> pdf = Poppler::Document::load(path);
        QVERIFY(pdf);
        QCOMPARE(pdf->numPages(), 1);
        const std::unique_ptr<Poppler::Page> page = pdf->page(0);
        const QSizeF size = page->pageSizeF();
        const bool landscape = size.width() >= size.height();
        QVERIFY2(std::abs(std::max(size.width(), size.height()) - longSide) < 1.0, qPrintable(QString::number(size.width())));
        QVERIFY(std::abs(std::min(size.width(), size.height()) - shortSide) < 1.0);
        // Turned to suit the map's shape.
        const app::MapImageExporter exporter(m_document.get());
        QCOMPARE(landscape, exporter.pageLayout(options).orientation() == QPageLayout::Landscape);
        // The map is on it: the best concepts' labels are text on the page.
        // PDF text comes back with the font's ligatures ("ﬂood"): compare compatibly
        const QString text = page->text(QRectF()).normalized(QString::NormalizationForm_KC);
        int found = 0;
        for (int rank = 1; rank < 8; ++rank)
            found += text.contains(m_document->graph().node(m_document->nodesByScore()[size_t(rank)]).info.label) ? 1 : 0;
        QVERIFY2(found >= 3, qPrintable(text.left(300)));
    }

    void write_throughPlantedSymlink_isRefused_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("png") << int(app::ImageExportOptions::Format::Png);
        QTest::newRow("svg") << int(app::ImageExportOptions::Format::Svg);
        QTest::newRow("pdf") << int(app::ImageExportOptions::Format::Pdf);
    }

    void write_throughPlantedSymlink_isRefused()
    {
        QFETCH(int, format);
        QTemporaryDir outside;
        QTemporaryDir exportDir;
        const QString victim = outside.filePath(QStringLiteral("victim"));
        {
            QFile f(victim);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("keep");
        }
        const QString path = exportDir.filePath(QStringLiteral("map.img"));
        QVERIFY(QFile::link(victim, path));
        app::ImageExportOptions options;
        options.format = app::ImageExportOptions::Format(format);
        options.width = 300;
        QString error;
        QVERIFY(!exportTo(path, options, &error));
        QVERIFY2(error.contains(QStringLiteral("symbolic link")), qPrintable(error));
        QCOMPARE(ts::readAll(victim), QByteArray("keep"));
    }
};

QTEST_MAIN(ImageExportFormatsTest)

#include "imageexportformats_test.moc"
