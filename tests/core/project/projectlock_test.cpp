// Who edits a project: the lock file beside it (taken, held, released,
// stale when its process is gone or it was not refreshed), the recovery slots
// keyed per project or per folder set, and the file stamp the app compares
// before saving over a file someone else may have changed.
#include "project/filestamp.h"
#include "project/projectlock.h"
#include "project/recoveryfile.h"

#include <QDir>
#include <QFile>
#include <QSysInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/wait.h>

#include <unistd.h>

using namespace carto;
using project::ProjectLock;
using project::RecoveryFile;
using project::RecoveryKey;

class ProjectLockTest final : public QObject
{
    Q_OBJECT

private:
    static bool writeAll(const QString &path, const QByteArray &bytes)
    {
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    }

    // A pid that surely names no process: a child that has exited and been reaped.
    static qint64 deadPid()
    {
        const pid_t child = fork();
        if (child == 0)
            _exit(0);
        waitpid(child, nullptr, 0);
        return child;
    }

    static QByteArray lockText(const QString &host, qint64 pid, const QByteArray &boot)
    {
        return "owner: someone\nhost: " + host.toUtf8() + "\npid: " + QByteArray::number(pid)
            + "\nsince: 2020-01-01T10:00:00Z\nsession: other-session\nboot: " + boot + "\n";
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void tryLock_free_writesOwnerHostPidAndTime()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral(".map.cartograph.yaml.lock"));
        ProjectLock lock(path);
        QString error;
        QVERIFY2(lock.tryLock(&error), qPrintable(error));
        QVERIFY(lock.isLocked());
        const auto holder = ProjectLock::read(path);
        QVERIFY(holder);
        QCOMPARE(holder->pid, QCoreApplication::applicationPid());
        QCOMPARE(holder->host, QSysInfo::machineHostName());
        QVERIFY(!holder->owner.isEmpty());
        QVERIFY(std::abs(holder->since.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QVERIFY(!ProjectLock::isStale(*holder, std::chrono::minutes(15)));
        lock.unlock();
        QVERIFY(!QFile::exists(path));
    }

    void tryLock_heldByAnotherSession_failsAndNamesTheHolder()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral(".map.cartograph.yaml.lock"));
        ProjectLock first(path);
        QVERIFY(first.tryLock());
        // Another session, even in this process, does not get it.
        ProjectLock second(path);
        QString error;
        QVERIFY(!second.tryLock(&error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto holder = second.holder();
        QVERIFY(holder);
        QVERIFY(ProjectLock::describe(*holder).contains(QString::number(QCoreApplication::applicationPid())));
        // The loser's unlock leaves the winner's lock alone.
        second.unlock();
        QVERIFY(QFile::exists(path));
        first.unlock();
        QVERIFY(second.tryLock());
    }

    void tryLock_stale_isTakenOver_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<int>("ageSeconds");
        QTest::addColumn<bool>("takenOver");
        const QString here = QSysInfo::machineHostName();
        const QByteArray boot = QSysInfo::bootUniqueId();
        QTest::newRow("dead process on this host") << lockText(here, deadPid(), boot) << 0 << true;
        QTest::newRow("this host rebooted since") << lockText(here, QCoreApplication::applicationPid(), "old-boot") << 0 << true;
        QTest::newRow("live process on this host") << lockText(here, QCoreApplication::applicationPid(), boot) << 0 << false;
        QTest::newRow("other host, fresh") << lockText(QStringLiteral("elsewhere.example"), 1, "x") << 0 << false;
        QTest::newRow("other host, not refreshed for an hour")
            << lockText(QStringLiteral("elsewhere.example"), 1, "x") << 3600 << true;
        QTest::newRow("unreadable") << QByteArray("\x01\x02 garbage") << 0 << true;
    }

    void tryLock_stale_isTakenOver()
    {
        QFETCH(QByteArray, contents);
        QFETCH(int, ageSeconds);
        QFETCH(bool, takenOver);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x.lock"));
        QVERIFY(writeAll(path, contents));
        if (ageSeconds > 0) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(-ageSeconds), QFileDevice::FileModificationTime));
        }
        ProjectLock lock(path, std::chrono::minutes(15));
        QCOMPARE(lock.tryLock(), takenOver);
        const auto holder = ProjectLock::read(path);
        QVERIFY(holder);
        QCOMPARE(holder->session == QStringLiteral("other-session"), !takenOver);
    }

    void parse_lockBytes_namesTheHolderOnlyWithPidAndSession_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<qint64>("pid");         // 0: no holder
        QTest::addColumn<QString>("session");
        QTest::newRow("as written") << lockText(QStringLiteral("h"), 42, "b") << qint64(42) << QStringLiteral("other-session");
        QTest::newRow("CRLF, values with colons")
            << QByteArray("pid: 7\r\nsession: a:b:c\r\n") << qint64(7) << QStringLiteral("a:b:c");
        QTest::newRow("no pid") << QByteArray("owner: x\nsession: s\n") << qint64(0) << QString();
        QTest::newRow("pid not a number") << QByteArray("pid: 12x\nsession: s\n") << qint64(0) << QString();
        QTest::newRow("no session") << QByteArray("pid: 7\nsession:\n") << qint64(0) << QString();
        QTest::newRow("binary, no newline") << QByteArray("\x00\xff:\x01pid", 6) << qint64(0) << QString();
        QTest::newRow("empty") << QByteArray() << qint64(0) << QString();
    }

    void parse_lockBytes_namesTheHolderOnlyWithPidAndSession()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(qint64, pid);
        QFETCH(QString, session);
        const auto holder = ProjectLock::parse(bytes);
        QCOMPARE(holder.has_value(), pid != 0);
        if (!holder)
            return;
        QCOMPARE(holder->pid, pid);
        QCOMPARE(holder->session, session);
        QVERIFY2(!holder->refreshed.isValid(), "the refresh time is the file's, not in its bytes");
    }

    void refresh_afterTakeOver_reportsTheLockLost()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x.lock"));
        ProjectLock lock(path);
        QVERIFY(lock.tryLock());
        QVERIFY(lock.refresh());
        // Another session decided this one was stale and took the lock over.
        QVERIFY(QFile::remove(path));
        QVERIFY(writeAll(path, lockText(QSysInfo::machineHostName(), QCoreApplication::applicationPid(),
                                        QSysInfo::bootUniqueId())));
        QVERIFY(!lock.refresh());
        QVERIFY(!lock.isLocked());
        lock.unlock();
        QVERIFY2(QFile::exists(path), "the new holder's lock stays");
    }

    void tryLock_unwritableFolder_failsWithError()
    {
        QTemporaryDir dir;
        QVERIFY(writeAll(dir.filePath(QStringLiteral("plain")), "x"));
        ProjectLock lock(dir.filePath(QStringLiteral("plain/x.lock")));
        QString error;
        QVERIFY(!lock.tryLock(&error));
        QVERIFY2(error.contains(QStringLiteral("lock file")), qPrintable(error));
    }

    void recoveryKey_untitled_isPerFolderSetAndSlot()
    {
        const QStringList ab{QStringLiteral("/data/a"), QStringLiteral("/data/b")};
        const QString path = RecoveryFile::path(RecoveryKey({}, ab));
        QVERIFY(path.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        // Order and spelling do not matter; another set or slot is another file.
        QCOMPARE(RecoveryFile::path(RecoveryKey({}, {QStringLiteral("/data/b/"), QStringLiteral("/data/./a")})), path);
        QVERIFY(RecoveryFile::path(RecoveryKey({}, {QStringLiteral("/data/a")})) != path);
        QVERIFY(RecoveryFile::path(RecoveryKey({}, ab, 1)) != path);
        QVERIFY(RecoveryFile::path(RecoveryKey({}, ab)).endsWith(QStringLiteral(".recovery")));
        QVERIFY(RecoveryFile::lockPath(RecoveryKey({}, ab)).endsWith(QStringLiteral(".lock")));
    }

    void recoveryKey_project_slotZeroLockIsTheProjectLock()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("map.cartograph.yaml"));
        QCOMPARE(RecoveryFile::path(project), dir.filePath(QStringLiteral(".map.cartograph.yaml.recovery")));
        QCOMPARE(RecoveryFile::lockPath(project), dir.filePath(QStringLiteral(".map.cartograph.yaml.lock")));
        QCOMPARE(RecoveryFile::path(RecoveryKey(project, {}, 1)), dir.filePath(QStringLiteral(".map.cartograph.yaml.2.recovery")));
        // Two sessions' slots never share a file.
        project::Project a;
        a.corpusFolders = {dir.filePath(QStringLiteral("docs"))};
        project::Project b = a;
        b.conceptNotes.push_back({ConceptId(QStringLiteral("x")), QStringLiteral("X"), QStringLiteral("second window")});
        QString error;
        QVERIFY2(RecoveryFile::save(a, RecoveryKey(project, {}, 0), &error), qPrintable(error));
        QVERIFY2(RecoveryFile::save(b, RecoveryKey(project, {}, 1), &error), qPrintable(error));
        QVERIFY(RecoveryFile::load(RecoveryKey(project, {}, 0), &error)->conceptNotes.empty());
        QCOMPARE(RecoveryFile::load(RecoveryKey(project, {}, 1), &error)->conceptNotes.size(), size_t(1));
    }

    void fileStamp_sameBytesTouched_isSameContentButChangedBytesAreNot()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("f.cartograph.yaml"));
        QVERIFY(writeAll(path, "schema_version: 2\n"));
        const project::FileStamp before = project::FileStamp::of(path);
        QVERIFY(before.exists);
        QCOMPARE(before.size, 18);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(-100), QFileDevice::FileModificationTime));
        }
        const project::FileStamp touched = project::FileStamp::of(path);
        QVERIFY(touched.modified != before.modified);
        QVERIFY(touched.sameContent(before));
        // Same size, same time, other bytes: only the hash tells.
        QVERIFY(writeAll(path, "schema_version: 3\n"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.setFileTime(touched.modified, QFileDevice::FileModificationTime));
        }
        const project::FileStamp edited = project::FileStamp::of(path);
        QCOMPARE(edited.size, before.size);
        QVERIFY(!edited.sameContent(before));
        QVERIFY(QFile::remove(path));
        QVERIFY(!project::FileStamp::of(path).sameContent(before));
        QVERIFY(project::FileStamp::of(path).sameContent(project::FileStamp{}));
    }
};

QTEST_GUILESS_MAIN(ProjectLockTest)

#include "projectlock_test.moc"
