#include "exportimagedialog.h"

#include "canvas/mapview.h"
#include "document/projectdocument.h"
#include "export/mapimageexporter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace carto::app {

ExportImageDialog::ExportImageDialog(ProjectDocument *document, MapView *map, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_map(map)
    , m_format(new QComboBox(this))
    , m_width(new QSpinBox(this))
    , m_page(new QComboBox(this))
    , m_dpi(new QSpinBox(this))
    , m_transparent(new QCheckBox(tr("Transparent background"), this))
    , m_extent(new QComboBox(this))
    , m_title(new QLineEdit(this))
    , m_legend(new QCheckBox(tr("Legend"), this))
{
    setWindowTitle(tr("Export Image"));
    m_format->addItem(tr("PNG image"), int(ImageExportOptions::Format::Png));
    m_format->addItem(tr("SVG drawing (vector)"), int(ImageExportOptions::Format::Svg));
    m_format->addItem(tr("PDF document (vector)"), int(ImageExportOptions::Format::Pdf));
    m_width->setRange(200, 20000);
    m_width->setValue(2400);
    m_width->setSuffix(tr(" px"));
    for (const QPageSize::PageSizeId id : {QPageSize::A4, QPageSize::A3, QPageSize::A2, QPageSize::Letter,
                                           QPageSize::Legal, QPageSize::Tabloid})
        m_page->addItem(QPageSize::name(id), int(id));
    m_page->setEnabled(false);
    m_dpi->setRange(0, 1200);
    m_dpi->setValue(150);
    m_dpi->setSpecialValueText(tr("default"));
    m_extent->addItem(tr("Whole map"));
    m_extent->addItem(tr("Current view"));
    m_legend->setChecked(true);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Format"), m_format);
    form->addRow(tr("Width"), m_width);
    form->addRow(tr("Page (PDF)"), m_page);
    form->addRow(tr("Resolution (PNG)"), m_dpi);
    form->addRow(QString(), m_transparent);
    form->addRow(tr("Extent"), m_extent);
    form->addRow(tr("Title"), m_title);
    form->addRow(QString(), m_legend);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export…"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportImageDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        const auto format = ImageExportOptions::Format(m_format->currentData().toInt());
        const bool png = format == ImageExportOptions::Format::Png;
        const bool pdf = format == ImageExportOptions::Format::Pdf;
        m_dpi->setEnabled(png);
        m_width->setEnabled(!pdf);
        m_page->setEnabled(pdf);
        m_width->setSuffix(png ? tr(" px") : tr(" pt"));
    });
}

ImageExportOptions ExportImageDialog::options() const
{
    ImageExportOptions options;
    options.format = ImageExportOptions::Format(m_format->currentData().toInt());
    options.width = m_width->value();
    options.pageSize = QPageSize::PageSizeId(m_page->currentData().toInt());
    options.dpi = m_dpi->value();
    options.transparent = m_transparent->isChecked();
    if (m_extent->currentIndex() == 1)
        options.sceneRect = m_map->mapToScene(m_map->viewport()->rect()).boundingRect();
    options.title = m_title->text();
    options.legend = m_legend->isChecked();
    options.colourByType = m_map->renderer().colourByType();
    return options;
}

bool ExportImageDialog::exportTo(const QString &path, QString *error) const
{
    MapImageExporter exporter(m_document);
    exporter.setPositions(m_map->renderer().positions());
    return exporter.write(path, options(), error);
}

void ExportImageDialog::accept()
{
    static const char *const suffixes[] = {"png", "svg", "pdf"};
    const int format = m_format->currentData().toInt();
    const QString suffix = QString::fromLatin1(suffixes[format]);
    const QString base = m_document->projectPath().isEmpty() ? QDir(m_document->folder()).dirName()
                                                             : QFileInfo(m_document->projectPath()).completeBaseName();
    QString path = QFileDialog::getSaveFileName(this, tr("Export Image"),
                                                QDir::home().filePath(base.section(u'.', 0, 0) + u'.' + suffix),
                                                tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += u'.' + suffix;
    QString error;
    if (!exportTo(path, &error)) {
        QMessageBox::warning(this, tr("Export Image"), error);
        return;
    }
    QDialog::accept();
}

} // namespace carto::app
