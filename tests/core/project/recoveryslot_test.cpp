// Recovery slots: each session on a project or folder set autosaves into a
// slot of its own; a slot's file is offered back only when no live session
// holds it (its owner crashed), newest first.
#include "project/recoveryslot.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace carto;
using project::RecoveryFile;
using project::RecoveryKey;
using project::RecoverySlot;

class RecoverySlotTest final : public QObject
{
    Q_OBJECT

private:
    static project::Project withNote(const QString &folder, const QString &text)
    {
        project::Project p;
        p.corpusFolders = {folder};
        p.conceptNotes.push_back({ConceptId(QStringLiteral("x")), QStringLiteral("X"), text});
        return p;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void claim_twoSessionsOnOneFolder_getTwoSlots()
    {
        QTemporaryDir dir;
        const QStringList folders{dir.filePath(QStringLiteral("docs"))};
        QString error;
        RecoverySlot first = RecoverySlot::claim({}, folders, &error);
        QVERIFY2(first.isValid(), qPrintable(error));
        QCOMPARE(first.key().slot, 0);
        QVERIFY(!first.firstSlotHolder());
        RecoverySlot second = RecoverySlot::claim({}, folders, &error);
        QVERIFY2(second.isValid(), qPrintable(error));
        QCOMPARE(second.key().slot, 1);
        QVERIFY(second.firstSlotHolder()); // the first session, alive
        QVERIFY(first.isFor({}, folders) && second.isFor({}, folders));
        QVERIFY(!first.isFor({}, {dir.filePath(QStringLiteral("other"))}));

        // Each autosaves into its own file; neither sees the other's as an orphan.
        QVERIFY(RecoveryFile::save(withNote(folders[0], QStringLiteral("first")), first.key(), &error));
        QVERIFY(RecoveryFile::save(withNote(folders[0], QStringLiteral("second")), second.key(), &error));
        const auto firstOrphans = first.findOrphans();
        QCOMPARE(firstOrphans.size(), size_t(1));
        QCOMPARE(firstOrphans.front().slot, 0); // only its own file
        first.releaseOrphans();
        QCOMPARE(RecoveryFile::load(second.key(), &error)->conceptNotes.front().markdown, QStringLiteral("second"));
        RecoveryFile::discard(first.key());
        RecoveryFile::discard(second.key());
    }

    void findOrphans_sessionGone_offersItsFileNewestFirst()
    {
        QTemporaryDir dir;
        const QString projectPath = dir.filePath(QStringLiteral("map.cartograph.yaml"));
        QVERIFY(QFile(projectPath).open(QIODevice::WriteOnly)); // an (old) project file
        QString error;
        RecoveryKey olderKey;
        RecoveryKey newerKey;
        {
            // Two sessions autosave, then both end without cleaning up (a crash:
            // their locks go, their recovery files stay).
            RecoverySlot a = RecoverySlot::claim(projectPath, {}, &error);
            RecoverySlot b = RecoverySlot::claim(projectPath, {}, &error);
            QVERIFY(a.isValid() && b.isValid());
            QVERIFY(RecoveryFile::save(withNote(dir.path(), QStringLiteral("older")), a.key(), &error));
            QThread::msleep(20);
            QVERIFY(RecoveryFile::save(withNote(dir.path(), QStringLiteral("newer")), b.key(), &error));
            olderKey = a.key();
            newerKey = b.key();
        }
        RecoverySlot next = RecoverySlot::claim(projectPath, {}, &error);
        QVERIFY2(next.isValid(), qPrintable(error));
        QCOMPARE(next.key().slot, 0);
        const auto orphans = next.findOrphans();
        QCOMPARE(orphans.size(), size_t(2));
        QCOMPARE(orphans[0].slot, newerKey.slot);
        QCOMPARE(orphans[1].slot, olderKey.slot);
        // While offered, the orphan's slot is held: another session cannot take it.
        RecoverySlot meanwhile = RecoverySlot::claim(projectPath, {}, &error);
        QVERIFY(meanwhile.isValid());
        QVERIFY(meanwhile.key().slot != newerKey.slot);
        meanwhile.release();
        // Declined: both files go.
        next.discardOrphans();
        QVERIFY(!RecoveryFile::exists(olderKey));
        QVERIFY(!RecoveryFile::exists(newerKey));
    }
};

QTEST_GUILESS_MAIN(RecoverySlotTest)

#include "recoveryslot_test.moc"
