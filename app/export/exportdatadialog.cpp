#include "exportdatadialog.h"

#include "document/projectdocument.h"
#include "export/exportregistry.h"
#include "foundation/progress.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QMessageBox>
#include <QPromise>
#include <QPushButton>
#include <QThreadPool>
#include <QTimer>

#include <atomic>

using namespace Qt::StringLiterals;

namespace carto::app {

namespace {

// What an export needs, copied off the document so the worker never touches it.
struct Snapshot
{
    project::BuildResult build;
    project::Project project;
};

std::shared_ptr<const Snapshot> snapshot(const ProjectDocument &document)
{
    auto s = std::make_shared<Snapshot>();
    // The document's graph carries the map's current positions and pins, so
    // exports match the screen.
    s->build.corpus = document.corpus();
    s->build.graph = document.graph();
    s->build.problems = document.problems();
    s->project = document.projectForSave();
    return s;
}

QString write(const Snapshot &s, const ExportFormat &format, const QString &path, const CancelToken *cancel,
              ProgressSink *progress)
{
    ExportRequest request;
    request.build = &s.build;
    request.project = &s.project;
    request.progress = progress;
    request.cancel = cancel;
    QString error;
    if (!format.write(request, path, &error) && error.isEmpty())
        error = ExportDataDialog::tr("The export failed.");
    return error;
}

} // namespace

// The worker's latest progress, read by the dialog's timer: the worker never
// touches a widget, and the dialog never waits for the worker.
class CountingProgress final : public ProgressSink
{
public:
    void report(const QString &, qint64 done, qint64 total) override
    {
        m_done.store(done, std::memory_order_relaxed);
        m_total.store(total, std::memory_order_relaxed);
    }
    std::atomic<qint64> m_done{0};
    std::atomic<qint64> m_total{0};
};

ExportDataDialog::ExportDataDialog(ProjectDocument *document, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_format(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Export Data"));
    for (const ExportFormat *format : ExportRegistry::dataFormats())
        m_format->addItem(format->displayTitle(), format->name);
    m_status->setTextFormat(Qt::PlainText);
    m_status->hide();
    auto *form = new QFormLayout(this);
    form->addRow(tr("Format"), m_format);
    form->addRow(m_status);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ExportDataDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportDataDialog::reject);
}

ExportDataDialog::~ExportDataDialog()
{
    // A running export stops at its next note; its snapshot is its own.
    if (m_cancel)
        m_cancel->cancel();
}

QFuture<QString> ExportDataDialog::exportInBackground(const ProjectDocument &document, const ExportFormat &format,
                                                      const QString &path, std::shared_ptr<CancelToken> cancel,
                                                      std::shared_ptr<ProgressSink> progress)
{
    auto promise = std::make_shared<QPromise<QString>>();
    QFuture<QString> future = promise->future();
    promise->start();
    if (!document.hasBuild()) {
        promise->addResult(tr("There is no map to export."));
        promise->finish();
        return future;
    }
    std::shared_ptr<const Snapshot> data = snapshot(document);
    // The registry's formats live as long as the program: the worker may keep a pointer.
    QThreadPool::globalInstance()->start([promise, data, format = &format, path, cancel, progress] {
        promise->addResult(write(*data, *format, path, cancel.get(), progress.get()));
        promise->finish();
    });
    return future;
}

void ExportDataDialog::accept()
{
    if (m_running)
        return;
    const ExportFormat *format = ExportRegistry::find(m_format->currentData().toString());
    if (!format)
        return;
    QString path;
    if (format->writesFolder()) {
        path = QFileDialog::getExistingDirectory(this, tr("Export Into Folder"), QDir::homePath());
    } else {
        const QString suffix = format->suffixes.front();
        path = QFileDialog::getSaveFileName(this, tr("Export Data"), QDir::home().filePath(u"map."_s + suffix),
                                            tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix));
    }
    if (path.isEmpty())
        return;
    m_running = true;
    m_cancel = std::make_shared<CancelToken>();
    m_format->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    const QString status = tr("Exporting to %1…").arg(QDir::toNativeSeparators(path));
    m_status->setText(status);
    m_status->show();
    m_progress = std::make_shared<CountingProgress>();
    auto *timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, [this, timer, status] {
        if (!m_progress) {
            timer->deleteLater();
            return;
        }
        const qint64 total = m_progress->m_total.load(std::memory_order_relaxed);
        if (total > 0)
            m_status->setText(status + u' ' + tr("%1 of %2 notes").arg(m_progress->m_done.load()).arg(total));
    });
    timer->start(100);
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_progress.reset();
        m_running = false;
        m_cancel.reset();
        const QString error = watcher->future().resultCount() > 0 ? watcher->result() : QString();
        if (!error.isEmpty()) {
            m_format->setEnabled(true);
            m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
            m_status->hide();
            QMessageBox::warning(this, tr("Export Data"), error);
            return;
        }
        QDialog::accept();
    });
    watcher->setFuture(exportInBackground(*m_document, *format, path, m_cancel, m_progress));
}

void ExportDataDialog::reject()
{
    if (m_cancel)
        m_cancel->cancel();
    QDialog::reject();
}

} // namespace carto::app
