#include "canvas/legendwidget.h"
#include "canvas/mapstatusoverlay.h"
#include "canvas/mapview.h"
#include "document/projectdocument.h"
#include "mainwindow.h"
#include "panels/documentspanel.h"

#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace carto;
using carto::app::MainWindow;

// What the map says when it has nothing to show (a missing or empty folder)
// or is still being built, a Problems row that opens its file, and opening
// by drag and drop or with several paths (the .desktop entry's %F). Each slot
// makes its own window on small corpora written at test time.
class MapStatesTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void missingFolder_saysFolderNotFoundWithOpenFolder();
    void missingPathOnCommandLine_saysFolderNotFound();
    void emptyFolder_saysNoReadableDocuments();
    void duringBuild_canvasAndStatusBarSayBuilding();
    void problemRow_opensItsFile();
    void dropFolder_asksToSaveThenOpensIt();
    void severalPaths_opensTheProjectOrFirstFolder();

private:
    // A folder with two short Markdown documents (and optionally a broken PDF).
    QString makeCorpus(const QString &name, bool brokenPdf = false) const;
    bool openAndWait(const QString &folder);
    [[nodiscard]] app::MapStatusOverlay *card() const { return m_window->mapView()->statusOverlay(); }

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_asked;
    QMessageBox::StandardButton m_answer = QMessageBox::Discard;
};

void MapStatesTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"CartographMapStatesTest"_s);
}

void MapStatesTest::init()
{
    QSettings().clear();
    m_asked.clear();
    m_answer = QMessageBox::Discard;
    m_window = std::make_unique<MainWindow>();
    m_window->setPrompt([this](const QString &title, const QString &, QMessageBox::StandardButtons) {
        m_asked.append(title);
        return m_answer;
    });
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void MapStatesTest::cleanup()
{
    m_window.reset();
}

QString MapStatesTest::makeCorpus(const QString &name, bool brokenPdf) const
{
    const QString folder = m_dir.filePath(name);
    QDir().mkpath(folder);
    const QString texts[] = {
        u"# Export controls\n\nExport controls limit the sale of advanced chips. The Commerce Department "
        "sets export controls on chips and on chip-making tools.\n"_s,
        u"# Chips\n\nAdvanced chips need chip-making tools. Export controls on chip-making tools slow "
        "the spread of advanced chips.\n"_s,
    };
    for (int i = 0; i < 2; ++i) {
        QFile file(QDir(folder).filePath(u"doc%1.md"_s.arg(i)));
        if (file.open(QIODevice::WriteOnly))
            file.write(texts[i].toUtf8());
    }
    if (brokenPdf) {
        QFile file(QDir(folder).filePath(u"broken.pdf"_s));
        if (file.open(QIODevice::WriteOnly))
            file.write("%PDF-1.4\nthis is not a PDF body at all\n");
    }
    return folder;
}

bool MapStatesTest::openAndWait(const QString &folder)
{
    QSignalSpy finished(m_window.get(), &MainWindow::buildFinished);
    if (!m_window->openFolder(folder))
        return false;
    return QTest::qWaitFor([&] { return !finished.isEmpty(); }, 120000);
}

void MapStatesTest::missingFolder_saysFolderNotFoundWithOpenFolder()
{
    const QString missing = m_dir.filePath(u"gone"_s);
    QVERIFY(openAndWait(missing));
    QTRY_VERIFY(card()->isVisible());
    QCOMPARE(card()->title(), u"Folder not found"_s);
    QVERIFY(card()->detail().contains(QDir::toNativeSeparators(missing)));
    QVERIFY(card()->openFolderButton()->isVisible());
    QVERIFY2(m_window->windowTitle().contains(u"nothing to show"_s), qPrintable(m_window->windowTitle()));
    // Nothing else on the empty map: no legend box without entries, no minimap.
    QVERIFY(!m_window->mapView()->legend()->isVisible());
}

void MapStatesTest::missingPathOnCommandLine_saysFolderNotFound()
{
    m_window->openPaths({m_dir.filePath(u"nowhere"_s)});
    QVERIFY(!m_window->isBuilding());
    QVERIFY(card()->isVisible());
    QCOMPARE(card()->title(), u"Folder not found"_s);
    QVERIFY(card()->detail().contains(u"nowhere"_s));
    QVERIFY(card()->openFolderButton()->isVisible());
}

void MapStatesTest::emptyFolder_saysNoReadableDocuments()
{
    const QString empty = m_dir.filePath(u"empty"_s);
    QDir().mkpath(empty);
    QFile other(QDir(empty).filePath(u"picture.bin"_s));
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.write("\x01\x02\x03");
    other.close();
    QVERIFY(openAndWait(empty));
    QTRY_VERIFY(card()->isVisible());
    QCOMPARE(card()->title(), u"No readable documents"_s);
    QVERIFY(card()->openFolderButton()->isVisible());
    QVERIFY2(m_window->windowTitle().contains(u"nothing to show"_s), qPrintable(m_window->windowTitle()));
}

void MapStatesTest::duringBuild_canvasAndStatusBarSayBuilding()
{
    const QString folder = makeCorpus(u"building"_s);
    QSignalSpy finished(m_window.get(), &MainWindow::buildFinished);
    QVERIFY(m_window->openFolder(folder));
    QVERIFY(m_window->isBuilding());
    QVERIFY(card()->isVisible());
    QVERIFY2(card()->title().startsWith(u"Building"_s), qPrintable(card()->title()));
    QVERIFY2(m_window->countsText().startsWith(u"Building"_s), qPrintable(m_window->countsText()));
    QVERIFY(!m_window->countsText().contains(u"No project open"_s));
    QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 120000));
    QTRY_VERIFY(!card()->isVisible());
    QVERIFY(m_window->document()->nodeCount() > 0);
}

void MapStatesTest::problemRow_opensItsFile()
{
    const QString folder = makeCorpus(u"withproblem"_s, true);
    QVERIFY(openAndWait(folder));
    QTreeWidget *problems = m_window->documentsPanel()->problemList();
    QTreeWidgetItem *row = nullptr;
    for (int r = 0; r < problems->topLevelItemCount() && !row; ++r)
        if (problems->topLevelItem(r)->text(1).contains(u"broken.pdf"_s))
            row = problems->topLevelItem(r);
    QVERIFY2(row, "the broken PDF is listed as a problem");
    QSignalSpy requested(m_window->documentsPanel(), &app::DocumentsPanel::problemFileRequested);
    Q_EMIT problems->itemActivated(row, 0);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(QFileInfo(requested.first().first().toString()), QFileInfo(QDir(folder).filePath(u"broken.pdf"_s)));
}

void MapStatesTest::dropFolder_asksToSaveThenOpensIt()
{
    const QString first = makeCorpus(u"first"_s);
    const QString second = makeCorpus(u"second"_s);
    QVERIFY(openAndWait(first));
    m_window->document()->hideConcepts({0}); // unsaved work
    QVERIFY(m_window->document()->isModified());

    auto drop = [this](const QString &folder) {
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(folder)});
        QWidget *viewport = m_window->mapView()->viewport();
        const QPoint middle = viewport->rect().center();
        QDragEnterEvent enter(middle, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &enter);
        QDropEvent dropped(QPointF(middle), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &dropped);
        return enter.isAccepted() && dropped.isAccepted();
    };
    // Cancel at "Save changes?": the open project stays.
    m_answer = QMessageBox::Cancel;
    QVERIFY(drop(second));
    QTRY_COMPARE(m_asked.size(), 1);
    QCOMPARE(m_asked.first(), u"Unsaved Changes"_s);
    QCOMPARE(QFileInfo(m_window->document()->folder()), QFileInfo(first));
    QVERIFY(m_window->document()->isModified());
    // Discard: the dropped folder opens.
    m_answer = QMessageBox::Discard;
    QSignalSpy finished(m_window.get(), &MainWindow::buildFinished);
    QVERIFY(drop(second));
    QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 120000));
    QCOMPARE(m_asked.size(), 2);
    QCOMPARE(QFileInfo(m_window->document()->folder()), QFileInfo(second));
}

void MapStatesTest::severalPaths_opensTheProjectOrFirstFolder()
{
    const QString folder = makeCorpus(u"several"_s);
    const QString other = makeCorpus(u"several-other"_s);
    const QString document = QDir(folder).filePath(u"doc0.md"_s);
    QSignalSpy finished(m_window.get(), &MainWindow::buildFinished);
    m_window->openPaths({document, folder, other});
    QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 120000));
    QCOMPARE(QFileInfo(m_window->document()->folder()), QFileInfo(folder));
    const QString message = m_window->statusBar()->currentMessage();
    QVERIFY2(message.contains(u"doc0.md"_s) && message.contains(u"several-other"_s), qPrintable(message));

    // With a project among them, the project wins.
    m_window->setSavePathChooser([] { return QString(); });
    const QString projectPath = QDir(other).filePath(u"map.cartograph.yaml"_s);
    QVERIFY(m_window->saveAs(projectPath));
    finished.clear();
    m_window->openPaths({folder, projectPath});
    QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 120000));
    QCOMPARE(QFileInfo(m_window->document()->projectPath()), QFileInfo(projectPath));
}

QTEST_MAIN(MapStatesTest)
#include "mapstates_test.moc"
