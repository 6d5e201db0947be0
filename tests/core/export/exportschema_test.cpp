// Every data export validates against its published schema the way strict
// consumers check it: GraphML 1.1 XSD and GEXF 1.3 RELAX NG with xmllint, JSON
// Graph Format v2 with python3-jsonschema. On the sample map, with the user's
// notes, and with the hostile labels of the shared export-injection reproducer.
#include "export/exportfileset.h"
#include "export/gexfwriter.h"
#include "export/graphmlwriter.h"
#include "export/jsongraphwriter.h"
#include "support/exporttestsupport.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace carto;
namespace ts = exporter::testsupport;

class ExportSchemaTest final : public QObject
{
    Q_OBJECT

private:
    std::optional<project::BuildResult> m_build;
    QStringList m_hostile;

    // The build and project a row names.
    std::pair<project::BuildResult, project::Project> variant(const QString &name) const
    {
        project::BuildResult build = name.contains(QStringLiteral("hostile")) ? ts::withHostileLabels(*m_build, m_hostile)
                                                                              : *m_build;
        project::Project project;
        if (name.contains(QStringLiteral("notes"))) {
            project = ts::sampleNotes(build).project;
            // A note may hold anything a user types, control characters included.
            project.conceptNotes.front().markdown += QStringLiteral(" \x01\x1b[0m ]]> <![CDATA[ & done");
        }
        return {std::move(build), std::move(project)};
    }

    static void addRows()
    {
        QTest::addColumn<QString>("variant");
        QTest::newRow("sample") << QStringLiteral("sample");
        QTest::newRow("sample with notes") << QStringLiteral("sample notes");
        QTest::newRow("hostile labels with notes") << QStringLiteral("hostile notes");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(ts::sharedPath(QStringLiteral("schemas/README.md"))),
                 "schemas missing: set CARTO_SHARED_DIR");
        m_hostile = ts::hostileLabels();
        QVERIFY2(m_hostile.size() >= 20, "hostile reproducer missing or unreadable");
        ts::buildSampleMap(m_build);
    }

    void graphml_validatesAgainstXsd_data() { addRows(); }
    void graphml_validatesAgainstXsd()
    {
        QFETCH(QString, variant);
        const auto [build, project] = this->variant(variant);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("map.graphml"));
        QString message;
        QVERIFY2(exporter::GraphMlWriter::write(build, path, &message, &project), qPrintable(message));
        QVERIFY2(ts::graphMlValidates(path, &message), qPrintable(message));
    }

    void gexf_validatesAgainstRelaxNg_data() { addRows(); }
    void gexf_validatesAgainstRelaxNg()
    {
        QFETCH(QString, variant);
        const auto [build, project] = this->variant(variant);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("map.gexf"));
        QString message;
        QVERIFY2(exporter::GexfWriter::write(build, path, &message, &project), qPrintable(message));
        QVERIFY2(ts::gexfValidates(path, &message), qPrintable(message));
    }

    void json_validatesAgainstJgfSchema_data() { addRows(); }
    void json_validatesAgainstJgfSchema()
    {
        QFETCH(QString, variant);
        const auto [build, project] = this->variant(variant);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("map.json"));
        QString message;
        QVERIFY2(exporter::JsonGraphWriter::write(build, path, &message, &project), qPrintable(message));
        QVERIFY2(ts::jgfValidates(path, &message), qPrintable(message));
    }

    // The validators really check: a file that breaks each schema is refused,
    // so the passes above mean something.
    void validators_refuseInvalidFiles()
    {
        QTemporaryDir dir;
        const QString graphml = dir.filePath(QStringLiteral("bad.graphml"));
        const QString gexf = dir.filePath(QStringLiteral("bad.gexf"));
        const QString json = dir.filePath(QStringLiteral("bad.json"));
        QString message;
        QVERIFY(exporter::ExportFileSet::writeFile(
            graphml,
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph edgedefault=\"undirected\">"
            "<node id=\"has space\"/></graph></graphml>",
            &message));
        QVERIFY(exporter::ExportFileSet::writeFile(
            gexf, "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\"><graph><nodes/></graph></gexf>", &message));
        QVERIFY(exporter::ExportFileSet::writeFile(json, "{\"graph\": {\"nodes\": [], \"extra\": 1}}", &message));
        QVERIFY(!ts::graphMlValidates(graphml, &message));
        QVERIFY2(message.contains(QStringLiteral("has space")) || message.contains(QStringLiteral("NMTOKEN")),
                 qPrintable(message));
        QVERIFY(!ts::gexfValidates(gexf, &message));
        QVERIFY(!ts::jgfValidates(json, &message));
        QVERIFY2(!message.contains(QStringLiteral("No module named")), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(ExportSchemaTest)

#include "exportschema_test.moc"
