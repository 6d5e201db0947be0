// Markdown vault: one note per concept, safe unique names, links that resolve.
#include "export/markdownvaultwriter.h"
#include "support/exporttestsupport.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace carto;

class MarkdownVaultWriterTest final : public QObject
{
    Q_OBJECT

private:
    std::optional<project::BuildResult> m_build;

    static QString read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

private Q_SLOTS:
    void initTestCase() { exporter::testsupport::buildSampleMap(m_build); }

    void write_everyLinkResolvesToAFileInTheVault()
    {
        QTemporaryDir dir;
        const QString vault = dir.filePath(QStringLiteral("vault"));
        QString error;
        QVERIFY2(exporter::MarkdownVaultWriter::write(*m_build, vault, &error), qPrintable(error));
        const QStringList files = QDir(vault).entryList({QStringLiteral("*.md")}, QDir::Files);
        QCOMPARE(files.size(), qsizetype(m_build->graph.nodeCount()));
        QSet<QString> stems;
        for (const QString &f : files)
            stems.insert(f.chopped(3));
        const QRegularExpression linkPattern(QStringLiteral(R"((?<!\\)\[\[([^\]|]+)(?:\|[^\]]*)?\]\])"));
        int links = 0;
        for (const QString &f : files) {
            const QString text = read(QDir(vault).filePath(f));
            QVERIFY2(text.startsWith(QStringLiteral("---\n")), qPrintable(f));
            for (auto it = linkPattern.globalMatch(text); it.hasNext();) {
                const QString target = it.next().captured(1);
                QVERIFY2(stems.contains(target), qPrintable(f + QStringLiteral(" -> ") + target));
                ++links;
            }
        }
        QVERIFY(links >= m_build->graph.edgeCount() * 2);
    }

    void noteFor_hasFrontMatterNoteLinksAndSourcedEvidence()
    {
        const graph::ConceptGraph &g = m_build->graph;
        graph::NodeIndex linked = 0;
        while (linked < g.nodeCount() && g.node(linked).degree == 0)
            ++linked;
        QVERIFY(linked < g.nodeCount());
        const graph::NodeData &node = g.node(linked);
        project::Project p;
        p.conceptNotes.push_back({node.info.id, node.info.label, QStringLiteral("My own thoughts on this.")});
        const QStringList names = exporter::MarkdownVaultWriter::fileNames(g);
        const QString text = exporter::MarkdownVaultWriter::noteFor(*m_build, linked, names, &p);
        QVERIFY(text.contains(QStringLiteral("\ntype: ") + extract::conceptTypeName(node.info.type) + u'\n'));
        QVERIFY(text.contains(QStringLiteral("\naliases:")));
        QVERIFY(text.contains(QStringLiteral("## Note\n\nMy own thoughts on this.")));
        QVERIFY(text.contains(QStringLiteral("## Links")));
        QVERIFY(text.contains(QStringLiteral("## Evidence")));
        // Each quote names its document and sentence, and the document exists.
        const QRegularExpression source(QStringLiteral("> — `([^`]+)`, sentence (\\d+)"));
        int sourced = 0;
        for (auto it = source.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            bool known = false;
            for (const ingest::Document &d : m_build->corpus.documents) {
                if (d.path == m.captured(1)) {
                    known = true;
                    QVERIFY(m.captured(2).toInt() >= 1 && m.captured(2).toInt() <= int(d.sentences.size()));
                }
            }
            QVERIFY2(known, qPrintable(m.captured(1)));
            ++sourced;
        }
        QVERIFY(sourced > 0);
        // Without a project there is no note section.
        QVERIFY(!exporter::MarkdownVaultWriter::noteFor(*m_build, linked, names).contains(QStringLiteral("## Note\n")));
    }

    void fileNames_areSafeAndUniqueIgnoringCase()
    {
        project::BuildResult build = *m_build;
        QVERIFY(build.graph.nodeCount() >= 6);
        build.graph.node(0).info.label = QStringLiteral("AI/ML: what? <yes>");
        build.graph.node(1).info.label = QStringLiteral("ai/ml: WHAT? <yes>");
        build.graph.node(2).info.label = QStringLiteral("CON");
        build.graph.node(3).info.label = QStringLiteral("...");
        build.graph.node(4).info.label = QString(300, u'x');
        build.graph.node(5).info.label = QStringLiteral("[[Tag]] #1 | ^ref");
        const QStringList names = exporter::MarkdownVaultWriter::fileNames(build.graph);
        QCOMPARE(names.size(), qsizetype(build.graph.nodeCount()));
        QSet<QString> folded;
        for (const QString &name : names) {
            QVERIFY2(!name.isEmpty() && name.size() <= 100, qPrintable(name));
            for (QChar c : QStringLiteral("/\\:*?\"<>|#^[]"))
                QVERIFY2(!name.contains(c), qPrintable(name));
            QVERIFY(!name.startsWith(u'.'));
            folded.insert(name.toCaseFolded());
        }
        QCOMPARE(folded.size(), names.size());
        QCOMPARE(names[0], QStringLiteral("AI ML what yes"));
        QVERIFY(names[2] != QStringLiteral("CON"));

        QTemporaryDir dir;
        QString error;
        QVERIFY2(exporter::MarkdownVaultWriter::write(build, dir.path(), &error), qPrintable(error));
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.md")}, QDir::Files).size(), names.size());
    }
};

QTEST_GUILESS_MAIN(MarkdownVaultWriterTest)

#include "markdownvaultwriter_test.moc"
