#include "opentarget.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using carto::app::OpenTarget;

// What the .desktop entry's %F and a drop open: a project over a folder, the
// first of several, nothing (with a reason) for documents, missing paths and
// remote URLs.
class OpenTargetTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void fromPaths_data();
    void fromPaths();
    void fromPaths_relative_resolvesAgainstWorkingFolder();
    void fromUrls_localProject_opensProject();
    void fromUrls_remote_opensNothingAndSaysWhy();
    void fromUrls_remoteAndLocalFolder_opensFolderSkipsRemote();

private:
    [[nodiscard]] QString at(const QString &name) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void OpenTargetTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QDir dir(m_dir->path());
    QVERIFY(dir.mkpath(u"notes"_s));
    QVERIFY(dir.mkpath(u"articles"_s));
    QVERIFY(dir.mkpath(u"odd.cartograph.yaml"_s)); // a folder, whatever its name says
    for (const QString &file : {u"map.cartograph.yaml"_s, u"Other.Cartograph.YAML"_s, u"plain.yaml"_s, u"doc.md"_s}) {
        QFile f(dir.filePath(file));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("schema_version: 1\n");
    }
}

void OpenTargetTest::fromPaths_data()
{
    QTest::addColumn<QStringList>("names");    // inside the fixture folder
    QTest::addColumn<int>("kind");             // OpenTarget::Kind
    QTest::addColumn<QString>("opened");       // fixture name, or empty
    QTest::addColumn<QStringList>("skipped");  // fixture names
    QTest::addColumn<QString>("problemPart");  // a phrase the problem holds

    const int nothing = int(OpenTarget::Kind::Nothing);
    const int project = int(OpenTarget::Kind::Project);
    const int folder = int(OpenTarget::Kind::Folder);
    QTest::newRow("folder") << QStringList{u"notes"_s} << folder << u"notes"_s << QStringList() << QString();
    QTest::newRow("project") << QStringList{u"map.cartograph.yaml"_s} << project << u"map.cartograph.yaml"_s
                             << QStringList() << QString();
    QTest::newRow("suffix in any case") << QStringList{u"Other.Cartograph.YAML"_s} << project
                                        << u"Other.Cartograph.YAML"_s << QStringList() << QString();
    QTest::newRow("project wins over an earlier folder")
        << QStringList{u"notes"_s, u"map.cartograph.yaml"_s} << project << u"map.cartograph.yaml"_s
        << QStringList{u"notes"_s} << QString();
    QTest::newRow("first of two folders") << QStringList{u"notes"_s, u"articles"_s} << folder << u"notes"_s
                                          << QStringList{u"articles"_s} << QString();
    QTest::newRow("folder named like a project") << QStringList{u"odd.cartograph.yaml"_s} << folder
                                                 << u"odd.cartograph.yaml"_s << QStringList() << QString();
    QTest::newRow("document beside a folder") << QStringList{u"doc.md"_s, u"notes"_s} << folder << u"notes"_s
                                              << QStringList{u"doc.md"_s} << QString();
    QTest::newRow("a document alone") << QStringList{u"doc.md"_s} << nothing << QString() << QStringList()
                                      << u"neither a folder of documents nor a Cartograph project"_s;
    QTest::newRow("plain YAML is not a project") << QStringList{u"plain.yaml"_s} << nothing << QString()
                                                 << QStringList() << u"plain.yaml"_s;
    QTest::newRow("missing") << QStringList{u"gone"_s} << nothing << QString() << QStringList()
                             << u"does not exist"_s;
    QTest::newRow("nothing given") << QStringList() << nothing << QString() << QStringList()
                                   << u"nothing to open"_s;
}

void OpenTargetTest::fromPaths()
{
    QFETCH(QStringList, names);
    QFETCH(int, kind);
    QFETCH(QString, opened);
    QFETCH(QStringList, skipped);
    QFETCH(QString, problemPart);

    QStringList paths;
    for (const QString &name : names)
        paths.append(at(name));
    QStringList skippedPaths;
    for (const QString &name : skipped)
        skippedPaths.append(at(name));

    const OpenTarget target = OpenTarget::fromPaths(paths);
    QCOMPARE(int(target.kind), kind);
    QCOMPARE(target.path, opened.isEmpty() ? QString() : QDir::cleanPath(at(opened)));
    QCOMPARE(target.skipped, skippedPaths);
    if (problemPart.isEmpty())
        QVERIFY2(target.problem.isEmpty(), qPrintable(target.problem));
    else
        QVERIFY2(target.problem.contains(problemPart, Qt::CaseInsensitive), qPrintable(target.problem));
}

void OpenTargetTest::fromPaths_relative_resolvesAgainstWorkingFolder()
{
    const QString before = QDir::currentPath();
    QVERIFY(QDir::setCurrent(m_dir->path()));
    const OpenTarget target = OpenTarget::fromPaths({u"notes/../notes/"_s});
    QDir::setCurrent(before);
    QCOMPARE(target.kind, OpenTarget::Kind::Folder);
    QCOMPARE(target.path, QDir::cleanPath(at(u"notes"_s)));
}

void OpenTargetTest::fromUrls_localProject_opensProject()
{
    const OpenTarget target = OpenTarget::fromUrls({QUrl::fromLocalFile(at(u"map.cartograph.yaml"_s))});
    QCOMPARE(target.kind, OpenTarget::Kind::Project);
    QCOMPARE(target.path, at(u"map.cartograph.yaml"_s));
}

void OpenTargetTest::fromUrls_remote_opensNothingAndSaysWhy()
{
    const OpenTarget target = OpenTarget::fromUrls({QUrl(u"https://example.org/map.cartograph.yaml"_s)});
    QCOMPARE(target.kind, OpenTarget::Kind::Nothing);
    QVERIFY(target.path.isEmpty());
    QVERIFY2(target.problem.contains(u"https://example.org/map.cartograph.yaml"_s), qPrintable(target.problem));
    QVERIFY2(target.problem.contains(u"not a local"_s), qPrintable(target.problem));
}

void OpenTargetTest::fromUrls_remoteAndLocalFolder_opensFolderSkipsRemote()
{
    const OpenTarget target
        = OpenTarget::fromUrls({QUrl(u"sftp://host/notes"_s), QUrl::fromLocalFile(at(u"articles"_s))});
    QCOMPARE(target.kind, OpenTarget::Kind::Folder);
    QCOMPARE(target.path, at(u"articles"_s));
    QCOMPARE(target.skipped, QStringList{u"sftp://host/notes"_s});
}

QTEST_GUILESS_MAIN(OpenTargetTest)
#include "opentarget_test.moc"
