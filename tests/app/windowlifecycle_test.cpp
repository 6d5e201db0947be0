#include "canvas/mapview.h"
#include "document/projectdocument.h"
#include "mainwindow.h"
#include "project/projectfile.h"
#include "project/recoveryfile.h"

#include <QDialog>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace carto;
using carto::app::MainWindow;

// The main window's life around the map: autosave and recovery, the corpus
// watcher, the quit prompt, re-layout with pins, cancelling a build, and the
// shortcut list. Each slot gets a fresh window on a copy of the sample corpus;
// no modal dialog ever opens (the prompt hook answers).
class WindowLifecycleTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void autosaveTimer_dirtyProject_writesRecoveryFile();
    void openProject_newerRecoveryAccepted_restoresUnsavedWork();
    void corpusWatcher_documentsAddedChangedRemoved_rebuildKeepingNotesAndPins();
    void quitPrompt_cancelKeepsWindow_discardCloses();
    void relayout_keepsPinnedNodesExactly();
    void relayout_isOneUndoableEditThatMarksTheProjectModified();
    void cancelBuild_largeCorpus_leavesWindowUsable();
    void shortcutList_frequentActionsHaveShortcuts();

private:
    std::unique_ptr<MainWindow> makeWindow();
    static bool waitForBuild(QSignalSpy &spy, int count = 1);
    [[nodiscard]] app::ProjectDocument *doc() const { return m_window->document(); }
    [[nodiscard]] QString corpus() const { return m_dir->filePath(u"corpus"_s); }
    // Saves the open map as a project in the temporary folder.
    [[nodiscard]] QString saveProject();

    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QTemporaryDir> m_dir;
    QMessageBox::StandardButton m_answer = QMessageBox::Discard;
    int m_prompts = 0;
};

void WindowLifecycleTest::initTestCase()
{
    QVERIFY2(QDir(QStringLiteral(CARTO_SAMPLES_DIR)).exists(), "sample corpus missing");
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"CartographLifecycleTest"_s);
}

std::unique_ptr<MainWindow> WindowLifecycleTest::makeWindow()
{
    auto window = std::make_unique<MainWindow>();
    window->setPrompt([this](const QString &, const QString &, QMessageBox::StandardButtons buttons) {
        ++m_prompts;
        return buttons.testFlag(m_answer) ? m_answer : QMessageBox::No;
    });
    window->resize(1200, 800);
    window->show();
    return window;
}

bool WindowLifecycleTest::waitForBuild(QSignalSpy &spy, int count)
{
    return QTest::qWaitFor([&] { return spy.count() >= count; }, 120000) && spy.at(count - 1).first().toBool();
}

void WindowLifecycleTest::init()
{
    m_answer = QMessageBox::Discard;
    m_prompts = 0;
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QDir samples(QStringLiteral(CARTO_SAMPLES_DIR));
    QVERIFY(QDir(m_dir->path()).mkdir(u"corpus"_s));
    for (const QString &name : samples.entryList(QDir::Files))
        QVERIFY(QFile::copy(samples.filePath(name), m_dir->filePath(u"corpus/"_s + name)));
    m_window = makeWindow();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy built(m_window.get(), &MainWindow::buildFinished);
    m_window->openFolder(corpus());
    QVERIFY(waitForBuild(built));
    QVERIFY(doc()->nodeCount() > 10);
}

void WindowLifecycleTest::cleanup()
{
    if (m_window)
        project::RecoveryFile::discard(doc()->projectPath());
    m_answer = QMessageBox::Discard;
    m_window.reset();
    m_dir.reset();
}

QString WindowLifecycleTest::saveProject()
{
    const QString path = m_dir->filePath(u"map.cartograph.yaml"_s);
    return m_window->saveAs(path) ? path : QString();
}

void WindowLifecycleTest::autosaveTimer_dirtyProject_writesRecoveryFile()
{
    const QString path = saveProject();
    QVERIFY(!path.isEmpty());
    QVERIFY(!project::RecoveryFile::exists(path));
    m_window->setAutosaveInterval(50);
    // Clean: the timer fires but writes nothing.
    QTest::qWait(200);
    QVERIFY(!project::RecoveryFile::exists(path));
    const graph::NodeIndex node = doc()->nodesByScore().front();
    m_window->setPinned(node, true);
    QVERIFY(m_window->isWindowModified());
    QTRY_VERIFY_WITH_TIMEOUT(project::RecoveryFile::hasNewer(path), 5000);
    QString error;
    const auto recovered = project::RecoveryFile::load(path, &error);
    QVERIFY2(recovered, qPrintable(error));
    const ConceptId id = doc()->graph().node(node).info.id;
    QVERIFY(recovered->pinned.count(id) == 1);
    // Saving makes the recovery file obsolete.
    QVERIFY(m_window->save());
    QVERIFY(!project::RecoveryFile::exists(path));
}

void WindowLifecycleTest::openProject_newerRecoveryAccepted_restoresUnsavedWork()
{
    const QString path = saveProject();
    QVERIFY(!path.isEmpty());
    const graph::NodeIndex node = doc()->nodesByScore().front();
    const ConceptId id = doc()->graph().node(node).info.id;
    const QString label = doc()->graph().node(node).info.label;
    doc()->editConceptNote(id, label, u"Unsaved thought"_s);
    m_window->autosave();
    QVERIFY(project::RecoveryFile::hasNewer(path));
    // The session "ends badly": a new window opens the project and accepts the recovery.
    m_window->setPrompt({});
    m_window.reset();
    m_answer = QMessageBox::Yes;
    m_prompts = 0;
    m_window = makeWindow();
    QSignalSpy built(m_window.get(), &MainWindow::buildFinished);
    QVERIFY(m_window->openProject(path));
    QCOMPARE(m_prompts, 1);
    QVERIFY(waitForBuild(built));
    QCOMPARE(doc()->conceptNote(id), u"Unsaved thought"_s);
    QVERIFY2(m_window->isWindowModified(), "restored work stays unsaved until saved");
    // The project file itself was never touched.
    QString error;
    const auto onDisk = project::ProjectFile::load(path, &error);
    QVERIFY2(onDisk, qPrintable(error));
    QVERIFY(onDisk->conceptNotes.empty());
}

void WindowLifecycleTest::corpusWatcher_documentsAddedChangedRemoved_rebuildKeepingNotesAndPins()
{
    const graph::NodeIndex node = doc()->nodesByScore().front();
    const ConceptId id = doc()->graph().node(node).info.id;
    const QString label = doc()->graph().node(node).info.label;
    doc()->editConceptNote(id, label, u"Keep me"_s);
    doc()->setNodePosition(node, doc()->scenePos(node) + QPointF(37, -21), true);
    // Positions are kept in layout units (what the project stores); the scene
    // scale may change with the corpus.
    const graph::Point pinnedAt = doc()->layoutPositions()[size_t(node)];
    const int documentsBefore = int(doc()->corpus().documents.size());

    auto checkKept = [&] {
        const graph::NodeIndex again = doc()->findConcept(label);
        QVERIFY(again >= 0);
        QCOMPARE(doc()->graph().node(again).info.id, id);
        QCOMPARE(doc()->conceptNote(id), u"Keep me"_s);
        QVERIFY(doc()->isPinned(again));
        const graph::Point now = doc()->layoutPositions()[size_t(again)];
        QVERIFY2(std::hypot(now.x - pinnedAt.x, now.y - pinnedAt.y) < 1e-6,
                 qPrintable(u"(%1, %2) -> (%3, %4)"_s.arg(pinnedAt.x).arg(pinnedAt.y).arg(now.x).arg(now.y)));
    };

    // Added.
    QSignalSpy built(m_window.get(), &MainWindow::buildFinished);
    {
        QFile file(QDir(corpus()).filePath(u"added-wetland-notes.md"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# Wetland notes\n\nCorncrake habitat recovered after the Bellwether Marsh scheme. "
                   "The Bellwether Marsh scheme raised water tables across the valley.\n");
    }
    QVERIFY(waitForBuild(built, 1));
    QCOMPARE(int(doc()->corpus().documents.size()), documentsBefore + 1);
    checkKept();
    QVERIFY(doc()->findConcept(u"Bellwether Marsh"_s) >= 0 || doc()->findConcept(u"Bellwether Marsh scheme"_s) >= 0);

    // Changed.
    QTest::qWait(1100); // a different modification time
    {
        QFile file(QDir(corpus()).filePath(u"added-wetland-notes.md"_s));
        QVERIFY(file.open(QIODevice::Append));
        file.write("\nThe Quillon Estuary trust joined the Bellwether Marsh scheme. The Quillon Estuary trust "
                   "monitors the Quillon Estuary.\n");
    }
    QVERIFY(waitForBuild(built, 2));
    checkKept();
    QCOMPARE(int(doc()->corpus().documents.size()), documentsBefore + 1);

    // Removed.
    QVERIFY(QFile::remove(QDir(corpus()).filePath(u"added-wetland-notes.md"_s)));
    QVERIFY(waitForBuild(built, 3));
    QCOMPARE(int(doc()->corpus().documents.size()), documentsBefore);
    checkKept();
}

void WindowLifecycleTest::quitPrompt_cancelKeepsWindow_discardCloses()
{
    // Clean: no prompt at all.
    m_window->setPinned(doc()->nodesByScore().front(), true);
    QVERIFY(m_window->isWindowModified());
    m_answer = QMessageBox::Cancel;
    QVERIFY(!m_window->close());
    QCOMPARE(m_prompts, 1);
    QVERIFY(m_window->isVisible());
    QVERIFY(m_window->isWindowModified());
    m_answer = QMessageBox::Discard;
    QVERIFY(m_window->close());
    QCOMPARE(m_prompts, 2);
    QVERIFY(!m_window->isVisible());
}

void WindowLifecycleTest::relayout_keepsPinnedNodesExactly()
{
    const graph::NodeIndex a = doc()->nodesByScore()[0];
    const graph::NodeIndex b = doc()->nodesByScore()[3];
    const graph::NodeIndex free = doc()->nodesByScore()[1];
    doc()->setNodePosition(a, doc()->scenePos(a) + QPointF(150, 40), true);
    doc()->setNodePosition(b, doc()->scenePos(b) + QPointF(-60, 90), true);
    const QPointF pa = doc()->scenePos(a), pb = doc()->scenePos(b), pf = doc()->scenePos(free);
    QSignalSpy laid(m_window.get(), &MainWindow::layoutFinished);
    m_window->relayout();
    QTRY_VERIFY_WITH_TIMEOUT(!laid.isEmpty(), 60000);
    QCOMPARE(doc()->scenePos(a), pa);
    QCOMPARE(doc()->scenePos(b), pb);
    QVERIFY(doc()->isPinned(a) && doc()->isPinned(b));
    QVERIFY2(doc()->scenePos(free) != pf, "an unpinned node moved");
    // The view animates to the new places and ends there.
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->mapView()->isAnimating(), 5000);
    QCOMPARE(m_window->mapView()->nodeScenePos(a), pa);
}

void WindowLifecycleTest::relayout_isOneUndoableEditThatMarksTheProjectModified()
{
    QVERIFY(!m_window->isWindowModified());
    const std::vector<graph::Point> before = doc()->layoutPositions();
    const int steps = doc()->undoStack()->count();
    QSignalSpy laid(m_window.get(), &MainWindow::layoutFinished);
    m_window->relayout();
    QTRY_VERIFY_WITH_TIMEOUT(!laid.isEmpty(), 60000);
    const std::vector<graph::Point> after = doc()->layoutPositions();
    QVERIFY2(after != before, "the layout moved nothing");
    QVERIFY2(m_window->isWindowModified(), "a re-layout is unsaved work");
    QCOMPARE(doc()->undoStack()->count(), steps + 1);
    QCOMPARE(doc()->undoStack()->undoText(), u"Re-layout"_s);

    doc()->undo();
    QVERIFY(doc()->layoutPositions() == before);
    QVERIFY(!m_window->isWindowModified());
    doc()->redo();
    QVERIFY(doc()->layoutPositions() == after);
    QVERIFY(m_window->isWindowModified());
    // Closing now asks instead of losing the layout silently.
    m_answer = QMessageBox::Cancel;
    QVERIFY(!m_window->close());
    QCOMPARE(m_prompts, 1);
}

void WindowLifecycleTest::cancelBuild_largeCorpus_leavesWindowUsable()
{
    const QString sotu = QStringLiteral(CARTO_SHARED_DIR "/corpora/sotu");
    QVERIFY2(QDir(sotu).exists(), "shared SOTU corpus missing");
    const int nodesBefore = doc()->nodeCount();
    QSignalSpy built(m_window.get(), &MainWindow::buildFinished);
    m_window->openFolder(sotu);
    QVERIFY(m_window->isBuilding());
    QTest::qWait(150);
    m_window->cancelJobs();
    QTRY_VERIFY_WITH_TIMEOUT(!built.isEmpty(), 60000);
    QCOMPARE(built.first().first().toBool(), false);
    QVERIFY(!m_window->isBuilding());
    // Still usable: the old map is there and a new build goes through.
    QCOMPARE(doc()->nodeCount(), nodesBefore);
    m_window->mapView()->fitToVisible();
    QVERIFY(m_window->searchFor(doc()->graph().node(doc()->nodesByScore().front()).info.label));
    m_window->openFolder(corpus());
    QVERIFY(waitForBuild(built, 2));
    QVERIFY(doc()->nodeCount() > 10);
}

void WindowLifecycleTest::shortcutList_frequentActionsHaveShortcuts()
{
    const auto list = m_window->shortcutList();
    auto keysFor = [&](const QString &name) {
        for (const auto &[action, keys] : list)
            if (action.endsWith(name))
                return keys;
        return QString();
    };
    for (const QString &name : {u"Save"_s, u"Open Project"_s, u"Open Folder"_s, u"Undo"_s, u"Redo"_s,
                                u"Find Concept"_s, u"Fit to Window"_s, u"Zoom In"_s, u"Zoom Out"_s, u"Re-layout"_s,
                                u"Colour by Type"_s, u"Image"_s, u"Data"_s, u"Rename Concept"_s,
                                u"Merge Selected Concepts"_s, u"Add Concept"_s, u"Pin / Unpin"_s,
                                u"Keyboard Shortcuts"_s})
        QVERIFY2(!keysFor(name).isEmpty(), qPrintable(name));
    // No two menu actions share a key.
    QStringList seen;
    for (const auto &[action, keys] : list)
        for (const QString &key : keys.split(u", "_s)) {
            if (action.startsWith(u"Map"_s))
                continue;
            QVERIFY2(!seen.contains(key), qPrintable(action + u": "_s + key));
            seen.append(key);
        }
    m_window->showShortcuts();
    auto *dialog = m_window->findChild<QDialog *>(u"shortcutsDialog"_s);
    QVERIFY(dialog);
    QCOMPARE(dialog->findChild<QTableWidget *>()->rowCount(), int(list.size()));
    dialog->close();
}

QTEST_MAIN(WindowLifecycleTest)
#include "windowlifecycle_test.moc"
