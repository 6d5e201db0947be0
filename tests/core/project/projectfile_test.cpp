// Project files: round trip (note text byte for byte), golden files and the
// schema migration, atomic save with a backup, and broken files that must fail
// with a located one-line error and never crash or be overwritten.
#include "project/projectfile.h"
#include "project/recoveryfile.h"
#include "support/projectsamples.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

#include <csignal>
#include <unistd.h>

using namespace carto;
using project::Project;
using project::ProjectFile;

class ProjectFileTest final : public QObject
{
    Q_OBJECT

private:
    static QString goldenDir() { return QStringLiteral(CARTO_TEST_DATA_DIR "/project"); }

    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static bool writeAll(const QString &path, const QByteArray &bytes)
    {
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    }

    static Project fullProject(const QString &base) { return testsupport::fullProject(base); }
    static void compareProjects(const Project &a, const Project &b) { testsupport::compareProjects(a, b); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // A failed write past RLIMIT_FSIZE must be an error, not a signal.
        std::signal(SIGXFSZ, SIG_IGN);
    }

    void saveLoad_everyField_roundTrips()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("map.cartograph.yaml"));
        const Project original = fullProject(dir.path());
        QString error;
        QVERIFY2(ProjectFile::save(original, path, &error), qPrintable(error));
        const auto loaded = ProjectFile::load(path, &error);
        QVERIFY2(loaded, qPrintable(error));
        compareProjects(original, *loaded);
        // Saving what was loaded gives the same bytes: the format is stable.
        QCOMPARE(ProjectFile::serialize(*loaded, dir.path()), readAll(path));
    }

    void save_corpusFolders_areRelativeOnDiskAndAbsoluteInMemory()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("map.cartograph.yaml"));
        const Project original = fullProject(dir.path());
        QString error;
        QVERIFY2(ProjectFile::save(original, path, &error), qPrintable(error));
        const QByteArray bytes = readAll(path);
        QVERIFY(bytes.contains("\n  - corpus\n"));
        QVERIFY(bytes.contains("\n  - ../elsewhere/docs\n"));
        QVERIFY(!bytes.contains(dir.path().toUtf8()));
        // The folder moved whole still finds its corpus.
        QTemporaryDir moved;
        const QString movedPath = moved.filePath(QStringLiteral("map.cartograph.yaml"));
        QVERIFY(QFile::copy(path, movedPath));
        const auto loaded = ProjectFile::load(movedPath, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->corpusFolders.front(), QDir::cleanPath(moved.path() + QStringLiteral("/corpus")));
    }

    void save_positions_areRoundedToHundredths()
    {
        Project p;
        p.positions[ConceptId(QStringLiteral("a"))] = {1.23456789, -9.87654321};
        QString error;
        const auto loaded = ProjectFile::parse(ProjectFile::serialize(p, {}), {}, {}, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->positions.at(ConceptId(QStringLiteral("a"))).x, 1.23);
        QCOMPARE(loaded->positions.at(ConceptId(QStringLiteral("a"))).y, -9.88);
    }

    void load_goldenVersion1_readsEveryFieldAndUpgradesToVersion2()
    {
        const QString path = goldenDir() + QStringLiteral("/golden-v1.cartograph.yaml");
        QVERIFY2(QFile::exists(path), "golden file missing");
        QString error;
        const auto loaded = ProjectFile::load(path, &error);
        QVERIFY2(loaded, qPrintable(error));
        compareProjects(fullProject(goldenDir()), *loaded);
        // A schema-1 file (no end marker) is saved as schema 2: the same
        // fields, byte for byte what golden-v2 holds.
        QCOMPARE(QString::fromUtf8(ProjectFile::serialize(*loaded, goldenDir())),
                 QString::fromUtf8(readAll(goldenDir() + QStringLiteral("/golden-v2.cartograph.yaml"))));
    }

    void load_goldenVersion2_readsEveryFieldAndSavesByteIdentical()
    {
        const QString path = goldenDir() + QStringLiteral("/golden-v2.cartograph.yaml");
        QVERIFY2(QFile::exists(path), "golden file missing");
        QString error;
        const auto loaded = ProjectFile::load(path, &error);
        QVERIFY2(loaded, qPrintable(error));
        compareProjects(fullProject(goldenDir()), *loaded);
        // Any change to the written format shows up here: update the golden
        // file on purpose (and add a migration if old files read differently).
        QCOMPARE(QString::fromUtf8(ProjectFile::serialize(*loaded, goldenDir())), QString::fromUtf8(readAll(path)));
    }

    void load_minimalFile_givesDefaults()
    {
        QString error;
        const auto loaded = ProjectFile::parse("schema_version: 1\n", QStringLiteral("/base"), {}, &error);
        QVERIFY2(loaded, qPrintable(error));
        QVERIFY(loaded->corpusFolders.isEmpty());
        QVERIFY(loaded->curation.isEmpty());
        QVERIFY(loaded->positions.empty());
        QCOMPARE(loaded->view, project::ViewState{});
    }

    void load_brokenFile_failsWithLocatedError_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<QString>("expected"); // a fragment of the error

        const QByteArray valid = "schema_version: 1\ncorpus:\n  - docs\n";
        QTest::newRow("empty file") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("whitespace only") << QByteArray("\n  \n") << QStringLiteral("empty");
        QTest::newRow("bad indentation")
            << QByteArray("schema_version: 1\nview:\n  zoom: 2\n    top_n: 4\n") << QStringLiteral("line 4, column");
        QTest::newRow("truncated mid-mapping")
            << QByteArray("schema_version: 1\npositions:\n  apple: [1.5, ") << QStringLiteral("line 3, column");
        QTest::newRow("truncated quoted string")
            << QByteArray("schema_version: 1\nnotes:\n  concepts:\n    - id: \"apple") << QStringLiteral("line 4, column");
        QTest::newRow("positions is text")
            << QByteArray(valid + "positions: \"abc\"\n") << QStringLiteral("line 4, column 12: positions must be a mapping");
        QTest::newRow("position not a pair")
            << QByteArray(valid + "positions:\n  apple: [1]\n") << QStringLiteral("line 5, column 10");
        QTest::newRow("position not a number")
            << QByteArray(valid + "positions:\n  apple: [1, north]\n") << QStringLiteral("line 5, column 14");
        QTest::newRow("zoom not a number")
            << QByteArray(valid + "view:\n  zoom: big\n") << QStringLiteral("line 5, column 9: view.zoom");
        QTest::newRow("colour_by_type not a bool")
            << QByteArray(valid + "view:\n  colour_by_type: maybe\n") << QStringLiteral("line 5, column 19");
        QTest::newRow("corpus is a mapping")
            << QByteArray("schema_version: 1\ncorpus:\n  a: b\n") << QStringLiteral("line 3, column 3: corpus must be a list");
        QTest::newRow("note without id")
            << QByteArray(valid + "notes:\n  concepts:\n    - label: x\n") << QStringLiteral("line 6, column 7");
        QTest::newRow("curation merge is text")
            << QByteArray(valid + "curation:\n  merge: everything\n") << QStringLiteral("line 5, column 10");
        QTest::newRow("curation unknown type")
            << QByteArray(valid + "curation:\n  types:\n    Apple: fruitish\n") << QStringLiteral("fruitish");
        QTest::newRow("schema_version 99")
            << QByteArray("schema_version: 99\n") << QStringLiteral("newer Cartograph");
        QTest::newRow("schema_version 0") << QByteArray("schema_version: 0\n") << QStringLiteral("unsupported");
        QTest::newRow("schema_version text")
            << QByteArray("schema_version: one\n") << QStringLiteral("line 1, column 17");
        QTest::newRow("no schema_version") << QByteArray("corpus: [a]\n") << QStringLiteral("not a Cartograph project");
        QTest::newRow("a list, not a project") << QByteArray("- a\n- b\n") << QStringLiteral("not a Cartograph project");
        QByteArray garbage;
        for (int i = 0; i < 512; ++i)
            garbage.append(char((i * 7919 + 13) % 256));
        QTest::newRow("binary garbage") << garbage << QString();
        QTest::newRow("binary without NUL") << QByteArray("\x89PNG\r\n\x1a\n\xff\xfe{[:") << QString();
        QTest::newRow("deeply nested") << QByteArray(100000, '[') << QString();
        QTest::newRow("tab indentation")
            << QByteArray("schema_version: 1\nview:\n\tzoom: 2\n") << QStringLiteral("line 3, column");
    }

    void load_brokenFile_failsWithLocatedError()
    {
        QFETCH(QByteArray, contents);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.cartograph.yaml"));
        QVERIFY(writeAll(path, contents));
        QString error;
        const auto loaded = ProjectFile::load(path, &error);
        QVERIFY(!loaded);
        QVERIFY(!error.isEmpty());
        QVERIFY2(!error.contains(u'\n'), qPrintable(error));
        QVERIFY2(error.startsWith(QStringLiteral("broken.cartograph.yaml: ")), qPrintable(error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        // Loading never writes.
        QCOMPARE(readAll(path), contents);
    }

    void save_writeFails_leavesPreviousFileByteIdentical()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("map.cartograph.yaml"));
        QString error;
        Project first;
        first.corpusFolders = {dir.filePath(QStringLiteral("docs"))};
        QVERIFY2(ProjectFile::save(first, path, &error), qPrintable(error));
        const QByteArray before = readAll(path);

        // Simulate a disk that fills up mid-write: the file size limit lets
        // the first bytes through and fails the rest (works even as root,
        // which ignores read-only permissions).
        Project second = fullProject(dir.path());
        for (int i = 0; i < 200; ++i)
            second.positions[ConceptId(QStringLiteral("concept %1").arg(i))] = {double(i), double(-i)};
        QVERIFY(ProjectFile::serialize(second, dir.path()).size() > 4096);
        rlimit old{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
        rlimit tight = old;
        tight.rlim_cur = 1024;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &tight), 0);
        const bool saved = ProjectFile::save(second, path, &error);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &old), 0);
        QVERIFY(!saved);
        QVERIFY2(error.contains(QStringLiteral("map.cartograph.yaml")), qPrintable(error));
        QCOMPARE(readAll(path), before);
        // No temporary file is left behind; the backup holds the previous version.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden, QDir::Name),
                 (QStringList{QStringLiteral("map.cartograph.yaml"), QStringLiteral("map.cartograph.yaml~")}));
        QCOMPARE(readAll(ProjectFile::backupPath(path)), before);

        if (geteuid() != 0) {
            QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
            QVERIFY(!ProjectFile::save(second, path, &error));
            QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
            QCOMPARE(readAll(path), before);
        }
    }

    void save_folderIsAFile_failsWithError()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("plain"));
        QVERIFY(writeAll(file, "x"));
        QString error;
        QVERIFY(!ProjectFile::save(Project{}, file + QStringLiteral("/map.cartograph.yaml"), &error));
        QVERIFY2(error.startsWith(QStringLiteral("cannot save")), qPrintable(error));
        QCOMPARE(readAll(file), QByteArray("x"));
    }

    void recovery_besideProject_isHiddenAndRestoresEverything()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("map.cartograph.yaml"));
        QCOMPARE(project::recoveryPath(path), dir.filePath(QStringLiteral(".map.cartograph.yaml.recovery")));
        const Project original = fullProject(dir.path());
        QString error;
        QVERIFY2(ProjectFile::save(Project{}, path, &error), qPrintable(error));
        const QByteArray saved = readAll(path);
        QVERIFY(!project::RecoveryFile::exists(path));
        QVERIFY(!project::RecoveryFile::hasNewer(path));
        QVERIFY2(project::RecoveryFile::save(original, path, &error), qPrintable(error));
        QVERIFY(project::RecoveryFile::hasNewer(path));
        QCOMPARE(readAll(path), saved); // the project file itself is untouched
        const auto restored = project::RecoveryFile::load(path, &error);
        QVERIFY2(restored, qPrintable(error));
        compareProjects(original, *restored);
        QVERIFY(project::RecoveryFile::discard(path));
        QVERIFY(!project::RecoveryFile::exists(path));
        QVERIFY(project::RecoveryFile::discard(path));
    }

    void recovery_untitled_livesInAppDataWithAbsolutePaths()
    {
        const QString recovery = project::recoveryPath(QString());
        QVERIFY(recovery.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        Project p;
        p.corpusFolders = {QStringLiteral("/data/corpus")};
        QString error;
        QVERIFY2(project::RecoveryFile::save(p, QString(), &error), qPrintable(error));
        QVERIFY(readAll(recovery).contains("/data/corpus"));
        const auto restored = project::RecoveryFile::load(QString(), &error);
        QVERIFY2(restored, qPrintable(error));
        QCOMPARE(restored->corpusFolders, p.corpusFolders);
        QVERIFY(project::RecoveryFile::discard(QString()));
    }

    void save_overExistingFile_keepsPreviousVersionAsBackup()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("map.cartograph.yaml"));
        QCOMPARE(ProjectFile::backupPath(path), path + u'~');
        QString error;
        Project first;
        first.corpusFolders = {dir.filePath(QStringLiteral("docs"))};
        QVERIFY2(ProjectFile::save(first, path, &error), qPrintable(error));
        QVERIFY2(!QFile::exists(ProjectFile::backupPath(path)), "nothing to back up on the first save");
        const QByteArray firstBytes = readAll(path);

        Project second = first;
        second.conceptNotes.push_back({ConceptId(QStringLiteral("a")), QStringLiteral("A"), QStringLiteral("new")});
        project::FileStamp stamp;
        QVERIFY2(ProjectFile::save(second, path, &error, &stamp), qPrintable(error));
        QCOMPARE(readAll(ProjectFile::backupPath(path)), firstBytes);
        // The stamp describes what is on disk now.
        QVERIFY(stamp.sameContent(project::FileStamp::of(path)));
        QCOMPARE(stamp.size, readAll(path).size());

        Project third = second;
        third.conceptNotes.clear();
        const QByteArray secondBytes = readAll(path);
        QVERIFY2(ProjectFile::save(third, path, &error), qPrintable(error));
        QCOMPARE(readAll(ProjectFile::backupPath(path)), secondBytes);
        const auto backup = ProjectFile::load(ProjectFile::backupPath(path), &error);
        QVERIFY2(backup, qPrintable(error));
        QCOMPARE(backup->conceptNotes.size(), size_t(1));
    }

    void save_noteText_readsBackByteForByte_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("no final newline") << QStringLiteral("first line\nsecond line");
        QTest::newRow("one final newline") << QStringLiteral("first line\nsecond line\n");
        QTest::newRow("two final newlines") << QStringLiteral("paragraph\n\n");
        QTest::newRow("only newlines") << QStringLiteral("\n\n\n");
        QTest::newRow("leading blank line") << QStringLiteral("\nc");
        QTest::newRow("leading blank line, final newline") << QStringLiteral("\nc\n");
        QTest::newRow("leading spaces") << QStringLiteral("   indented\nnext\n");
        QTest::newRow("indented second line") << QStringLiteral("top\n    code block\n");
        QTest::newRow("trailing spaces") << QStringLiteral("trailing   \nspaces \n");
        QTest::newRow("one line, trailing space") << QStringLiteral("ends with a space ");
        QTest::newRow("one line, leading space") << QStringLiteral(" starts with a space");
        QTest::newRow("CRLF") << QStringLiteral("windows\r\nline endings\r\n");
        QTest::newRow("lone CR") << QStringLiteral("old mac\rline");
        QTest::newRow("trailing CR") << QStringLiteral("ends in CR\r");
        QTest::newRow("tabs") << QStringLiteral("\tcol\tumns\n\t\n");
        QTest::newRow("blank line with spaces") << QStringLiteral("a\n   \nb\n");
        QTest::newRow("unicode") << QStringLiteral("Ümlaut — “quotes” 日本語 🐝\nzwei\n");
        QTest::newRow("line separator") << QStringLiteral("a\u2028b\u2029c\u0085d");
        QTest::newRow("control characters") << QStringLiteral("bell\u0007 escape\u001b del\u007f");
        QTest::newRow("byte order mark") << QStringLiteral("\ufeffstarts with a BOM\n");
        QTest::newRow("yaml syntax") << QStringLiteral("key: value\n- item\n# comment\n--- \n...\n");
        QTest::newRow("quotes and escapes") << QStringLiteral("\"double\" 'single' \\ backslash\n");
        QTest::newRow("looks like a number") << QStringLiteral("1e6");
        QTest::newRow("looks like null") << QStringLiteral("~");
        QTest::newRow("only spaces") << QStringLiteral("   ");
    }

    void save_noteText_readsBackByteForByte()
    {
        QFETCH(QString, text);
        // As a concept note and as a link note, in the middle of the list and
        // last (the last value of a list is where YAML's block rules differ).
        for (const bool last : {false, true}) {
            Project p;
            if (!last) {
                p.conceptNotes.push_back({ConceptId(QStringLiteral("x")), QStringLiteral("X"), text});
                p.linkNotes.push_back({ConceptId(QStringLiteral("x")), ConceptId(QStringLiteral("y")), text});
            }
            p.conceptNotes.push_back({ConceptId(QStringLiteral("a")), text, QStringLiteral("label is the text")});
            p.conceptNotes.push_back({ConceptId(QStringLiteral("b")), QStringLiteral("B"), text});
            p.linkNotes.push_back({ConceptId(QStringLiteral("a")), ConceptId(QStringLiteral("b")), text});
            QString error;
            const QByteArray bytes = ProjectFile::serialize(p, {});
            const auto loaded = ProjectFile::parse(bytes, {}, {}, &error);
            QVERIFY2(loaded, qPrintable(error + u'\n' + QString::fromUtf8(bytes)));
            compareProjects(p, *loaded);
            // And again: what was read saves to the same bytes.
            QCOMPARE(ProjectFile::serialize(*loaded, {}), bytes);
        }
    }

    void load_hostileNoteFiles_textSurvivesSaveAndLoad_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("concept note") << QStringLiteral("project-note-gains-trailing-newline.cartograph.yaml");
        QTest::newRow("link note") << QStringLiteral("project-linknote-gains-trailing-newline.cartograph.yaml");
    }

    void load_hostileNoteFiles_textSurvivesSaveAndLoad()
    {
        QFETCH(QString, file);
        const QString path = QStringLiteral(CARTO_SHARED_DIR "/hostile/") + file;
        QVERIFY2(QFile::exists(path), qPrintable(QStringLiteral("missing ") + path));
        QString error;
        const auto loaded = ProjectFile::load(path, &error);
        QVERIFY2(loaded, qPrintable(error));
        QVERIFY(!loaded->conceptNotes.empty() || !loaded->linkNotes.empty());
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("copy.cartograph.yaml"));
        QVERIFY2(ProjectFile::save(*loaded, copy, &error), qPrintable(error));
        const auto again = ProjectFile::load(copy, &error);
        QVERIFY2(again, qPrintable(error));
        compareProjects(*loaded, *again);
    }

    void isProjectPath_matchesSuffixOnly()
    {
        QVERIFY(ProjectFile::isProjectPath(QStringLiteral("/a/map.cartograph.yaml")));
        QVERIFY(ProjectFile::isProjectPath(QStringLiteral("MAP.Cartograph.YAML")));
        QVERIFY(!ProjectFile::isProjectPath(QStringLiteral("/a/cartograph.yaml")));
        QVERIFY(!ProjectFile::isProjectPath(QStringLiteral("/a/docs")));
    }
};

QTEST_GUILESS_MAIN(ProjectFileTest)

#include "projectfile_test.moc"
