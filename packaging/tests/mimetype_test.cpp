#include <QDir>
#include <QFile>
#include <QMimeDatabase>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The project MIME type once installed and registered (update-mime-database),
// as Qt's file dialogs and the file managers see it: NAME.cartograph.yaml is a
// Cartograph project that is still YAML, while other YAML (the corpus's own
// cartograph.yaml curation file among it) stays plain YAML.
class MimeTypeTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void typeForFileName_data();
    void typeForFileName();
    void projectType_isYamlWithCommentAndAppIcon();

private:
    QTemporaryDir m_dataHome;
};

void MimeTypeTest::initTestCase()
{
    QVERIFY(m_dataHome.isValid());
    // XDG_DATA_HOME is searched before the system folders; it must be set
    // before the first QMimeDatabase, which reads the folders once.
    const QString packages = m_dataHome.filePath(u"mime/packages"_s);
    QVERIFY(QDir().mkpath(packages));
    QVERIFY(QFile::copy(QStringLiteral(CARTO_MIME_XML), packages + u"/io.github.cartograph.Cartograph.xml"_s));
    QProcess update;
    // With the folder on the search path, update-mime-database has nothing to note.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_DATA_HOME"_s, m_dataHome.path());
    update.setProcessEnvironment(environment);
    update.setProcessChannelMode(QProcess::MergedChannels);
    update.start(QStringLiteral(CARTO_UPDATE_MIME_DATABASE), {m_dataHome.filePath(u"mime"_s)});
    QVERIFY(update.waitForFinished(60000));
    const QByteArray output = update.readAll();
    QVERIFY2(update.exitCode() == 0, output.constData());
    // update-mime-database warns about, but accepts, invalid definitions.
    QVERIFY2(output.trimmed().isEmpty(), output.constData());
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_dataHome.path()));
}

void MimeTypeTest::typeForFileName_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("type");

    const QString project = u"application/x-cartograph-project"_s;
    const QString yaml = QMimeDatabase().mimeTypeForName(u"application/x-yaml"_s).name(); // canonical on this system
    QTest::newRow("project") << u"beavers.cartograph.yaml"_s << project;
    QTest::newRow("project, suffix in capitals") << u"Beavers.CARTOGRAPH.YAML"_s << project;
    QTest::newRow("project, dots in the name") << u"rivers.2026.cartograph.yaml"_s << project;
    QTest::newRow("curation file") << u"cartograph.yaml"_s << yaml;
    QTest::newRow("other YAML") << u"settings.yaml"_s << yaml;
    QTest::newRow("recovery file") << u".beavers.cartograph.yaml.recovery"_s << u"application/octet-stream"_s;
}

void MimeTypeTest::typeForFileName()
{
    QFETCH(QString, fileName);
    QFETCH(QString, type);
    const QMimeType mime = QMimeDatabase().mimeTypeForFile(fileName, QMimeDatabase::MatchExtension);
    QCOMPARE(mime.name(), type);
}

void MimeTypeTest::projectType_isYamlWithCommentAndAppIcon()
{
    const QMimeType mime = QMimeDatabase().mimeTypeForName(u"application/x-cartograph-project"_s);
    QVERIFY(mime.isValid());
    // Both names: application/x-yaml on Debian 12, an alias of application/yaml from shared-mime-info 2.3.
    QVERIFY2(mime.inherits(u"application/x-yaml"_s), qPrintable(mime.allAncestors().join(u", "_s)));
    QVERIFY(mime.inherits(u"text/plain"_s));
    QCOMPARE(mime.comment(), u"Cartograph project"_s);
    QCOMPARE(mime.iconName(), u"io.github.cartograph.Cartograph"_s);
    QCOMPARE(mime.globPatterns(), QStringList{u"*.cartograph.yaml"_s});
}

QTEST_GUILESS_MAIN(MimeTypeTest)
#include "mimetype_test.moc"
