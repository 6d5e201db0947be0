// Exports of a corpus whose shipped cartograph.yaml renames concepts to CSV
// formulas, markup, newlines and control characters (the shared
// export-injection reproducer): spreadsheets see text, the vault shows text,
// XML stays valid, and no export is written through a planted symlink.
#include "export/csvwriter.h"
#include "export/gexfwriter.h"
#include "export/graphmlwriter.h"
#include "export/jsongraphwriter.h"
#include "export/markdownvaultwriter.h"
#include "support/exporttestsupport.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace carto;
namespace ts = exporter::testsupport;

class HostileExportTest final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_corpus;
    std::optional<project::BuildResult> m_reproducer; // the reproducer as a corpus
    std::optional<project::BuildResult> m_sample;     // the sample map with every hostile label
    QStringList m_labels;

    const project::BuildResult &build(const QString &name) const
    {
        return name == u"reproducer" ? *m_reproducer : *m_sample;
    }

    static void addRows()
    {
        QTest::addColumn<QString>("corpus");
        QTest::newRow("reproducer corpus") << QStringLiteral("reproducer");
        QTest::newRow("sample with every hostile label") << QStringLiteral("sample");
    }

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
                rows.append(row);
                field.clear();
                row.clear();
                ++i;
            } else {
                field += c;
            }
        }
        return rows;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString hostile = ts::sharedPath(QStringLiteral("hostile"));
        QVERIFY(QFile::copy(hostile + QStringLiteral("/export-injection.cartograph.yaml"),
                            m_corpus.filePath(QStringLiteral("cartograph.yaml"))));
        QVERIFY(QFile::copy(hostile + QStringLiteral("/export-injection-pixel.txt"),
                            m_corpus.filePath(QStringLiteral("pixel.txt"))));
        QString error;
        m_reproducer = project::buildCorpus(m_corpus.path(), {}, &error);
        QVERIFY2(m_reproducer, qPrintable(error));
        QSet<QString> labels;
        for (graph::NodeIndex i = 0; i < m_reproducer->graph.nodeCount(); ++i)
            labels.insert(m_reproducer->graph.node(i).info.label);
        // The curation applied: the formula and the markup are labels now.
        QVERIFY2(labels.contains(QStringLiteral("=HYPERLINK(\"http://127.0.0.1:8765/csv\",\"click\")")),
                 qPrintable(QStringList(labels.values()).join(u'|')));
        QVERIFY(labels.contains(QStringLiteral("<script>alert('x')</script> & \"q\" 'a'")));
        m_labels = ts::hostileLabels();
        std::optional<project::BuildResult> sample;
        ts::buildSampleMap(sample);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(sample->graph.nodeCount() > m_labels.size());
        m_sample = ts::withHostileLabels(*sample, m_labels);
    }

    void csv_textCellsNeverStartAFormula_data() { addRows(); }
    void csv_textCellsNeverStartAFormula()
    {
        QFETCH(QString, corpus);
        const project::BuildResult &b = build(corpus);
        QTemporaryDir dir;
        QString error;
        QVERIFY2(exporter::CsvWriter::write(b, dir.path(), &error), qPrintable(error));
        for (const char *file : {"nodes.csv", "edges.csv"}) {
            const auto rows = parseCsv(QString::fromUtf8(ts::readAll(dir.filePath(QString::fromLatin1(file)))));
            QVERIFY(rows.size() > 1);
            for (const QStringList &row : rows) {
                QCOMPARE(row.size(), rows.front().size());
                for (const QString &cell : row) {
                    // Numbers we formatted ("-12.5", "1e-05") are not text.
                    static const QRegularExpression number(QStringLiteral(R"(^-?[0-9]+(\.[0-9]+)?(e[+-]?[0-9]+)?$)"));
                    if (number.match(cell).hasMatch())
                        continue;
                    QVERIFY2(cell.isEmpty() || !QStringLiteral("=+-@\t\r").contains(cell.front()),
                             qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(file), cell)));
                    QVERIFY2(!cell.contains(QChar(0)) && !cell.contains(QChar(0x1b)), qPrintable(cell));
                }
            }
        }
        // The label itself survives, behind the quote.
        const QString nodes = QString::fromUtf8(ts::readAll(dir.filePath(QStringLiteral("nodes.csv"))));
        const auto rows = parseCsv(nodes);
        QStringList labels;
        for (const QStringList &row : rows)
            labels << row.value(1);
        QVERIFY2(labels.contains(QStringLiteral("'=HYPERLINK(\"http://127.0.0.1:8765/csv\",\"click\")")),
                 qPrintable(labels.join(u'|')));
    }

    void vault_showsHostileTextAsText_data() { addRows(); }
    void vault_showsHostileTextAsText()
    {
        QFETCH(QString, corpus);
        const project::BuildResult &b = build(corpus);
        QTemporaryDir dir;
        QString error;
        QVERIFY2(exporter::MarkdownVaultWriter::write(b, dir.path(), &error), qPrintable(error));
        const QStringList files = QDir(dir.path()).entryList({QStringLiteral("*.md")}, QDir::Files);
        QCOMPARE(files.size(), qsizetype(b.graph.nodeCount()));
        QSet<QString> stems;
        for (const QString &f : files)
            stems.insert(f.chopped(3));
        const QRegularExpression rawHtml(QStringLiteral("<\\s*(img|script|iframe|a|svg|video|audio|link)\\b"),
                                         QRegularExpression::CaseInsensitiveOption);
        const QRegularExpression embed(QStringLiteral(R"((?<!\\)!\[)"));
        const QRegularExpression link(QStringLiteral(R"((?<!\\)\[\[([^\]|]*)(?:\|[^\]]*)?\]\])"));
        for (const QString &f : files) {
            const QString text = QString::fromUtf8(ts::readAll(dir.filePath(f)));
            QVERIFY2(!rawHtml.match(text).hasMatch(), qPrintable(f + u'\n' + text));
            QVERIFY2(!embed.match(text).hasMatch(), qPrintable(f + u'\n' + text));
            for (auto it = link.globalMatch(text); it.hasNext();) {
                const QString target = it.next().captured(1);
                QVERIFY2(stems.contains(target), qPrintable(f + QStringLiteral(" -> ") + target));
            }
            // One heading of level 1, no injected ones, and front matter that
            // parses with exactly the keys we write.
            const QStringList lines = text.split(u'\n');
            QCOMPARE(lines.filter(QRegularExpression(QStringLiteral("^# "))).size(), 1);
            QVERIFY2(lines.filter(QRegularExpression(QStringLiteral("^#+ ?injected"))).isEmpty(), qPrintable(text));
            QCOMPARE(lines.front(), QStringLiteral("---"));
            const qsizetype close = lines.indexOf(QStringLiteral("---"), 1);
            QVERIFY2(close > 1, qPrintable(text));
            const YAML::Node front = YAML::Load(lines.mid(1, close - 1).join(u'\n').toStdString());
            QVERIFY(front.IsMap());
            for (const auto &entry : front)
                QVERIFY2(QStringList({QStringLiteral("id"), QStringLiteral("type"), QStringLiteral("aliases"),
                                      QStringLiteral("score"), QStringLiteral("community"), QStringLiteral("degree")})
                             .contains(QString::fromStdString(entry.first.as<std::string>())),
                         entry.first.as<std::string>().c_str());
            QVERIFY(!text.contains(QChar(0x1b)) && !text.contains(QChar(0)));
        }
    }

    void xml_exportsAreValidAndFreeOfControlCharacters_data() { addRows(); }
    void xml_exportsAreValidAndFreeOfControlCharacters()
    {
        QFETCH(QString, corpus);
        const project::BuildResult &b = build(corpus);
        QTemporaryDir dir;
        const QString graphml = dir.filePath(QStringLiteral("map.graphml"));
        const QString gexf = dir.filePath(QStringLiteral("map.gexf"));
        const QString json = dir.filePath(QStringLiteral("map.json"));
        QString message;
        QVERIFY2(exporter::GraphMlWriter::write(b, graphml, &message), qPrintable(message));
        QVERIFY2(exporter::GexfWriter::write(b, gexf, &message), qPrintable(message));
        QVERIFY2(exporter::JsonGraphWriter::write(b, json, &message), qPrintable(message));
        for (const QString &path : {graphml, gexf}) {
            const QByteArray bytes = ts::readAll(path);
            for (char c : bytes)
                QVERIFY2(uchar(c) >= 0x20 || c == '\n' || c == '\t' || c == '\r', qPrintable(path));
        }
        QVERIFY2(ts::graphMlValidates(graphml, &message), qPrintable(message));
        QVERIFY2(ts::gexfValidates(gexf, &message), qPrintable(message));
        QVERIFY2(ts::jgfValidates(json, &message), qPrintable(message));
    }

    void plantedSymlink_inExportFolder_isRefusedAndNotFollowed_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("csv") << QStringLiteral("csv");
        QTest::newRow("vault") << QStringLiteral("vault");
        QTest::newRow("json") << QStringLiteral("json");
        QTest::newRow("graphml") << QStringLiteral("graphml");
        QTest::newRow("gexf") << QStringLiteral("gexf");
    }

    void plantedSymlink_inExportFolder_isRefusedAndNotFollowed()
    {
        QFETCH(QString, format);
        QTemporaryDir outside;
        QTemporaryDir exportDir;
        const QString victim = outside.filePath(QStringLiteral("authorized_keys"));
        {
            QFile f(victim);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("ssh-ed25519 AAAA precious");
        }
        const QStringList names = exporter::MarkdownVaultWriter::fileNames(m_reproducer->graph);
        const QString name = format == u"csv" ? QStringLiteral("edges.csv")
            : format == u"vault"             ? names.back() + QStringLiteral(".md")
                                             : QStringLiteral("map.") + format;
        QVERIFY(QFile::link(victim, exportDir.filePath(name)));
        QString error;
        bool ok = true;
        if (format == u"csv")
            ok = exporter::CsvWriter::write(*m_reproducer, exportDir.path(), &error);
        else if (format == u"vault")
            ok = exporter::MarkdownVaultWriter::write(*m_reproducer, exportDir.path(), &error);
        else if (format == u"json")
            ok = exporter::JsonGraphWriter::write(*m_reproducer, exportDir.filePath(name), &error);
        else if (format == u"graphml")
            ok = exporter::GraphMlWriter::write(*m_reproducer, exportDir.filePath(name), &error);
        else
            ok = exporter::GexfWriter::write(*m_reproducer, exportDir.filePath(name), &error);
        QVERIFY(!ok);
        QVERIFY2(error.contains(QStringLiteral("symbolic link")) && error.contains(name), qPrintable(error));
        QCOMPARE(ts::readAll(victim), QByteArray("ssh-ed25519 AAAA precious"));
    }
};

QTEST_GUILESS_MAIN(HostileExportTest)

#include "hostileexport_test.moc"
