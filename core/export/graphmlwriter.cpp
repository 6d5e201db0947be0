#include "graphmlwriter.h"

#include "exportfileset.h"
#include "exportnotes.h"
#include "sanitize.h"

#include <QLocale>
#include <QXmlStreamWriter>

namespace carto::exporter {

namespace {

struct Key
{
    const char16_t *id;
    const char16_t *domain; // "node", "edge" or "all"
    const char16_t *type;   // GraphML attr.type
};

// Attribute ids double as names so Gephi shows readable columns.
constexpr Key kKeys[] = {
    {u"conceptId", u"node", u"string"},    {u"note", u"all", u"string"},
    {u"label", u"node", u"string"},        {u"type", u"node", u"string"},
    {u"aliases", u"node", u"string"},      {u"score", u"node", u"double"},
    {u"community", u"node", u"int"},       {u"degree", u"node", u"int"},
    {u"weightedDegree", u"node", u"double"}, {u"betweenness", u"node", u"double"},
    {u"pagerank", u"node", u"double"},     {u"mentions", u"node", u"int"},
    {u"documents", u"node", u"int"},       {u"x", u"node", u"double"},
    {u"y", u"node", u"double"},            {u"weight", u"edge", u"double"},
    {u"count", u"edge", u"int"},           {u"relation", u"edge", u"string"},
    {u"evidenceCount", u"edge", u"int"},   {u"evidence", u"edge", u"string"},
    {u"documentDates", u"graph", u"string"}, // one "date path" line per dated document
};

void data(QXmlStreamWriter &xml, const char16_t *key, const QString &value)
{
    xml.writeStartElement(QStringLiteral("data"));
    xml.writeAttribute(QStringLiteral("key"), QString::fromUtf16(key));
    xml.writeCharacters(sanitize::xml(value));
    xml.writeEndElement();
}

// Shortest text that reads back as the same double: a round trip is exact.
QString number(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString nodeId(graph::NodeIndex index)
{
    return QStringLiteral("n%1").arg(index);
}

} // namespace

QByteArray GraphMlWriter::toGraphMl(const project::BuildResult &build, const project::Project *project)
{
    const ExportNotes notes(build.graph, project);
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("graphml"));
    xml.writeDefaultNamespace(QStringLiteral("http://graphml.graphdrawing.org/xmlns"));
    for (const Key &key : kKeys) {
        xml.writeStartElement(QStringLiteral("key"));
        xml.writeAttribute(QStringLiteral("id"), QString::fromUtf16(key.id));
        xml.writeAttribute(QStringLiteral("for"), QString::fromUtf16(key.domain));
        xml.writeAttribute(QStringLiteral("attr.name"), QString::fromUtf16(key.id));
        xml.writeAttribute(QStringLiteral("attr.type"), QString::fromUtf16(key.type));
        xml.writeEndElement();
    }

    const graph::ConceptGraph &g = build.graph;
    xml.writeStartElement(QStringLiteral("graph"));
    xml.writeAttribute(QStringLiteral("id"), QStringLiteral("concepts"));
    xml.writeAttribute(QStringLiteral("edgedefault"), QStringLiteral("undirected"));
    QStringList dated;
    for (const ingest::Document &doc : build.corpus.documents) {
        if (doc.date.isValid())
            dated << doc.date.date.toIsoString() + (doc.date.isInferred() ? QStringLiteral("? ") : QStringLiteral(" ")) + doc.path;
    }
    if (!dated.isEmpty())
        data(xml, u"documentDates", dated.join(u'\n'));
    for (graph::NodeIndex i = 0; i < g.nodeCount(); ++i) {
        const graph::NodeData &node = g.node(i);
        const extract::Concept &info = node.info;
        xml.writeStartElement(QStringLiteral("node"));
        xml.writeAttribute(QStringLiteral("id"), nodeId(i));
        data(xml, u"conceptId", info.id.value());
        data(xml, u"label", info.label);
        data(xml, u"type", extract::conceptTypeName(info.type));
        data(xml, u"aliases", info.aliases.join(QStringLiteral("; ")));
        data(xml, u"score", number(info.score));
        data(xml, u"community", QString::number(node.community));
        data(xml, u"degree", QString::number(node.degree));
        data(xml, u"weightedDegree", number(node.weightedDegree));
        data(xml, u"betweenness", number(node.betweenness));
        data(xml, u"pagerank", number(node.pageRank));
        data(xml, u"mentions", QString::number(info.mentions.size()));
        data(xml, u"documents", QString::number(info.documentCount));
        data(xml, u"x", number(node.position.x));
        data(xml, u"y", number(node.position.y));
        if (const QString note = notes.conceptNote(i); !note.isEmpty())
            data(xml, u"note", note);
        xml.writeEndElement();
    }
    for (graph::EdgeIndex e = 0; e < g.edgeCount(); ++e) {
        const graph::EdgeData &edge = g.edge(e);
        const extract::Relation &relation = edge.relation;
        xml.writeStartElement(QStringLiteral("edge"));
        xml.writeAttribute(QStringLiteral("id"), QStringLiteral("e%1").arg(e));
        xml.writeAttribute(QStringLiteral("source"), nodeId(edge.source));
        xml.writeAttribute(QStringLiteral("target"), nodeId(edge.target));
        data(xml, u"weight", number(relation.weight));
        data(xml, u"count", QString::number(relation.count));
        data(xml, u"relation", relation.label);
        data(xml, u"evidenceCount", QString::number(relation.evidence.size()));
        QString first;
        if (!relation.evidence.empty()) {
            const Span &span = relation.evidence.front().sentence;
            const auto doc = static_cast<size_t>(span.document.value());
            if (doc < build.corpus.documents.size())
                first = span.range.slice(build.corpus.documents[doc].text).toString();
        }
        data(xml, u"evidence", first);
        if (const QString note = notes.linkNote(e); !note.isEmpty())
            data(xml, u"note", note);
        xml.writeEndElement();
    }
    xml.writeEndElement(); // graph
    xml.writeEndElement(); // graphml
    xml.writeEndDocument();
    return out;
}

bool GraphMlWriter::write(const project::BuildResult &build, const QString &path, QString *error,
                          const project::Project *project)
{
    return ExportFileSet::writeFile(path, toGraphMl(build, project), error);
}

} // namespace carto::exporter
