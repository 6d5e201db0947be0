#include <QIcon>
#include <QImage>
#include <QPixmap>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kResource = u":/icons/io.github.cartograph.Cartograph.svg"_s;

QString pngPath(int size)
{
    return QStringLiteral(CARTO_ICON_PNG_DIR "/%1x%1/apps/io.github.cartograph.Cartograph.png").arg(size);
}

// Mean absolute difference per channel (0-255) of two images of one size.
double meanDifference(const QImage &a, const QImage &b)
{
    const QImage x = a.convertToFormat(QImage::Format_RGBA8888);
    const QImage y = b.convertToFormat(QImage::Format_RGBA8888);
    double sum = 0;
    for (int row = 0; row < x.height(); ++row) {
        const uchar *p = x.constScanLine(row);
        const uchar *q = y.constScanLine(row);
        for (int i = 0; i < x.width() * 4; ++i)
            sum += std::abs(int(p[i]) - int(q[i]));
    }
    return sum / (double(x.width()) * x.height() * 4);
}

} // namespace

// The application icon: the SVG in the window-icon resource draws at every
// size, and the hicolor PNGs rendered from it at build time are the same
// picture at the sizes the theme expects (a rounded tile: clear corners, an
// opaque middle).
class AppIconTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resource_drawsTileAtEverySize_data();
    void resource_drawsTileAtEverySize();
    void hicolorPng_hasItsSizeAndMatchesResource_data();
    void hicolorPng_hasItsSizeAndMatchesResource();
};

void AppIconTest::resource_drawsTileAtEverySize_data()
{
    QTest::addColumn<int>("size");
    for (const QString &size : QStringLiteral(CARTO_ICON_SIZES).split(u','))
        QTest::newRow(qPrintable(size)) << size.toInt();
}

void AppIconTest::resource_drawsTileAtEverySize()
{
    QFETCH(int, size);
    const QIcon icon(kResource);
    QVERIFY2(!icon.isNull(), "no SVG icon engine: is Qt's SVG plugin installed?");
    const QImage image = icon.pixmap(QSize(size, size)).toImage();
    QCOMPARE(image.size(), QSize(size, size));
    QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
    QCOMPARE(qAlpha(image.pixel(size - 1, size - 1)), 0);
    QCOMPARE(qAlpha(image.pixel(size / 2, size / 2)), 255);
}

void AppIconTest::hicolorPng_hasItsSizeAndMatchesResource_data()
{
    resource_drawsTileAtEverySize_data();
}

void AppIconTest::hicolorPng_hasItsSizeAndMatchesResource()
{
    QFETCH(int, size);
    const QImage png(pngPath(size));
    QVERIFY2(!png.isNull(), qPrintable(pngPath(size)));
    QCOMPARE(png.size(), QSize(size, size));
    QVERIFY(png.hasAlphaChannel());
    QCOMPARE(qAlpha(png.pixel(0, 0)), 0);
    QCOMPARE(qAlpha(png.pixel(size / 2, size / 2)), 255);
    // librsvg and Qt Svg antialias differently, most at 16 px (a mean of 6
    // there, under 1 from 48 px). The PNG must still be less than half as far
    // from the resource's drawing as from that drawing mirrored, a picture
    // with the same colours in other places.
    const QImage drawn = QIcon(kResource).pixmap(QSize(size, size)).toImage();
    QCOMPARE(drawn.size(), png.size());
    const double difference = meanDifference(png, drawn);
    const double mirrored = meanDifference(png, drawn.mirrored(true, false));
    QVERIFY2(difference < 8 && difference * 2 < mirrored,
             qPrintable(u"mean difference %1, mirrored %2"_s.arg(difference).arg(mirrored)));
}

QTEST_MAIN(AppIconTest)
#include "appicon_test.moc"
