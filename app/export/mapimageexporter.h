#pragma once

#include "export/imageexportoptions.h"

#include <QPointF>
#include <QSize>

#include <vector>

class QPainter;

namespace carto::app {

class ProjectDocument;

// Writes the map as PNG (raster), SVG (vector, labels as <text>) or PDF
// (vector) with an optional title and legend. Paints with the same
// MapRenderer as the screen, in a light print palette, so the image looks
// like the map on screen. Used by File ▸ Export ▸ Image… and cartograph-cli.
// Needs a QGuiApplication (fonts); no widgets.
class MapImageExporter final
{
public:
    explicit MapImageExporter(const ProjectDocument *document);

    // Positions to draw (scene units, one per node); default: the document's.
    void setPositions(std::vector<QPointF> positions) { m_positions = std::move(positions); }

    // Returns false and sets *error on failure.
    bool write(const QString &path, const ImageExportOptions &options, QString *error) const;
    // The size the image will have (pixels for PNG, points otherwise).
    [[nodiscard]] QSize imageSize(const ImageExportOptions &options) const;
    // Paints into a device of imageSize(options).
    void paint(QPainter *painter, const ImageExportOptions &options) const;

    // Format from a file name's suffix (png / svg / pdf); PNG when unknown.
    [[nodiscard]] static ImageExportOptions::Format formatForPath(const QString &path);

private:
    [[nodiscard]] QRectF sourceRect(const ImageExportOptions &options) const;
    [[nodiscard]] double titleHeight(const ImageExportOptions &options) const;
    [[nodiscard]] double legendHeight(const ImageExportOptions &options) const;

    const ProjectDocument *m_document;
    std::vector<QPointF> m_positions;
};

} // namespace carto::app
