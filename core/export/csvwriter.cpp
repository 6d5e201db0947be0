#include "csvwriter.h"

#include "project/atomicfile.h"

#include <QDir>
#include <QLocale>

namespace carto::exporter {

namespace {

QString number(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

void row(QString &out, const QStringList &fields)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += u',';
        out += CsvWriter::field(fields[i]);
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

QByteArray CsvWriter::nodesCsv(const project::BuildResult &build)
{
    QString out;
    row(out, {QStringLiteral("id"), QStringLiteral("label"), QStringLiteral("type"), QStringLiteral("score"),
              QStringLiteral("community"), QStringLiteral("degree"), QStringLiteral("betweenness"),
              QStringLiteral("pagerank"), QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("aliases"),
              QStringLiteral("mentions")});
    const graph::ConceptGraph &g = build.graph;
    for (graph::NodeIndex i = 0; i < g.nodeCount(); ++i) {
        const graph::NodeData &node = g.node(i);
        const extract::Concept &info = node.info;
        row(out, {info.id.value(), info.label, extract::conceptTypeName(info.type), number(info.score),
                  QString::number(node.community), QString::number(node.degree), number(node.betweenness),
                  number(node.pageRank), number(node.position.x), number(node.position.y),
                  info.aliases.join(QStringLiteral("; ")), QString::number(info.mentions.size())});
    }
    return out.toUtf8();
}

QByteArray CsvWriter::edgesCsv(const project::BuildResult &build)
{
    QString out;
    row(out, {QStringLiteral("source"), QStringLiteral("target"), QStringLiteral("weight"), QStringLiteral("count"),
              QStringLiteral("label"), QStringLiteral("evidence_count")});
    const graph::ConceptGraph &g = build.graph;
    for (graph::EdgeIndex e = 0; e < g.edgeCount(); ++e) {
        const graph::EdgeData &edge = g.edge(e);
        const extract::Relation &r = edge.relation;
        row(out, {g.node(edge.source).info.id.value(), g.node(edge.target).info.id.value(), number(r.weight),
                  QString::number(r.count), r.label, QString::number(r.evidence.size())});
    }
    return out.toUtf8();
}

bool CsvWriter::write(const project::BuildResult &build, const QString &folder, QString *error)
{
    if (!QDir().mkpath(folder)) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(QDir::toNativeSeparators(folder));
        return false;
    }
    const QDir dir(folder);
    return project::writeFileAtomically(dir.filePath(QStringLiteral("nodes.csv")), nodesCsv(build), error)
        && project::writeFileAtomically(dir.filePath(QStringLiteral("edges.csv")), edgesCsv(build), error);
}

} // namespace carto::exporter
