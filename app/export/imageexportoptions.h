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
    // PDF only: a standard sheet, turned landscape or portrait to suit the map.
    QPageSize::PageSizeId pageSize = QPageSize::A4;
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
