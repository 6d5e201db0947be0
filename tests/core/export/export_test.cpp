// JSON Graph Format and GraphML exports: structure, offsets, read-back through
// Boost's GraphML reader; and no export names the user's absolute folder.
#include "export/codepointindex.h"
#include "export/csvwriter.h"
#include "export/gexfwriter.h"
#include "export/markdownvaultwriter.h"
#include "export/graphmlwriter.h"
#include "export/jsongraphwriter.h"
#include "support/exporttestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QTest>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>

#include <fstream>
#include <limits>

using namespace carto;

class ExportTest final : public QObject
{
    Q_OBJECT

private:
    std::optional<project::BuildResult> m_build;

    // Slices text by code point offsets, the unit the exports promise.
    static QString sliceCodePoints(const QString &text, qint64 start, qint64 end)
    {
        const QList<uint> points = text.toUcs4();
        QString out;
        for (qint64 i = start; i < end && i < points.size(); ++i) {
            const char32_t c = points[i];
            out += QString::fromUcs4(&c, 1);
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        exporter::testsupport::buildSampleMap(m_build);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(m_build->graph.nodeCount() > 5);
    }

    void codePointIndex_countsAstralCharactersOnce()
    {
        const QString text = QString::fromUtf8("\xF0\x9F\x94\xA5 fire \xF0\x9F\x94\xA5 end");
        const exporter::CodePointIndex index(text);
        QCOMPARE(index(0), 0);
        QCOMPARE(index(2), 1);
        QCOMPARE(index(text.size()), text.toUcs4().size());
    }

    void json_hasJgfShapeAndSpansSliceToAliases()
    {
        const QJsonDocument doc = QJsonDocument::fromJson(exporter::JsonGraphWriter::toJson(*m_build));
        const QJsonObject graph = doc.object().value(QStringLiteral("graph")).toObject();
        QVERIFY(!graph.isEmpty());
        const QJsonArray documents = graph.value(QStringLiteral("metadata")).toObject()
                                         .value(QStringLiteral("documents")).toArray();
        QCOMPARE(documents.size(), qsizetype(m_build->corpus.documents.size()));
        QHash<QString, QString> textByPath;
        for (const ingest::Document &d : m_build->corpus.documents)
            textByPath.insert(d.path, d.text);
        for (const QJsonValue &d : documents)
            QVERIFY(textByPath.contains(d.toObject().value(QStringLiteral("id")).toString()));

        const QJsonObject nodes = graph.value(QStringLiteral("nodes")).toObject();
        QCOMPARE(nodes.size(), qsizetype(m_build->graph.nodeCount()));
        for (auto it = nodes.begin(); it != nodes.end(); ++it) {
            const QJsonObject node = it.value().toObject();
            QVERIFY(!node.value(QStringLiteral("label")).toString().isEmpty());
            const QJsonObject meta = node.value(QStringLiteral("metadata")).toObject();
            for (const char *key : {"type", "aliases", "score", "community", "x", "y", "mentions"})
                QVERIFY2(meta.contains(QLatin1String(key)), key);
            QStringList aliases;
            for (const QJsonValue &a : meta.value(QStringLiteral("aliases")).toArray())
                aliases << a.toString();
            for (const QJsonValue &m : meta.value(QStringLiteral("mentions")).toArray()) {
                const QJsonObject mention = m.toObject();
                const QString text = textByPath.value(mention.value(QStringLiteral("document")).toString());
                const QString surface = sliceCodePoints(text, mention.value(QStringLiteral("start")).toInteger(),
                                                        mention.value(QStringLiteral("end")).toInteger());
                QVERIFY2(aliases.contains(surface, Qt::CaseInsensitive),
                         qPrintable(surface));
            }
        }

        const QJsonArray edges = graph.value(QStringLiteral("edges")).toArray();
        QCOMPARE(edges.size(), qsizetype(m_build->graph.edgeCount()));
        for (const QJsonValue &e : edges) {
            const QJsonObject edge = e.toObject();
            QVERIFY(nodes.contains(edge.value(QStringLiteral("source")).toString()));
            QVERIFY(nodes.contains(edge.value(QStringLiteral("target")).toString()));
            const QJsonObject meta = edge.value(QStringLiteral("metadata")).toObject();
            QVERIFY(meta.value(QStringLiteral("weight")).toDouble() > 0.0);
            const QJsonArray evidence = meta.value(QStringLiteral("evidence")).toArray();
            QVERIFY(!evidence.isEmpty());
            for (const QJsonValue &v : evidence) {
                const QJsonObject ev = v.toObject();
                const QString text = textByPath.value(ev.value(QStringLiteral("document")).toString());
                QCOMPARE(sliceCodePoints(text, ev.value(QStringLiteral("start")).toInteger(),
                                         ev.value(QStringLiteral("end")).toInteger()),
                         ev.value(QStringLiteral("text")).toString());
            }
        }
    }

    void json_documentScores_rankEachDocumentsConcepts()
    {
        const QJsonObject graph = QJsonDocument::fromJson(exporter::JsonGraphWriter::toJson(*m_build))
                                      .object().value(QStringLiteral("graph")).toObject();
        QSet<QString> paths;
        for (const QJsonValue &d : graph.value(QStringLiteral("metadata")).toObject()
                                       .value(QStringLiteral("documents")).toArray())
            paths.insert(d.toObject().value(QStringLiteral("path")).toString());
        QVERIFY(paths.size() >= 2);
        const QJsonObject nodes = graph.value(QStringLiteral("nodes")).toObject();
        int scored = 0;
        for (auto it = nodes.begin(); it != nodes.end(); ++it) {
            const QJsonObject meta = it.value().toObject().value(QStringLiteral("metadata")).toObject();
            const QJsonArray scores = meta.value(QStringLiteral("documentScores")).toArray();
            // one entry for each document that mentions the concept, and only those
            QSet<QString> mentioned;
            for (const QJsonValue &m : meta.value(QStringLiteral("mentions")).toArray())
                mentioned.insert(m.toObject().value(QStringLiteral("document")).toString());
            QSet<QString> listed;
            double previous = std::numeric_limits<double>::infinity();
            for (const QJsonValue &v : scores) {
                const QJsonObject entry = v.toObject();
                const QString path = entry.value(QStringLiteral("document")).toString();
                QVERIFY2(paths.contains(path), qPrintable(path));
                listed.insert(path);
                const double score = entry.value(QStringLiteral("score")).toDouble(-1);
                QVERIFY(score >= 0 && score <= previous); // best first
                previous = score;
                scored += score > 0;
            }
            QCOMPARE(listed, mentioned);
        }
        QVERIFY(scored > 0);
    }

    void graphml_readsBackWithBoostWithSameCounts()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("map.graphml"));
        QString error;
        const auto notes = exporter::testsupport::sampleNotes(*m_build);
        QVERIFY2(exporter::GraphMlWriter::write(*m_build, path, &error, &notes.project), qPrintable(error));

        struct Vertex { std::string label; std::string type; double score = 0; std::string conceptId; std::string note; int degree = 0; };
        struct Edge { double weight = 0; int count = 0; std::string note; };
        using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, Vertex, Edge>;
        Graph g;
        boost::dynamic_properties dp(boost::ignore_other_properties);
        dp.property("label", boost::get(&Vertex::label, g));
        dp.property("type", boost::get(&Vertex::type, g));
        dp.property("score", boost::get(&Vertex::score, g));
        dp.property("conceptId", boost::get(&Vertex::conceptId, g));
        dp.property("note", boost::get(&Vertex::note, g));
        dp.property("degree", boost::get(&Vertex::degree, g));
        dp.property("weight", boost::get(&Edge::weight, g));
        dp.property("count", boost::get(&Edge::count, g));
        dp.property("note", boost::get(&Edge::note, g));
        std::ifstream in(path.toStdString());
        boost::read_graphml(in, g, dp);
        QCOMPARE(int(boost::num_vertices(g)), m_build->graph.nodeCount());
        QCOMPARE(int(boost::num_edges(g)), m_build->graph.edgeCount());
        QCOMPARE(QString::fromStdString(g[0].label), m_build->graph.node(0).info.label);
        for (auto [it, end] = boost::edges(g); it != end; ++it)
            QVERIFY(g[*it].weight > 0.0);

        // Ids and attributes survive: every vertex's conceptId finds its
        // concept, whose label, type, score and degree came along; every edge
        // joins the same two concepts as in the build.
        const graph::ConceptGraph &built = m_build->graph;
        for (auto [it, end] = boost::vertices(g); it != end; ++it) {
            const Vertex &v = g[*it];
            const auto index = built.find(ConceptId(QString::fromStdString(v.conceptId)));
            QVERIFY2(index, v.conceptId.c_str());
            const graph::NodeData &node = built.node(*index);
            QCOMPARE(QString::fromStdString(v.label), node.info.label);
            QCOMPARE(QString::fromStdString(v.type), extract::conceptTypeName(node.info.type));
            QCOMPARE(v.score, node.info.score);
            QCOMPARE(v.degree, node.degree);
            // Boost reads through property_tree with trim_whitespace, which folds
            // the note's line break; exportnotes_test checks the exact text.
            QCOMPARE(QString::fromStdString(v.note), *index == 0 ? notes.conceptNote.simplified() : QString());
        }
        int linkNotes = 0;
        for (auto [it, end] = boost::edges(g); it != end; ++it) {
            const auto a = built.find(ConceptId(QString::fromStdString(g[boost::source(*it, g)].conceptId)));
            const auto b = built.find(ConceptId(QString::fromStdString(g[boost::target(*it, g)].conceptId)));
            QVERIFY(a && b);
            const auto edge = built.edgeBetween(*a, *b);
            QVERIFY(edge);
            QCOMPARE(g[*it].count, built.edge(*edge).relation.count);
            if (!g[*it].note.empty()) {
                QCOMPARE(*edge, 0);
                QCOMPARE(QString::fromStdString(g[*it].note), notes.linkNote);
                ++linkNotes;
            }
        }
        QCOMPARE(linkNotes, 1);
    }

    void graphml_nodeIdsAreNmtokens_conceptIdsKept()
    {
        QXmlStreamReader xml(exporter::GraphMlWriter::toGraphMl(*m_build));
        // xs:NMTOKEN, restricted to what we write: no spaces or punctuation a
        // tool could trip on.
        const QRegularExpression nmtoken(QStringLiteral("^[A-Za-z0-9._-]+$"));
        int nodes = 0;
        bool spaced = false;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == u"node") {
                QVERIFY(nmtoken.match(xml.attributes().value(QLatin1String("id")).toString()).hasMatch());
                ++nodes;
            } else if (xml.name() == u"edge") {
                QVERIFY(nmtoken.match(xml.attributes().value(QLatin1String("source")).toString()).hasMatch());
                QVERIFY(nmtoken.match(xml.attributes().value(QLatin1String("target")).toString()).hasMatch());
            } else if (xml.name() == u"data" && xml.attributes().value(QLatin1String("key")) == u"conceptId") {
                const QString id = xml.readElementText();
                QVERIFY(m_build->graph.find(ConceptId(id)));
                spaced = spaced || id.contains(u' ');
            }
        }
        QVERIFY(!xml.hasError());
        QCOMPARE(nodes, m_build->graph.nodeCount());
        QVERIFY2(spaced, "the sample has multi-word concepts, whose ids hold spaces");
    }

    void exports_carryNoAbsolutePath()
    {
        // The corpus copied under a path no export may name.
        QTemporaryDir home;
        const QString corpus = home.filePath(QStringLiteral("private-user-folder/notes"));
        QVERIFY(QDir().mkpath(corpus));
        for (const QFileInfo &f : QDir(QStringLiteral(CARTO_SAMPLES_DIR)).entryInfoList(QDir::Files))
            QVERIFY(QFile::copy(f.filePath(), QDir(corpus).filePath(f.fileName())));
        QString error;
        const auto build = project::buildCorpus(corpus, {}, &error);
        QVERIFY2(build, qPrintable(error));
        const QByteArray json = exporter::JsonGraphWriter::toJson(*build);
        const QByteArray graphml = exporter::GraphMlWriter::toGraphMl(*build);
        QByteArray vault;
        const QStringList names = exporter::MarkdownVaultWriter::fileNames(build->graph);
        for (graph::NodeIndex i = 0; i < build->graph.nodeCount(); ++i)
            vault += exporter::MarkdownVaultWriter::noteFor(*build, i, names).toUtf8();
        QVERIFY(vault.contains("beavers-as-engineers.md"));
        for (const QByteArray &bytes : {json, graphml, exporter::GexfWriter::toGexf(*build),
                                        exporter::CsvWriter::nodesCsv(*build), exporter::CsvWriter::edgesCsv(*build),
                                        vault}) {
            QVERIFY(!bytes.contains(home.path().toUtf8()));
            QVERIFY(!bytes.contains("private-user-folder"));
        }
        const QJsonObject graph = QJsonDocument::fromJson(json).object().value(QStringLiteral("graph")).toObject();
        QCOMPARE(graph.value(QStringLiteral("label")).toString(), QStringLiteral("Concept map of notes"));
    }

    void write_toUnwritablePath_failsWithMessage()
    {
        QString error;
        QVERIFY(!exporter::JsonGraphWriter::write(*m_build, QStringLiteral("/nonexistent/dir/map.json"), &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(ExportTest)
#include "export_test.moc"
