// Unsaved work survives a crash: a real child process (this executable run
// as "--child FOLDER") opens a folder in the real window, writes a note,
// autosaves and is killed with SIGKILL; a new window on the same folder is
// offered the note back. While the child is alive, another window on the
// same folder autosaves beside it without touching its recovery file.
#include "document/projectdocument.h"
#include "document/projectsession.h"
#include "mainwindow.h"
#include "project/recoveryfile.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace carto;
using carto::app::MainWindow;

namespace {

const QString kNote = u"Written just before the crash\nwith no final newline"_s;

void prepareApplication()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"CartographCrashTest"_s);
}

// The child: open the folder, note on the top concept, autosave, say so, wait to be killed.
int runChild(const QString &folder)
{
    MainWindow window;
    window.setPrompt([](const QString &, const QString &, QMessageBox::StandardButtons) { return QMessageBox::No; });
    QObject::connect(&window, &MainWindow::buildFinished, &window, [&window](bool ok) {
        if (!ok) {
            std::fprintf(stdout, "build failed\n");
            std::fflush(stdout);
            QCoreApplication::exit(2);
            return;
        }
        app::ProjectDocument *doc = window.document();
        const graph::NodeData &node = doc->graph().node(doc->nodesByScore().front());
        doc->editConceptNote(node.info.id, node.info.label, kNote);
        window.autosave();
        std::fprintf(stdout, "autosaved %s\n", qPrintable(node.info.id.value()));
        std::fflush(stdout);
    });
    window.openFolder(folder);
    return QApplication::exec();
}

} // namespace

class CrashRecoveryTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QDir(QStringLiteral(CARTO_SAMPLES_DIR)).exists(), "sample corpus missing"); }

    void killedAfterAutosave_sameFolderAgain_restoresTheNote()
    {
        QTemporaryDir dir;
        const QString corpus = dir.filePath(u"corpus"_s);
        QVERIFY(QDir().mkpath(corpus));
        const QDir samples(QStringLiteral(CARTO_SAMPLES_DIR));
        for (const QString &name : samples.entryList(QDir::Files))
            QVERIFY(QFile::copy(samples.filePath(name), QDir(corpus).filePath(name)));

        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(), {u"--child"_s, corpus});
        QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));
        QByteArray said;
        QVERIFY(QTest::qWaitFor([&] {
            said += child.readAllStandardOutput();
            return said.contains('\n') || child.state() == QProcess::NotRunning;
        }, 120000));
        QVERIFY2(said.startsWith("autosaved "), said.constData());
        const ConceptId noted(QString::fromUtf8(said.mid(10).trimmed()));
        const project::RecoveryKey childKey({}, {corpus}, 0);
        QVERIFY2(project::RecoveryFile::exists(childKey), "the child wrote no recovery file");
        const QByteArray childRecovery = [&] {
            QFile f(project::RecoveryFile::path(childKey));
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();

        // While the child lives, another window on the folder is not offered its
        // work and autosaves into a file of its own.
        int prompts = 0;
        auto answerYes = [&prompts](const QString &, const QString &, QMessageBox::StandardButtons buttons) {
            ++prompts;
            return buttons.testFlag(QMessageBox::Yes) ? QMessageBox::Yes : QMessageBox::Discard;
        };
        {
            MainWindow beside;
            beside.setPrompt(answerYes);
            QSignalSpy built(&beside, &MainWindow::buildFinished);
            QVERIFY(beside.openFolder(corpus));
            QVERIFY(QTest::qWaitFor([&] { return !built.isEmpty(); }, 120000));
            QCOMPARE(prompts, 0);
            QVERIFY(beside.session()->recoveryKey().slot != 0);
            beside.setPinned(beside.document()->nodesByScore().front(), true);
            beside.autosave();
            QVERIFY(project::RecoveryFile::exists(beside.session()->recoveryKey()));
            QFile f(project::RecoveryFile::path(childKey));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), childRecovery);
            QVERIFY(beside.close());
        }

        child.kill(); // SIGKILL: no chance to clean up
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        prompts = 0;
        MainWindow window;
        window.setPrompt(answerYes);
        QSignalSpy built(&window, &MainWindow::buildFinished);
        QVERIFY(window.openFolder(corpus));
        QCOMPARE(prompts, 1); // "Restore Unsaved Work?"
        QVERIFY(QTest::qWaitFor([&] { return !built.isEmpty(); }, 120000));
        QVERIFY(built.first().first().toBool());
        QCOMPARE(window.document()->conceptNote(noted), kNote);
        QVERIFY2(window.isWindowModified(), "restored work stays unsaved until saved");
        // The dead child's lock was taken over: this window autosaves where it did.
        QCOMPARE(window.session()->recoveryKey().slot, 0);
        window.setPrompt([](const QString &, const QString &, QMessageBox::StandardButtons) { return QMessageBox::Discard; });
        QVERIFY(window.close());
        QVERIFY(!project::RecoveryFile::exists(childKey));
    }
};

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    prepareApplication();
    if (argc == 3 && QByteArray(argv[1]) == "--child")
        return runChild(QString::fromLocal8Bit(argv[2]));
    CrashRecoveryTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "crashrecovery_test.moc"
