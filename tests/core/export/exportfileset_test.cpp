// Export files: atomic, permissions kept, never written through a link.
#include "export/exportfileset.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace carto;
using exporter::ExportFileSet;

class ExportFileSetTest final : public QObject
{
    Q_OBJECT

private:
    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
    }

    static void write(const QString &path, const QByteArray &bytes)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(bytes), bytes.size());
    }

    // Everything in dir but the names given: temporaries must not be left behind.
    static QStringList others(const QString &dir, const QStringList &expected)
    {
        QStringList found = QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
        for (const QString &name : expected)
            found.removeAll(name);
        return found;
    }

private Q_SLOTS:
    void writeFile_createsAndReplacesRegularFiles()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("map.json"));
        QString error;
        QVERIFY2(ExportFileSet::writeFile(path, "first", &error), qPrintable(error));
        QCOMPARE(read(path), QByteArray("first"));
        QVERIFY2(ExportFileSet::writeFile(path, "second, longer", &error), qPrintable(error));
        QCOMPARE(read(path), QByteArray("second, longer"));
        QCOMPARE(others(dir.path(), {QStringLiteral("map.json")}), QStringList());
    }

    void writeFile_sameBytes_leavesTheFileAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("note.md"));
        write(path, "unchanged note");
        struct stat before {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &before), 0);
        QString error;
        QVERIFY2(ExportFileSet::writeFile(path, "unchanged note", &error), qPrintable(error));
        struct stat same {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &same), 0);
        QCOMPARE(same.st_ino, before.st_ino); // not replaced
        // A longer or different content is replaced (a new inode renamed in).
        QVERIFY2(ExportFileSet::writeFile(path, "unchanged note, extended", &error), qPrintable(error));
        struct stat changed {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &changed), 0);
        QVERIFY(changed.st_ino != before.st_ino);
        QCOMPARE(read(path), QByteArray("unchanged note, extended"));
        QVERIFY2(ExportFileSet::writeFile(path, "unchanged note, extenDED", &error), qPrintable(error));
        QCOMPARE(read(path), QByteArray("unchanged note, extenDED"));
        QCOMPARE(others(dir.path(), {QStringLiteral("note.md")}), QStringList());
    }

    void writeFile_keepsPermissionsOfTheFileItReplaces()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("map.gexf"));
        write(path, "old");
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
        QString error;
        QVERIFY2(ExportFileSet::writeFile(path, "new", &error), qPrintable(error));
        QCOMPARE(read(path), QByteArray("new"));
        const QFile::Permissions mask = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
            | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
        QCOMPARE(QFileInfo(path).permissions() & mask, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup);
    }

    void writeFile_throughSymlink_isRefusedAndTargetUntouched_data()
    {
        QTest::addColumn<bool>("dangling");
        QTest::newRow("link to an existing file") << false;
        QTest::newRow("dangling link") << true;
    }

    void writeFile_throughSymlink_isRefusedAndTargetUntouched()
    {
        QFETCH(bool, dangling);
        QTemporaryDir outside;
        QTemporaryDir exportDir;
        const QString target = outside.filePath(QStringLiteral("victim"));
        if (!dangling)
            write(target, "precious");
        const QString link = exportDir.filePath(QStringLiteral("nodes.csv"));
        QVERIFY(QFile::link(target, link));

        QString error;
        QVERIFY(!ExportFileSet::writeFile(link, "attacker-controlled", &error));
        QVERIFY2(error.contains(QStringLiteral("symbolic link")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("nodes.csv")), qPrintable(error));
        if (dangling)
            QVERIFY(!QFileInfo::exists(target));
        else
            QCOMPARE(read(target), QByteArray("precious"));
        QVERIFY(QFileInfo(link).isSymLink());
        QCOMPARE(others(exportDir.path(), {QStringLiteral("nodes.csv")}), QStringList());
    }

    void add_nameTakenByAFolder_isRefused()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("edges.csv")));
        ExportFileSet files(dir.path());
        QString error;
        QVERIFY(!files.add(QStringLiteral("edges.csv"), "x", &error));
        QVERIFY2(error.contains(QStringLiteral("edges.csv")), qPrintable(error));
    }

    void add_pathInsteadOfName_isRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("slash") << QStringLiteral("../escape.md");
        QTest::newRow("dot dot") << QStringLiteral("..");
        QTest::newRow("empty") << QString();
    }

    void add_pathInsteadOfName_isRefused()
    {
        QFETCH(QString, name);
        QTemporaryDir dir;
        const QString inner = dir.filePath(QStringLiteral("vault"));
        QVERIFY(QDir().mkpath(inner));
        ExportFileSet files(inner);
        QString error;
        QVERIFY(!files.add(name, "x", &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("escape.md"))));
    }

    void syncOnce_nothingInPlaceUntilCommit_thenAll()
    {
        QTemporaryDir dir;
        const QString existing = dir.filePath(QStringLiteral("b.md"));
        write(existing, "old b");
        QString error;
        {
            ExportFileSet files(dir.path(), ExportFileSet::Sync::Once);
            for (const char *name : {"a.md", "b.md", "c.md"})
                QVERIFY2(files.add(QString::fromLatin1(name), QByteArray("new ") + name, &error), qPrintable(error));
            // Staged, not yet in place: the old file is whole, the new ones absent.
            QCOMPARE(read(existing), QByteArray("old b"));
            QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("a.md"))));
            QVERIFY2(files.commit(&error), qPrintable(error));
        }
        QCOMPARE(read(dir.filePath(QStringLiteral("a.md"))), QByteArray("new a.md"));
        QCOMPARE(read(existing), QByteArray("new b.md"));
        QCOMPARE(read(dir.filePath(QStringLiteral("c.md"))), QByteArray("new c.md"));
        QCOMPARE(others(dir.path(), {QStringLiteral("a.md"), QStringLiteral("b.md"), QStringLiteral("c.md")}),
                 QStringList());
    }

    void uncommittedSet_leavesOldFilesAndNoTemporaries()
    {
        QTemporaryDir dir;
        const QString existing = dir.filePath(QStringLiteral("a.md"));
        write(existing, "old");
        {
            ExportFileSet files(dir.path(), ExportFileSet::Sync::Once);
            QString error;
            QVERIFY(files.add(QStringLiteral("a.md"), "new", &error));
            QVERIFY(files.add(QStringLiteral("z.md"), "new", &error));
        } // abandoned, as a failed or cancelled export is
        QCOMPARE(read(existing), QByteArray("old"));
        QCOMPARE(others(dir.path(), {QStringLiteral("a.md")}), QStringList());
    }

    void writeFile_missingFolder_failsWithPath()
    {
        QString error;
        QVERIFY(!ExportFileSet::writeFile(QStringLiteral("/nonexistent/dir/map.json"), "x", &error));
        QVERIFY2(error.contains(QStringLiteral("map.json")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(ExportFileSetTest)

#include "exportfileset_test.moc"
