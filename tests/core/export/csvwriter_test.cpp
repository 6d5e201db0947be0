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
        QCOMPARE(nodes.front().join(u','),
                 QStringLiteral("id,label,type,score,community,degree,betweenness,pagerank,x,y,aliases,mentions"));
        QCOMPARE(edges.front().join(u','), QStringLiteral("source,target,weight,count,label,evidence_count"));
        QCOMPARE(nodes.size() - 1, qsizetype(m_build->graph.nodeCount()));
        QCOMPARE(edges.size() - 1, qsizetype(m_build->graph.edgeCount()));
        for (qsizetype r = 1; r < nodes.size(); ++r) {
            QCOMPARE(nodes[r].size(), 12);
            const auto index = m_build->graph.find(ConceptId(nodes[r][0]));
            QVERIFY(index);
            const graph::NodeData &node = m_build->graph.node(*index);
            QCOMPARE(nodes[r][1], node.info.label);
            QCOMPARE(nodes[r][5].toInt(), node.degree);
            QCOMPARE(nodes[r][8].toDouble(), node.position.x);
            QCOMPARE(nodes[r][11].toInt(), int(node.info.mentions.size()));
        }
        for (qsizetype r = 1; r < edges.size(); ++r) {
            QCOMPARE(edges[r].size(), 6);
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
        QCOMPARE(rows[1].size(), 12);
    }
};

QTEST_GUILESS_MAIN(CsvWriterTest)

#include "csvwriter_test.moc"
