// Damaged and hostile project files: a file cut at any byte is refused with a
// located message or loads exactly what was saved (never data silently
// missing); the end marker's counts are checked; YAML aliases are refused
// before they can expand (a "billion laughs" file under a memory cap).
#include "project/projectfile.h"
#include "support/projectsamples.h"

#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>
#include <sys/wait.h>

#include <unistd.h>

using namespace carto;
using project::Project;
using project::ProjectFile;

class ProjectFileDamageTest final : public QObject
{
    Q_OBJECT

private:
    // A "Key:   123 kB" line of /proc/self/status, in kB; -1 when missing.
    static long statusKilobytes(const char *key)
    {
        QFile status(QStringLiteral("/proc/self/status"));
        if (!status.open(QIODevice::ReadOnly))
            return -1;
        for (const QByteArray &line : status.readAll().split('\n'))
            if (line.startsWith(key))
                return line.mid(qsizetype(qstrlen(key))).trimmed().split(' ').value(0).toLong();
        return -1;
    }

    // Counts the loads that came back different from `full` instead of
    // failing at the first, so a failure says how widespread the problem is.
    static bool sameNotesAndPositions(const Project &a, const Project &b)
    {
        return a.corpusFolders == b.corpusFolders && a.conceptNotes == b.conceptNotes && a.linkNotes == b.linkNotes
            && a.positions == b.positions && a.pinned == b.pinned && a.view == b.view
            && a.curation.ignored == b.curation.ignored && a.curation.renames == b.curation.renames
            && a.curation.merges.size() == b.curation.merges.size();
    }

private Q_SLOTS:
    void load_everyByteCut_isRefusedWithLineAndColumnOrLoadsEverything_data()
    {
        QTest::addColumn<int>("notes");
        QTest::addColumn<QByteArray>("head");
        QTest::newRow("300 notes, as saved") << 300 << QByteArray();
        // A comment first (as a hand edit might add) hides the version from
        // the quick textual check, so every cut goes through the YAML check.
        QTest::newRow("30 notes, comment first") << 30 << QByteArray("# kept by hand\n");
    }

    void load_everyByteCut_isRefusedWithLineAndColumnOrLoadsEverything()
    {
        QFETCH(int, notes);
        QFETCH(QByteArray, head);
        const Project full = testsupport::manyNotesProject(QStringLiteral("/base"), notes);
        const QByteArray bytes = head + ProjectFile::serialize(full, QStringLiteral("/base"));
        QString error;
        const auto whole = ProjectFile::parse(bytes, QStringLiteral("/base"), {}, &error);
        QVERIFY2(whole, qPrintable(error));
        testsupport::compareProjects(full, *whole);

        int refused = 0;
        int loadedWhole = 0;
        QStringList silentlyShort;
        for (qsizetype cut = 0; cut < bytes.size(); ++cut) {
            const QByteArray prefix = bytes.left(cut);
            if (!head.isEmpty() && prefix.size() <= head.size())
                continue; // the comment alone: not a project yet, checked by the rows above
            error.clear();
            const auto loaded = ProjectFile::parse(prefix, QStringLiteral("/base"), QStringLiteral("cut.cartograph.yaml"),
                                                   &error);
            if (!loaded) {
                ++refused;
                if (error.isEmpty() || error.contains(u'\n'))
                    silentlyShort.append(QStringLiteral("cut %1: no one-line message").arg(cut));
                // Anything with content is refused at a place in the file.
                else if (!prefix.trimmed().isEmpty() && !(error.contains(QStringLiteral("line ")) && error.contains(QStringLiteral("column "))))
                    silentlyShort.append(QStringLiteral("cut %1: %2").arg(cut).arg(error));
                continue;
            }
            if (sameNotesAndPositions(full, *loaded))
                ++loadedWhole;
            else if (silentlyShort.size() < 20)
                silentlyShort.append(QStringLiteral("cut %1 of %2 loaded %3 of %4 notes")
                                         .arg(cut)
                                         .arg(bytes.size())
                                         .arg(loaded->conceptNotes.size())
                                         .arg(full.conceptNotes.size()));
        }
        QVERIFY2(silentlyShort.isEmpty(), qPrintable(silentlyShort.join(u'\n')));
        QCOMPARE(refused + loadedWhole, int(bytes.size() - (head.isEmpty() ? 0 : head.size() + 1)));
        // Only dropping the final line break leaves the data whole.
        QCOMPARE(loadedWhole, 1);
    }

    void load_endMarker_wrongOrMisplaced_isRefused_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<QString>("expected");
        const QByteArray head = "schema_version: 2\ncorpus:\n  - docs\nnotes:\n  concepts:\n    - {id: a, text: x}\n";
        const QByteArray end = "end:\n  corpus: 1\n  curation: 0\n  concept_notes: 1\n  link_notes: 0\n  positions: 0\n  pinned: 0\n";
        QTest::newRow("no end") << head << QStringLiteral("line 6, column 22: the file is cut short");
        QTest::newRow("count too high")
            << QByteArray(head + QByteArray(end).replace("concept_notes: 1", "concept_notes: 2"))
            << QStringLiteral("line 10, column 18: end.concept_notes records 2 but the file holds 1");
        QTest::newRow("count missing")
            << QByteArray(head + QByteArray(end).replace("  pinned: 0\n", ""))
            << QStringLiteral("the file is cut short");
        QTest::newRow("not last") << QByteArray(head + end + "pinned: []\n") << QStringLiteral("end must be the last entry");
        QTest::newRow("not a mapping") << QByteArray(head + "end: 7\n") << QStringLiteral("end must be a mapping");
    }

    void load_endMarker_wrongOrMisplaced_isRefused()
    {
        QFETCH(QByteArray, contents);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!ProjectFile::parse(contents, {}, QStringLiteral("map.cartograph.yaml"), &error));
        QVERIFY2(error.startsWith(QStringLiteral("map.cartograph.yaml: ")), qPrintable(error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        // The same file with the right marker opens.
        if (QByteArray(QTest::currentDataTag()) == "no end") {
            const QByteArray fixed = contents
                + "end:\n  corpus: 1\n  curation: 0\n  concept_notes: 1\n  link_notes: 0\n  positions: 0\n  pinned: 0\n";
            QVERIFY2(ProjectFile::parse(fixed, {}, {}, &error), qPrintable(error));
        }
    }

    void load_version1WithoutEndMarker_stillOpens()
    {
        QString error;
        const auto loaded = ProjectFile::parse("schema_version: 1\nnotes:\n  concepts:\n    - {id: a, text: x}\n", {}, {},
                                               &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->conceptNotes.size(), size_t(1));
    }

    void load_aliases_areRefusedBeforeExpanding_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::newRow("alias as note text")
            << QByteArray("schema_version: 1\nbig: &a hello\nnotes:\n  concepts:\n    - {id: n, text: *a}\n");
        QTest::newRow("alias in curation")
            << QByteArray("schema_version: 1\ncuration:\n  ignore: [&x page, *x]\n");
        QTest::newRow("merge key") << QByteArray("schema_version: 1\nbase: &b {zoom: 2}\nview:\n  <<: *b\n");
    }

    void load_aliases_areRefusedBeforeExpanding()
    {
        QFETCH(QByteArray, contents);
        QString error;
        QVERIFY(!ProjectFile::parse(contents, {}, QStringLiteral("a.cartograph.yaml"), &error));
        QVERIFY2(error.contains(QStringLiteral("aliases")) && error.contains(QStringLiteral("line ")), qPrintable(error));
    }

    void load_billionLaughs_isRefusedUnderAMemoryCap()
    {
        // The shape of ../shared/hostile/make-hostile-corpora.sh's project
        // bomb: one 1 MB scalar named once and aliased by 3,000 notes (3 GB of
        // note text once expanded), generated here rather than kept as a file.
        QByteArray yaml = "schema_version: 1\ncorpus: [docs]\nbig: &a \"" + QByteArray(1'000'000, 'A') + "\"\nnotes:\n  concepts:\n";
        for (int i = 0; i < 3000; ++i)
            yaml += "    - {id: n" + QByteArray::number(i) + ", label: L, text: *a}\n";
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bomb.cartograph.yaml"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QCOMPARE(file.write(yaml), yaml.size());
        }
        // Loaded in a child process whose address space is capped 1 GB above
        // what it already uses (sanitizers reserve terabytes up front, so
        // there only the growth of its resident memory is checked).
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
            QFile statm(QStringLiteral("/proc/self/statm"));
            if (statm.open(QIODevice::ReadOnly)) {
                const rlim_t pages = rlim_t(statm.readAll().split(' ').value(0).toLong());
                const rlimit cap{pages * rlim_t(sysconf(_SC_PAGESIZE)) + (rlim_t(1) << 30),
                                 pages * rlim_t(sysconf(_SC_PAGESIZE)) + (rlim_t(1) << 30)};
                setrlimit(RLIMIT_AS, &cap);
            }
#endif
            alarm(60);
            // A forked child's peak (VmHWM) starts at its resident size.
            const long before = statusKilobytes("VmRSS:");
            QString childError;
            const bool loaded = ProjectFile::load(path, &childError).has_value();
            const long grown = statusKilobytes("VmHWM:") - before;
            if (loaded)
                _exit(1);
            if (!childError.contains(QStringLiteral("aliases")))
                _exit(2);
            _exit(before > 0 && grown > 300 * 1024 ? 3 : 0);
        }
        int status = 0;
        QCOMPARE(waitpid(child, &status, 0), child);
        QVERIFY2(WIFEXITED(status), "the loader was killed (memory cap or time limit)");
        QVERIFY2(WEXITSTATUS(status) != 1, "the bomb loaded");
        QVERIFY2(WEXITSTATUS(status) != 2, "refused, but not for its aliases");
        QVERIFY2(WEXITSTATUS(status) != 3, "loading it grew the process by more than 300 MB");
        QCOMPARE(WEXITSTATUS(status), 0);
    }
};

QTEST_GUILESS_MAIN(ProjectFileDamageTest)

#include "projectfiledamage_test.moc"
