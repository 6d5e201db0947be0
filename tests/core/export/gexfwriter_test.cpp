// GEXF export: well-formed GEXF 1.3 that reads back with the same nodes,
// edges, attributes and positions.
#include "export/gexfwriter.h"
#include "export/nodestyle.h"
#include "support/exporttestsupport.h"

#include <QFile>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace carto;

class GexfWriterTest final : public QObject
{
    Q_OBJECT

private:
    std::optional<project::BuildResult> m_build;

private Q_SLOTS:
    void initTestCase() { exporter::testsupport::buildSampleMap(m_build); }

    void write_readsBackWithSameNodesEdgesAndAttributes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("map.gexf"));
        QString error;
        QVERIFY2(exporter::GexfWriter::write(*m_build, path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));

        const QString gexfNs = QStringLiteral("http://gexf.net/1.3");
        const QString vizNs = QStringLiteral("http://gexf.net/1.3/viz");
        QXmlStreamReader xml(&file);
        int nodes = 0;
        int edges = 0;
        int positions = 0;
        int colours = 0;
        QList<double> sizes;
        QString version;
        QString currentNode;
        QHash<QString, QHash<QString, QString>> values; // node id -> attribute -> value
        QSet<QString> declared;
        QString currentClass;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            const auto name = xml.name();
            const auto attrs = xml.attributes();
            if (name == u"gexf") {
                QCOMPARE(xml.namespaceUri(), gexfNs);
                version = attrs.value(QLatin1String("version")).toString();
            } else if (name == u"attributes") {
                currentClass = attrs.value(QLatin1String("class")).toString();
            } else if (name == u"attribute") {
                declared.insert(currentClass + u':' + attrs.value(QLatin1String("id")).toString());
            } else if (name == u"node") {
                ++nodes;
                currentNode = attrs.value(QLatin1String("id")).toString();
                QVERIFY(m_build->graph.find(ConceptId(currentNode)));
                QVERIFY(!attrs.value(QLatin1String("label")).isEmpty());
            } else if (name == u"edge") {
                ++edges;
                currentNode.clear();
                QVERIFY(m_build->graph.find(ConceptId(attrs.value(QLatin1String("source")).toString())));
                QVERIFY(m_build->graph.find(ConceptId(attrs.value(QLatin1String("target")).toString())));
                QVERIFY(attrs.value(QLatin1String("weight")).toDouble() > 0.0);
            } else if (name == u"attvalue" && !currentNode.isEmpty()) {
                values[currentNode][attrs.value(QLatin1String("for")).toString()] = attrs.value(QLatin1String("value")).toString();
            } else if (name == u"color") {
                QCOMPARE(xml.namespaceUri(), vizNs);
                ++colours;
                const auto index = m_build->graph.find(ConceptId(currentNode));
                QVERIFY(index);
                // The community colour the map draws.
                const auto expected = exporter::nodestyle::community(m_build->graph.node(*index).community);
                QCOMPARE(attrs.value(QLatin1String("r")).toInt(), int(expected.r));
                QCOMPARE(attrs.value(QLatin1String("g")).toInt(), int(expected.g));
                QCOMPARE(attrs.value(QLatin1String("b")).toInt(), int(expected.b));
            } else if (name == u"size") {
                QCOMPARE(xml.namespaceUri(), vizNs);
                sizes.append(attrs.value(QLatin1String("value")).toDouble());
            } else if (name == u"position") {
                QCOMPARE(xml.namespaceUri(), vizNs);
                ++positions;
                const auto index = m_build->graph.find(ConceptId(currentNode));
                QVERIFY(index);
                const graph::Point p = m_build->graph.node(*index).position;
                QCOMPARE(attrs.value(QLatin1String("x")).toDouble(), p.x);
                QCOMPARE(attrs.value(QLatin1String("y")).toDouble(), -p.y); // Gephi's y points up
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(version, QStringLiteral("1.3"));
        QCOMPARE(nodes, m_build->graph.nodeCount());
        QCOMPARE(edges, m_build->graph.edgeCount());
        QCOMPARE(positions, nodes);
        QCOMPARE(colours, nodes);
        QCOMPARE(sizes.size(), nodes);
        // Sized by score like the map: the best node is the biggest, all are positive.
        QCOMPARE(*std::max_element(sizes.begin(), sizes.end()), sizes.front());
        QVERIFY(*std::min_element(sizes.begin(), sizes.end()) > 0.0);
        QVERIFY(sizes.front() > sizes.back());
        for (const char *key : {"type", "score", "community", "degree", "betweenness", "pagerank"})
            QVERIFY2(declared.contains(QStringLiteral("node:") + QLatin1String(key)), key);
        QVERIFY(declared.contains(QStringLiteral("edge:count")));

        for (graph::NodeIndex i = 0; i < m_build->graph.nodeCount(); ++i) {
            const graph::NodeData &node = m_build->graph.node(i);
            const auto &v = values.value(node.info.id.value());
            QCOMPARE(v.value(QStringLiteral("type")), extract::conceptTypeName(node.info.type));
            QCOMPARE(v.value(QStringLiteral("degree")).toInt(), node.degree);
            QCOMPARE(v.value(QStringLiteral("community")).toInt(), node.community);
            QCOMPARE(v.value(QStringLiteral("score")).toDouble(), node.info.score);
            QCOMPARE(v.value(QStringLiteral("betweenness")).toDouble(), node.betweenness);
            QCOMPARE(v.value(QStringLiteral("pagerank")).toDouble(), node.pageRank);
        }
    }

    void toGexf_colourByTypeProject_usesTypeColours()
    {
        project::Project project;
        project.view.colourByType = true;
        const QByteArray bytes = exporter::GexfWriter::toGexf(*m_build, &project);
        QXmlStreamReader xml(bytes);
        QString node;
        int checked = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == u"node") {
                node = xml.attributes().value(QLatin1String("id")).toString();
            } else if (xml.name() == u"color") {
                const auto index = m_build->graph.find(ConceptId(node));
                QVERIFY(index);
                const auto expected = exporter::nodestyle::type(m_build->graph.node(*index).info.type);
                QCOMPARE(xml.attributes().value(QLatin1String("r")).toInt(), int(expected.r));
                QCOMPARE(xml.attributes().value(QLatin1String("b")).toInt(), int(expected.b));
                ++checked;
            }
        }
        QCOMPARE(checked, m_build->graph.nodeCount());
    }

    void toGexf_describesCorpusByFolderNameOnly()
    {
        const QString text = QString::fromUtf8(exporter::GexfWriter::toGexf(*m_build));
        QVERIFY(!text.contains(m_build->corpus.root));
        QVERIFY(text.contains(QStringLiteral("<description>Concept map of samples</description>")));
    }

    void toGexf_sameBuild_givesSameBytes()
    {
        QCOMPARE(exporter::GexfWriter::toGexf(*m_build), exporter::GexfWriter::toGexf(*m_build));
    }

    void write_intoMissingFolder_failsWithError()
    {
        QString error;
        QVERIFY(!exporter::GexfWriter::write(*m_build, QStringLiteral("/nonexistent/dir/map.gexf"), &error));
        QVERIFY(error.contains(QStringLiteral("map.gexf")));
    }
};

QTEST_GUILESS_MAIN(GexfWriterTest)

#include "gexfwriter_test.moc"
