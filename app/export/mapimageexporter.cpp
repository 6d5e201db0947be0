#include "mapimageexporter.h"

#include "canvas/colours.h"
#include "canvas/legendentries.h"
#include "canvas/maprenderer.h"
#include "document/projectdocument.h"
#include "export/exportregistry.h"
#include "export/exportfileset.h"
#include "export/sanitize.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace carto::app {

namespace {
constexpr double kMarginPx = 24.0;
constexpr double kTitlePx = 22.0;
constexpr int kLegendRow = 17;
constexpr int kLegendPad = 6;
constexpr double kPageMarginMm = 10.0;

// Exports are meant for pages and slides: always the light look.
QPalette printPalette()
{
    QPalette palette(QColor(239, 239, 239), QColor(255, 255, 255));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::Text, Qt::black);
    palette.setColor(QPalette::WindowText, Qt::black);
    palette.setColor(QPalette::Highlight, QColor(48, 140, 198));
    palette.setColor(QPalette::Mid, QColor(184, 184, 184));
    return palette;
}

QRectF legendRect(const QList<LegendEntry> &entries, const QString &title, const QFont &font, QPointF topLeft)
{
    const QFontMetrics fm(font);
    int width = fm.horizontalAdvance(title) + 10;
    for (const LegendEntry &e : entries)
        width = std::max(width, 16 + fm.horizontalAdvance(e.text));
    return {topLeft, QSizeF(std::min(width + 2 * kLegendPad, 300), kLegendPad * 2 + kLegendRow * (entries.size() + 1))};
}

// QSvgGenerator writes the font's family name only ("Sans Serif", a fontconfig
// alias no browser knows, so they fall back to serif). Each font-family gets
// the CSS generic family as its last resort, and the aliases for it become it.
QString withGenericFontFamily(const QString &svg)
{
    static const QRegularExpression family(QStringLiteral(R"(font-family=("|')([^"']*)\1)"));
    static const QStringList sansAliases = {u"sans serif"_s, u"sans"_s, u"sans-serif"_s, QString()};
    QString out;
    out.reserve(svg.size() + 256);
    qsizetype last = 0;
    for (auto it = family.globalMatch(svg); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(svg).mid(last, m.capturedStart() - last);
        const QString name = m.captured(2).trimmed();
        if (sansAliases.contains(name.toLower()))
            out += u"font-family=\"sans-serif\""_s;
        else
            out += u"font-family=\"'"_s + name + u"', sans-serif\""_s;
        last = m.capturedEnd();
    }
    out += QStringView(svg).mid(last);
    return out;
}
} // namespace

MapImageExporter::MapImageExporter(const ProjectDocument *document)
    : m_document(document)
{
}

ImageExportOptions::Format MapImageExporter::formatForPath(const QString &path)
{
    const ExportFormat *format = ExportRegistry::forPath(path);
    return format && format->image ? *format->image : ImageExportOptions::Format::Png;
}

QRectF MapImageExporter::sourceRect(const ImageExportOptions &options) const
{
    if (!options.sceneRect.isEmpty())
        return options.sceneRect;
    MapRenderer renderer(m_document);
    renderer.rebuild();
    if (!m_positions.empty())
        renderer.setPositions(m_positions);
    QRectF rect = renderer.visibleBounds();
    if (rect.isEmpty())
        rect = QRectF(-100, -100, 200, 200);
    // Room for the labels of nodes at the map's edge.
    const double pad = std::max(rect.width(), rect.height()) * 0.03 + 10.0;
    return rect.adjusted(-pad, -pad, pad, pad);
}

double MapImageExporter::titleHeight(const ImageExportOptions &options) const
{
    return options.title.isEmpty() ? 0.0 : kTitlePx * 1.8;
}

double MapImageExporter::legendHeight(const ImageExportOptions &options) const
{
    // As on screen the legend floats over the map's top-left corner, as it does in the window.
    if (!options.legend || options.frameWidth > 0)
        return 0.0;
    QString title;
    const qsizetype rows = legendEntries(m_document, options.colourByType, &title).size();
    // The legend sits below the map, so it never hides a node.
    return rows == 0 ? 0.0 : double(kLegendPad * 2 + kLegendRow * (rows + 1)) + kMarginPx / 2;
}

QPageSize MapImageExporter::pageOf(QPageSize::PageSizeId id)
{
    if (id == QPageSize::Custom)
        // Given upright, as QPageLayout expects: Landscape turns it to 13.33 × 7.5 in.
        return QPageSize(QSizeF(7.5, 13.333), QPageSize::Inch, QObject::tr("16:9 slide"));
    return QPageSize(id);
}

QPageLayout MapImageExporter::pageLayout(const ImageExportOptions &options) const
{
    const QRectF source = sourceRect(options);
    // A slide is always landscape; a sheet turns to suit the map.
    const auto orientation = source.width() >= source.height() || options.pageSize == QPageSize::Custom
        ? QPageLayout::Landscape
        : QPageLayout::Portrait;
    const double margin = kPageMarginMm * 72.0 / 25.4;
    return QPageLayout(pageOf(options.pageSize), orientation, QMarginsF(margin, margin, margin, margin),
                       QPageLayout::Point);
}

int MapImageExporter::pdfResolution(const ImageExportOptions &options) const
{
    if (options.frameWidth <= 0)
        return 72; // one point per device unit
    // The frame, at screen scale, fills the page's paint rectangle.
    const QSizeF page = pageLayout(options).paintRectPoints().size();
    ImageExportOptions frame = options;
    frame.format = ImageExportOptions::Format::Png;
    const QSize logical = logicalSize(frame);
    const double perPoint = std::max(logical.width() / page.width(), logical.height() / page.height());
    return std::clamp(int(std::lround(72.0 * perPoint)), 36, 1200);
}

QSize MapImageExporter::logicalSize(const ImageExportOptions &options) const
{
    if (options.format == ImageExportOptions::Format::Pdf)
        return pageLayout(options).paintRectPixels(pdfResolution(options)).size();
    const QRectF source = sourceRect(options);
    const int width = options.frameWidth > 0 ? std::clamp(options.frameWidth + int(2 * kMarginPx), 64, 20000)
                                             : std::clamp(options.width, 64, 20000);
    const double mapWidth = width - 2 * kMarginPx;
    const double aspect = source.height() / std::max(1e-9, source.width());
    const int height = int(std::lround(std::clamp(mapWidth * aspect, mapWidth / 4, mapWidth * 4) + 2 * kMarginPx
                                       + titleHeight(options) + legendHeight(options)));
    return {width, height};
}

QSize MapImageExporter::imageSize(const ImageExportOptions &options) const
{
    if (options.format == ImageExportOptions::Format::Pdf)
        return pageLayout(options).paintRectPoints().size();
    const QSize logical = logicalSize(options);
    if (options.frameWidth <= 0 || options.format == ImageExportOptions::Format::Svg)
        return logical;
    // PNG as on screen: the frame scaled to the asked width.
    const double k = std::clamp(options.width, 64, 20000) / double(logical.width());
    return {int(std::lround(logical.width() * k)), int(std::lround(logical.height() * k))};
}

void MapImageExporter::paint(QPainter *painter, const ImageExportOptions &options) const
{
    const QSize size = logicalSize(options);
    const QPalette palette = printPalette();
    MapRenderer renderer(m_document);
    renderer.rebuild();
    if (!m_positions.empty())
        renderer.setPositions(m_positions);
    renderer.setPalette(palette);
    renderer.setColourByType(options.colourByType);

    if (!options.transparent)
        painter->fillRect(QRectF(QPointF(0, 0), QSizeF(size)), colours::mapBackground(palette));

    const double top = kMarginPx + titleHeight(options);
    const double legendSpace = legendHeight(options);
    const QRectF target(kMarginPx, top, size.width() - 2 * kMarginPx,
                        size.height() - top - kMarginPx - legendSpace);
    const QRectF source = sourceRect(options);
    const double scale = std::min(target.width() / source.width(), target.height() / source.height());
    const QPointF offset = target.center() - QPointF(source.center().x() * scale, source.center().y() * scale);

    QFont legendFont;
    legendFont.setPixelSize(12);
    QString legendTitle;
    const QList<LegendEntry> entries = options.legend ? legendEntries(m_document, options.colourByType, &legendTitle)
                                                      : QList<LegendEntry>{};
    const QRectF legend = entries.isEmpty()
        ? QRectF()
        : legendRect(entries, legendTitle, legendFont,
                     options.frameWidth > 0 ? QPointF(kMarginPx + 8, top + 8)
                                            : QPointF(kMarginPx, target.bottom() + kMarginPx / 2));
    // Labels keep off a legend drawn over the map, as on screen.
    if (options.frameWidth > 0 && !legend.isNull())
        renderer.setReservedRects({legend.adjusted(-2, -2, 2, 2)});

    painter->save();
    painter->setTransform(QTransform(scale, 0, 0, scale, offset.x(), offset.y()));
    // What lies in the device rectangle, in scene units.
    const QRectF exposed = painter->transform().inverted().mapRect(QRectF(QPointF(0, 0), QSizeF(size)));
    renderer.paintMap(painter, exposed);
    renderer.paintLabels(painter, exposed);
    m_lastLabelled = renderer.lastLabelledNodes();
    painter->restore();

    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setRenderHint(QPainter::TextAntialiasing, true);
    if (!options.title.isEmpty()) {
        QFont font;
        font.setPixelSize(int(kTitlePx));
        font.setBold(true);
        painter->setFont(font);
        painter->setPen(palette.color(QPalette::Text));
        painter->drawText(QRectF(kMarginPx, kMarginPx / 2, size.width() - 2 * kMarginPx, titleHeight(options)),
                          Qt::AlignLeft | Qt::AlignVCenter, options.title);
    }
    if (!legend.isNull()) {
        QColor bg = colours::mapBackground(palette);
        bg.setAlpha(235);
        painter->setPen(QPen(palette.color(QPalette::Mid), 1));
        painter->setBrush(bg);
        painter->drawRoundedRect(legend, 4, 4);
        QFont bold = legendFont;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(palette.color(QPalette::Text));
        const double x = legend.left() + kLegendPad;
        double y = legend.top() + kLegendPad;
        painter->drawText(QRectF(x, y, legend.width() - 2 * kLegendPad, kLegendRow), Qt::AlignVCenter | Qt::AlignLeft,
                          legendTitle);
        painter->setFont(legendFont);
        const QFontMetrics fm(legendFont);
        y += kLegendRow;
        for (const LegendEntry &e : entries) {
            if (e.colour.isValid()) {
                painter->setPen(Qt::NoPen);
                painter->setBrush(e.colour);
                painter->drawEllipse(QPointF(x + 5, y + kLegendRow / 2.0), 5, 5);
            }
            painter->setPen(palette.color(QPalette::Text));
            const double w = legend.width() - 2 * kLegendPad - 16;
            painter->drawText(QRectF(x + 16, y, w, kLegendRow), Qt::AlignVCenter | Qt::AlignLeft,
                              fm.elidedText(e.text, Qt::ElideRight, int(w)));
            y += kLegendRow;
        }
    }
}

bool MapImageExporter::write(const QString &path, const ImageExportOptions &options, QString *error) const
{
    QByteArray bytes;
    return render(options, &bytes, error) && exporter::ExportFileSet::writeFile(path, bytes, error);
}

bool MapImageExporter::render(const ImageExportOptions &options, QByteArray *bytes, QString *error) const
{
    if (!m_document->hasBuild()) {
        if (error)
            *error = QObject::tr("There is no map to export.");
        return false;
    }
    bytes->clear();
    switch (options.format) {
    case ImageExportOptions::Format::Png:
        return renderPng(options, bytes, error);
    case ImageExportOptions::Format::Svg:
        return renderSvg(options, bytes, error);
    case ImageExportOptions::Format::Pdf:
        return renderPdf(options, bytes, error);
    }
    return false;
}

bool MapImageExporter::renderPng(const ImageExportOptions &options, QByteArray *bytes, QString *error) const
{
    // As on screen, the frame is painted at screen scale, so the renderer
    // chooses labels as for the screen: scaled up through the device pixel
    // ratio (sharp), or painted at frame size and scaled down (a ratio below
    // 1 would clip the painter to part of the frame).
    const QSize wanted = imageSize(options);
    const QSize logical = logicalSize(options);
    const bool shrink = logical.width() > wanted.width();
    QImage image(shrink ? logical : wanted, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    if (!shrink && logical.width() > 0 && logical.width() != image.width())
        image.setDevicePixelRatio(double(image.width()) / logical.width());
    {
        QPainter painter(&image);
        paint(&painter, options);
    }
    if (shrink)
        image = image.scaled(wanted, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    if (options.dpi > 0) {
        const int dpm = int(std::lround(options.dpi / 0.0254));
        image.setDotsPerMeterX(dpm);
        image.setDotsPerMeterY(dpm);
    }
    QBuffer buffer(bytes);
    if (!buffer.open(QIODevice::WriteOnly) || !image.save(&buffer, "PNG")) {
        if (error)
            *error = QObject::tr("Could not encode the PNG image");
        return false;
    }
    return true;
}

bool MapImageExporter::renderSvg(const ImageExportOptions &options, QByteArray *bytes, QString *error) const
{
    const QSize size = imageSize(options);
    QByteArray raw;
    QBuffer buffer(&raw);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(options.title.isEmpty() ? QObject::tr("Concept map") : options.title);
    svg.setDescription(QObject::tr("Made with Cartograph"));
    QPainter painter;
    if (!painter.begin(&svg)) {
        if (error)
            *error = QObject::tr("Could not draw the SVG image");
        return false;
    }
    paint(&painter, options);
    painter.end();
    // Labels and the title come from the corpus: a control character in one
    // would make the file malformed XML.
    *bytes = withGenericFontFamily(exporter::sanitize::xml(QString::fromUtf8(raw))).toUtf8();
    return true;
}

bool MapImageExporter::renderPdf(const ImageExportOptions &options, QByteArray *bytes, QString *error) const
{
    QBuffer buffer(bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter pdf(&buffer);
    // Whole map: one point per device unit (imageSize is the paint rectangle
    // in points); as on screen, as many units as the screen frame needs.
    pdf.setResolution(pdfResolution(options));
    pdf.setPageLayout(pageLayout(options));
    pdf.setTitle(options.title.isEmpty() ? QObject::tr("Concept map") : options.title);
    pdf.setCreator(u"Cartograph"_s);
    QPainter painter;
    if (!painter.begin(&pdf)) {
        if (error)
            *error = QObject::tr("Could not draw the PDF document");
        return false;
    }
    paint(&painter, options);
    painter.end();
    return !bytes->isEmpty();
}

} // namespace carto::app
