// incremental_bench: what an incremental build costs, side by side on one
// corpus (SOTU by default): a cold build, a warm one (every analysis from the
// analysis cache), one after a document changed, and a curation edit that
// assembles again from what the last build kept in memory (rename, merge,
// hide, type): side by side, the whole corpus half from kept analyses (the
// path before the concept draft) and the kept concept draft (curation,
// relations, graph, metrics, layout only). First through core
// (project::buildProject / assembleProject with the app's options), then
// through the app's own path (ProjectSession and ProjectDocument, no window):
// from the call to the landed build on the GUI thread. Best of --rounds N
// (default 3) by wall time; CPU is the process's.
//
//   incremental_bench [FOLDER] [--rounds N] [--repeat-edit rename|merge|hide|type N]
#include "appsettings.h"
#include "document/projectdocument.h"
#include "document/projectsession.h"
#include "extract/analysiscount.h"
#include "project/build.h"
#include "project/metricsmemo.h"
#include "project/projectanalyses.h"

#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

#include <cstdio>
#include <functional>

using namespace carto;

namespace {

double processCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

struct Sample
{
    double wall = 0;
    double cpu = 0;
    std::uint64_t analyses = 0; // analyseDocument calls
    std::uint64_t drafts = 0;   // concept drafts made (vocabulary .. concepts)
};

// prepare() untimed before each round, then step() timed; the fastest round.
Sample best(int rounds, const std::function<void(int)> &prepare, const std::function<void()> &step)
{
    Sample out;
    for (int round = 0; round < rounds; ++round) {
        prepare(round);
        const std::uint64_t calls = extract::analyseDocumentCalls();
        const std::uint64_t drafts = extract::conceptDraftCalls();
        const double cpu = processCpuMs();
        QElapsedTimer timer;
        timer.start();
        step();
        const Sample s{double(timer.nsecsElapsed()) / 1e6, processCpuMs() - cpu, extract::analyseDocumentCalls() - calls,
                       extract::conceptDraftCalls() - drafts};
        if (round == 0 || s.wall < out.wall)
            out = s;
    }
    return out;
}

void print(const char *label, const Sample &s)
{
    std::printf("%-44s %8.0f ms wall %8.0f ms CPU %5llu documents analysed %2llu drafts\n", label, s.wall, s.cpu,
                static_cast<unsigned long long>(s.analyses), static_cast<unsigned long long>(s.drafts));
    std::fflush(stdout);
}

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = QDir(to).filePath(QDir(from).relativeFilePath(file));
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(file, target))
            return false;
    }
    return true;
}

void appendTo(const QString &path, int round)
{
    QFile file(path);
    if (file.open(QIODevice::Append))
        file.write(QStringLiteral("\nA sentence added in round %1 of the incremental benchmark about the Cache Act.\n")
                       .arg(round).toUtf8());
}

// The four edits the issue names, on the concepts ranked 1..4 by score.
using Edit = std::function<void(extract::Curation &, const graph::ConceptGraph &, const std::vector<graph::NodeIndex> &)>;
const std::vector<std::pair<const char *, Edit>> &edits()
{
    static const std::vector<std::pair<const char *, Edit>> list = {
        {"rename", [](extract::Curation &c, const graph::ConceptGraph &g, const std::vector<graph::NodeIndex> &r) {
             c.renames[g.node(r[1]).info.label] = QStringLiteral("Renamed Concept");
         }},
        {"merge", [](extract::Curation &c, const graph::ConceptGraph &g, const std::vector<graph::NodeIndex> &r) {
             c.merges.push_back({g.node(r[2]).info.label, {g.node(r[3]).info.label}});
         }},
        {"hide", [](extract::Curation &c, const graph::ConceptGraph &g, const std::vector<graph::NodeIndex> &r) {
             c.ignored.append(g.node(r[4]).info.label);
         }},
        {"type", [](extract::Curation &c, const graph::ConceptGraph &g, const std::vector<graph::NodeIndex> &r) {
             c.typeOverrides[g.node(r[1]).info.label] = extract::ConceptType::Technology;
         }},
    };
    return list;
}

std::vector<graph::NodeIndex> byScore(const graph::ConceptGraph &g)
{
    std::vector<graph::NodeIndex> out(size_t(g.nodeCount()));
    for (int v = 0; v < g.nodeCount(); ++v)
        out[size_t(v)] = v;
    std::sort(out.begin(), out.end(), [&](int a, int b) { return g.node(a).info.score > g.node(b).info.score; });
    return out;
}

// Where an assembly's time goes: wall time between the pipeline's progress
// milestones (extraction reports 1..4 of 4: tokens and vocabulary, tags and
// candidates, concepts, curation and relations; Linking 0/1 after the graph
// is made, 1/1 after its metrics and communities; then the layout's own
// steps), and to the end.
class StageClock final : public ProgressSink
{
public:
    StageClock() { m_timer.start(); }
    void report(const QString &stage, qint64 done, qint64 total) override
    {
        const QString key = QStringLiteral("%1 %2/%3").arg(stage).arg(done).arg(total);
        if (key == m_key || (stage == m_stage && stage == QStringLiteral("Layout")))
            return;
        lap(key);
        m_stage = stage;
    }
    void print(const char *label)
    {
        lap(QStringLiteral("the end"));
        std::printf("  %s, wall ms up to each milestone: %s\n", label, qPrintable(m_lines.join(QStringLiteral(", "))));
    }

private:
    void lap(const QString &key)
    {
        const double now = double(m_timer.nsecsElapsed()) / 1e6;
        m_lines.append(QStringLiteral("%1 to %2").arg(now - m_last, 0, 'f', 0).arg(key));
        m_last = now;
        m_key = key;
    }

    QElapsedTimer m_timer;
    double m_last = 0;
    QString m_key;
    QString m_stage;
    QStringList m_lines;
};

size_t analysisBytes(const project::ProjectAnalyses &a)
{
    size_t bytes = 0;
    for (const extract::DocumentAnalysis &d : a.analyses)
        bytes += d.tokens.size() * sizeof(extract::Token) + d.sentences.size() * sizeof(extract::UnitSentence) + d.tags.size();
    if (a.draft) {
        for (const extract::DocumentTokens &d : a.draft->documents)
            bytes += d.tokens.size() * sizeof(extract::Token) + d.sentences.size() * sizeof(extract::Sentence) + d.tags.size();
        for (const extract::Concept &c : a.draft->concepts)
            bytes += sizeof(c) + c.mentions.size() * sizeof(extract::Mention) + c.documentScores.size() * sizeof(extract::DocumentScore);
    }
    return bytes;
}

// `kept` with memos of its own, empty: an edit's first assembly, not one the
// relation and metric memos remember from an earlier round.
std::shared_ptr<const project::ProjectAnalyses> forgetful(const project::ProjectAnalyses &kept)
{
    auto copy = std::make_shared<project::ProjectAnalyses>(kept);
    copy->metrics = std::make_shared<project::MetricsMemo>();
    if (kept.draft) {
        auto draft = std::make_shared<extract::ConceptDraft>(*kept.draft);
        draft->relations = std::make_shared<extract::RelationMemo>();
        copy->draft = std::move(draft);
    }
    return copy;
}

// One edit assembled both ways, best of `rounds` each, on one line. Each
// round starts from the map before the edit, assembled (untimed) from fresh
// memos: the state the app is in when the user makes this edit first.
void compareEdit(const char *name, int rounds,
                 const std::function<void(const std::shared_ptr<const project::ProjectAnalyses> &, bool)> &assemble,
                 const project::ProjectAnalyses &before, const project::ProjectAnalyses &after)
{
    std::shared_ptr<const project::ProjectAnalyses> kept;
    const auto from = [&](const project::ProjectAnalyses &analyses) {
        return [&](int) {
            kept = forgetful(analyses);
            assemble(kept, false);
        };
    };
    const Sample old = best(rounds, from(before), [&] { assemble(kept, true); });
    const Sample now = best(rounds, from(after), [&] { assemble(kept, true); });
    std::printf("curation edit %-8s before %6.0f ms wall %6.0f ms CPU %2llu drafts | draft %5.0f ms wall %5.0f ms CPU "
                "%2llu drafts %3llu analysed\n",
                name, old.wall, old.cpu, static_cast<unsigned long long>(old.drafts), now.wall, now.cpu,
                static_cast<unsigned long long>(now.drafts), static_cast<unsigned long long>(now.analyses + old.analyses));
    std::fflush(stdout);
}

// The four edits on the map `last` built, each both ways side by side.
void editSection(project::Project project, const project::BuildResult &last, const project::BuildOptions &cached,
                 const project::BuildOptions &cold, int rounds)
{
    const auto noop = [](int) {};
    std::printf("kept in memory: %.1f MB (draft tokens, sentences, tags, concepts)\n", double(analysisBytes(*last.analyses)) / 1e6);
    // The app passes the map's positions in: every concept keeps its place.
    project::storeLayout(project, last.graph);
    const std::vector<graph::NodeIndex> ranked = byScore(last.graph);
    const std::shared_ptr<const project::ProjectAnalyses> analyses = last.analyses;
    // What a curation edit cost before: a whole build with no cache (the
    // positions known, so no layout), as buildProject after the edit.
    {
        project::Project edited = project;
        edits().front().second(edited.curation, last.graph, ranked);
        project::BuildOptions before = cold;
        before.keepAnalyses = false;
        print("curation edit as a full rebuild: rename", best(rounds, noop, [&] {
                  QString error;
                  if (!project::buildProject(edited, before, &error))
                      std::fprintf(stderr, "build failed: %s\n", qPrintable(error));
              }));
    }
    // The kept analyses without a draft, as builds kept them before: assembleProject
    // runs the whole corpus half from them.
    QString error;
    std::optional<project::ProjectAnalyses> read = project::analyseProject(project, cached, &error);
    if (!read) {
        std::fprintf(stderr, "analysis failed: %s\n", qPrintable(error));
        return;
    }
    const project::ProjectAnalyses &undrafted = *read;
    std::printf("-- curation edit, edit to built result (assembleProject): before = from kept analyses, "
                "draft = from the kept concept draft\n");
    for (const auto &[name, edit] : edits()) {
        project::Project edited = project;
        edit(edited.curation, last.graph, ranked);
        compareEdit(name, rounds, [&](const std::shared_ptr<const project::ProjectAnalyses> &kept, bool afterEdit) {
            QString failure;
            if (!project::assembleProject(kept, afterEdit ? edited : project, cold, &failure))
                std::fprintf(stderr, "assembly failed: %s\n", qPrintable(failure));
        }, undrafted, *analyses);
    }
    for (const auto &[name, edit] : edits()) {
        project::Project edited = project;
        edit(edited.curation, last.graph, ranked);
        const std::shared_ptr<const project::ProjectAnalyses> kept = forgetful(*analyses);
        (void)project::assembleProject(kept, project, cold, &error); // the map before the edit
        StageClock clock;
        (void)project::assembleProject(kept, edited, cold, &error, &clock);
        clock.print(name);
        // Undo: the map before the edit again, which the memos remember.
        const Sample undo = best(1, [](int) {}, [&] { (void)project::assembleProject(kept, project, cold, &error); });
        std::printf("  %s undone: %.0f ms wall, %.0f ms CPU\n", name, undo.wall, undo.cpu);
    }
}

void coreSection(const QString &corpus, const QString &cache, int rounds)
{
    project::Project project;
    project.corpusFolders = {corpus};
    project::BuildOptions cold;
    cold.keepAnalyses = true;
    cold.holdSavedPositions = true;
    project::BuildOptions cached = cold;
    cached.analysisCache = cache;
    const QString changed = QDir(corpus).filePath(QDir(corpus).entryList(QDir::Files).value(99));
    const auto noop = [](int) {};
    const auto emptyCache = [&](int) {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(cache + suffix);
    };
    std::optional<project::BuildResult> last;
    const auto build = [&](const project::BuildOptions &options) {
        return [&, options] {
            QString error;
            last = project::buildProject(project, options, &error);
            if (!last)
                std::fprintf(stderr, "build failed: %s\n", qPrintable(error));
        };
    };
    std::printf("-- core: project::buildProject / assembleProject (the app's options, layout included)\n");
    print("cold, no cache", best(rounds, noop, build(cold)));
    print("cold, filling the cache", best(rounds, emptyCache, build(cached)));
    print("warm: every analysis from the cache", best(rounds, noop, build(cached)));
    print("one document changed", best(rounds, [&](int round) { appendTo(changed, round); }, build(cached)));
    if (!last)
        return;
    editSection(project, *last, cached, cold, rounds);
}

// --repeat-edit NAME N: the draft path of one edit N times, each from fresh
// memos after the map before it, for a profiler (perf record) to see nothing else.
int repeatEdit(const QString &corpus, const QString &name, int times)
{
    project::Project project;
    project.corpusFolders = {corpus};
    project::BuildOptions options;
    options.keepAnalyses = true;
    options.holdSavedPositions = true;
    QString error;
    const std::optional<project::BuildResult> built = project::buildProject(project, options, &error);
    if (!built) {
        std::fprintf(stderr, "build failed: %s\n", qPrintable(error));
        return 1;
    }
    project::storeLayout(project, built->graph);
    const auto edit = std::find_if(edits().begin(), edits().end(), [&](const auto &e) { return name == QLatin1String(e.first); });
    if (edit == edits().end()) {
        std::fprintf(stderr, "no edit named %s\n", qPrintable(name));
        return 1;
    }
    project::Project edited = project;
    edit->second(edited.curation, built->graph, byScore(built->graph));
    for (int i = 0; i < times; ++i) {
        // fresh memos each time: the edit made first, as the app meets it
        const std::shared_ptr<const project::ProjectAnalyses> kept = forgetful(*built->analyses);
        (void)project::assembleProject(kept, project, options, &error);
        StageClock clock;
        (void)project::assembleProject(kept, edited, options, &error, &clock);
        clock.print(edit->first);
    }
    return 0;
}

struct Window
{
    app::ProjectDocument document;
    app::ProjectSession session{&document};
    Window()
    {
        session.setPrompt([](const QString &, const QString &, QMessageBox::StandardButtons) { return QMessageBox::No; });
    }
    // Wall time from start() to the landed build (buildFinished).
    Sample waitFor(const std::function<void()> &start)
    {
        QSignalSpy finished(&session, &app::ProjectSession::buildFinished);
        const std::uint64_t calls = extract::analyseDocumentCalls();
        const double cpu = processCpuMs();
        QElapsedTimer timer;
        timer.start();
        start();
        if (!QTest::qWaitFor([&] { return !finished.isEmpty(); }, 600000))
            std::fprintf(stderr, "no build landed\n");
        return {double(timer.nsecsElapsed()) / 1e6, processCpuMs() - cpu, extract::analyseDocumentCalls() - calls};
    }
};

void appSection(const QString &corpus, int rounds)
{
    std::printf("-- app: ProjectSession and ProjectDocument, call to landed build (GUI thread)\n");
    Sample open;
    for (int round = 0; round < rounds; ++round) { // the cache is warm from the core section
        Window window;
        const Sample s = window.waitFor([&] { window.session.openFolder(corpus); });
        if (round == 0 || s.wall < open.wall)
            open = s;
        window.session.close();
    }
    print("open the folder again (warm cache)", open);
    Window window;
    window.waitFor([&] { window.session.openFolder(corpus); });
    app::ProjectDocument &doc = window.document;
    const auto rank = [&](int r) { return doc.nodesByScore().at(size_t(r)); };
    // Each round edits other concepts, so no round finds the one before it in
    // the memos (which remember the map before the edit and after it).
    const std::vector<std::pair<const char *, std::function<void(int)>>> steps = {
        {"rename", [&](int r) { doc.renameConcept(rank(1 + r), QStringLiteral("Renamed Concept")); }},
        {"merge", [&](int r) { doc.mergeConcepts(rank(3 + 2 * r), rank(2 + 2 * r)); }},
        {"hide", [&](int r) { doc.hideConcepts({rank(4 + r)}); }},
        {"type", [&](int r) {
             const bool technology = doc.graph().node(rank(1 + r)).info.type == extract::ConceptType::Technology;
             doc.setConceptType(rank(1 + r), technology ? extract::ConceptType::Event : extract::ConceptType::Technology);
         }},
    };
    for (const auto &[name, step] : steps) {
        Sample fastest;
        Sample undo;
        for (int round = 0; round < rounds; ++round) {
            const Sample s = window.waitFor([&, step = step] { step(round); });
            if (round == 0 || s.wall < fastest.wall)
                fastest = s;
            const Sample u = window.waitFor([&] { doc.undo(); });
            if (round == 0 || u.wall < undo.wall)
                undo = u;
        }
        print(qPrintable(QStringLiteral("curation edit to landed build: %1").arg(QLatin1String(name))), fastest);
        print(qPrintable(QStringLiteral("  and its undo: %1").arg(QLatin1String(name))), undo);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CartographIncrementalBench"));
    QStringList args = QCoreApplication::arguments().mid(1);
    int rounds = 3;
    if (const qsizetype i = args.indexOf(QStringLiteral("--rounds")); i >= 0 && i + 1 < args.size()) {
        rounds = std::max(1, args[i + 1].toInt());
        args.remove(i, 2);
    }
    int repeat = 0;
    QString repeated;
    if (const qsizetype i = args.indexOf(QStringLiteral("--repeat-edit")); i >= 0 && i + 2 < args.size()) {
        repeated = args[i + 1];
        repeat = std::max(1, args[i + 2].toInt());
        args.remove(i, 3);
    }
    const QString source = args.isEmpty() ? QStringLiteral(CARTO_SHARED_DIR "/corpora/sotu") : args.front();
    if (repeat > 0)
        return repeatEdit(source, repeated, repeat);
    QTemporaryDir work;
    const QString corpus = work.filePath(QStringLiteral("corpus"));
    if (!work.isValid() || !copyTree(source, corpus)) {
        std::fprintf(stderr, "cannot copy %s\n", qPrintable(source));
        return 1;
    }
    const QString cache = work.filePath(QStringLiteral("analyses.sqlite"));
    app::AppSettings settings;
    settings.setAnalysisCacheEnabled(true);
    settings.setAnalysisCachePath(cache);
    std::printf("== incremental builds: %s (%lld files), best of %d\n", qPrintable(QDir(source).dirName()),
                static_cast<long long>(QDir(corpus).entryList(QDir::Files).size()), rounds);
    coreSection(corpus, cache, rounds);
    appSection(corpus, rounds);
    settings.setAnalysisCachePath(QString());
    return 0;
}
