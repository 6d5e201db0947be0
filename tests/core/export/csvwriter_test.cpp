// CSV export: one row per node and edge, RFC 4180 quoting.
#include "export/csvwriter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace carto;

class CsvWriterTest final : public QObject
{
    Q_OBJECT

private:
    std::optional<project::BuildResult> m_build;

    // A small RFC 4180 reader, independent of the writer.
    static QList<QStringList> parseCsv(const QString &text)
    {
        QList<QStringList> rows;
        QStringList row;
        QString field;
        bool quoted = false;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text[i];
            if (quoted) {
                if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                    field += u'"';
                    ++i;
                } else if (c == u'"') {
                    quoted = false;
                } else {
                    field += c;
                }
            } else if (c == u'"') {
                quoted = true;
            } else if (c == u',') {
                row.append(field);
                field.clear();
            } else if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
                row.append(field);
                field.clear();
                rows.append(row);
                row.clear();
                ++i;
            } else {
                field += c;
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.append(field);
            rows.append(row);
        }
        return rows;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_build = project::buildCorpus(QStringLiteral(CARTO_SAMPLES_DIR), {}, &error);
        QVERIFY2(m_build, qPrintable(error));
    }

    void field_quotesOnlyWhenNeeded_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("river") << QStringLiteral("river");
        QTest::newRow("comma") << QStringLiteral("a, b") << QStringLiteral("\"a, b\"");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
        QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
        QTest::newRow("empty") << QString() << QString();
    }

    void field_quotesOnlyWhenNeeded()
    {
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QCOMPARE(exporter::CsvWriter::field(value), expected);
    }

    void write_givesOneRowPerNodeAndEdge_withHeaders()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("csv"));
        QString error;
        QVERIFY2(exporter::CsvWriter::write(*m_build, folder, &error), qPrintable(error));
        QFile nodesFile(QDir(folder).filePath(QStringLiteral("nodes.csv")));
        QFile edgesFile(QDir(folder).filePath(QStringLiteral("edges.csv")));
        QVERIFY(nodesFile.open(QIODevice::ReadOnly));
        QVERIFY(edgesFile.open(QIODevice::ReadOnly));
        const auto nodes = parseCsv(QString::fromUtf8(nodesFile.readAll()));
        const auto edges = parseCsv(QString::fromUtf8(edgesFile.readAll()));
        // Gephi's spreadsheet import: Id and Label for nodes; Source, Target,
        // Type and Weight for edges.
        QCOMPARE(nodes.front().join(u','),
                 QStringLiteral("Id,Label,concept_type,score,community,degree,betweenness,pagerank,x,y,aliases,"
                                "mentions,note"));
        QCOMPARE(edges.front().join(u','),
                 QStringLiteral("Source,Target,Type,Weight,Id,Label,count,evidence_count,note"));
        QCOMPARE(nodes.size() - 1, qsizetype(m_build->graph.nodeCount()));
        QCOMPARE(edges.size() - 1, qsizetype(m_build->graph.edgeCount()));
        for (qsizetype r = 1; r < nodes.size(); ++r) {
            QCOMPARE(nodes[r].size(), 13);
            const auto index = m_build->graph.find(ConceptId(nodes[r][0]));
            QVERIFY(index);
            const graph::NodeData &node = m_build->graph.node(*index);
            QCOMPARE(nodes[r][1], node.info.label);
            QCOMPARE(nodes[r][5].toInt(), node.degree);
            QCOMPARE(nodes[r][8].toDouble(), node.position.x);
            QCOMPARE(nodes[r][11].toInt(), int(node.info.mentions.size()));
        }
        for (qsizetype r = 1; r < edges.size(); ++r) {
            QCOMPARE(edges[r].size(), 9);
            QVERIFY(m_build->graph.find(ConceptId(edges[r][0])));
            QVERIFY(m_build->graph.find(ConceptId(edges[r][1])));
        }
    }

    void nodesCsv_labelWithCommaAndQuote_readsBackIntact()
    {
        project::BuildResult build = *m_build;
        const QString tricky = QStringLiteral("Smith, \"Bob\" & Co");
        build.graph.node(0).info.label = tricky;
        const QString text = QString::fromUtf8(exporter::CsvWriter::nodesCsv(build));
        QVERIFY(text.contains(QStringLiteral("\"Smith, \"\"Bob\"\" & Co\"")));
        const auto rows = parseCsv(text);
        QCOMPARE(rows.size() - 1, qsizetype(build.graph.nodeCount()));
        QCOMPARE(rows[1][1], tricky);
        QCOMPARE(rows[1].size(), 13);
    }

    // Reads edges.csv the way Gephi's spreadsheet import does: columns found by
    // header name, Type decides directedness, Source/Target name node Ids. The
    // result must be the build's undirected graph, edge for edge.
    void gephiStyleImport_readsUndirectedGraphWithWeights()
    {
        const auto nodes = parseCsv(QString::fromUtf8(exporter::CsvWriter::nodesCsv(*m_build)));
        const auto edges = parseCsv(QString::fromUtf8(exporter::CsvWriter::edgesCsv(*m_build)));
        const QStringList nodeHeader = nodes.front();
        const QStringList edgeHeader = edges.front();
        const qsizetype id = nodeHeader.indexOf(QStringLiteral("Id"));
        const qsizetype label = nodeHeader.indexOf(QStringLiteral("Label"));
        const qsizetype source = edgeHeader.indexOf(QStringLiteral("Source"));
        const qsizetype target = edgeHeader.indexOf(QStringLiteral("Target"));
        const qsizetype type = edgeHeader.indexOf(QStringLiteral("Type"));
        const qsizetype weight = edgeHeader.indexOf(QStringLiteral("Weight"));
        QVERIFY(id >= 0 && label >= 0 && source >= 0 && target >= 0 && type >= 0 && weight >= 0);

        QHash<QString, QString> labelById;
        for (qsizetype r = 1; r < nodes.size(); ++r)
            labelById.insert(nodes[r][id], nodes[r][label]);
        QCOMPARE(labelById.size(), qsizetype(m_build->graph.nodeCount()));

        // Undirected: the pair is unordered, as Gephi stores it for Type=Undirected.
        QHash<QPair<QString, QString>, double> imported;
        for (qsizetype r = 1; r < edges.size(); ++r) {
            QCOMPARE(edges[r][type], QStringLiteral("Undirected"));
            QVERIFY(labelById.contains(edges[r][source]));
            QVERIFY(labelById.contains(edges[r][target]));
            const QString a = std::min(edges[r][source], edges[r][target]);
            const QString b = std::max(edges[r][source], edges[r][target]);
            QVERIFY2(!imported.contains({a, b}), "an undirected pair appears twice");
            imported.insert({a, b}, edges[r][weight].toDouble());
        }
        const graph::ConceptGraph &g = m_build->graph;
        QCOMPARE(imported.size(), qsizetype(g.edgeCount()));
        for (graph::EdgeIndex e = 0; e < g.edgeCount(); ++e) {
            const QString s = g.node(g.edge(e).source).info.id.value();
            const QString t = g.node(g.edge(e).target).info.id.value();
            const QPair<QString, QString> key{std::min(s, t), std::max(s, t)};
            QVERIFY(imported.contains(key));
            QCOMPARE(imported.value(key), g.edge(e).relation.weight);
            QCOMPARE(labelById.value(s), g.node(g.edge(e).source).info.label);
        }
    }

    void nodesCsv_formulaLabel_isNeutralisedButNumbersAreNot()
    {
        project::BuildResult build = *m_build;
        build.graph.node(0).info.label = QStringLiteral("=1+1");
        build.graph.node(0).position = {-12.5, 3.0};
        const auto rows = parseCsv(QString::fromUtf8(exporter::CsvWriter::nodesCsv(build)));
        QCOMPARE(rows[1][1], QStringLiteral("'=1+1"));
        QCOMPARE(rows[1][8], QStringLiteral("-12.5"));
    }
};

QTEST_GUILESS_MAIN(CsvWriterTest)

#include "csvwriter_test.moc"
