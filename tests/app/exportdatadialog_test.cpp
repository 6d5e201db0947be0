// File ▸ Export ▸ Data… writes on a worker thread: the GUI thread gets a
// future at once and keeps running its event loop; the files carry the
// project's notes; errors and cancellation come back through the future.
#include "document/projectdocument.h"
#include "export/exportdatadialog.h"
#include "export/exportregistry.h"
#include "export/markdownvaultwriter.h"
#include "foundation/progress.h"
#include "support/exporttestsupport.h"

#include <QDir>
#include <QFutureWatcher>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>
#include <mutex>

using namespace carto;
namespace ts = exporter::testsupport;

namespace {

// A data format of the registry by name.
const app::ExportFormat &format(const QString &name)
{
    const app::ExportFormat *found = app::ExportRegistry::find(name);
    Q_ASSERT(found);
    return *found;
}

// Remembers the threads progress was reported from.
class ThreadRecorder final : public ProgressSink
{
public:
    void report(const QString &, qint64 done, qint64 total) override
    {
        const std::lock_guard lock(m_mutex);
        m_threads.insert(QThread::currentThread());
        m_last = done;
        m_total = total;
    }
    std::mutex m_mutex;
    QSet<QThread *> m_threads;
    qint64 m_last = 0;
    qint64 m_total = 0;
};

// Waits for the future through the event loop (as the dialog does), never by blocking on it.
QString await(const QFuture<QString> &future)
{
    QFutureWatcher<QString> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcher<QString>::finished);
    watcher.setFuture(future);
    if (!future.isFinished() && !finished.wait(60000))
        return QStringLiteral("<timed out>");
    return future.resultCount() > 0 ? future.result() : QStringLiteral("<no result>");
}

} // namespace

class ExportDataDialogTest final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<app::ProjectDocument> m_document;
    ts::SampleNotes m_notes;

private Q_SLOTS:
    void initTestCase()
    {
        std::optional<project::BuildResult> build;
        ts::buildSampleMap(build);
        if (QTest::currentTestFailed())
            return;
        m_notes = ts::sampleNotes(*build);
        m_document = std::make_unique<app::ProjectDocument>();
        m_document->setProject(m_notes.project, QString());
        m_document->setBuild(std::make_shared<project::BuildResult>(std::move(*build)), QStringLiteral(CARTO_SAMPLES_DIR));
        QVERIFY(m_document->nodeCount() > 10);
    }

    void vaultInBackground_writesOnAWorkerThreadWithNotes()
    {
        QTemporaryDir dir;
        auto progress = std::make_shared<ThreadRecorder>();
        const QFuture<QString> future
            = app::ExportDataDialog::exportInBackground(*m_document, format(QStringLiteral("markdown")), dir.path(),
                                                        nullptr, progress);
        QCOMPARE(await(future), QString());
        QVERIFY(!progress->m_threads.isEmpty());
        QVERIFY2(!progress->m_threads.contains(QThread::currentThread()), "the vault was written on the GUI thread");
        QCOMPARE(progress->m_last, qint64(m_document->nodeCount()));
        const QStringList files = QDir(dir.path()).entryList({QStringLiteral("*.md")}, QDir::Files);
        QCOMPARE(files.size(), qsizetype(m_document->nodeCount()));
        const QStringList names = exporter::MarkdownVaultWriter::fileNames(m_document->graph());
        const auto index = m_document->graph().find(m_notes.project.conceptNotes.front().conceptId);
        QVERIFY(index);
        QVERIFY(ts::readAll(dir.filePath(names.at(*index) + QStringLiteral(".md"))).contains(m_notes.conceptNote.toUtf8()));
    }

    void eachFormatInBackground_carriesTheNotes_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("file");
        QTest::newRow("graphml") << QStringLiteral("graphml") << QStringLiteral("map.graphml");
        QTest::newRow("gexf") << QStringLiteral("gexf") << QStringLiteral("map.gexf");
        QTest::newRow("json") << QStringLiteral("json") << QStringLiteral("map.json");
        QTest::newRow("csv") << QStringLiteral("csv") << QStringLiteral("nodes.csv");
    }

    void eachFormatInBackground_carriesTheNotes()
    {
        QFETCH(QString, format);
        QFETCH(QString, file);
        QTemporaryDir dir;
        const app::ExportFormat &chosen = ::format(format);
        const QString target = chosen.writesFolder() ? dir.path() : dir.filePath(file);
        QCOMPARE(await(app::ExportDataDialog::exportInBackground(*m_document, chosen, target)), QString());
        QVERIFY(ts::readAll(dir.filePath(file)).contains("Concept note: check the 1998 figures."));
    }

    void background_errorComesBackInTheFuture()
    {
        const QString error = await(app::ExportDataDialog::exportInBackground(
            *m_document, format(QStringLiteral("json")), QStringLiteral("/nonexistent/dir/map.json")));
        QVERIFY2(error.contains(QStringLiteral("map.json")), qPrintable(error));
    }

    void background_cancelledVault_stopsWithoutPuttingFilesInPlace()
    {
        QTemporaryDir dir;
        auto cancel = std::make_shared<CancelToken>();
        cancel->cancel();
        const QString error
            = await(app::ExportDataDialog::exportInBackground(*m_document, format(QStringLiteral("markdown")),
                                                              dir.path(), cancel));
        QVERIFY2(error.contains(QStringLiteral("cancelled")), qPrintable(error));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
    }

    void background_noMap_isAnError()
    {
        const app::ProjectDocument empty;
        QVERIFY(!await(app::ExportDataDialog::exportInBackground(empty, format(QStringLiteral("json")),
                                                                 QStringLiteral("x.json")))
                     .isEmpty());
    }
};

QTEST_MAIN(ExportDataDialogTest)

#include "exportdatadialog_test.moc"
