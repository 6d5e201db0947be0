#include "canvas/mapview.h"
#include "dropopener.h"
#include "mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QWidget>

using namespace Qt::StringLiterals;
using carto::app::DropOpener;

namespace {

// A widget that records the drags that reach its own handlers, to show which
// ones the opener lets through.
class RecordingWidget final : public QWidget
{
public:
    int enters = 0;

protected:
    void dragEnterEvent(QDragEnterEvent *event) override
    {
        ++enters;
        event->ignore();
    }
};

std::unique_ptr<QMimeData> urls(const QStringList &paths)
{
    auto data = std::make_unique<QMimeData>();
    QList<QUrl> list;
    for (const QString &path : paths)
        list.append(QUrl::fromLocalFile(path));
    data->setUrls(list);
    return data;
}

// Ends a drag that a widget accepted. Qt routes DragMove, Drop and DragLeave
// to the widget that accepted DragEnter and keeps a plain pointer to it, so
// every accepted drag must end before that widget is destroyed.
void leave(QWidget *widget)
{
    QDragLeaveEvent leave;
    QApplication::sendEvent(widget, &leave);
}

} // namespace

// Dropping a folder or a project onto the window: which drags are taken (and
// with which action), which pass through to the widget, and what is emitted.
class DropOpenerTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void dragEnter_data();
    void dragEnter();
    void dragEnter_documentOrText_passesThroughToWidget();
    void drop_project_emitsProjectDroppedAfterTheDrop();
    void drop_folder_emitsFolderDropped();
    void drop_document_emitsNothing();
    void drop_onMainWindowMap_reachesOpener();

private:
    [[nodiscard]] QString at(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
};

void DropOpenerTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir(m_dir.path()).mkpath(u"notes"_s));
    for (const QString &file : {u"map.cartograph.yaml"_s, u"doc.md"_s}) {
        QFile f(at(file));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("schema_version: 1\n");
    }
}

void DropOpenerTest::dragEnter_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("offered"); // Qt::DropActions
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<int>("action"); // Qt::DropAction answered

    const int all = int(Qt::CopyAction | Qt::MoveAction | Qt::LinkAction);
    QTest::newRow("folder, link offered") << u"notes"_s << all << true << int(Qt::LinkAction);
    QTest::newRow("project, link offered") << u"map.cartograph.yaml"_s << all << true << int(Qt::LinkAction);
    // A file manager told "moved" may delete the original.
    QTest::newRow("copy or move: copy, never move")
        << u"notes"_s << int(Qt::CopyAction | Qt::MoveAction) << true << int(Qt::CopyAction);
    QTest::newRow("move only: refused") << u"notes"_s << int(Qt::MoveAction) << false << int(Qt::IgnoreAction);
    QTest::newRow("document: refused") << u"doc.md"_s << all << false << int(Qt::IgnoreAction);
    QTest::newRow("missing: refused") << u"gone"_s << all << false << int(Qt::IgnoreAction);
}

void DropOpenerTest::dragEnter()
{
    QFETCH(QString, name);
    QFETCH(int, offered);
    QFETCH(bool, accepted);
    QFETCH(int, action);

    QWidget widget;
    DropOpener opener;
    opener.watch(&widget);
    QVERIFY(widget.acceptDrops());
    const auto data = urls({at(name)});
    QDragEnterEvent enter(QPoint(5, 5), Qt::DropActions(offered), data.get(), Qt::LeftButton, Qt::NoModifier);
    enter.ignore();
    QApplication::sendEvent(&widget, &enter);
    QCOMPARE(enter.isAccepted(), accepted);
    if (accepted)
        QCOMPARE(int(enter.dropAction()), action);

    QDragMoveEvent move(QPoint(9, 9), Qt::DropActions(offered), data.get(), Qt::LeftButton, Qt::NoModifier);
    move.ignore();
    QApplication::sendEvent(&widget, &move);
    QCOMPARE(move.isAccepted(), accepted);
    if (accepted)
        leave(&widget);
}

void DropOpenerTest::dragEnter_documentOrText_passesThroughToWidget()
{
    RecordingWidget widget;
    DropOpener opener;
    opener.watch(&widget);

    const auto document = urls({at(u"doc.md"_s)});
    QDragEnterEvent enterDocument(QPoint(5, 5), Qt::CopyAction, document.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&widget, &enterDocument);
    QCOMPARE(widget.enters, 1);

    QMimeData text;
    text.setText(u"a note"_s);
    QDragEnterEvent enterText(QPoint(5, 5), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&widget, &enterText);
    QCOMPARE(widget.enters, 2);

    // A folder is the opener's: the widget never sees it.
    const auto folder = urls({at(u"notes"_s)});
    QDragEnterEvent enterFolder(QPoint(5, 5), Qt::CopyAction, folder.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&widget, &enterFolder);
    QCOMPARE(widget.enters, 2);
    QVERIFY(enterFolder.isAccepted());
    leave(&widget);
}

void DropOpenerTest::drop_project_emitsProjectDroppedAfterTheDrop()
{
    QWidget widget;
    DropOpener opener;
    opener.watch(&widget);
    QSignalSpy projects(&opener, &DropOpener::projectDropped);
    QSignalSpy folders(&opener, &DropOpener::folderDropped);

    // A folder and the project in it: the project is the more specific choice.
    const auto data = urls({at(u"notes"_s), at(u"map.cartograph.yaml"_s)});
    QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction | Qt::MoveAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&widget, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(5, 5), Qt::CopyAction | Qt::MoveAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&widget, &drop);
    QVERIFY(drop.isAccepted());
    QCOMPARE(drop.dropAction(), Qt::CopyAction);
    QCOMPARE(projects.size(), 0); // not inside the drop
    QVERIFY(projects.wait(2000));
    QCOMPARE(projects.size(), 1);
    QCOMPARE(projects.front().front().toString(), at(u"map.cartograph.yaml"_s));
    QCOMPARE(folders.size(), 0);
}

void DropOpenerTest::drop_folder_emitsFolderDropped()
{
    QWidget widget;
    DropOpener opener;
    opener.watch(&widget);
    QSignalSpy folders(&opener, &DropOpener::folderDropped);

    const auto data = urls({at(u"notes"_s)});
    QDragEnterEvent enter(QPoint(5, 5), Qt::LinkAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&widget, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(5, 5), Qt::LinkAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&widget, &drop);
    QVERIFY(folders.wait(2000));
    QCOMPARE(folders.front().front().toString(), at(u"notes"_s));
}

void DropOpenerTest::drop_document_emitsNothing()
{
    RecordingWidget widget;
    DropOpener opener;
    opener.watch(&widget);
    QSignalSpy projects(&opener, &DropOpener::projectDropped);
    QSignalSpy folders(&opener, &DropOpener::folderDropped);

    // The drag is refused on entering, so no drop can follow; a drop sent to
    // the filter directly is refused too.
    const auto data = urls({at(u"doc.md"_s)});
    QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    enter.ignore();
    QApplication::sendEvent(&widget, &enter);
    QVERIFY(!enter.isAccepted());
    QDropEvent drop(QPointF(5, 5), Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    drop.ignore();
    QVERIFY(!opener.eventFilter(&widget, &drop));
    QVERIFY(!drop.isAccepted());
    QTest::qWait(50);
    QCOMPARE(projects.size() + folders.size(), 0);
}

// The window as the main window sets it up: the opener watches the window and
// the map's viewport, whose graphics scene would otherwise take the drag.
void DropOpenerTest::drop_onMainWindowMap_reachesOpener()
{
    QStandardPaths::setTestModeEnabled(true);
    carto::app::MainWindow window;
    window.resize(900, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    DropOpener opener;
    opener.watch(&window);
    QWidget *viewport = window.mapView()->viewport();
    opener.watch(viewport);
    QSignalSpy folders(&opener, &DropOpener::folderDropped);

    const auto data = urls({at(u"notes"_s)});
    const QPoint middle = viewport->rect().center();
    QDragEnterEvent enter(middle, Qt::CopyAction | Qt::MoveAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(middle, Qt::CopyAction | Qt::MoveAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
    QVERIFY(move.isAccepted());
    QCOMPARE(move.dropAction(), Qt::CopyAction);
    QDropEvent drop(QPointF(middle), Qt::CopyAction | Qt::MoveAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &drop);
    QVERIFY(folders.wait(2000));
    QCOMPARE(folders.front().front().toString(), at(u"notes"_s));
}

QTEST_MAIN(DropOpenerTest)
#include "dropopener_test.moc"
