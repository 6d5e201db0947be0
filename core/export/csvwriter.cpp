#include "csvwriter.h"

#include "exportfileset.h"
#include "exportnotes.h"
#include "sanitize.h"

#include <QDir>
#include <QLocale>

namespace carto::exporter {

namespace {

QString number(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// A cell is either text (from the corpus, the curation or the user: neutralised)
// or a number we formatted ourselves (left as is, so "-3.5" stays a number).
struct Cell
{
    QString value;
    bool text = false;
};

Cell text(const QString &value)
{
    return {value, true};
}

Cell num(const QString &value)
{
    return {value, false};
}

void row(QString &out, std::initializer_list<Cell> cells)
{
    bool first = true;
    for (const Cell &cell : cells) {
        if (!first)
            out += u',';
        first = false;
        out += cell.text ? CsvWriter::textField(cell.value) : CsvWriter::field(cell.value);
    }
    out += QStringLiteral("\r\n");
}

} // namespace

QString CsvWriter::field(const QString &value)
{
    const bool quote = value.contains(u',') || value.contains(u'"') || value.contains(u'\n') || value.contains(u'\r');
    if (!quote)
        return value;
    QString escaped = value;
    escaped.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + escaped + u'"';
}

QString CsvWriter::textField(const QString &value)
{
    return field(sanitize::csvText(value));
}

QByteArray CsvWriter::nodesCsv(const project::BuildResult &build, const project::Project *project)
{
    QString out;
    row(out, {num(QStringLiteral("Id")), num(QStringLiteral("Label")), num(QStringLiteral("concept_type")),
              num(QStringLiteral("score")), num(QStringLiteral("community")), num(QStringLiteral("degree")),
              num(QStringLiteral("betweenness")), num(QStringLiteral("pagerank")), num(QStringLiteral("x")),
              num(QStringLiteral("y")), num(QStringLiteral("aliases")), num(QStringLiteral("mentions")),
              num(QStringLiteral("note"))});
    const graph::ConceptGraph &g = build.graph;
    const ExportNotes notes(g, project);
    for (graph::NodeIndex i = 0; i < g.nodeCount(); ++i) {
        const graph::NodeData &node = g.node(i);
        const extract::Concept &info = node.info;
        row(out, {text(info.id.value()), text(info.label), text(extract::conceptTypeName(info.type)),
                  num(number(info.score)), num(QString::number(node.community)), num(QString::number(node.degree)),
                  num(number(node.betweenness)), num(number(node.pageRank)), num(number(node.position.x)),
                  num(number(node.position.y)), text(info.aliases.join(QStringLiteral("; "))),
                  num(QString::number(info.mentions.size())), text(notes.conceptNote(i))});
    }
    return out.toUtf8();
}

QByteArray CsvWriter::edgesCsv(const project::BuildResult &build, const project::Project *project)
{
    QString out;
    row(out, {num(QStringLiteral("Source")), num(QStringLiteral("Target")), num(QStringLiteral("Type")),
              num(QStringLiteral("Weight")), num(QStringLiteral("Id")), num(QStringLiteral("Label")),
              num(QStringLiteral("count")), num(QStringLiteral("evidence_count")), num(QStringLiteral("note"))});
    const graph::ConceptGraph &g = build.graph;
    const ExportNotes notes(g, project);
    for (graph::EdgeIndex e = 0; e < g.edgeCount(); ++e) {
        const graph::EdgeData &edge = g.edge(e);
        const extract::Relation &r = edge.relation;
        row(out, {text(g.node(edge.source).info.id.value()), text(g.node(edge.target).info.id.value()),
                  num(QStringLiteral("Undirected")), num(number(r.weight)), num(QStringLiteral("e%1").arg(e)),
                  text(r.label), num(QString::number(r.count)), num(QString::number(r.evidence.size())),
                  text(notes.linkNote(e))});
    }
    return out.toUtf8();
}

bool CsvWriter::write(const project::BuildResult &build, const QString &folder, QString *error,
                      const project::Project *project)
{
    if (!QDir().mkpath(folder)) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(QDir::toNativeSeparators(folder));
        return false;
    }
    ExportFileSet files(folder);
    return files.add(QStringLiteral("nodes.csv"), nodesCsv(build, project), error)
        && files.add(QStringLiteral("edges.csv"), edgesCsv(build, project), error) && files.commit(error);
}

} // namespace carto::exporter
