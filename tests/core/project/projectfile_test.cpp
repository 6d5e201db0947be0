// Project files: round trip, golden file, atomic save, and broken files that
// must fail with a located one-line error and never crash or be overwritten.
#include "project/projectfile.h"
#include "project/recoveryfile.h"

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

    // A project with every field set, including text that YAML would
    // misread if written carelessly.
    static Project fullProject(const QString &base)
    {
        Project p;
        p.corpusFolders = {QDir::cleanPath(base + QStringLiteral("/corpus")),
                           QDir::cleanPath(base + QStringLiteral("/../elsewhere/docs"))};
        extract::Curation::AddedConcept added;
        added.name = QStringLiteral("Spring Rental");
        added.aliases = {QStringLiteral("rent bee hives"), QStringLiteral("hives, rented")};
        added.type = extract::ConceptType::Event;
        p.curation.added.push_back(added);
        extract::Curation::AddedConcept bare;
        bare.name = QStringLiteral("null");
        p.curation.added.push_back(bare);
        p.curation.merges.push_back({QStringLiteral("AI"), {QStringLiteral("artificial intelligence"), QStringLiteral("A.I.")}});
        p.curation.renames[QStringLiteral("usa")] = QStringLiteral("United States");
        p.curation.renames[QStringLiteral("key: value")] = QStringLiteral("# not a comment");
        p.curation.ignored = {QStringLiteral("page"), QStringLiteral("true")};
        p.curation.typeOverrides[QStringLiteral("Apple")] = extract::ConceptType::Organization;
        p.curation.splits = {QStringLiteral("Jordan")};
        p.conceptNotes.push_back({ConceptId(QStringLiteral("apple")), QStringLiteral("Apple"),
                                  QStringLiteral("# Heading\n\nLine with \"quotes\", a colon: and 'ticks'.\n")});
        p.conceptNotes.push_back({ConceptId(QStringLiteral("bee")), QStringLiteral("Bees"),
                                  QStringLiteral("  indented first line\nno final newline")});
        p.conceptNotes.push_back({ConceptId(QStringLiteral("é ü")), QStringLiteral("Ümlaut — dash"), QStringLiteral("one line")});
        p.conceptNotes.push_back({ConceptId(QStringLiteral("empty")), QString(), QString()});
        p.linkNotes.push_back({ConceptId(QStringLiteral("apple")), ConceptId(QStringLiteral("bee")),
                               QStringLiteral("Bees pollinate apples.\nSee [[orchard]].\n\n")});
        p.positions[ConceptId(QStringLiteral("apple"))] = {12.25, -3.5};
        p.positions[ConceptId(QStringLiteral("bee"))] = {0.0, 1e6};
        p.positions[ConceptId(QStringLiteral("- dash"))] = {-0.01, 99.99};
        p.pinned = {ConceptId(QStringLiteral("apple")), ConceptId(QStringLiteral("- dash"))};
        p.view.zoom = 0.1;
        p.view.centre = {-40.5, 7.75};
        p.view.topN = 400;
        p.view.minLinkWeight = 0.333;
        p.view.hiddenTypes = {QStringLiteral("theme"), QStringLiteral("place")};
        p.view.hiddenCommunities = {3, 0, 12};
        p.view.hiddenDocuments = {QStringLiteral("a, b.md"), QStringLiteral("notes/c.md")};
        p.view.colourByType = true;
        return p;
    }

    static void compareCuration(const extract::Curation &a, const extract::Curation &b)
    {
        QCOMPARE(a.added.size(), b.added.size());
        for (size_t i = 0; i < a.added.size(); ++i) {
            QCOMPARE(a.added[i].name, b.added[i].name);
            QCOMPARE(a.added[i].aliases, b.added[i].aliases);
            QCOMPARE(a.added[i].type, b.added[i].type);
        }
        QCOMPARE(a.merges.size(), b.merges.size());
        for (size_t i = 0; i < a.merges.size(); ++i) {
            QCOMPARE(a.merges[i].into, b.merges[i].into);
            QCOMPARE(a.merges[i].from, b.merges[i].from);
        }
        QVERIFY(a.renames == b.renames);
        QCOMPARE(a.ignored, b.ignored);
        QVERIFY(a.typeOverrides == b.typeOverrides);
        QCOMPARE(a.splits, b.splits);
    }

    static void compareProjects(const Project &a, const Project &b)
    {
        QCOMPARE(a.corpusFolders, b.corpusFolders);
        compareCuration(a.curation, b.curation);
        QCOMPARE(a.conceptNotes.size(), b.conceptNotes.size());
        for (size_t i = 0; i < a.conceptNotes.size(); ++i) {
            QCOMPARE(a.conceptNotes[i].conceptId.value(), b.conceptNotes[i].conceptId.value());
            QCOMPARE(a.conceptNotes[i].label, b.conceptNotes[i].label);
            QCOMPARE(a.conceptNotes[i].markdown, b.conceptNotes[i].markdown);
        }
        QVERIFY(a.linkNotes == b.linkNotes);
        QCOMPARE(a.positions.size(), b.positions.size());
        for (const auto &[id, p] : a.positions) {
            QVERIFY2(b.positions.contains(id), qPrintable(id.value()));
            QCOMPARE(b.positions.at(id).x, p.x);
            QCOMPARE(b.positions.at(id).y, p.y);
        }
        QVERIFY(a.pinned == b.pinned);
        QCOMPARE(a.view.zoom, b.view.zoom);
        QCOMPARE(a.view.centre.x, b.view.centre.x);
        QCOMPARE(a.view.centre.y, b.view.centre.y);
        QCOMPARE(a.view.topN, b.view.topN);
        QCOMPARE(a.view.minLinkWeight, b.view.minLinkWeight);
        QCOMPARE(a.view.hiddenTypes, b.view.hiddenTypes);
        QVERIFY(a.view.hiddenCommunities == b.view.hiddenCommunities);
        QCOMPARE(a.view.hiddenDocuments, b.view.hiddenDocuments);
        QCOMPARE(a.view.colourByType, b.view.colourByType);
    }

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

    void load_goldenVersion1_readsEveryFieldAndSavesByteIdentical()
    {
        const QString path = goldenDir() + QStringLiteral("/golden-v1.cartograph.yaml");
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
        // No temporary file is left behind.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("map.cartograph.yaml")});

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
