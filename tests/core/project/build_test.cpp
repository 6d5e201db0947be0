// End-to-end: a folder in, a laid-out concept graph out, every fact traceable.
#include "project/build.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace carto;

class BuildTest final : public QObject
{
    Q_OBJECT

private:
    static QString seeds() { return QStringLiteral(CARTO_SHARED_DIR "/seeds"); }

    static void verifySpans(const project::BuildResult &build)
    {
        const auto &docs = build.corpus.documents;
        const graph::ConceptGraph &g = build.graph;
        for (graph::NodeIndex i = 0; i < g.nodeCount(); ++i) {
            const extract::Concept &info = g.node(i).info;
            QVERIFY(!info.mentions.empty());
            for (const extract::Mention &m : info.mentions) {
                const auto doc = static_cast<size_t>(m.span.document.value());
                QVERIFY(doc < docs.size());
                QVERIFY(m.span.range.start >= 0 && m.span.range.end <= docs[doc].text.size());
                QCOMPARE(m.span.range.slice(docs[doc].text).toString(), m.surface);
            }
        }
        for (graph::EdgeIndex e = 0; e < g.edgeCount(); ++e) {
            const graph::EdgeData &edge = g.edge(e);
            QVERIFY(!edge.relation.evidence.empty());
            for (const extract::Evidence &ev : edge.relation.evidence) {
                const auto doc = static_cast<size_t>(ev.sentence.document.value());
                QVERIFY(doc < docs.size());
                QVERIFY(ev.sentence.range.end <= docs[doc].text.size());
                QVERIFY(!ev.sentence.range.isEmpty());
            }
        }
    }

private Q_SLOTS:
    void build_seeds_givesALaidOutGraphWithValidSpans()
    {
        QVERIFY2(QDir(seeds()).exists(), "shared seeds not present");
        QString error;
        const auto build = project::buildCorpus(seeds(), {}, &error);
        QVERIFY2(build, qPrintable(error));
        QCOMPARE(build->corpus.documents.size(), size_t(5));
        QVERIFY(build->graph.nodeCount() >= 40);
        QVERIFY(build->graph.edgeCount() >= 40);
        verifySpans(*build);
        bool anyCommunity = false;
        for (graph::NodeIndex i = 0; i < build->graph.nodeCount(); ++i) {
            const graph::Point p = build->graph.node(i).position;
            QVERIFY(std::isfinite(p.x) && std::isfinite(p.y));
            anyCommunity = anyCommunity || build->graph.node(i).community > 0;
        }
        QVERIFY(anyCommunity);
    }

    void build_sameCorpusTwice_givesSameIdsAndPositions()
    {
        const QString dir = QStringLiteral(CARTO_SAMPLES_DIR);
        QString error;
        const auto a = project::buildCorpus(dir, {}, &error);
        const auto b = project::buildCorpus(dir, {}, &error);
        QVERIFY2(a && b, qPrintable(error));
        QCOMPARE(a->graph.nodeCount(), b->graph.nodeCount());
        for (graph::NodeIndex i = 0; i < a->graph.nodeCount(); ++i) {
            QCOMPARE(a->graph.node(i).info.id, b->graph.node(i).info.id);
            QCOMPARE(a->graph.node(i).position, b->graph.node(i).position);
        }
    }

    void build_missingFolder_failsWithOneLineReason()
    {
        QString error;
        const auto build = project::buildCorpus(QStringLiteral("/nonexistent/cartograph/folder"), {}, &error);
        QVERIFY(!build);
        QVERIFY(!error.isEmpty());
        QVERIFY(!error.contains(QLatin1Char('\n')));
    }

    void build_emptyFolder_failsWithOneLineReason()
    {
        QTemporaryDir dir;
        QString error;
        const auto build = project::buildCorpus(dir.path(), {}, &error);
        QVERIFY(!build);
        QVERIFY(!error.isEmpty());
    }

    void build_curationFileInFolder_isApplied()
    {
        QTemporaryDir dir;
        QFile doc(dir.filePath(QStringLiteral("notes.md")));
        QVERIFY(doc.open(QIODevice::WriteOnly));
        doc.write("# Orchards\n\nApple orchards need bees. Pollination by bees raises apple yields.\n"
                  "Orchard owners rent bee hives every spring for pollination.\n");
        doc.close();
        QFile curation(dir.filePath(project::curationFileName()));
        QVERIFY(curation.open(QIODevice::WriteOnly));
        curation.write("concepts:\n  - name: Spring Rental\n    aliases: [rent bee hives]\n    type: event\n");
        curation.close();
        QString error;
        const auto build = project::buildCorpus(dir.path(), {}, &error);
        QVERIFY2(build, qPrintable(error));
        const auto node = build->graph.findByName(QStringLiteral("Spring Rental"));
        QVERIFY(node);
        QCOMPARE(build->graph.node(*node).info.type, extract::ConceptType::Event);
        QVERIFY(!build->graph.node(*node).info.mentions.empty());
    }
};

QTEST_GUILESS_MAIN(BuildTest)
#include "build_test.moc"
