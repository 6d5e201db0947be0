#pragma once

#include <QDialog>

class QComboBox;

namespace carto::app {

class ProjectDocument;

// File ▸ Export ▸ Data…: the map as GraphML, GEXF, CSV, JSON Graph Format or
// a Markdown vault (with the project's notes), through core/export's writers.
class ExportDataDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDataDialog)

public:
    enum class Format { GraphMl, Gexf, Csv, Json, MarkdownVault };

    explicit ExportDataDialog(ProjectDocument *document, QWidget *parent = nullptr);

    // Writes the document's build in a format to a file (folder for CSV and vault).
    static bool exportTo(const ProjectDocument &document, Format format, const QString &path, QString *error);

private:
    void accept() override;

    ProjectDocument *m_document;
    QComboBox *m_format;
};

} // namespace carto::app
