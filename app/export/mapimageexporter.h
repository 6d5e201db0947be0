#pragma once

#include "export/imageexportoptions.h"

#include <QByteArray>
#include <QPageLayout>
#include <QPointF>
#include <QSize>

#include <vector>

class QPainter;

namespace carto::app {

class ProjectDocument;

// Writes the map as PNG (raster), SVG (vector, labels as <text>) or PDF
// (vector) with an optional title and legend. Paints with the same
// MapRenderer as the screen, in a light print palette, so the image looks
// like the map on screen. SVG names a generic font family as a fallback (so a
// browser without the font still draws sans-serif) and holds no character XML
// forbids; PDF is a standard page (A4 unless asked otherwise) turned to suit the
// map. Files are written through core's ExportFileSet: atomically, never through
// a link. Used by File ▸ Export ▸ Image… and cartograph-cli.
// Needs a QGuiApplication (fonts); no widgets.
class MapImageExporter final
{
public:
    explicit MapImageExporter(const ProjectDocument *document);

    // Positions to draw (scene units, one per node); default: the document's.
    void setPositions(std::vector<QPointF> positions) { m_positions = std::move(positions); }

    // Returns false and sets *error on failure.
    bool write(const QString &path, const ImageExportOptions &options, QString *error) const;
    // The file's bytes without writing them (for `cartograph-cli --png -`).
    bool render(const ImageExportOptions &options, QByteArray *bytes, QString *error) const;
    // The size the image will have (pixels for PNG, points otherwise; for PDF
    // the drawing inside the page's margins).
    [[nodiscard]] QSize imageSize(const ImageExportOptions &options) const;
    // PDF: the page the map is drawn on (size, orientation, margins in points).
    [[nodiscard]] QPageLayout pageLayout(const ImageExportOptions &options) const;
    // Paints into a device of imageSize(options).
    void paint(QPainter *painter, const ImageExportOptions &options) const;

    // The page of options.pageSize (the 16:9 slide for QPageSize::Custom).
    [[nodiscard]] static QPageSize pageOf(QPageSize::PageSizeId id);
    // PDF: device units per inch, so an "as on screen" frame fills the page at screen scale (72 otherwise).
    [[nodiscard]] int pdfResolution(const ImageExportOptions &options) const;

    // The nodes the last paint() labelled (what tests compare with the screen's).
    [[nodiscard]] const std::vector<int> &lastLabelledNodes() const { return m_lastLabelled; }

    // Format from a file name's suffix (png / svg / pdf); PNG when unknown.
    [[nodiscard]] static ImageExportOptions::Format formatForPath(const QString &path);

private:
    [[nodiscard]] QRectF sourceRect(const ImageExportOptions &options) const;
    [[nodiscard]] double titleHeight(const ImageExportOptions &options) const;
    [[nodiscard]] double legendHeight(const ImageExportOptions &options) const;
    // The size painted in: the image (whole map) or the screen-scale frame (as on screen).
    [[nodiscard]] QSize logicalSize(const ImageExportOptions &options) const;
    bool renderPng(const ImageExportOptions &options, QByteArray *bytes, QString *error) const;
    bool renderSvg(const ImageExportOptions &options, QByteArray *bytes, QString *error) const;
    bool renderPdf(const ImageExportOptions &options, QByteArray *bytes, QString *error) const;

    const ProjectDocument *m_document;
    std::vector<QPointF> m_positions;
    mutable std::vector<int> m_lastLabelled;
};

} // namespace carto::app
