// The one list of export formats: what each entry says (names, suffixes, MIME
// types as shared-mime-info knows them), that running an entry writes its
// format, and that cartograph-cli's help and both export dialogs offer
// exactly the registry's formats, in its order.
#include "canvas/mapview.h"
#include "document/projectdocument.h"
#include "export/exportdatadialog.h"
#include "export/exportimagedialog.h"
#include "export/exportregistry.h"
#include "export/mapimageexporter.h"
#include "support/exporttestsupport.h"

#include <QComboBox>
#include <QDir>
#include <QMimeDatabase>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace carto;
using app::ExportFormat;
using app::ExportRegistry;

namespace {

QStringList registryNames(const std::vector<const ExportFormat *> &formats)
{
    QStringList names;
    for (const ExportFormat *format : formats)
        names << format->name;
    return names;
}

QStringList comboData(const QComboBox *box)
{
    QStringList data;
    for (int i = 0; i < box->count(); ++i)
        data << box->itemData(i).toString();
    return data;
}

QStringList comboTexts(const QComboBox *box)
{
    QStringList texts;
    for (int i = 0; i < box->count(); ++i)
        texts << box->itemText(i);
    return texts;
}

// cartograph-cli's stdout for arguments; fails the test when it does not exit 0.
QString cliOutput(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(CARTO_CLI), arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

class ExportRegistryTest final : public QObject
{
    Q_OBJECT

private:
    std::optional<project::BuildResult> m_build;
    std::unique_ptr<app::ProjectDocument> m_document;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"CartographExportRegistryTest"_s);
        QSettings().clear();
        exporter::testsupport::buildSampleMap(m_build);
        QVERIFY(m_build);
        m_document = std::make_unique<app::ProjectDocument>();
        m_document->setBuild(std::make_shared<project::BuildResult>(*m_build), m_build->corpus.root);
    }

    void formats_areDataThenImagesWithUniqueNames()
    {
        const auto &all = ExportRegistry::formats();
        QStringList inOrder;
        for (const ExportFormat &format : all)
            inOrder << format.name;
        QCOMPARE(registryNames(ExportRegistry::dataFormats()) + registryNames(ExportRegistry::imageFormats()), inOrder);
        QSet<QString> names;
        for (const ExportFormat &format : all) {
            QVERIFY2(QRegularExpression(u"^[a-z]+$"_s).match(format.name).hasMatch(), qPrintable(format.name));
            QVERIFY2(!names.contains(format.name), qPrintable(format.name));
            names.insert(format.name);
            QVERIFY(!format.displayTitle().isEmpty());
            QVERIFY(!format.suffixes.isEmpty());
            QVERIFY(format.write);
            // A folder has no bytes of its own to send to stdout.
            QCOMPARE(bool(format.render), !format.writesFolder());
            QCOMPARE(format.image.has_value(), format.isImage());
            if (format.image)
                QCOMPARE(&ExportRegistry::forImage(*format.image), &format);
            QCOMPARE(ExportRegistry::find(format.name), &format);
        }
        QCOMPARE(ExportRegistry::find(u"JSON"), nullptr); // names are flags: exact
        QCOMPARE(ExportRegistry::find(u"bmp"), nullptr);
        QCOMPARE(registryNames(ExportRegistry::imageFormats()), QStringList({u"png"_s, u"svg"_s, u"pdf"_s}));
    }

    void mimeTypes_agreeWithSharedMimeInfo_data()
    {
        QTest::addColumn<QString>("name");
        for (const ExportFormat &format : ExportRegistry::formats())
            QTest::newRow(qPrintable(format.name)) << format.name;
    }

    void mimeTypes_agreeWithSharedMimeInfo()
    {
        QFETCH(QString, name);
        const ExportFormat &format = *ExportRegistry::find(name);
        const QMimeDatabase db;
        const QMimeType bySuffix
            = db.mimeTypeForFile(u"map."_s + format.suffixes.front(), QMimeDatabase::MatchExtension);
        if (bySuffix.isDefault()) {
            // GraphML and GEXF are not in shared-mime-info: the types their projects use.
            QVERIFY2(format.mimeType.startsWith(u"application/"_s) && format.mimeType.endsWith(u"+xml"_s),
                     qPrintable(format.mimeType));
            return;
        }
        QVERIFY2(bySuffix.name() == format.mimeType || bySuffix.aliases().contains(format.mimeType),
                 qPrintable(bySuffix.name() + u" ≠ "_s + format.mimeType));
    }

    void forPath_findsFileFormatsBySuffix_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("name");
        QTest::newRow("svg upper case") << u"a/map.SVG"_s << u"svg"_s;
        QTest::newRow("pdf") << u"map.pdf"_s << u"pdf"_s;
        QTest::newRow("graphml") << u"out/map.graphml"_s << u"graphml"_s;
        QTest::newRow("json") << u"map.json"_s << u"json"_s;
        QTest::newRow("csv is a folder export") << u"nodes.csv"_s << QString();
        QTest::newRow("unknown") << u"map.bmp"_s << QString();
        QTest::newRow("no suffix") << u"map"_s << QString();
    }

    void forPath_findsFileFormatsBySuffix()
    {
        QFETCH(QString, path);
        QFETCH(QString, name);
        const ExportFormat *format = ExportRegistry::forPath(path);
        QCOMPARE(format ? format->name : QString(), name);
    }

    void running_writesTheFormat_data()
    {
        mimeTypes_agreeWithSharedMimeInfo_data();
    }

    // Each entry writes through its own writer: the file (or the folder's files)
    // starts as its format does, and a file equals the entry's rendered bytes.
    void running_writesTheFormat()
    {
        QFETCH(QString, name);
        const ExportFormat &format = *ExportRegistry::find(name);
        const app::MapImageExporter images(m_document.get());
        app::ExportRequest request;
        request.build = &*m_build;
        request.images = &images;
        request.imageOptions.width = 800;
        QTemporaryDir dir;
        const QString target
            = dir.filePath(format.writesFolder() ? u"out"_s : u"map."_s + format.suffixes.front());
        QString error;
        QVERIFY2(format.write(request, target, &error), qPrintable(error));
        QByteArrayList heads;
        if (format.writesFolder()) {
            const QStringList files = QDir(target).entryList({u"*."_s + format.suffixes.front()}, QDir::Files);
            QVERIFY2(files.size() >= 2, qPrintable(files.join(u", ")));
            for (const QString &file : files)
                heads << exporter::testsupport::readAll(QDir(target).filePath(file)).left(64);
        } else {
            const QByteArray written = exporter::testsupport::readAll(target);
            QByteArray rendered;
            QVERIFY2(format.render(request, &rendered, &error), qPrintable(error));
            QVERIFY(written.size() > 200);
            // PDFs carry their creation time; everything else is the same bytes.
            if (name != u"pdf")
                QCOMPARE(rendered, written);
            heads << written.left(64);
        }
        const QHash<QString, QByteArray> magic = {
            {u"json"_s, "{"}, {u"graphml"_s, "<?xml"}, {u"gexf"_s, "<?xml"}, {u"csv"_s, "Id,Label"},
            {u"markdown"_s, "---"}, {u"png"_s, "\x89PNG"}, {u"svg"_s, "<?xml"}, {u"pdf"_s, "%PDF-"}};
        QVERIFY2(magic.contains(name), qPrintable(name));
        const QByteArray expected = magic.value(name);
        QVERIFY2(std::any_of(heads.begin(), heads.end(), [&](const QByteArray &h) { return h.startsWith(expected); }),
                 heads.join("\n|").constData());
    }

    void running_withoutItsInput_failsWithAMessage()
    {
        const app::ExportRequest nothing;
        QTemporaryDir dir;
        for (const ExportFormat &format : ExportRegistry::formats()) {
            QString error;
            QVERIFY(!format.write(nothing, dir.filePath(u"x"_s), &error));
            QVERIFY2(!error.isEmpty(), qPrintable(format.name));
        }
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
    }

    // `build --help` lists one --NAME <FILE|DIR> per registry format, with its
    // help line, and no other option that names a file or folder of output.
    void cliHelp_listsTheRegistrysFormats()
    {
        const QString help = cliOutput({u"build"_s, u"--help"_s});
        QVERIFY(!help.isEmpty());
        QStringList listed;
        const QRegularExpression option(u"^\\s+--([a-z]+) <(FILE|DIR)>\\s+(.*)$"_s,
                                        QRegularExpression::MultilineOption);
        for (auto it = option.globalMatch(help); it.hasNext();) {
            const auto match = it.next();
            listed << match.captured(1);
            const ExportFormat *format = ExportRegistry::find(match.captured(1));
            QVERIFY2(format, qPrintable(match.captured(0)));
            QCOMPARE(match.captured(2), format->writesFolder() ? u"DIR"_s : u"FILE"_s);
            // QCommandLineParser wraps long help lines: the first line begins it, the whole is there.
            const QString text = QString::fromLatin1(format->help);
            QVERIFY2(text.startsWith(match.captured(3).trimmed()), qPrintable(match.captured(0)));
            QVERIFY2(help.simplified().contains(text.simplified()), qPrintable(text));
        }
        QStringList all;
        for (const ExportFormat &format : ExportRegistry::formats())
            all << format.name;
        QCOMPARE(listed, all);
        // The top-level usage names the same flags in the same order.
        const QString usage = cliOutput({u"--help"_s});
        QStringList inUsage;
        const QRegularExpression item(u"\\[--([a-z]+) (FILE|DIR)\\]"_s);
        for (auto it = item.globalMatch(usage); it.hasNext();)
            inUsage << it.next().captured(1);
        QCOMPARE(inUsage, all);
    }

    void dataDialog_offersTheRegistrysDataFormats()
    {
        const app::ExportDataDialog dialog(m_document.get());
        const std::vector<const ExportFormat *> data = ExportRegistry::dataFormats();
        QCOMPARE(comboData(dialog.formatChoice()), registryNames(data));
        QStringList titles;
        for (const ExportFormat *format : data)
            titles << format->displayTitle();
        QCOMPARE(comboTexts(dialog.formatChoice()), titles);
    }

    void imageDialog_offersTheRegistrysImageFormats()
    {
        app::MapView map(m_document.get());
        map.resize(640, 400);
        const app::ExportImageDialog dialog(m_document.get(), &map);
        const std::vector<const ExportFormat *> images = ExportRegistry::imageFormats();
        QCOMPARE(comboData(dialog.formatChoice()), registryNames(images));
        QStringList titles;
        for (const ExportFormat *format : images)
            titles << format->displayTitle();
        QCOMPARE(comboTexts(dialog.formatChoice()), titles);
    }
};

QTEST_MAIN(ExportRegistryTest)
#include "exportregistry_test.moc"
