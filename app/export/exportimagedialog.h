#pragma once

#include "export/imageexportoptions.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace carto::app {

struct ExportFormat;
class MapView;
class ProjectDocument;

// File ▸ Export ▸ Image…: what ("As on screen": the view's framing and labels;
// "Whole map"), format (the ExportRegistry's images: PNG, SVG, PDF), size (pixels and DPI for PNG, a page
// preset for PDF: A4, Letter, A3, 16:9 slide), transparent background, title
// and legend, with a preview; then a file name. The folder, format and title
// are remembered for the next export (AppSettings). Writes through
// MapImageExporter with the positions shown on screen.
class ExportImageDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportImageDialog)

public:
    ExportImageDialog(ProjectDocument *document, MapView *map, QWidget *parent = nullptr);

    [[nodiscard]] ImageExportOptions options() const;
    // Exports to path with the dialog's options and remembers folder, format
    // and title; false and *error on failure.
    bool exportTo(const QString &path, QString *error);
    // The file the last successful export wrote (empty before).
    [[nodiscard]] QString writtenPath() const { return m_written; }
    // The file name the save dialog proposes: the remembered folder, the project's name, the format's suffix.
    [[nodiscard]] QString suggestedPath() const;
    [[nodiscard]] QLabel *preview() const { return m_preview; }
    [[nodiscard]] QComboBox *extentChoice() const { return m_extent; }
    [[nodiscard]] QComboBox *formatChoice() const { return m_format; }
    [[nodiscard]] QComboBox *pageChoice() const { return m_page; }
    [[nodiscard]] QLineEdit *titleEdit() const { return m_title; }

private:
    // The chosen format (its item's data is the registry name).
    [[nodiscard]] const ExportFormat &currentFormat() const;
    void accept() override;
    void updatePreview();
    void onFormatChanged();

    ProjectDocument *m_document;
    MapView *m_map;
    QComboBox *m_extent;
    QComboBox *m_format;
    QSpinBox *m_width;
    QComboBox *m_page;
    QSpinBox *m_dpi;
    QCheckBox *m_transparent;
    QLineEdit *m_title;
    QCheckBox *m_legend;
    QLabel *m_sizeNote;
    QLabel *m_preview;
    QString m_written;
};

} // namespace carto::app
