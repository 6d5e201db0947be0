// Every way of opening something asks before replacing unsaved work: the
// real window, offscreen, with its real message box (found and answered by
// a timer, never the test's prompt hook). Cancel keeps the map and the
// unsaved pin; Discard opens the new one.
#include "document/projectdocument.h"
#include "mainwindow.h"
#include "project/projectfile.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace carto;
using carto::app::MainWindow;

class OpenPromptsTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void unsavedPin_everyOpenPath_asksFirst_data();
    void unsavedPin_everyOpenPath_asksFirst();

private:
    // Runs `open`; whenever a message box appears, records its text and
    // presses `answer`. Returns the texts seen.
    QStringList answering(QMessageBox::StandardButton answer, const std::function<void()> &open);
    QAction *action(const QString &text) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_corpus;
    QString m_other;
    QString m_project;
};

void OpenPromptsTest::initTestCase()
{
    QVERIFY2(QDir(QStringLiteral(CARTO_SAMPLES_DIR)).exists(), "sample corpus missing");
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"CartographOpenPromptsTest"_s);
}

void OpenPromptsTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    const QDir samples(QStringLiteral(CARTO_SAMPLES_DIR));
    m_corpus = m_dir->filePath(u"corpus"_s);
    m_other = m_dir->filePath(u"other"_s);
    for (const QString &folder : {m_corpus, m_other}) {
        QVERIFY(QDir().mkpath(folder));
        for (const QString &name : samples.entryList(QDir::Files))
            QVERIFY(QFile::copy(samples.filePath(name), QDir(folder).filePath(name)));
    }
    // Something to open: a project on the other folder, and that folder in
    // Open Recent (the recent list is shared through the settings).
    m_project = m_dir->filePath(u"other.cartograph.yaml"_s);
    {
        project::Project p;
        p.corpusFolders = {m_other};
        QString error;
        QVERIFY2(project::ProjectFile::save(p, m_project, &error), qPrintable(error));
    }
    {
        MainWindow scratch;
        QSignalSpy built(&scratch, &MainWindow::buildFinished);
        QVERIFY(scratch.openFolder(m_other));
        QTRY_VERIFY_WITH_TIMEOUT(!built.isEmpty(), 120000);
        QVERIFY(scratch.close());
    }
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1000, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy built(m_window.get(), &MainWindow::buildFinished);
    QVERIFY(m_window->openFolder(m_corpus));
    QTRY_VERIFY_WITH_TIMEOUT(!built.isEmpty(), 120000);
    QVERIFY(built.first().first().toBool());
}

void OpenPromptsTest::cleanup()
{
    if (m_window) {
        // Leave without a real dialog, whatever state a failure left.
        m_window->setPrompt([](const QString &, const QString &, QMessageBox::StandardButtons) {
            return QMessageBox::Discard;
        });
        m_window->close();
    }
    m_window.reset();
    m_dir.reset();
}

QStringList OpenPromptsTest::answering(QMessageBox::StandardButton answer, const std::function<void()> &open)
{
    QStringList seen;
    QTimer poll;
    poll.setInterval(20);
    connect(&poll, &QTimer::timeout, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        seen.append(box->text());
        if (QAbstractButton *button = box->button(answer))
            button->click();
        else
            box->reject();
    });
    poll.start();
    open();
    poll.stop();
    return seen;
}

QAction *OpenPromptsTest::action(const QString &text) const
{
    for (QAction *a : m_window->findChildren<QAction *>())
        if (QString(a->text()).remove(u'&') == text)
            return a;
    return nullptr;
}

void OpenPromptsTest::unsavedPin_everyOpenPath_asksFirst_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("Open Sample Corpus") << u"sample"_s;
    QTest::newRow("Open Recent") << u"recent"_s;
    QTest::newRow("Open Folder") << u"folder"_s;
    QTest::newRow("Open Project") << u"project"_s;
    QTest::newRow("command line") << u"initial"_s;
    QTest::newRow("New Project") << u"new"_s;
}

void OpenPromptsTest::unsavedPin_everyOpenPath_asksFirst()
{
    QFETCH(QString, path);
    const QString project = m_project;
    const graph::NodeIndex node = m_window->document()->nodesByScore().front();
    m_window->setPinned(node, true);
    QVERIFY(m_window->isWindowModified());
    const QString before = m_window->document()->project().corpusFolders.value(0);

    std::function<void()> open;
    if (path == u"sample"_s) {
        QAction *sample = action(u"Open Sample Corpus"_s);
        QVERIFY(sample);
        open = [sample] { sample->trigger(); };
    } else if (path == u"recent"_s) {
        QAction *recent = action(m_other);
        QVERIFY2(recent, "the other folder is not in Open Recent");
        open = [recent] { recent->trigger(); };
    } else if (path == u"folder"_s) {
        open = [this] { m_window->openFolder(m_other); };
    } else if (path == u"project"_s) {
        open = [this, project] { m_window->openProject(project); };
    } else if (path == u"initial"_s) {
        open = [this, project] { m_window->openInitial(project); };
    } else {
        open = [this] { m_window->newProject(); };
    }

    // Cancel: the unsaved pin and the map stay.
    QStringList asked = answering(QMessageBox::Cancel, open);
    QCOMPARE(asked.size(), 1);
    QVERIFY2(asked.front().contains(u"unsaved changes"_s), qPrintable(asked.front()));
    QVERIFY(m_window->isWindowModified());
    QVERIFY(m_window->document()->isPinned(node));
    QCOMPARE(m_window->document()->project().corpusFolders.value(0), before);

    // Discard: the new one opens.
    QSignalSpy built(m_window.get(), &MainWindow::buildFinished);
    asked = answering(QMessageBox::Discard, open);
    QCOMPARE(asked.size(), 1);
    QVERIFY(!m_window->isWindowModified());
    if (path == u"new"_s) {
        QVERIFY(!m_window->document()->hasBuild());
        return;
    }
    QVERIFY(m_window->document()->project().corpusFolders.value(0) != before);
    QTRY_VERIFY_WITH_TIMEOUT(!built.isEmpty(), 120000);
}

QTEST_MAIN(OpenPromptsTest)

#include "openprompts_test.moc"
