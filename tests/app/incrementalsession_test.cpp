// The app's builds are incremental: a folder opened again reads every
// document's analysis from the analysis cache and gives the same map; a
// changed file alone is analysed again; a curation edit (merge, rename, hide,
// split) assembles the map again from the concept draft kept in memory,
// without analysing a document or drafting concepts, gives the map a full rebuild with that curation
// gives, and moves no concept the edit did not touch. Notes stay.
#include "appsettings.h"
#include "document/projectdocument.h"
#include "document/projectsession.h"
#include "export/jsongraphwriter.h"
#include "extract/analysiscount.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <memory>

using namespace Qt::StringLiterals;
using namespace carto;
using carto::app::AppSettings;
using carto::app::ProjectDocument;
using carto::app::ProjectSession;

namespace {

// A session with its document; every question is answered No.
struct Window
{
    ProjectDocument document;
    ProjectSession session{&document};

    Window()
    {
        session.setPrompt([](const QString &, const QString &, QMessageBox::StandardButtons) { return QMessageBox::No; });
    }

    // Runs `start` and waits for the build it causes to land.
    bool waitForBuild(const std::function<void()> &start)
    {
        QSignalSpy finished(&session, &ProjectSession::buildFinished);
        start();
        return QTest::qWaitFor([&] { return !finished.isEmpty(); }, 120000) && finished.first().first().toBool();
    }

    // The map as the JSON export writes it, the project's notes included.
    QByteArray json() const
    {
        project::BuildResult build;
        build.corpus = document.corpus();
        build.graph = document.graph();
        build.problems = document.problems();
        const project::Project project = document.projectForSave();
        return exporter::JsonGraphWriter::toJson(build, &project);
    }

    std::map<ConceptId, graph::Point> positions() const { return document.layoutPositionsById(); }

    graph::NodeIndex ranked(int rank) const { return document.nodesByScore().at(size_t(rank)); }
    ConceptId idAt(int rank) const { return document.graph().node(ranked(rank)).info.id; }
};

} // namespace

class IncrementalSessionTest final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_corpus;
    int m_documents = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"CartographIncrementalSessionTest"_s);
    }

    void init()
    {
        // A corpus and an analysis cache of its own for every test.
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_corpus = m_dir->filePath(u"corpus"_s);
        QVERIFY(QDir().mkpath(m_corpus));
        for (const QString &folder : {QStringLiteral(CARTO_SHARED_DIR "/seeds"), QStringLiteral(CARTO_SAMPLES_DIR)}) {
            const QDir dir(folder);
            for (const QString &name : dir.entryList(QDir::Files))
                QVERIFY(QFile::copy(dir.filePath(name), QDir(m_corpus).filePath(name)));
        }
        m_documents = int(QDir(m_corpus).entryList(QDir::Files).size());
        QVERIFY2(m_documents > 4, "shared seeds or samples missing");
        AppSettings settings;
        settings.setAnalysisCacheEnabled(true);
        settings.setAnalysisCachePath(m_dir->filePath(u"analyses.sqlite"_s));
    }

    void cleanup()
    {
        AppSettings settings;
        settings.setAnalysisCacheEnabled(true);
        settings.setAnalysisCachePath(QString());
        m_dir.reset();
    }

    void openFolderAgain_readsEveryAnalysisFromTheCache_andGivesTheSameMap()
    {
        QByteArray first;
        {
            Window window;
            QVERIFY(window.waitForBuild([&] { window.session.openFolder(m_corpus); }));
            QCOMPARE(window.session.lastBuildStats().documentsAnalysed, m_documents);
            QCOMPARE(window.session.lastBuildStats().analysesFromCache, 0);
            QVERIFY(window.document.nodeCount() > 20);
            first = window.json();
            QVERIFY(window.session.close());
        }
        QVERIFY(QFileInfo::exists(m_dir->filePath(u"analyses.sqlite"_s)));

        // The app started again on the same folder.
        Window window;
        const std::uint64_t before = extract::analyseDocumentCalls();
        QVERIFY(window.waitForBuild([&] { window.session.openFolder(m_corpus); }));
        QCOMPARE(window.session.lastBuildStats().analysesFromCache, m_documents);
        QCOMPARE(window.session.lastBuildStats().documentsAnalysed, 0);
        QCOMPARE(extract::analyseDocumentCalls(), before);
        QCOMPARE(window.json(), first);
    }

    void documentChanged_theWatchersRebuildAnalysesThatDocumentAlone()
    {
        Window window;
        QVERIFY(window.waitForBuild([&] { window.session.openFolder(m_corpus); }));
        const QString changed = QDir(m_corpus).filePath(QDir(m_corpus).entryList(QDir::Files).constFirst());
        const std::uint64_t before = extract::analyseDocumentCalls();
        QVERIFY(window.waitForBuild([&] {
            QFile file(changed);
            QVERIFY(file.open(QIODevice::Append));
            file.write("\n\nThe Harbour Commission met the River Trust in March.\n");
        }));
        QCOMPARE(window.session.lastBuildStats().documentsAnalysed, 1);
        QCOMPARE(window.session.lastBuildStats().analysesFromCache, m_documents - 1);
        QVERIFY(!window.session.lastBuildStats().reassembled);
        QCOMPARE(extract::analyseDocumentCalls(), before + 1);
        QVERIFY(window.document.findConcept(u"Harbour Commission"_s) >= 0);
    }

    void curationEdit_assemblesFromTheKeptAnalyses_likeAFullRebuild_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::newRow("merge") << u"merge"_s;
        QTest::newRow("rename") << u"rename"_s;
        QTest::newRow("hide") << u"hide"_s;
        QTest::newRow("split") << u"split"_s;
    }

    void curationEdit_assemblesFromTheKeptAnalyses_likeAFullRebuild()
    {
        QFETCH(QString, edit);
        Window window;
        QVERIFY(window.waitForBuild([&] { window.session.openFolder(m_corpus); }));
        ProjectDocument &doc = window.document;
        const ConceptId noted = window.idAt(0);
        QVERIFY(doc.editConceptNote(noted, doc.graph().node(window.ranked(0)).info.label, u"Keep this."_s));
        const std::map<ConceptId, graph::Point> before = window.positions();
        const std::uint64_t calls = extract::analyseDocumentCalls();
        const std::uint64_t drafts = extract::conceptDraftCalls();

        QSet<ConceptId> touched; // concepts the edit may move or remove
        QString splitAlias;
        const ConceptId mergedAway = window.idAt(4);
        const ConceptId mergedInto = window.idAt(3);
        QVERIFY(window.waitForBuild([&] {
            if (edit == u"merge"_s) {
                touched = {mergedAway, mergedInto};
                QVERIFY(doc.mergeConcepts(window.ranked(4), window.ranked(3)));
            } else if (edit == u"rename"_s) {
                touched = {window.idAt(2)};
                QVERIFY(doc.renameConcept(window.ranked(2), u"Renamed Concept"_s));
            } else if (edit == u"hide"_s) {
                touched = {window.idAt(1)};
                QVERIFY(doc.hideConcepts({window.ranked(1)}));
            } else {
                for (int rank = 1; rank < doc.nodeCount() && splitAlias.isEmpty(); ++rank) {
                    const graph::NodeData &node = doc.graph().node(window.ranked(rank));
                    for (const QString &alias : node.info.aliases) {
                        if (alias.compare(node.info.label, Qt::CaseInsensitive) != 0 && alias.size() > 3) {
                            splitAlias = alias;
                            touched = {node.info.id};
                            QVERIFY(doc.splitAlias(window.ranked(rank), alias));
                            break;
                        }
                    }
                }
                QVERIFY2(!splitAlias.isEmpty(), "no concept with an alias to split off");
            }
        }));
        QVERIFY(window.session.lastBuildStats().reassembled);
        QCOMPARE(window.session.lastBuildStats().documentsAnalysed, 0);
        QCOMPARE(extract::analyseDocumentCalls(), calls);
        QCOMPARE(extract::conceptDraftCalls(), drafts); // from the kept concept draft

        // The edit took effect.
        const std::map<ConceptId, graph::Point> after = window.positions();
        const graph::ConceptGraph &g = doc.graph();
        if (edit == u"merge"_s)
            QVERIFY(!g.find(mergedAway) && g.find(mergedInto));
        if (edit == u"rename"_s)
            QCOMPARE(g.node(*g.find(*touched.begin())).info.label, u"Renamed Concept"_s);
        if (edit == u"hide"_s)
            QVERIFY(!g.find(*touched.begin()) || doc.isConceptHidden(*touched.begin()));
        if (edit == u"split"_s) {
            const graph::NodeIndex split = doc.findConcept(splitAlias);
            QVERIFY(split >= 0);
            QVERIFY(g.node(split).info.id != *touched.begin());
        }
        // Nothing else moved; the note is where it was.
        int kept = 0;
        for (const auto &[id, position] : after) {
            const auto was = before.find(id);
            if (touched.contains(id) || was == before.end())
                continue;
            QCOMPARE(position.x, was->second.x);
            QCOMPARE(position.y, was->second.y);
            ++kept;
        }
        QVERIFY(kept > doc.nodeCount() / 2);
        QCOMPARE(doc.conceptNote(noted), u"Keep this."_s);
        const QByteArray incremental = window.json();

        // A full rebuild of the same project, reading and analysing every
        // document (no cache), gives the same map.
        AppSettings().setAnalysisCacheEnabled(false);
        const std::uint64_t full = extract::analyseDocumentCalls();
        QVERIFY(window.waitForBuild([&] { window.session.rebuild(); }));
        QVERIFY(!window.session.lastBuildStats().reassembled);
        QCOMPARE(window.session.lastBuildStats().documentsAnalysed, m_documents);
        QCOMPARE(extract::analyseDocumentCalls(), full + std::uint64_t(m_documents));
        QCOMPARE(window.json(), incremental);
        QCOMPARE(doc.conceptNote(noted), u"Keep this."_s);
    }
};

QTEST_MAIN(IncrementalSessionTest)
#include "incrementalsession_test.moc"
