#pragma once
// Shared by the export tests (core and app): the map every writer is checked
// against (the bundled sample corpus), the user notes and hostile labels put on
// it, and the schema validators strict consumers use. Validators are looked up
// when a test runs and a missing one fails the test: CI always has them
// (packaging/bootstrap.sh installs them), and a skipped check would pass silently.
#include "extract/curation.h"
#include "project/build.h"
#include "project/project.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QTest>

#include <optional>
#include <vector>

namespace carto::exporter::testsupport {

// Builds the sample corpus with default options into `build`. Fails the
// calling test (call it last in initTestCase) when the build fails or the map
// has too few links for a writer to be exercised.
inline void buildSampleMap(std::optional<project::BuildResult> &build)
{
    QString error;
    build = project::buildCorpus(QStringLiteral(CARTO_SAMPLES_DIR), {}, &error);
    QVERIFY2(build, qPrintable(error));
    QVERIFY(build->graph.edgeCount() > 5);
}

inline QString sharedPath(const QString &relative)
{
    return QDir(QStringLiteral(CARTO_SHARED_DIR)).filePath(relative);
}

// The labels of the shared export-injection reproducer (formulas, newlines,
// markup, control characters, reserved names), in file order.
inline QStringList hostileLabels()
{
    std::vector<Problem> problems;
    const QString path = sharedPath(QStringLiteral("hostile/export-injection.cartograph.yaml"));
    const extract::Curation curation = extract::readCurationFile(path, problems);
    QStringList labels;
    for (const auto &[from, to] : curation.renames)
        labels << to;
    return labels;
}

// A copy of build whose first nodes carry the hostile labels (also as an alias
// and, for the first link, as its label): every writer meets every label.
inline project::BuildResult withHostileLabels(const project::BuildResult &build, const QStringList &labels)
{
    project::BuildResult hostile = build;
    for (qsizetype i = 0; i < labels.size() && i < hostile.graph.nodeCount(); ++i) {
        hostile.graph.node(int(i)).info.label = labels[i];
        hostile.graph.node(int(i)).info.aliases.append(labels[i]);
    }
    if (!labels.isEmpty() && hostile.graph.edgeCount() > 0)
        const_cast<extract::Relation &>(hostile.graph.edge(0).relation).label = labels.front();
    return hostile;
}

// A project with one note on the best concept and one on the first link,
// each with a marker a test can look for, plus an orphaned concept note.
struct SampleNotes
{
    project::Project project;
    QString conceptNote = QStringLiteral("Concept note: check the 1998 figures.\nSecond line, \"quoted\".");
    QString linkNote = QStringLiteral("Link note: these two appear together in the budget.");
    QString orphanNote = QStringLiteral("Orphan note: its concept left the corpus.");
};

inline SampleNotes sampleNotes(const project::BuildResult &build)
{
    SampleNotes notes;
    const graph::ConceptGraph &g = build.graph;
    notes.project.conceptNotes.push_back({g.node(0).info.id, g.node(0).info.label, notes.conceptNote});
    notes.project.conceptNotes.push_back(
        {ConceptId(QStringLiteral("no such concept")), QStringLiteral("No Such Concept"), notes.orphanNote});
    const graph::EdgeData &edge = g.edge(0);
    // Reversed on purpose: links are undirected, so the note still belongs to edge 0.
    notes.project.linkNotes.push_back({g.node(edge.target).info.id, g.node(edge.source).info.id, notes.linkNote});
    return notes;
}

struct ValidatorRun
{
    bool started = false;
    int exitCode = -1;
    QString output;
};

// Runs a validator and collects what it says. Fails the calling test when the
// program is missing (check with QTest::currentTestFailed()).
inline ValidatorRun runValidator(const QString &program, const QStringList &arguments)
{
    ValidatorRun run;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    run.started = process.waitForStarted(10000);
    if (!run.started)
        return run;
    process.waitForFinished(120000);
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.output = QString::fromUtf8(process.readAll());
    return run;
}

inline QString findTool(const QString &name, const QString &package)
{
    // Debian's own copy first (the one bootstrap.sh installs), then PATH.
    QString path = QStandardPaths::findExecutable(name, {QStringLiteral("/usr/bin")});
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        qWarning("%s not found: install the Debian package %s (packaging/bootstrap.sh deps)", qPrintable(name),
                 qPrintable(package));
    return path;
}

// True when file validates against the schema with xmllint (libxml2-utils);
// `kind` is "--schema" (XSD) or "--relaxng". *message holds what xmllint said.
inline bool xmllintValidates(const QString &kind, const QString &schema, const QString &file, QString *message)
{
    const QString xmllint = findTool(QStringLiteral("xmllint"), QStringLiteral("libxml2-utils"));
    if (xmllint.isEmpty()) {
        *message = QStringLiteral("xmllint is missing");
        return false;
    }
    const ValidatorRun run = runValidator(xmllint, {QStringLiteral("--noout"), QStringLiteral("--nonet"), kind,
                                                    schema, file});
    *message = run.output.left(4000);
    return run.started && run.exitCode == 0;
}

inline bool graphMlValidates(const QString &file, QString *message)
{
    return xmllintValidates(QStringLiteral("--schema"), sharedPath(QStringLiteral("schemas/graphml/graphml.xsd")),
                            file, message);
}

// GEXF 1.3's normative schema is the RELAX NG one (its gexf.xsd rejects viz:).
inline bool gexfValidates(const QString &file, QString *message)
{
    return xmllintValidates(QStringLiteral("--relaxng"), sharedPath(QStringLiteral("schemas/gexf13/gexf.rng")),
                            file, message);
}

// JSON Graph Format v2 with Debian's python3-jsonschema (draft 7, as the schema says).
inline bool jgfValidates(const QString &file, QString *message)
{
    const QString python = findTool(QStringLiteral("python3"), QStringLiteral("python3-jsonschema"));
    if (python.isEmpty()) {
        *message = QStringLiteral("python3 is missing");
        return false;
    }
    static const QString script = QStringLiteral(
        "import json, sys, jsonschema\n"
        "schema = json.load(open(sys.argv[1], encoding='utf-8'))\n"
        "data = json.load(open(sys.argv[2], encoding='utf-8'))\n"
        "errors = list(jsonschema.Draft7Validator(schema).iter_errors(data))\n"
        "for e in errors[:5]:\n"
        "    print(list(e.absolute_path), e.message[:300])\n"
        "sys.exit(1 if errors else 0)\n");
    const ValidatorRun run = runValidator(
        python, {QStringLiteral("-c"), script, sharedPath(QStringLiteral("schemas/jgf/v2.json")), file});
    *message = run.output.left(4000);
    return run.started && run.exitCode == 0;
}

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace carto::exporter::testsupport
