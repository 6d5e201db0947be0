// Two sessions (two windows' documents) on one project file: the lock beside
// it names the first, the second is asked before opening, and a save over a
// file the other session changed is never silent: Cancel, Overwrite (with a
// backup of the other's version), Save As and Reload each do what they say.
// Also: a damaged file is refused and never overwritten, and two sessions on
// one folder autosave into files of their own.
#include "document/projectdocument.h"
#include "document/projectsession.h"
#include "project/projectfile.h"
#include "project/projectlock.h"
#include "project/recoveryfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace carto;
using carto::app::ProjectDocument;
using carto::app::ProjectSession;

namespace {

// A session with its document and a scripted prompt: answers by title, and a
// log of every question asked.
struct Window
{
    ProjectDocument document;
    ProjectSession session{&document};
    QMap<QString, QMessageBox::StandardButton> answers;
    QStringList asked;
    QString savePathAnswer;

    Window()
    {
        session.setPrompt([this](const QString &title, const QString &, QMessageBox::StandardButtons buttons) {
            asked.append(title);
            const QMessageBox::StandardButton answer = answers.value(title, QMessageBox::Cancel);
            return buttons.testFlag(answer) ? answer : QMessageBox::Cancel;
        });
        session.setSavePathChooser([this] { return savePathAnswer; });
    }

    bool build(const std::function<bool()> &open)
    {
        QSignalSpy finished(&session, &ProjectSession::buildFinished);
        if (!open())
            return false;
        return QTest::qWaitFor([&] { return !finished.isEmpty(); }, 120000) && finished.first().first().toBool();
    }

    void note(int rank, const QString &text)
    {
        const graph::NodeData &node = document.graph().node(document.nodesByScore()[size_t(rank)]);
        document.editConceptNote(node.info.id, node.info.label, text);
    }
};

QStringList notesIn(const QString &path)
{
    QString error;
    const auto project = project::ProjectFile::load(path, &error);
    QStringList out;
    if (project)
        for (const project::ConceptNote &note : project->conceptNotes)
            out.append(note.markdown);
    out.sort();
    return out;
}

} // namespace

class ProjectSessionTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QDir(QStringLiteral(CARTO_SAMPLES_DIR)).exists(), "sample corpus missing");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"CartographSessionTest"_s);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        const QDir samples(QStringLiteral(CARTO_SAMPLES_DIR));
        QVERIFY(QDir(m_dir->path()).mkdir(u"corpus"_s));
        for (const QString &name : samples.entryList(QDir::Files))
            QVERIFY(QFile::copy(samples.filePath(name), m_dir->filePath(u"corpus/"_s + name)));
        m_path = m_dir->filePath(u"map.cartograph.yaml"_s);
        // The first window makes the project.
        m_first = std::make_unique<Window>();
        QVERIFY(m_first->build([this] { return m_first->session.openFolder(m_dir->filePath(u"corpus"_s)); }));
        QVERIFY(m_first->session.saveAs(m_path));
    }

    void cleanup()
    {
        m_second.reset();
        m_first.reset();
        m_dir.reset();
    }

    void openTwice_lockNamesTheFirstAndTheSecondIsAsked()
    {
        const QString lockPath = project::RecoveryFile::lockPath(m_path);
        QCOMPARE(lockPath, m_dir->filePath(u".map.cartograph.yaml.lock"_s));
        const auto holder = project::ProjectLock::read(lockPath);
        QVERIFY2(holder, "no lock beside the project");
        QCOMPARE(holder->pid, QCoreApplication::applicationPid());
        QVERIFY(!holder->owner.isEmpty() && !holder->host.isEmpty() && holder->since.isValid());

        m_second = std::make_unique<Window>();
        // Declined: nothing opens.
        QVERIFY(!m_second->session.openProject(m_path));
        QCOMPARE(m_second->asked, QStringList{u"Project Open Elsewhere"_s});
        QVERIFY(m_second->document.projectPath().isEmpty());
        // Accepted: it opens, on a recovery slot of its own.
        m_second->answers[u"Project Open Elsewhere"_s] = QMessageBox::Yes;
        QVERIFY(m_second->build([this] { return m_second->session.openProject(m_path); }));
        QCOMPARE(m_second->session.recoveryKey().slot, 1);
        QCOMPARE(m_first->session.recoveryKey().slot, 0);
        // The orderly end removes the lock; the first window's close leaves the second's alone.
        QVERIFY(m_first->session.close());
        QVERIFY(!QFile::exists(lockPath));
        QVERIFY(QFile::exists(project::RecoveryFile::lockPath(m_second->session.recoveryKey())));
    }

    void saveAfterTheOtherSaved_detectsTheChange_data()
    {
        QTest::addColumn<int>("answer");
        QTest::newRow("cancel") << int(QMessageBox::Cancel);
        QTest::newRow("overwrite") << int(ProjectSession::kOverwrite);
        QTest::newRow("save as") << int(ProjectSession::kSaveAs);
        QTest::newRow("reload") << int(ProjectSession::kReload);
    }

    void saveAfterTheOtherSaved_detectsTheChange()
    {
        QFETCH(int, answer);
        m_second = std::make_unique<Window>();
        m_second->answers[u"Project Open Elsewhere"_s] = QMessageBox::Yes;
        QVERIFY(m_second->build([this] { return m_second->session.openProject(m_path); }));

        m_first->note(0, u"first window's note"_s);
        QVERIFY(m_first->session.save());
        const QByteArray firstVersion = [this] {
            QFile f(m_path);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        m_second->note(1, u"second window's note"_s);
        m_second->answers[u"Project Changed on Disk"_s] = QMessageBox::StandardButton(answer);
        const QString elsewhere = m_dir->filePath(u"second.cartograph.yaml"_s);
        m_second->savePathAnswer = elsewhere;
        QSignalSpy rebuilt(&m_second->session, &ProjectSession::buildFinished);
        const bool saved = m_second->session.save();
        QCOMPARE(m_second->asked.count(u"Project Changed on Disk"_s), 1);

        const QStringList first{u"first window's note"_s};
        const QStringList second{u"second window's note"_s};
        switch (answer) {
        case QMessageBox::Cancel:
            QVERIFY(!saved);
            QCOMPARE(notesIn(m_path), first); // the other window's work is untouched
            QVERIFY(m_second->document.isModified());
            break;
        case ProjectSession::kOverwrite: {
            QVERIFY(saved);
            QCOMPARE(notesIn(m_path), second);
            // The other window's version is the backup.
            QFile backup(project::ProjectFile::backupPath(m_path));
            QVERIFY(backup.open(QIODevice::ReadOnly));
            QCOMPARE(backup.readAll(), firstVersion);
            break;
        }
        case ProjectSession::kSaveAs:
            QVERIFY(saved);
            QCOMPARE(notesIn(m_path), first);
            QCOMPARE(notesIn(elsewhere), second);
            QCOMPARE(m_second->document.projectPath(), elsewhere);
            break;
        default: // reload
            QVERIFY(!saved);
            QVERIFY(QTest::qWaitFor([&] { return !rebuilt.isEmpty(); }, 120000));
            QCOMPARE(notesIn(m_path), first);
            QCOMPARE(m_second->document.project().conceptNotes.size(), size_t(1));
            QCOMPARE(m_second->document.project().conceptNotes.front().markdown, first.front());
            QVERIFY(!m_second->document.isModified());
            break;
        }
        // Saving again without another change asks nothing.
        if (saved) {
            m_second->note(2, u"one more"_s);
            QVERIFY(m_second->session.save());
            QCOMPARE(m_second->asked.count(u"Project Changed on Disk"_s), 1);
        }
    }

    void save_fileTouchedButSameBytes_savesWithoutAsking()
    {
        {
            QFile file(m_path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(-3600), QFileDevice::FileModificationTime));
        }
        m_first->note(0, u"a note"_s);
        QVERIFY(m_first->session.save());
        QVERIFY(m_first->asked.isEmpty());
    }

    void openDamagedFile_isRefusedWithLineAndColumnAndNeverOverwritten()
    {
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray whole = file.readAll();
        file.close();
        const QByteArray cut = whole.left(whole.size() * 2 / 3);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(cut);
        file.close();
        m_second = std::make_unique<Window>();
        QSignalSpy errors(&m_second->session, &ProjectSession::errorReported);
        QVERIFY(!m_second->session.openProject(m_path));
        QCOMPARE(errors.count(), 1);
        QVERIFY2(m_second->session.lastError().contains(u"line"_s) && m_second->session.lastError().contains(u"column"_s),
                 qPrintable(m_second->session.lastError()));
        QVERIFY(m_second->document.projectPath().isEmpty());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), cut);
    }

    void twoSessionsOnOneFolder_autosaveIntoFilesOfTheirOwn()
    {
        const QString corpus = m_dir->filePath(u"corpus"_s);
        m_first = std::make_unique<Window>();
        m_second = std::make_unique<Window>();
        QVERIFY(m_first->build([&] { return m_first->session.openFolder(corpus); }));
        QVERIFY(m_second->build([&] { return m_second->session.openFolder(corpus); }));
        QVERIFY(m_second->asked.isEmpty()); // a folder open twice is nothing to warn about
        m_first->note(0, u"from the first"_s);
        m_second->note(0, u"from the second"_s);
        m_first->session.autosave();
        m_second->session.autosave();
        const project::RecoveryKey a = m_first->session.recoveryKey();
        const project::RecoveryKey b = m_second->session.recoveryKey();
        QVERIFY(project::RecoveryFile::path(a) != project::RecoveryFile::path(b));
        QString error;
        QCOMPARE(project::RecoveryFile::load(a, &error)->conceptNotes.front().markdown, u"from the first"_s);
        QCOMPARE(project::RecoveryFile::load(b, &error)->conceptNotes.front().markdown, u"from the second"_s);
        QVERIFY(m_first->session.close() == false); // unsaved: asks, the script cancels
        m_first->answers[u"Unsaved Changes"_s] = QMessageBox::Discard;
        m_second->answers[u"Unsaved Changes"_s] = QMessageBox::Discard;
        QVERIFY(m_first->session.close());
        QVERIFY(m_second->session.close());
        QVERIFY(!project::RecoveryFile::exists(a));
        QVERIFY(!project::RecoveryFile::exists(b));
    }

    void openInitial_recoveryOfAnOlderCartograph_isOfferedAndMovedIntoASlot()
    {
        // Before recovery keys, every untitled project autosaved into one file.
        const QString legacy = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                                   .filePath(u"untitled.cartograph.yaml.recovery"_s);
        QVERIFY(QDir().mkpath(QFileInfo(legacy).absolutePath()));
        project::Project old;
        old.corpusFolders = {m_dir->filePath(u"corpus"_s)};
        old.conceptNotes.push_back({ConceptId(u"anything"_s), u"Anything"_s, u"from an older version"_s});
        {
            QFile file(legacy);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(project::ProjectFile::serialize(old, {}));
        }
        m_second = std::make_unique<Window>();
        m_second->answers[u"Restore Unsaved Work?"_s] = QMessageBox::Yes;
        QVERIFY(m_second->build([this] {
            m_second->session.openInitial(QString());
            return true;
        }));
        QCOMPARE(m_second->asked, QStringList{u"Restore Unsaved Work?"_s});
        QCOMPARE(m_second->document.conceptNote(ConceptId(u"anything"_s)), u"from an older version"_s);
        QVERIFY(m_second->document.isModified());
        QVERIFY(!QFile::exists(legacy));
        QVERIFY(project::RecoveryFile::exists(m_second->session.recoveryKey()));
        m_second->answers[u"Unsaved Changes"_s] = QMessageBox::Discard;
        QVERIFY(m_second->session.close());
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<Window> m_first;
    std::unique_ptr<Window> m_second;
};

QTEST_GUILESS_MAIN(ProjectSessionTest)

#include "projectsession_test.moc"
