#include "exportdatadialog.h"

#include "document/projectdocument.h"
#include "export/csvwriter.h"
#include "export/gexfwriter.h"
#include "export/graphmlwriter.h"
#include "export/jsongraphwriter.h"
#include "export/markdownvaultwriter.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace carto::app {

ExportDataDialog::ExportDataDialog(ProjectDocument *document, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_format(new QComboBox(this))
{
    setWindowTitle(tr("Export Data"));
    m_format->addItem(tr("GraphML (yEd, Cytoscape)"), int(Format::GraphMl));
    m_format->addItem(tr("GEXF (Gephi)"), int(Format::Gexf));
    m_format->addItem(tr("CSV (nodes.csv and edges.csv)"), int(Format::Csv));
    m_format->addItem(tr("JSON Graph Format"), int(Format::Json));
    m_format->addItem(tr("Markdown vault (Obsidian)"), int(Format::MarkdownVault));
    auto *form = new QFormLayout(this);
    form->addRow(tr("Format"), m_format);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDataDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

bool ExportDataDialog::exportTo(const ProjectDocument &document, Format format, const QString &path, QString *error)
{
    if (!document.hasBuild()) {
        if (error)
            *error = tr("There is no map to export.");
        return false;
    }
    // The writers take a BuildResult; the document's graph carries the map's
    // current positions and pins, so exports match the screen.
    project::BuildResult build;
    build.corpus = document.corpus();
    build.graph = document.graph();
    build.problems = document.problems();
    const project::Project project = document.projectForSave();
    switch (format) {
    case Format::GraphMl:
        return exporter::GraphMlWriter::write(build, path, error);
    case Format::Gexf:
        return exporter::GexfWriter::write(build, path, error);
    case Format::Csv:
        return exporter::CsvWriter::write(build, path, error);
    case Format::Json:
        return exporter::JsonGraphWriter::write(build, path, error);
    case Format::MarkdownVault:
        return exporter::MarkdownVaultWriter::write(build, path, error, &project);
    }
    return false;
}

void ExportDataDialog::accept()
{
    const auto format = Format(m_format->currentData().toInt());
    QString path;
    if (format == Format::Csv || format == Format::MarkdownVault) {
        path = QFileDialog::getExistingDirectory(this, tr("Export Into Folder"), QDir::homePath());
    } else {
        static const char *const suffixes[] = {"graphml", "gexf", "", "json", ""};
        const QString suffix = QString::fromLatin1(suffixes[int(format)]);
        path = QFileDialog::getSaveFileName(this, tr("Export Data"), QDir::home().filePath(u"map."_s + suffix),
                                            tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix));
    }
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(*m_document, format, path, &error)) {
        QMessageBox::warning(this, tr("Export Data"), error);
        return;
    }
    QDialog::accept();
}

} // namespace carto::app
