#include "canvas/mapview.h"
#include "document/projectdocument.h"
#include "export/mapimageexporter.h"
#include "mainwindow.h"
#include "panels/conceptpanel.h"
#include "panels/filterpanel.h"
#include "panels/notespanel.h"
#include "panels/pathpanel.h"
#include "project/projectfile.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QFile>
#include <QImage>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QUndoStack>
#include <QXmlStreamReader>

#include <memory>

using namespace Qt::StringLiterals;
using namespace carto;
using carto::app::MainWindow;

// Projects, curation and notes through the real window on the sample corpus:
// every edit is undoable, rebuilds keep what the user did, and a saved project
// comes back as it was left.
class ProjectTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void noteTypedInInspector_isStoredUndoableAndBadged();
    void dragNodeOntoAnother_mergesAndUndoRestoresBoth();
    void curationCommands_undoAndRedo_data();
    void curationCommands_undoAndRedo();
    void pinAndUnpin_undoable();
    void orphanedNote_canBeReattachedAndUndone();
    void userLink_drawnAndUsedByPathFinder();
    void saveAndReopen_restoresNotesCurationPositionsAndView();
    void noteWithoutFinalNewline_savedAndReopened_isExact();
    void corruptProjectFile_reportsLineAndColumnAndKeepsFile();
    void newUser_annotateMergeSaveReopenExport();

private:
    std::unique_ptr<MainWindow> makeWindow();
    static bool waitForBuild(MainWindow *window, QSignalSpy &spy, int count = 1);
    [[nodiscard]] graph::NodeIndex node(const QString &label) const { return doc()->findConcept(label); }
    [[nodiscard]] app::ProjectDocument *doc() const { return m_window->document(); }
    [[nodiscard]] QString labelAt(int rank) const
    {
        return doc()->graph().node(doc()->nodesByScore()[size_t(rank)]).info.label;
    }
    [[nodiscard]] QPoint viewportPos(MainWindow *w, graph::NodeIndex n) const
    {
        return w->mapView()->mapFromScene(w->mapView()->nodeScenePos(n));
    }
    // Pushes nothing itself: runs `edit`, waits for the rebuild it triggers.
    bool editAndRebuild(const std::function<void()> &edit);

    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void ProjectTest::initTestCase()
{
    QVERIFY2(QDir(QStringLiteral(CARTO_SAMPLES_DIR)).exists(), "sample corpus missing");
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"CartographProjectTest"_s);
}

std::unique_ptr<MainWindow> ProjectTest::makeWindow()
{
    auto window = std::make_unique<MainWindow>();
    // No modal dialog may block a test: answer "Discard" / "No", and report errors through lastError().
    window->setPrompt([](const QString &, const QString &, QMessageBox::StandardButtons buttons) {
        return buttons.testFlag(QMessageBox::Discard) ? QMessageBox::Discard : QMessageBox::No;
    });
    window->resize(1400, 900);
    window->show();
    return window;
}

bool ProjectTest::waitForBuild(MainWindow *window, QSignalSpy &spy, int count)
{
    if (!QTest::qWaitFor([&] { return spy.count() >= count; }, 120000))
        return false;
    return spy.at(count - 1).first().toBool() && !window->isBuilding();
}

bool ProjectTest::editAndRebuild(const std::function<void()> &edit)
{
    QSignalSpy built(m_window.get(), &MainWindow::buildFinished);
    edit();
    return waitForBuild(m_window.get(), built);
}

void ProjectTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    // A copy of the sample corpus, so the watcher and saved files never touch the repository.
    const QDir samples(QStringLiteral(CARTO_SAMPLES_DIR));
    QDir(m_dir->path()).mkdir(u"corpus"_s);
    for (const QString &name : samples.entryList(QDir::Files))
        QVERIFY(QFile::copy(samples.filePath(name), m_dir->filePath(u"corpus/"_s + name)));
    m_window = makeWindow();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy built(m_window.get(), &MainWindow::buildFinished);
    m_window->openFolder(m_dir->filePath(u"corpus"_s));
    QVERIFY(waitForBuild(m_window.get(), built));
    QVERIFY(doc()->nodeCount() > 10);
}

void ProjectTest::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

void ProjectTest::noteTypedInInspector_isStoredUndoableAndBadged()
{
    const graph::NodeIndex n = doc()->nodesByScore().front();
    const ConceptId id = doc()->graph().node(n).info.id;
    m_window->mapView()->centreOnNode(n);
    QTest::mouseClick(m_window->mapView()->viewport(), Qt::LeftButton, {}, viewportPos(m_window.get(), n));
    QCOMPARE(m_window->conceptPanel()->currentConcept(), n);
    QPlainTextEdit *editor = m_window->conceptPanel()->noteEditor();
    QVERIFY(editor->isEnabled());
    QTest::keyClicks(editor, u"**Key** idea"_s);
    QCOMPARE(doc()->conceptNote(id), u"**Key** idea"_s);
    // Every keystroke of the burst merged into one undo step, named for the concept.
    QCOMPARE(doc()->undoStack()->count(), 1);
    QVERIFY(doc()->undoStack()->undoText().contains(doc()->graph().node(n).info.label));
    QVERIFY(m_window->conceptPanel()->notePreview()->toPlainText().contains(u"Key idea"_s));
    QVERIFY(doc()->hasNote(n));
    QVERIFY(m_window->isWindowModified());
    QCOMPARE(m_window->notesPanel()->model()->rowCount(), 1);
    doc()->undo();
    QVERIFY(doc()->conceptNote(id).isEmpty());
    QVERIFY(editor->toPlainText().isEmpty());
    QVERIFY(!doc()->hasNote(n));
    QCOMPARE(m_window->notesPanel()->model()->rowCount(), 0);
    QVERIFY(!m_window->isWindowModified());
}

void ProjectTest::dragNodeOntoAnother_mergesAndUndoRestoresBoth()
{
    app::MapView *map = m_window->mapView();
    // Two linked concepts, shown close together.
    const graph::NodeIndex into = doc()->nodesByScore().front();
    graph::NodeIndex from = -1;
    for (const graph::NodeIndex w : doc()->graph().neighbours(into))
        if (doc()->isNodeVisible(w) && (from < 0 || doc()->graph().node(w).info.score < doc()->graph().node(from).info.score))
            from = w;
    QVERIFY(from >= 0);
    const ConceptId fromId = doc()->graph().node(from).info.id;
    const ConceptId intoId = doc()->graph().node(into).info.id;
    const QString fromLabel = doc()->graph().node(from).info.label;
    const QString intoLabel = doc()->graph().node(into).info.label;
    map->fitToVisible();
    const QPoint start = viewportPos(m_window.get(), from);
    const QPoint end = viewportPos(m_window.get(), into);
    QWidget *vp = map->viewport();
    QSignalSpy built(m_window.get(), &MainWindow::buildFinished);
    // The drop asks first ("Merge A into B?"): yes, this once.
    QString asked;
    m_window->setPrompt([&asked](const QString &title, const QString &, QMessageBox::StandardButtons buttons) {
        asked = title;
        return buttons.testFlag(QMessageBox::YesToAll) ? QMessageBox::Yes : QMessageBox::No;
    });
    QTest::mousePress(vp, Qt::LeftButton, {}, start);
    for (int k = 1; k <= 10; ++k) {
        const QPointF p = QPointF(start) + (QPointF(end) - QPointF(start)) * (k / 10.0);
        QMouseEvent move(QEvent::MouseMove, p, vp->mapToGlobal(p), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(vp, &move);
    }
    QCOMPARE(map->dropTarget(), into);
    QTest::mouseRelease(vp, Qt::LeftButton, {}, end);
    QCOMPARE(map->dropTarget(), -1);
    QCOMPARE(asked, u"Merge Concepts"_s);
    // The drag's move was taken back; the one undo step is the merge.
    QCOMPARE(doc()->undoStack()->count(), 1);
    QCOMPARE(doc()->undoStack()->undoText(), u"Merge ‘%1’ into ‘%2’"_s.arg(fromLabel, intoLabel));
    QVERIFY(waitForBuild(m_window.get(), built));
    QVERIFY(!doc()->graph().find(fromId));
    QVERIFY(doc()->graph().find(intoId));
    QCOMPARE(doc()->graph().node(node(fromLabel)).info.id, intoId); // the old name is an alias now

    QVERIFY(editAndRebuild([this] { doc()->undo(); }));
    QVERIFY(doc()->graph().find(fromId));
    QVERIFY(doc()->graph().find(intoId));
}

void ProjectTest::curationCommands_undoAndRedo_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("rename") << u"rename"_s;
    QTest::newRow("merge") << u"merge"_s;
    QTest::newRow("split") << u"split"_s;
    QTest::newRow("hide") << u"hide"_s;
    QTest::newRow("type") << u"type"_s;
    QTest::newRow("add") << u"add"_s;
}

void ProjectTest::curationCommands_undoAndRedo()
{
    QFETCH(QString, kind);
    const graph::NodeIndex a = doc()->nodesByScore()[1];
    const graph::NodeIndex b = doc()->nodesByScore()[2];
    const ConceptId idA = doc()->graph().node(a).info.id;
    const ConceptId idB = doc()->graph().node(b).info.id;
    const extract::ConceptType typeA = doc()->graph().node(a).info.type;
    const int nodesBefore = doc()->nodeCount();
    QString alias;
    QString added;
    // `check(applied)` says whether the map shows the edit.
    std::function<bool(bool)> check;
    std::function<void()> edit;
    if (kind == u"rename"_s) {
        edit = [&] { m_window->renameConcept(a, u"Renamed Concept"_s); };
        check = [&](bool applied) {
            const auto v = doc()->graph().find(idA); // a rename keeps the id
            return v && (doc()->graph().node(*v).info.label == u"Renamed Concept"_s) == applied;
        };
    } else if (kind == u"merge"_s) {
        edit = [&] { m_window->mergeConcepts(a, b); };
        check = [&](bool applied) { return doc()->graph().find(idB) && bool(doc()->graph().find(idA)) != applied; };
    } else if (kind == u"split"_s) {
        graph::NodeIndex owner = -1;
        for (const graph::NodeIndex v : doc()->nodesByScore()) {
            for (const QString &x : doc()->graph().node(v).info.aliases)
                if (x.compare(doc()->graph().node(v).info.label, Qt::CaseInsensitive) != 0) {
                    owner = v;
                    alias = x;
                    break;
                }
            if (owner >= 0)
                break;
        }
        QVERIFY2(owner >= 0, "no concept with a second alias in the sample corpus");
        const ConceptId ownerId = doc()->graph().node(owner).info.id;
        edit = [this, owner, alias] { m_window->splitAlias(owner, alias); };
        check = [this, ownerId, alias](bool applied) {
            const graph::NodeIndex v = doc()->findConcept(alias);
            return doc()->graph().find(ownerId) && (v >= 0 && doc()->graph().node(v).info.id != ownerId) == applied;
        };
    } else if (kind == u"hide"_s) {
        edit = [&] { m_window->hideConcept(a); };
        check = [&](bool applied) { return bool(doc()->graph().find(idA)) != applied; };
    } else if (kind == u"type"_s) {
        const auto other = typeA == extract::ConceptType::Event ? extract::ConceptType::Policy
                                                                : extract::ConceptType::Event;
        edit = [this, a, other] { m_window->setConceptType(a, other); };
        check = [this, idA, other](bool applied) {
            const auto v = doc()->graph().find(idA);
            return v && (doc()->graph().node(*v).info.type == other) == applied;
        };
    } else {
        // A word of the texts that is not a concept yet.
        const QString text = doc()->corpus().documents.front().text;
        for (const QString &word : text.split(QRegularExpression(u"\\W+"_s), Qt::SkipEmptyParts))
            if (word.size() >= 7 && word.front().isLower() && doc()->findConcept(word) < 0) {
                added = word;
                break;
            }
        QVERIFY(!added.isEmpty());
        edit = [this, added] { m_window->addConcept(added, {}); };
        check = [this, added](bool applied) { return (doc()->findConcept(added) >= 0) == applied; };
    }
    QVERIFY(check(false));
    QVERIFY(editAndRebuild(edit));
    QCOMPARE(doc()->undoStack()->count(), 1);
    QVERIFY2(check(true), qPrintable(doc()->undoStack()->undoText()));
    QVERIFY(editAndRebuild([this] { doc()->undo(); }));
    QVERIFY(check(false));
    QCOMPARE(doc()->nodeCount(), nodesBefore);
    QVERIFY(editAndRebuild([this] { doc()->redo(); }));
    QVERIFY(check(true));
    // Every curation is in the project, so a save keeps it.
    QVERIFY(!doc()->curation().isEmpty());
}

void ProjectTest::pinAndUnpin_undoable()
{
    const graph::NodeIndex n = doc()->nodesByScore()[3];
    QVERIFY(!doc()->isPinned(n));
    m_window->setPinned(n, true);
    QVERIFY(doc()->isPinned(n));
    QVERIFY(doc()->undoStack()->undoText().startsWith(u"Pin"_s));
    m_window->setPinned(n, false);
    QVERIFY(!doc()->isPinned(n));
    doc()->undo();
    QVERIFY(doc()->isPinned(n));
    doc()->undo();
    QVERIFY(!doc()->isPinned(n));
}

void ProjectTest::orphanedNote_canBeReattachedAndUndone()
{
    // A note whose concept is not on the map (as after its documents changed).
    std::vector<project::ConceptNote> notes{{ConceptId(u"no such concept"_s), u"Vanished"_s, u"Keep me"_s}};
    doc()->setConceptNotes(notes);
    QCOMPARE(doc()->orphanedNotes().size(), size_t(1));
    app::NotesPanel *panel = m_window->notesPanel();
    QCOMPARE(panel->model()->rowCount(), 1);
    QCOMPARE(panel->model()->item(0)->data(app::NotesPanel::KindRole).toInt(), int(app::NotesPanel::OrphanNoteKind));
    const QString target = labelAt(0);
    QVERIFY(panel->reattachOrphan(0, target));
    QVERIFY(doc()->orphanedNotes().empty());
    QCOMPARE(doc()->conceptNote(doc()->graph().node(node(target)).info.id), u"Keep me"_s);
    QCOMPARE(panel->model()->item(0)->data(app::NotesPanel::KindRole).toInt(), int(app::NotesPanel::ConceptNoteKind));
    doc()->undo();
    QCOMPARE(doc()->orphanedNotes().size(), size_t(1));
    QVERIFY(panel->deleteNote(0));
    QVERIFY(doc()->project().conceptNotes.empty());
    doc()->undo();
    QCOMPARE(doc()->project().conceptNotes.size(), size_t(1));
    // Searching filters the list by the note's text.
    panel->searchBox()->setText(u"keep"_s);
    QCOMPARE(panel->filteredModel()->rowCount(), 1);
    panel->searchBox()->setText(u"nothing like it"_s);
    QCOMPARE(panel->filteredModel()->rowCount(), 0);
}

void ProjectTest::userLink_drawnAndUsedByPathFinder()
{
    // Two concepts in different components when the corpus has them, else any unlinked pair.
    graph::NodeIndex a = -1, b = -1;
    for (const graph::NodeIndex v : doc()->nodesByScore())
        for (const graph::NodeIndex w : doc()->nodesByScore())
            if (a < 0 && v != w && doc()->graph().node(v).component != doc()->graph().node(w).component) {
                a = v;
                b = w;
            }
    QVERIFY2(a >= 0, "the sample map needs two components for this test");
    const QString target = doc()->graph().node(b).info.label;
    QVERIFY(doc()->graph().shortestPath(a, b).empty());
    const extract::Concept &c = doc()->graph().node(a).info;
    doc()->setConceptNote(c.id, c.label, u"See [[%1]] too."_s.arg(target));
    QCOMPARE(doc()->userLinks().size(), size_t(1));
    QCOMPARE(doc()->userLinks().front().to, b);
    const int hops = m_window->pathPanel()->findPath(c.label, target);
    QCOMPARE(hops, 1);
    const QStandardItemModel *model = m_window->pathPanel()->pathModel();
    QVERIFY(model->item(0)->child(0));
    QVERIFY(model->item(0)->child(0)->text().contains(u"See"_s));
}

void ProjectTest::saveAndReopen_restoresNotesCurationPositionsAndView()
{
    const graph::NodeIndex noted = doc()->nodesByScore()[0];
    const extract::Concept c = doc()->graph().node(noted).info;
    doc()->editConceptNote(c.id, c.label, u"A note"_s);
    const graph::NodeIndex pinned = doc()->nodesByScore()[4];
    const ConceptId pinnedId = doc()->graph().node(pinned).info.id;
    m_window->setPinned(pinned, true);
    const graph::Point pinnedAt = doc()->graph().node(pinned).position;
    m_window->filterPanel()->topNSlider()->setValue(20);
    m_window->mapView()->centreOnNode(noted);
    const double zoom = m_window->mapView()->layoutZoom();
    QVERIFY(m_window->isWindowModified());

    const QString path = m_dir->filePath(u"map"_s + project::ProjectFile::suffix());
    QVERIFY2(m_window->saveAs(path), qPrintable(m_window->lastError()));
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(m_window->windowTitle().startsWith(u"map[*]"_s));
    m_window.reset();

    m_window = makeWindow();
    QSignalSpy built(m_window.get(), &MainWindow::buildFinished);
    QVERIFY(m_window->openProject(path));
    QVERIFY(waitForBuild(m_window.get(), built));
    QCOMPARE(doc()->projectPath(), path);
    QCOMPARE(doc()->conceptNote(c.id), u"A note"_s);
    const auto p = doc()->graph().find(pinnedId);
    QVERIFY(p);
    QVERIFY(doc()->isPinned(*p));
    QVERIFY(std::abs(doc()->graph().node(*p).position.x - pinnedAt.x) < 0.01);
    QVERIFY(std::abs(doc()->graph().node(*p).position.y - pinnedAt.y) < 0.01);
    QCOMPARE(m_window->filterPanel()->topNSlider()->value(), 20);
    QCOMPARE(doc()->visibleNodeCount(), 20);
    QVERIFY(std::abs(m_window->mapView()->layoutZoom() / zoom - 1.0) < 0.01);
    QVERIFY(!m_window->isWindowModified());
}

void ProjectTest::noteWithoutFinalNewline_savedAndReopened_isExact()
{
    const graph::NodeIndex n = doc()->nodesByScore().front();
    const ConceptId id = doc()->graph().node(n).info.id;
    doc()->selectNodes({n});
    QPlainTextEdit *editor = m_window->conceptPanel()->noteEditor();
    editor->setFocus();
    QTest::keyClicks(editor, u"First line"_s);
    QTest::keyClick(editor, Qt::Key_Return);
    QTest::keyClick(editor, Qt::Key_Return);
    QTest::keyClicks(editor, u"   indented, trailing spaces, no final newline   "_s);
    const QString typed = u"First line\n\n   indented, trailing spaces, no final newline   "_s;
    QCOMPARE(doc()->conceptNote(id), typed);

    const QString path = m_dir->filePath(u"notes"_s + project::ProjectFile::suffix());
    QVERIFY2(m_window->saveAs(path), qPrintable(m_window->lastError()));
    m_window.reset();
    m_window = makeWindow();
    QSignalSpy built(m_window.get(), &MainWindow::buildFinished);
    QVERIFY(m_window->openProject(path));
    QVERIFY(waitForBuild(m_window.get(), built));
    QCOMPARE(doc()->conceptNote(id), typed);
    // Saved again, the note reads back the same once more.
    QVERIFY(m_window->save());
    QString error;
    const auto saved = project::ProjectFile::load(path, &error);
    QVERIFY2(saved, qPrintable(error));
    QCOMPARE(saved->conceptNotes.size(), size_t(1));
    QCOMPARE(saved->conceptNotes.front().markdown, typed);
}

void ProjectTest::corruptProjectFile_reportsLineAndColumnAndKeepsFile()
{
    const QString path = m_dir->filePath(u"broken"_s + project::ProjectFile::suffix());
    const QByteArray bytes = "schema_version: 1\ncorpus_folders:\n  - corpus\npositions: [1, 2\nnotes: {\n";
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }
    const int nodes = doc()->nodeCount();
    QSignalSpy errors(m_window.get(), &MainWindow::errorReported);
    QVERIFY(!m_window->openProject(path));
    QCOMPARE(errors.count(), 1);
    QVERIFY2(m_window->lastError().contains(u"line"_s) && m_window->lastError().contains(u"column"_s),
             qPrintable(m_window->lastError()));
    // The app carries on with the map it had, and the file is untouched.
    QCOMPARE(doc()->nodeCount(), nodes);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), bytes);
}

void ProjectTest::newUser_annotateMergeSaveReopenExport()
{
    // Annotate two nodes through the inspector.
    QList<ConceptId> annotated;
    for (const int rank : {0, 1}) {
        const graph::NodeIndex n = doc()->nodesByScore()[size_t(rank)];
        doc()->selectNodes({n});
        QPlainTextEdit *editor = m_window->conceptPanel()->noteEditor();
        editor->setFocus();
        QTest::keyClicks(editor, u"Note %1"_s.arg(rank));
        annotated.append(doc()->graph().node(n).info.id);
    }
    // Merge two concepts, and drag one node somewhere (pinning it).
    const graph::NodeIndex into = doc()->nodesByScore()[2];
    const graph::NodeIndex from = doc()->nodesByScore()[5];
    const ConceptId intoId = doc()->graph().node(into).info.id;
    const ConceptId fromId = doc()->graph().node(from).info.id;
    QVERIFY(editAndRebuild([&] { m_window->mergeConcepts(from, into); }));
    const graph::NodeIndex moved = doc()->nodesByScore()[3];
    const ConceptId movedId = doc()->graph().node(moved).info.id;
    doc()->moveNode(movedId, doc()->scenePos(moved), false, doc()->scenePos(moved) + QPointF(40, -25), 77);
    const graph::Point movedAt = doc()->graph().node(moved).position;
    m_window->mapView()->centreOnNode(into);
    const graph::Point centre = m_window->mapView()->layoutCentre();
    const QString path = m_dir->filePath(u"study"_s + project::ProjectFile::suffix());
    QVERIFY(m_window->saveAs(path));
    m_window->close();
    m_window.reset();

    m_window = makeWindow();
    QSignalSpy built(m_window.get(), &MainWindow::buildFinished);
    m_window->openInitial(path);
    QVERIFY(waitForBuild(m_window.get(), built));
    QCOMPARE(doc()->conceptNote(annotated[0]), u"Note 0"_s);
    QCOMPARE(doc()->conceptNote(annotated[1]), u"Note 1"_s);
    QVERIFY(doc()->graph().find(intoId));
    QVERIFY(!doc()->graph().find(fromId));
    const auto m = doc()->graph().find(movedId);
    QVERIFY(m && doc()->isPinned(*m));
    QVERIFY(std::abs(doc()->graph().node(*m).position.x - movedAt.x) < 0.01);
    QVERIFY(std::abs(doc()->graph().node(*m).position.y - movedAt.y) < 0.01);
    const graph::Point centreNow = m_window->mapView()->layoutCentre();
    QVERIFY(std::hypot(centreNow.x - centre.x, centreNow.y - centre.y) < 2.0 / doc()->sceneScale() + 0.05);

    // Export what is on screen.
    app::MapImageExporter exporter(doc());
    exporter.setPositions(m_window->mapView()->renderer().positions());
    app::ImageExportOptions options;
    options.width = 1200;
    options.title = u"Study"_s;
    QString error;
    const QString png = m_dir->filePath(u"study.png"_s);
    QVERIFY2(exporter.write(png, options, &error), qPrintable(error));
    QCOMPARE(QImage(png).width(), 1200);
    options.format = app::ImageExportOptions::Format::Svg;
    const QString svg = m_dir->filePath(u"study.svg"_s);
    QVERIFY2(exporter.write(svg, options, &error), qPrintable(error));
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    while (!xml.atEnd())
        xml.readNext();
    QVERIFY(!xml.hasError());
    if (qEnvironmentVariableIsSet("CARTO_KEEP_EXPORTS")) {
        QFile::copy(png, qEnvironmentVariable("CARTO_KEEP_EXPORTS") + u"/study.png"_s);
        QFile::copy(svg, qEnvironmentVariable("CARTO_KEEP_EXPORTS") + u"/study.svg"_s);
    }
}

QTEST_MAIN(ProjectTest)
#include "project_test.moc"
