// Building a project: notes and curation survive rebuilds, saved positions
// bring the map back where it was, several folders make one corpus.
#include "project/build.h"
#include "project/projectfile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace carto;
using project::Project;

class BuildProjectTest final : public QObject
{
    Q_OBJECT

private:
    static QString seeds() { return QStringLiteral(CARTO_SHARED_DIR "/seeds"); }

    static project::BuildOptions fastOptions()
    {
        project::BuildOptions options;
        options.layout.threads = 1;
        return options;
    }

    // Copies the seed documents into folder (optionally only some of them).
    static bool copySeeds(const QString &folder, int from = 0, int to = 1000)
    {
        const QStringList files = QDir(seeds()).entryList(QDir::Files, QDir::Name);
        if (!QDir().mkpath(folder))
            return false;
        for (int i = from; i < to && i < files.size(); ++i) {
            if (!QFile::copy(QDir(seeds()).filePath(files[i]), QDir(folder).filePath(files[i])))
                return false;
        }
        return true;
    }

    static std::optional<project::BuildResult> build(const Project &p)
    {
        QString error;
        auto result = project::buildProject(p, fastOptions(), &error);
        if (!result)
            qWarning("%s", qPrintable(error));
        return result;
    }

    // The starting point of most tests here: a fresh copy of all seeds, a
    // project over it and that project's first build.
    struct SeededProject
    {
        QTemporaryDir dir;
        Project project;
        std::optional<project::BuildResult> first;
    };

    static bool buildSeeded(SeededProject &s)
    {
        const QString corpus = s.dir.filePath(QStringLiteral("corpus"));
        if (!copySeeds(corpus)) {
            qWarning("could not copy the seeds into %s", qPrintable(corpus));
            return false;
        }
        s.project.corpusFolders = {corpus};
        s.first = build(s.project);
        return s.first.has_value();
    }

    // The concept mentioned in the most documents, and one mentioned only in
    // the document at `path`.
    static graph::NodeIndex widest(const graph::ConceptGraph &g)
    {
        graph::NodeIndex best = 0;
        for (graph::NodeIndex i = 1; i < g.nodeCount(); ++i) {
            if (g.node(i).info.documentCount > g.node(best).info.documentCount)
                best = i;
        }
        return best;
    }

    static std::optional<graph::NodeIndex> onlyIn(const project::BuildResult &b, DocumentId doc)
    {
        for (graph::NodeIndex i = 0; i < b.graph.nodeCount(); ++i) {
            const extract::Concept &c = b.graph.node(i).info;
            bool all = !c.mentions.empty();
            for (const extract::Mention &m : c.mentions)
                all = all && m.span.document == doc;
            if (all && c.mentions.size() >= 2)
                return i;
        }
        return std::nullopt;
    }

    // Cancels the token when the build reports the named stage, and records
    // every stage reported after that (there must be none).
    class CancelAtStage final : public ProgressSink
    {
    public:
        CancelAtStage(QString stage, CancelToken &token) : m_stage(std::move(stage)), m_token(token) { }
        void report(const QString &stage, qint64, qint64) override
        {
            if (m_token.isCancelled() && stage != m_stage)
                later.append(stage);
            if (stage == m_stage)
                m_token.cancel();
        }
        QStringList later;

    private:
        QString m_stage;
        CancelToken &m_token;
    };

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QDir(seeds()).exists(), "shared seeds missing"); }

    void build_cancelledAtAStage_returnsWithoutRunningTheNext_data()
    {
        QTest::addColumn<QString>("stage");
        QTest::newRow("linking") << QStringLiteral("Linking");
        QTest::newRow("layout") << QStringLiteral("Layout");
    }

    void build_cancelledAtAStage_returnsWithoutRunningTheNext()
    {
        QFETCH(QString, stage);
        Project p;
        p.corpusFolders = {seeds()};
        CancelToken token;
        CancelAtStage progress(stage, token);
        QString error;
        QVERIFY(!project::buildProject(p, fastOptions(), &error, &progress, &token));
        QCOMPARE(error, QStringLiteral("cancelled"));
        QVERIFY(token.isCancelled());
        QVERIFY2(progress.later.isEmpty(), qPrintable(progress.later.join(u", ")));
    }

    void note_survivesEditOfADocument_andBecomesOrphanWhenItsOnlyDocumentIsDeleted()
    {
        SeededProject seeded;
        QVERIFY(buildSeeded(seeded));
        Project &p = seeded.project;
        const auto &first = seeded.first;
        const graph::NodeData &wide = first->graph.node(widest(first->graph));
        QVERIFY(wide.info.documentCount >= 2);
        const auto single = onlyIn(*first, DocumentId(0));
        QVERIFY2(single, "no concept mentioned only in the first document");
        const graph::NodeData &lonely = first->graph.node(*single);
        p.conceptNotes.push_back({wide.info.id, wide.info.label, QStringLiteral("kept across edits")});
        p.conceptNotes.push_back({lonely.info.id, lonely.info.label, QStringLiteral("about to lose its document")});
        QVERIFY(project::orphanedConceptNotes(p, first->graph).empty());

        // Edit a document the wide concept is not only in: append a paragraph.
        const QString firstDoc = first->corpus.documents.front().absolutePath;
        const QString secondDoc = first->corpus.documents.at(1).absolutePath;
        {
            QFile f(secondDoc);
            QVERIFY(f.open(QIODevice::Append));
            f.write("\n\nA new paragraph about orchards, beekeepers and their hives was added later.\n");
        }
        auto edited = build(p);
        QVERIFY(edited);
        QVERIFY(edited->graph.find(wide.info.id));
        QVERIFY(edited->graph.find(lonely.info.id));
        QVERIFY(project::orphanedConceptNotes(p, edited->graph).empty());

        // Delete the only document that mentions the lonely concept.
        QVERIFY(QFile::remove(firstDoc));
        auto deleted = build(p);
        QVERIFY(deleted);
        QVERIFY(deleted->graph.find(wide.info.id));
        QVERIFY(!deleted->graph.find(lonely.info.id));
        const auto orphans = project::orphanedConceptNotes(p, deleted->graph);
        QCOMPARE(orphans.size(), size_t(1));
        QCOMPARE(orphans.front().index, size_t(1));
        // Reported, never dropped: the note is still in the project and saves.
        QCOMPARE(p.conceptNotes.size(), size_t(2));
        QCOMPARE(p.conceptNotes[1].markdown, QStringLiteral("about to lose its document"));
    }

    void merge_inProjectCuration_survivesRebuildWithBothAliases()
    {
        SeededProject seeded;
        QVERIFY(buildSeeded(seeded));
        Project &p = seeded.project;
        const auto &first = seeded.first;
        QVERIFY(first->graph.nodeCount() > 4);
        const extract::Concept into = first->graph.node(0).info;
        const extract::Concept from = first->graph.node(3).info;
        p.curation.merges.push_back({into.label, {from.label}});

        // Through the file, as the app would do between sessions.
        const QString path = seeded.dir.filePath(QStringLiteral("map.cartograph.yaml"));
        QString error;
        QVERIFY2(project::ProjectFile::save(p, path, &error), qPrintable(error));
        const auto reopened = project::ProjectFile::load(path, &error);
        QVERIFY2(reopened, qPrintable(error));
        for (int round = 0; round < 2; ++round) {
            auto merged = build(*reopened);
            QVERIFY(merged);
            const auto node = merged->graph.find(into.id);
            QVERIFY(node);
            QVERIFY(!merged->graph.find(from.id));
            const QStringList aliases = merged->graph.node(*node).info.aliases;
            QVERIFY2(aliases.contains(into.label, Qt::CaseInsensitive), qPrintable(aliases.join(u',')));
            QVERIFY2(aliases.contains(from.label, Qt::CaseInsensitive), qPrintable(aliases.join(u',')));
            QCOMPARE(merged->graph.nodeCount(), first->graph.nodeCount() - 1);
        }
    }

    void rename_inProjectCuration_keepsConceptIdStable()
    {
        SeededProject seeded;
        QVERIFY(buildSeeded(seeded));
        Project &p = seeded.project;
        const auto &first = seeded.first;
        const extract::Concept target = first->graph.node(1).info;
        p.conceptNotes.push_back({target.id, target.label, QStringLiteral("note")});
        p.curation.renames[target.label] = QStringLiteral("Renamed By Hand");
        auto renamed = build(p);
        QVERIFY(renamed);
        const auto node = renamed->graph.find(target.id);
        QVERIFY(node);
        QCOMPARE(renamed->graph.node(*node).info.label, QStringLiteral("Renamed By Hand"));
        QVERIFY(project::orphanedConceptNotes(p, renamed->graph).empty());
    }

    void positions_savedForEveryConcept_comeBackExactly()
    {
        SeededProject seeded;
        QVERIFY(buildSeeded(seeded));
        Project &p = seeded.project;
        const auto &first = seeded.first;
        project::storeLayout(p, first->graph);
        QCOMPARE(p.positions.size(), size_t(first->graph.nodeCount()));
        auto again = build(p);
        QVERIFY(again);
        for (graph::NodeIndex i = 0; i < again->graph.nodeCount(); ++i) {
            const graph::NodeData &node = again->graph.node(i);
            QCOMPARE(node.position, p.positions.at(node.info.id));
        }
    }

    void positions_pinnedConceptKeepsItsPlace_whileOthersAreLaidOut()
    {
        SeededProject seeded;
        QVERIFY(buildSeeded(seeded));
        Project &p = seeded.project;
        const auto &first = seeded.first;
        const ConceptId pinned = first->graph.node(0).info.id;
        const graph::Point where{1234.5, -987.25};
        p.positions[pinned] = where;
        p.pinned.insert(pinned);
        auto again = build(p);
        QVERIFY(again);
        const auto node = again->graph.find(pinned);
        QVERIFY(node);
        QCOMPARE(again->graph.node(*node).position, where);
        QVERIFY(again->graph.node(*node).pinned);
        int elsewhere = 0;
        for (graph::NodeIndex i = 0; i < again->graph.nodeCount(); ++i)
            elsewhere += again->graph.node(i).position == where ? 0 : 1;
        QCOMPARE(elsewhere, again->graph.nodeCount() - 1);
    }

    void severalFolders_prefixDocumentPathsAndNumberDocumentsInOrder()
    {
        QTemporaryDir dir;
        QVERIFY(copySeeds(dir.filePath(QStringLiteral("alpha")), 0, 2));
        QVERIFY(copySeeds(dir.filePath(QStringLiteral("beta")), 2, 5));
        Project p;
        p.corpusFolders = {dir.filePath(QStringLiteral("alpha")), dir.filePath(QStringLiteral("beta")),
                           dir.filePath(QStringLiteral("missing"))};
        auto result = build(p);
        QVERIFY(result);
        const auto &docs = result->corpus.documents;
        QCOMPARE(docs.size(), size_t(5));
        for (size_t i = 0; i < docs.size(); ++i) {
            QCOMPARE(docs[i].id.value(), int(i));
            QVERIFY2(docs[i].path.startsWith(i < 2 ? QStringLiteral("alpha/") : QStringLiteral("beta/")),
                     qPrintable(docs[i].path));
        }
        QCOMPARE(QDir::cleanPath(result->corpus.root), QDir::cleanPath(dir.path()));
        // Mentions point into the right document after renumbering.
        for (graph::NodeIndex i = 0; i < result->graph.nodeCount(); ++i) {
            for (const extract::Mention &m : result->graph.node(i).info.mentions) {
                const ingest::Document &d = docs.at(size_t(m.span.document.value()));
                QCOMPARE(m.span.range.slice(d.text).toString(), m.surface);
            }
        }
        // The missing folder is a problem, not a failure.
        bool reported = false;
        for (const Problem &problem : result->problems)
            reported = reported || problem.path.endsWith(QStringLiteral("missing"));
        QVERIFY(reported);
    }

    void noFolder_orNothingReadable_failsWithOneLine()
    {
        QString error;
        QVERIFY(!project::buildProject(Project{}, fastOptions(), &error));
        QVERIFY(!error.isEmpty() && !error.contains(u'\n'));
        Project p;
        p.corpusFolders = {QStringLiteral("/nonexistent/cartograph/folder")};
        error.clear();
        QVERIFY(!project::buildProject(p, fastOptions(), &error));
        QVERIFY(!error.isEmpty() && !error.contains(u'\n'));
    }

    void linkNote_onVanishedLink_isOrphaned()
    {
        SeededProject seeded;
        QVERIFY(buildSeeded(seeded));
        Project &p = seeded.project;
        const auto &first = seeded.first;
        QVERIFY(first->graph.edgeCount() > 0);
        const graph::EdgeData &edge = first->graph.edge(0);
        p.linkNotes.push_back({first->graph.node(edge.source).info.id, first->graph.node(edge.target).info.id,
                               QStringLiteral("real link")});
        p.linkNotes.push_back({first->graph.node(edge.source).info.id, ConceptId(QStringLiteral("no such concept")),
                               QStringLiteral("dangling")});
        const auto orphans = project::orphanedLinkNotes(p, first->graph);
        QCOMPARE(orphans, std::vector<size_t>{1});
    }
};

QTEST_GUILESS_MAIN(BuildProjectTest)

#include "buildproject_test.moc"
