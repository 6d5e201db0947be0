#include "exportimagedialog.h"

#include "appsettings.h"
#include "canvas/mapview.h"
#include "document/projectdocument.h"
#include "export/exportregistry.h"
#include "export/mapimageexporter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace carto::app {

namespace {
constexpr int kPreviewWidth = 340;
} // namespace

ExportImageDialog::ExportImageDialog(ProjectDocument *document, MapView *map, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_map(map)
    , m_extent(new QComboBox(this))
    , m_format(new QComboBox(this))
    , m_width(new QSpinBox(this))
    , m_page(new QComboBox(this))
    , m_dpi(new QSpinBox(this))
    , m_transparent(new QCheckBox(tr("Transparent background"), this))
    , m_title(new QLineEdit(this))
    , m_legend(new QCheckBox(tr("Legend"), this))
    , m_sizeNote(new QLabel(this))
    , m_preview(new QLabel(this))
{
    setWindowTitle(tr("Export Image"));
    setObjectName(u"exportImageDialog"_s);
    const AppSettings settings;
    m_extent->addItem(tr("As on screen (same framing and labels)"));
    m_extent->addItem(tr("Whole map"));
    for (const ExportFormat *format : ExportRegistry::imageFormats())
        m_format->addItem(format->displayTitle(), format->name);
    m_format->setCurrentIndex(std::max(0, m_format->findData(settings.exportFormat())));
    m_width->setRange(200, 20000);
    // Twice the view: sharp on a high-resolution screen or a projector.
    m_width->setValue(std::clamp(m_map->viewport()->width() * 2, 1200, 20000));
    m_width->setSuffix(tr(" px"));
    for (const QPageSize::PageSizeId id : {QPageSize::A4, QPageSize::Letter, QPageSize::A3})
        m_page->addItem(QPageSize::name(id), int(id));
    m_page->addItem(tr("16:9 slide"), int(QPageSize::Custom));
    m_dpi->setRange(0, 1200);
    m_dpi->setValue(150);
    m_dpi->setSpecialValueText(tr("default"));
    m_dpi->setSuffix(tr(" dpi"));
    m_title->setText(settings.exportTitle());
    m_title->setPlaceholderText(tr("No title"));
    m_legend->setChecked(true);
    m_sizeNote->setWordWrap(true);
    m_preview->setObjectName(u"exportPreview"_s);
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setMinimumSize(kPreviewWidth, kPreviewWidth * 9 / 16);
    m_preview->setFrameShape(QFrame::StyledPanel);

    auto *form = new QFormLayout;
    form->addRow(tr("What"), m_extent);
    form->addRow(tr("Format"), m_format);
    form->addRow(tr("Width (PNG, SVG)"), m_width);
    form->addRow(tr("Resolution (PNG)"), m_dpi);
    form->addRow(tr("Page (PDF)"), m_page);
    form->addRow(QString(), m_sizeNote);
    form->addRow(QString(), m_transparent);
    form->addRow(tr("Title"), m_title);
    form->addRow(QString(), m_legend);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export…"));
    auto *columns = new QHBoxLayout;
    columns->addLayout(form, 1);
    columns->addWidget(m_preview);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportImageDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportImageDialog::onFormatChanged);
    // The preview follows every choice, a moment after the last change.
    auto *later = new QTimer(this);
    later->setSingleShot(true);
    later->setInterval(120);
    connect(later, &QTimer::timeout, this, &ExportImageDialog::updatePreview);
    auto schedule = [later] { later->start(); };
    connect(m_extent, &QComboBox::currentIndexChanged, this, schedule);
    connect(m_format, &QComboBox::currentIndexChanged, this, schedule);
    connect(m_page, &QComboBox::currentIndexChanged, this, schedule);
    connect(m_width, &QSpinBox::valueChanged, this, schedule);
    connect(m_transparent, &QCheckBox::toggled, this, schedule);
    connect(m_legend, &QCheckBox::toggled, this, schedule);
    connect(m_title, &QLineEdit::textChanged, this, schedule);
    onFormatChanged();
    updatePreview();
}

const ExportFormat &ExportImageDialog::currentFormat() const
{
    const ExportFormat *format = ExportRegistry::find(m_format->currentData().toString());
    return format ? *format : *ExportRegistry::imageFormats().front();
}

void ExportImageDialog::onFormatChanged()
{
    const auto format = *currentFormat().image;
    const bool png = format == ImageExportOptions::Format::Png;
    const bool pdf = format == ImageExportOptions::Format::Pdf;
    m_dpi->setEnabled(png);
    m_width->setEnabled(!pdf);
    m_page->setEnabled(pdf);
    m_transparent->setEnabled(!pdf);
    m_width->setSuffix(png ? tr(" px") : tr(" pt"));
}

ImageExportOptions ExportImageDialog::options() const
{
    ImageExportOptions options;
    options.format = *currentFormat().image;
    options.width = m_width->value();
    options.pageSize = QPageSize::PageSizeId(m_page->currentData().toInt());
    options.dpi = m_dpi->value();
    options.transparent = m_transparent->isChecked() && options.format != ImageExportOptions::Format::Pdf;
    if (m_extent->currentIndex() == 0) {
        options.sceneRect = m_map->mapToScene(m_map->viewport()->rect()).boundingRect();
        options.frameWidth = m_map->viewport()->width();
    }
    options.title = m_title->text();
    options.legend = m_legend->isChecked();
    options.colourByType = m_map->renderer().colourByType();
    return options;
}

void ExportImageDialog::updatePreview()
{
    ImageExportOptions shown = options();
    MapImageExporter exporter(m_document);
    exporter.setPositions(m_map->renderer().positions());
    const QSize size = exporter.imageSize(shown);
    if (shown.format == ImageExportOptions::Format::Pdf) {
        const QPageLayout page = exporter.pageLayout(shown);
        m_sizeNote->setText(tr("%1, %2").arg(page.pageSize().name(), page.orientation() == QPageLayout::Landscape
                                                                           ? tr("landscape")
                                                                           : tr("portrait")));
    } else {
        m_sizeNote->setText(shown.format == ImageExportOptions::Format::Png
                                ? tr("%1 × %2 pixels").arg(size.width()).arg(size.height())
                                : tr("%1 × %2 points").arg(size.width()).arg(size.height()));
    }
    // The preview is the same drawing, painted small: a PNG of the PDF's page
    // paint area or of the image, so framing, labels and legend read as exported.
    const QSize logical = shown.format == ImageExportOptions::Format::Pdf ? size : exporter.imageSize(shown);
    const double k = std::min(double(kPreviewWidth) / std::max(1, logical.width()),
                              double(kPreviewWidth) / std::max(1, logical.height()));
    QImage image(QSize(std::max(1, int(logical.width() * k)), std::max(1, int(logical.height() * k))),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        ImageExportOptions full = shown;
        full.format = ImageExportOptions::Format::Png;
        // Small, to stay quick; as on screen the labels are the screen's at any width.
        full.width = std::min(shown.format == ImageExportOptions::Format::Pdf ? logical.width() : shown.width,
                              kPreviewWidth * 2);
        QByteArray bytes;
        QString error;
        QImage drawn;
        if (exporter.render(full, &bytes, &error) && drawn.loadFromData(bytes, "PNG"))
            painter.drawImage(QRectF(QPointF(0, 0), QSizeF(image.size())), drawn);
    }
    m_preview->setPixmap(QPixmap::fromImage(image));
}

QString ExportImageDialog::suggestedPath() const
{
    const QString suffix = currentFormat().suffixes.front();
    const QString base = m_document->projectPath().isEmpty() ? QDir(m_document->folder()).dirName()
                                                             : QFileInfo(m_document->projectPath()).completeBaseName();
    const QString remembered = AppSettings().exportFolder();
    const QDir folder(!remembered.isEmpty() && QFileInfo(remembered).isDir() ? remembered : QDir::homePath());
    return folder.filePath(base.section(u'.', 0, 0) + u'.' + suffix);
}

bool ExportImageDialog::exportTo(const QString &path, QString *error)
{
    MapImageExporter exporter(m_document);
    exporter.setPositions(m_map->renderer().positions());
    if (!exporter.write(path, options(), error))
        return false;
    m_written = QFileInfo(path).absoluteFilePath();
    AppSettings settings;
    settings.setExportFolder(QFileInfo(path).absolutePath());
    settings.setExportFormat(currentFormat().name);
    settings.setExportTitle(m_title->text());
    return true;
}

void ExportImageDialog::accept()
{
    const QString suffix = currentFormat().suffixes.front();
    QString path = QFileDialog::getSaveFileName(this, tr("Export Image"), suggestedPath(),
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
