// assembleProject re-runs the assemble half of a build from the analyses an
// earlier one kept: for a curation edit it gives buildProject's map (JSON)
// without analysing a document, and with holdSavedPositions no concept that
// had a place moves.
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
        for (const char *edit : {"rename", "merge", "hide", "type", "split"})
            QTest::newRow(edit) << QString::fromLatin1(edit);
    }

    void assemble_afterACurationEdit_givesBuildProjectsMap_andAnalysesNothing()
    {
        QFETCH(QString, edit);
        QString error;
        const auto first = project::buildProject(m_project, options(false), &error);
        QVERIFY2(first, qPrintable(error));
        QVERIFY(first->analyses);
        QCOMPARE(first->analyses->analyses.size(), first->corpus.documents.size());
        const graph::ConceptGraph &g = first->graph;
        const std::vector<graph::NodeIndex> ranked = byScore(g);
        QVERIFY(ranked.size() > 10);

        project::Project edited = m_project;
        extract::Curation &c = edited.curation;
        if (edit == QStringLiteral("rename"))
            c.renames[g.node(ranked[1]).info.label] = QStringLiteral("Renamed Concept");
        else if (edit == QStringLiteral("merge"))
            c.merges.push_back({g.node(ranked[2]).info.label, {g.node(ranked[3]).info.label}});
        else if (edit == QStringLiteral("hide"))
            c.ignored.append(g.node(ranked[0]).info.label);
        else if (edit == QStringLiteral("type"))
            c.typeOverrides[g.node(ranked[1]).info.label] = extract::ConceptType::Event;
        else
            c.splits.append(splittableAlias(g));
        QVERIFY(!c.isEmpty() && !c.splits.contains(QString()));

        const std::uint64_t calls = extract::analyseDocumentCalls();
        const auto assembled = project::assembleProject(first->analyses, edited, options(false), &error);
        QVERIFY2(assembled, qPrintable(error));
        QCOMPARE(extract::analyseDocumentCalls(), calls);
        QVERIFY(assembled->reassembled);
        QCOMPARE(assembled->documentsAnalysed, 0);
        QCOMPARE(assembled->analyses, first->analyses);

        project::BuildOptions full = options(false);
        full.keepAnalyses = false;
        const auto rebuilt = project::buildProject(edited, full, &error);
        QVERIFY2(rebuilt, qPrintable(error));
        QVERIFY(extract::analyseDocumentCalls() > calls);
        const QByteArray json = exporter::JsonGraphWriter::toJson(*assembled, &edited);
        QCOMPARE(json, exporter::JsonGraphWriter::toJson(*rebuilt, &edited));
        QVERIFY(json != exporter::JsonGraphWriter::toJson(*first, &m_project)); // the edit shows
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
