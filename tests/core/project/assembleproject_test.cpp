// assembleProject re-runs the assemble half of a build from what an earlier
// one kept: for a curation edit it gives buildProject's map (JSON) without
// analysing a document or drafting the concepts again (the kept concept
// draft), and with holdSavedPositions no concept that had a place moves.
#include "export/jsongraphwriter.h"
#include "extract/analysiscount.h"
#include "project/build.h"
#include "project/projectanalyses.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace carto;

namespace {

project::BuildOptions options(bool layout)
{
    project::BuildOptions out;
    out.extractor.threads = 2;
    out.layout.threads = 2;
    out.computeLayout = layout;
    out.keepAnalyses = true;
    out.holdSavedPositions = true;
    return out;
}

std::vector<graph::NodeIndex> byScore(const graph::ConceptGraph &g)
{
    std::vector<graph::NodeIndex> out(size_t(g.nodeCount()));
    for (int v = 0; v < g.nodeCount(); ++v)
        out[size_t(v)] = v;
    std::sort(out.begin(), out.end(), [&](int a, int b) { return g.node(a).info.score > g.node(b).info.score; });
    return out;
}

// An alias of a top concept that is not its label, to split off.
QString splittableAlias(const graph::ConceptGraph &g)
{
    for (const graph::NodeIndex v : byScore(g)) {
        for (const QString &alias : g.node(v).info.aliases) {
            if (alias.compare(g.node(v).info.label, Qt::CaseInsensitive) != 0 && alias.size() > 3)
                return alias;
        }
    }
    return {};
}

// Applies one named edit to the ranked concepts of `g`.
void edit(extract::Curation &c, const QString &name, const graph::ConceptGraph &g)
{
    const std::vector<graph::NodeIndex> ranked = byScore(g);
    if (name == QStringLiteral("rename"))
        c.renames[g.node(ranked[1]).info.label] = QStringLiteral("Renamed Concept");
    else if (name == QStringLiteral("merge"))
        c.merges.push_back({g.node(ranked[2]).info.label, {g.node(ranked[3]).info.label}});
    else if (name == QStringLiteral("hide"))
        c.ignored.append(g.node(ranked[0]).info.label);
    else if (name == QStringLiteral("type"))
        c.typeOverrides[g.node(ranked[1]).info.label] = extract::ConceptType::Event;
    else if (name == QStringLiteral("add"))
        c.added.push_back({QStringLiteral("Adaptation"), {QStringLiteral("Adaptations")}, extract::ConceptType::Person});
    else
        c.splits.append(splittableAlias(g));
}

QByteArray json(const project::BuildResult &result, const project::Project &project)
{
    return exporter::JsonGraphWriter::toJson(result, &project);
}

} // namespace

class AssembleProjectTest final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    project::Project m_project;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString corpus = m_dir.filePath(QStringLiteral("corpus"));
        QVERIFY(QDir().mkpath(corpus));
        for (const QString &folder : {QStringLiteral(CARTO_SHARED_DIR "/seeds"), QStringLiteral(CARTO_SAMPLES_DIR)}) {
            const QDir dir(folder);
            for (const QString &name : dir.entryList(QDir::Files))
                QVERIFY(QFile::copy(dir.filePath(name), QDir(corpus).filePath(name)));
        }
        m_project.corpusFolders = {corpus};
    }

    void assemble_afterACurationEdit_givesBuildProjectsMap_andAnalysesNothing_data()
    {
        QTest::addColumn<QString>("edit");
        for (const char *edit : {"rename", "merge", "hide", "type", "split", "add"})
            QTest::newRow(edit) << QString::fromLatin1(edit);
    }

    void assemble_afterACurationEdit_givesBuildProjectsMap_andAnalysesNothing()
    {
        QFETCH(QString, edit);
        QString error;
        const auto first = project::buildProject(m_project, options(false), &error);
        QVERIFY2(first, qPrintable(error));
        QVERIFY(first->analyses && first->analyses->draft);
        QCOMPARE(first->analyses->draft->documents.size(), first->corpus.documents.size());
        QVERIFY(first->analyses->analyses.empty()); // made into the draft, not kept twice
        QVERIFY(first->graph.nodeCount() > 10);

        project::Project edited = m_project;
        ::edit(edited.curation, edit, first->graph);
        QVERIFY(!edited.curation.isEmpty() && !edited.curation.splits.contains(QString()));

        const std::uint64_t calls = extract::analyseDocumentCalls();
        const std::uint64_t drafts = extract::conceptDraftCalls();
        const auto assembled = project::assembleProject(first->analyses, edited, options(false), &error);
        QVERIFY2(assembled, qPrintable(error));
        QCOMPARE(extract::analyseDocumentCalls(), calls);
        QCOMPARE(extract::conceptDraftCalls(), drafts); // the kept draft: curation and relations only
        QVERIFY(assembled->reassembled);
        QCOMPARE(assembled->documentsAnalysed, 0);
        QCOMPARE(assembled->analyses, first->analyses);

        project::BuildOptions full = options(false);
        full.keepAnalyses = false;
        const auto rebuilt = project::buildProject(edited, full, &error);
        QVERIFY2(rebuilt, qPrintable(error));
        QVERIFY(extract::analyseDocumentCalls() > calls);
        QCOMPARE(extract::conceptDraftCalls(), drafts + 1);
        QCOMPARE(json(*assembled, edited), json(*rebuilt, edited));
        QVERIFY(json(*assembled, edited) != json(*first, m_project)); // the edit shows
    }

    // Two edits in a row, each assembled from the previous result's draft,
    // the map laid out and held as the app does: the second map is the one a
    // full build of both edits gives from the same positions.
    void assemble_twoEditsInARow_givesBuildProjectsLaidOutMap()
    {
        QString error;
        const auto first = project::buildProject(m_project, options(true), &error);
        QVERIFY2(first, qPrintable(error));
        project::Project edited = m_project;
        project::storeLayout(edited, first->graph);
        const std::uint64_t drafts = extract::conceptDraftCalls();
        ::edit(edited.curation, QStringLiteral("merge"), first->graph);
        const auto once = project::assembleProject(first->analyses, edited, options(true), &error);
        QVERIFY2(once, qPrintable(error));
        project::storeLayout(edited, once->graph);
        ::edit(edited.curation, QStringLiteral("hide"), once->graph);
        const auto twice = project::assembleProject(once->analyses, edited, options(true), &error);
        QVERIFY2(twice, qPrintable(error));
        QCOMPARE(extract::conceptDraftCalls(), drafts);
        QCOMPARE(twice->analyses, first->analyses);

        project::BuildOptions full = options(true);
        full.keepAnalyses = false;
        const auto rebuilt = project::buildProject(edited, full, &error);
        QVERIFY2(rebuilt, qPrintable(error));
        QCOMPARE(json(*twice, edited), json(*rebuilt, edited));
        QVERIFY(json(*twice, edited) != json(*once, edited));
    }

    // Analyses without a draft (as analyseProject hands them) take the whole
    // corpus half again and still give buildProject's map; a draft cut for
    // another maxConcepts, with no analyses to fall back on, is refused.
    void assemble_withoutAFittingDraft_draftsAgainOrFails()
    {
        QString error;
        project::BuildOptions opts = options(false);
        auto read = project::analyseProject(m_project, opts, &error);
        QVERIFY2(read, qPrintable(error));
        const auto analyses = std::make_shared<const project::ProjectAnalyses>(std::move(*read));
        QVERIFY(!analyses->draft);
        const std::uint64_t drafts = extract::conceptDraftCalls();
        const auto assembled = project::assembleProject(analyses, m_project, opts, &error);
        QVERIFY2(assembled, qPrintable(error));
        QCOMPARE(extract::conceptDraftCalls(), drafts + 1);
        QCOMPARE(assembled->analyses->analyses.size(), assembled->corpus.documents.size()); // left whole
        const auto built = project::buildProject(m_project, opts, &error);
        QVERIFY2(built, qPrintable(error));
        QCOMPARE(json(*assembled, m_project), json(*built, m_project));

        opts.extractor.maxConcepts = 5;
        error.clear();
        QVERIFY(!project::assembleProject(built->analyses, m_project, opts, &error));
        QVERIFY(error.contains(QStringLiteral("full build")));
    }

    // The relation stage reads concepts' ids, scores and mentions alone, the
    // metrics the graph's edges alone: a rename or a type change reuses the
    // last relations and metrics, a merge or a hide links and measures again.
    void assemble_renameOrType_reusesRelationsAndMetrics_mergeComputesThem_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::addColumn<int>("linked");
        QTest::newRow("rename") << QStringLiteral("rename") << 0;
        QTest::newRow("type") << QStringLiteral("type") << 0;
        QTest::newRow("merge") << QStringLiteral("merge") << 1;
        QTest::newRow("hide") << QStringLiteral("hide") << 1;
        QTest::newRow("split") << QStringLiteral("split") << 1;
    }

    void assemble_renameOrType_reusesRelationsAndMetrics_mergeComputesThem()
    {
        QFETCH(QString, edit);
        QFETCH(int, linked);
        QString error;
        const auto first = project::buildProject(m_project, options(false), &error);
        QVERIFY2(first, qPrintable(error));
        project::Project edited = m_project;
        ::edit(edited.curation, edit, first->graph);
        const std::uint64_t runs = extract::relationStageCalls();
        const int reused = first->analyses->metrics->reused();
        const auto assembled = project::assembleProject(first->analyses, edited, options(false), &error);
        QVERIFY2(assembled, qPrintable(error));
        QCOMPARE(extract::relationStageCalls(), runs + std::uint64_t(linked));
        QCOMPARE(first->analyses->metrics->reused(), reused + 1 - linked);
        QVERIFY(assembled->graph.edgeCount() > 10);
        project::BuildOptions full = options(false);
        full.keepAnalyses = false;
        const auto rebuilt = project::buildProject(edited, full, &error);
        QVERIFY2(rebuilt, qPrintable(error));
        QCOMPARE(json(*assembled, edited), json(*rebuilt, edited));
    }

    // Undoing an edit asks for the map before it again: its relations and
    // metrics are still remembered, and it is the first build's map.
    void assemble_undoOfAMerge_reusesTheMapBefore()
    {
        QString error;
        const auto first = project::buildProject(m_project, options(false), &error);
        QVERIFY2(first, qPrintable(error));
        project::Project edited = m_project;
        ::edit(edited.curation, QStringLiteral("merge"), first->graph);
        const auto merged = project::assembleProject(first->analyses, edited, options(false), &error);
        QVERIFY2(merged, qPrintable(error));
        const std::uint64_t runs = extract::relationStageCalls();
        const int reused = first->analyses->metrics->reused();
        const auto undone = project::assembleProject(merged->analyses, m_project, options(false), &error);
        QVERIFY2(undone, qPrintable(error));
        QCOMPARE(extract::relationStageCalls(), runs);
        QCOMPARE(first->analyses->metrics->reused(), reused + 1);
        QCOMPARE(json(*undone, m_project), json(*first, m_project));
        QVERIFY(json(*merged, edited) != json(*first, m_project));
    }

    void assemble_withSavedPositions_placesOnlyTheNewConcept()
    {
        QString error;
        const auto first = project::buildProject(m_project, options(true), &error);
        QVERIFY2(first, qPrintable(error));
        project::Project edited = m_project;
        project::storeLayout(edited, first->graph);
        const QString alias = splittableAlias(first->graph);
        QVERIFY(!alias.isEmpty());
        edited.curation.splits.append(alias);

        const auto assembled = project::assembleProject(first->analyses, edited, options(true), &error);
        QVERIFY2(assembled, qPrintable(error));
        const graph::ConceptGraph &g = assembled->graph;
        int fresh = 0;
        for (graph::NodeIndex v = 0; v < g.nodeCount(); ++v) {
            const graph::NodeData &node = g.node(v);
            QVERIFY(!node.pinned); // held, not pinned: the user pinned nothing
            const auto saved = edited.positions.find(node.info.id);
            if (saved == edited.positions.end()) {
                ++fresh;
                continue;
            }
            QCOMPARE(node.position.x, saved->second.x);
            QCOMPARE(node.position.y, saved->second.y);
        }
        QVERIFY(fresh >= 1); // the split-off alias, placed anew
    }
};

QTEST_GUILESS_MAIN(AssembleProjectTest)
#include "assembleproject_test.moc"
