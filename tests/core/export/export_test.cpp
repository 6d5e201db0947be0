// JSON Graph Format and GraphML exports: structure, offsets, and read-back.
#include "export/codepointindex.h"
#include "export/graphmlwriter.h"
#include "export/jsongraphwriter.h"
#include "exporttestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>

#include <fstream>

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

    void graphml_readsBackWithBoostWithSameCounts()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("map.graphml"));
        QString error;
        QVERIFY2(exporter::GraphMlWriter::write(*m_build, path, &error), qPrintable(error));

        struct Vertex { std::string label; std::string type; double score = 0; };
        struct Edge { double weight = 0; };
        using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, Vertex, Edge>;
        Graph g;
        boost::dynamic_properties dp(boost::ignore_other_properties);
        dp.property("label", boost::get(&Vertex::label, g));
        dp.property("type", boost::get(&Vertex::type, g));
        dp.property("score", boost::get(&Vertex::score, g));
        dp.property("weight", boost::get(&Edge::weight, g));
        std::ifstream in(path.toStdString());
        boost::read_graphml(in, g, dp);
        QCOMPARE(int(boost::num_vertices(g)), m_build->graph.nodeCount());
        QCOMPARE(int(boost::num_edges(g)), m_build->graph.edgeCount());
        QCOMPARE(QString::fromStdString(g[0].label), m_build->graph.node(0).info.label);
        for (auto [it, end] = boost::edges(g); it != end; ++it)
            QVERIFY(g[*it].weight > 0.0);
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
