#pragma once

#include <QDialog>
#include <QFuture>

#include <memory>

class QComboBox;
class QDialogButtonBox;
class QLabel;

namespace carto {
class CancelToken;
class ProgressSink;
}

namespace carto::app {

class CountingProgress;
struct ExportFormat;
class ProjectDocument;

// File ▸ Export ▸ Data…: the map in one of the ExportRegistry's data formats
// (JSON Graph Format, GraphML, GEXF, CSV, a Markdown vault; with the project's
// notes), through core/export's writers.
// The writing runs on a worker thread (a vault is thousands of files): the
// dialog shows that it is busy, closes when the files are in place and reports
// an error in a message box; closing it early cancels the export.
class ExportDataDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDataDialog)

public:
    explicit ExportDataDialog(ProjectDocument *document, QWidget *parent = nullptr);
    ~ExportDataDialog() override;

    // Writes the document's build in a data format of the ExportRegistry to a
    // file (a folder for CSV and the vault) on a worker thread: the document is copied now (on the calling
    // thread), the files are written later. The future's one result is the
    // error message, empty on success. cancel, when given, stops a vault between
    // notes; progress hears the vault's notes being written (on the worker).
    [[nodiscard]] static QFuture<QString> exportInBackground(const ProjectDocument &document,
                                                             const ExportFormat &format,
                                                             const QString &path,
                                                             std::shared_ptr<CancelToken> cancel = nullptr,
                                                             std::shared_ptr<ProgressSink> progress = nullptr);

    // The format list: the registry's data formats, each item's data its name.
    [[nodiscard]] QComboBox *formatChoice() const { return m_format; }

private:
    void accept() override;
    void reject() override;

    ProjectDocument *m_document;
    QComboBox *m_format;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    std::shared_ptr<CancelToken> m_cancel;
    std::shared_ptr<CountingProgress> m_progress;
    bool m_running = false;
};

} // namespace carto::app
