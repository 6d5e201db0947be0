#pragma once

#include <QPageSize>
#include <QRectF>
#include <QString>

namespace carto::app {

// What an image export should produce. Plain value filled by the export dialog
// and the CLI; read by MapImageExporter.
struct ImageExportOptions
{
    enum class Format { Png, Svg, Pdf };

    Format format = Format::Png;
    // Output width: pixels for PNG, points (1/72 in) for SVG. The height follows
    // the map's aspect ratio. PDF ignores it: the map fills a page of pageSize.
    int width = 2000;
    // PDF only: a standard sheet, turned landscape or portrait to suit the map;
    // QPageSize::Custom is a 16:9 slide (13.33 × 7.5 in, a widescreen deck's).
    QPageSize::PageSizeId pageSize = QPageSize::A4;
    // "As on screen": the width in screen pixels of the view the image copies
    // (sceneRect is that view). The map is laid out in a frame this wide at the
    // screen's scale, so the same labels fit as on screen, then the frame is
    // scaled to `width` (PNG), drawn at its size (SVG) or fitted to the page
    // (PDF). 0: laid out at the output's own size ("whole map").
    int frameWidth = 0;
    // PNG only: resolution written into the file (dots per inch); 0 leaves the default.
    int dpi = 0;
    // PNG and SVG: no background fill.
    bool transparent = false;
    // Empty: the whole (visible) map; otherwise this scene rectangle (the current view).
    QRectF sceneRect;
    QString title;
    bool legend = true;
    bool colourByType = false;
};

} // namespace carto::app
