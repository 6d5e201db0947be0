#pragma once

#include "export/imageexportoptions.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace carto::app {

class MapView;
class ProjectDocument;

// File ▸ Export ▸ Image…: format (PNG, SVG, PDF), width (PNG, SVG), page size
// (PDF), DPI, transparent background, whole map or current view, title and
// legend, then a file name.
// Writes through MapImageExporter with the positions shown on screen.
class ExportImageDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportImageDialog)

public:
    ExportImageDialog(ProjectDocument *document, MapView *map, QWidget *parent = nullptr);

    [[nodiscard]] ImageExportOptions options() const;
    // Exports to path with the dialog's options; false and *error on failure.
    bool exportTo(const QString &path, QString *error) const;

private:
    void accept() override;

    ProjectDocument *m_document;
    MapView *m_map;
    QComboBox *m_format;
    QSpinBox *m_width;
    QComboBox *m_page;
    QSpinBox *m_dpi;
    QCheckBox *m_transparent;
    QComboBox *m_extent;
    QLineEdit *m_title;
    QCheckBox *m_legend;
};

} // namespace carto::app
