// The user's notes reach every data export: JSON, GraphML, GEXF, CSV and the vault.
#include "export/csvwriter.h"
#include "export/exportnotes.h"
#include "export/gexfwriter.h"
#include "export/graphmlwriter.h"
#include "export/jsongraphwriter.h"
#include "export/markdownvaultwriter.h"
#include "support/exporttestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace carto;
namespace ts = exporter::testsupport;

class ExportNotesTest final : public QObject
{
    Q_OBJECT

private:
    std::optional<project::BuildResult> m_build;
    ts::SampleNotes m_notes;

    // Values of <data key="note"> (GraphML) or attvalue for="note" (GEXF) per
    // element id ("n0", "e3" or a concept id), read back with an XML parser.
    static QHash<QString, QString> xmlNotes(const QByteArray &bytes, bool gexf)
    {
        QHash<QString, QString> notes;
        QXmlStreamReader xml(bytes);
        QString element;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            const auto attrs = xml.attributes();
            if (xml.name() == u"node" || xml.name() == u"edge")
                element = attrs.value(QLatin1String("id")).toString();
            else if (!gexf && xml.name() == u"data" && attrs.value(QLatin1String("key")) == u"note")
                notes.insert(element, xml.readElementText());
            else if (gexf && xml.name() == u"attvalue" && attrs.value(QLatin1String("for")) == u"note")
                notes.insert(element, attrs.value(QLatin1String("value")).toString());
        }
        if (xml.hasError())
            notes.insert(QStringLiteral("<error>"), xml.errorString());
        return notes;
    }

private Q_SLOTS:
    void initTestCase()
    {
        ts::buildSampleMap(m_build);
        if (QTest::currentTestFailed())
            return;
        m_notes = ts::sampleNotes(*m_build);
    }

    void exportNotes_findsConceptAndReversedLinkNotesAndOrphans()
    {
        const exporter::ExportNotes notes(m_build->graph, &m_notes.project);
        QCOMPARE(notes.conceptNote(0), m_notes.conceptNote);
        QCOMPARE(notes.conceptNote(1), QString());
        QCOMPARE(notes.linkNote(0), m_notes.linkNote);
        QCOMPARE(notes.orphanedConceptNotes().size(), size_t(1));
        QCOMPARE(notes.orphanedConceptNotes().front().markdown, m_notes.orphanNote);
        const exporter::ExportNotes none(m_build->graph, nullptr);
        QCOMPARE(none.conceptNote(0), QString());
    }

    void json_carriesConceptLinkAndOrphanedNotes()
    {
        const QJsonObject graph = QJsonDocument::fromJson(exporter::JsonGraphWriter::toJson(*m_build, &m_notes.project))
                                      .object()
                                      .value(QStringLiteral("graph"))
                                      .toObject();
        const QString id = m_build->graph.node(0).info.id.value();
        QCOMPARE(graph[QStringLiteral("nodes")][id][QStringLiteral("metadata")][QStringLiteral("note")].toString(),
                 m_notes.conceptNote);
        QCOMPARE(graph[QStringLiteral("edges")][0][QStringLiteral("metadata")][QStringLiteral("note")].toString(),
                 m_notes.linkNote);
        const QJsonArray orphans
            = graph[QStringLiteral("metadata")][QStringLiteral("orphanedNotes")][QStringLiteral("concepts")].toArray();
        QCOMPARE(orphans.size(), 1);
        QCOMPARE(orphans[0][QStringLiteral("note")].toString(), m_notes.orphanNote);
        // Without a project: no note keys at all.
        const QByteArray plain = exporter::JsonGraphWriter::toJson(*m_build);
        QVERIFY(!plain.contains("\"note\""));
    }

    void graphml_carriesNotesOnNodeAndEdge()
    {
        const auto notes = xmlNotes(exporter::GraphMlWriter::toGraphMl(*m_build, &m_notes.project), false);
        QVERIFY2(!notes.contains(QStringLiteral("<error>")), qPrintable(notes.value(QStringLiteral("<error>"))));
        QCOMPARE(notes.value(QStringLiteral("n0")), m_notes.conceptNote);
        QCOMPARE(notes.value(QStringLiteral("e0")), m_notes.linkNote);
        QCOMPARE(notes.size(), 2);
    }

    void gexf_carriesNotesOnNodeAndEdge()
    {
        const auto notes = xmlNotes(exporter::GexfWriter::toGexf(*m_build, &m_notes.project), true);
        QVERIFY2(!notes.contains(QStringLiteral("<error>")), qPrintable(notes.value(QStringLiteral("<error>"))));
        QCOMPARE(notes.value(m_build->graph.node(0).info.id.value()), m_notes.conceptNote);
        QCOMPARE(notes.value(QStringLiteral("0")), m_notes.linkNote);
        QCOMPARE(notes.size(), 2);
    }

    void csv_carriesNotesInNoteColumns()
    {
        const QString nodes = QString::fromUtf8(exporter::CsvWriter::nodesCsv(*m_build, &m_notes.project));
        const QString edges = QString::fromUtf8(exporter::CsvWriter::edgesCsv(*m_build, &m_notes.project));
        QVERIFY(nodes.section(QStringLiteral("\r\n"), 0, 0).endsWith(QStringLiteral(",note")));
        QVERIFY(edges.section(QStringLiteral("\r\n"), 0, 0).endsWith(QStringLiteral(",note")));
        // The note holds a line break and quotes: one quoted RFC 4180 field.
        QString quoted = m_notes.conceptNote;
        quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        QVERIFY(nodes.contains(u'"' + quoted + QStringLiteral("\"\r\n")));
        QVERIFY(edges.contains(u',' + m_notes.linkNote + QStringLiteral("\r\n")));
    }

    void vault_carriesConceptAndLinkNotes()
    {
        const QStringList names = exporter::MarkdownVaultWriter::fileNames(m_build->graph);
        const graph::EdgeData &edge = m_build->graph.edge(0);
        for (const graph::NodeIndex end : {edge.source, edge.target}) {
            const QString text = exporter::MarkdownVaultWriter::noteFor(*m_build, end, names, &m_notes.project);
            QVERIFY2(text.contains(QStringLiteral("### Note on the link to [[")), qPrintable(text));
            QVERIFY(text.contains(m_notes.linkNote));
        }
        const QString first = exporter::MarkdownVaultWriter::noteFor(*m_build, 0, names, &m_notes.project);
        QVERIFY(first.contains(QStringLiteral("## Note\n\n") + m_notes.conceptNote + u'\n'));

        QTemporaryDir dir;
        QString error;
        QVERIFY2(exporter::MarkdownVaultWriter::write(*m_build, dir.path(), &error, &m_notes.project),
                 qPrintable(error));
        QVERIFY(ts::readAll(dir.filePath(names.at(0) + QStringLiteral(".md"))).contains(m_notes.conceptNote.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(ExportNotesTest)

#include "exportnotes_test.moc"
