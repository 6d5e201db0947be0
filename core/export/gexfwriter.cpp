#include "gexfwriter.h"

#include "exportfileset.h"
#include "exportnotes.h"
#include "nodestyle.h"
#include "sanitize.h"

#include <QLocale>
#include <QXmlStreamWriter>

#include <algorithm>

namespace carto::exporter {

namespace {

struct Attribute
{
    const char16_t *id;
    const char16_t *type; // GEXF attribute type
};

// Ids double as titles so Gephi's data table shows readable columns.
constexpr Attribute kNodeAttributes[] = {
    {u"type", u"string"},       {u"score", u"double"},    {u"community", u"integer"},
    {u"degree", u"integer"},    {u"betweenness", u"double"}, {u"pagerank", u"double"},
    {u"aliases", u"string"},    {u"mentions", u"integer"}, {u"note", u"string"},
};
constexpr Attribute kEdgeAttributes[] = {
    {u"count", u"integer"},
    {u"evidence_count", u"integer"},
    {u"note", u"string"},
};

QString number(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

void declare(QXmlStreamWriter &xml, const char16_t *cls, const auto &attributes)
{
    xml.writeStartElement(QStringLiteral("attributes"));
    xml.writeAttribute(QStringLiteral("class"), QString::fromUtf16(cls));
    for (const Attribute &a : attributes) {
        xml.writeEmptyElement(QStringLiteral("attribute"));
        xml.writeAttribute(QStringLiteral("id"), QString::fromUtf16(a.id));
        xml.writeAttribute(QStringLiteral("title"), QString::fromUtf16(a.id));
        xml.writeAttribute(QStringLiteral("type"), QString::fromUtf16(a.type));
    }
    xml.writeEndElement();
}

void value(QXmlStreamWriter &xml, const char16_t *id, const QString &v)
{
    xml.writeEmptyElement(QStringLiteral("attvalue"));
    xml.writeAttribute(QStringLiteral("for"), QString::fromUtf16(id));
    xml.writeAttribute(QStringLiteral("value"), sanitize::xml(v));
}

// The look of a node on the map: colour, size and position.
void writeViz(QXmlStreamWriter &xml, const QString &vizNs, const graph::NodeData &node, bool colourByType,
              double maxScore)
{
    const nodestyle::Rgb colour
        = colourByType ? nodestyle::type(node.info.type) : nodestyle::community(node.community);
    xml.writeEmptyElement(vizNs, QStringLiteral("color"));
    xml.writeAttribute(QStringLiteral("r"), QString::number(colour.r));
    xml.writeAttribute(QStringLiteral("g"), QString::number(colour.g));
    xml.writeAttribute(QStringLiteral("b"), QString::number(colour.b));
    xml.writeEmptyElement(vizNs, QStringLiteral("size"));
    xml.writeAttribute(QStringLiteral("value"), number(nodestyle::radius(node.info.score, maxScore)));
    xml.writeEmptyElement(vizNs, QStringLiteral("position"));
    xml.writeAttribute(QStringLiteral("x"), number(node.position.x));
    xml.writeAttribute(QStringLiteral("y"), number(node.position.y == 0.0 ? 0.0 : -node.position.y));
    xml.writeAttribute(QStringLiteral("z"), QStringLiteral("0"));
}

} // namespace

QByteArray GexfWriter::toGexf(const project::BuildResult &build, const project::Project *project)
{
    const ExportNotes notes(build.graph, project);
    const bool colourByType = project && project->view.colourByType;
    const QString gexfNs = QStringLiteral("http://gexf.net/1.3");
    const QString vizNs = QStringLiteral("http://gexf.net/1.3/viz");
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeDefaultNamespace(gexfNs);
    xml.writeNamespace(vizNs, QStringLiteral("viz"));
    // No xsi:schemaLocation: the normative RELAX NG schema refuses it, and the
    // published gexf.xsd it would point to rejects every viz: element.
    xml.writeStartElement(gexfNs, QStringLiteral("gexf"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("1.3"));

    // No date in <meta>: the same build gives the same bytes.
    xml.writeStartElement(gexfNs, QStringLiteral("meta"));
    xml.writeTextElement(gexfNs, QStringLiteral("creator"), QStringLiteral("Cartograph"));
    xml.writeTextElement(gexfNs, QStringLiteral("description"),
                         sanitize::xml(sanitize::mapTitle(build.corpus.root)));
    xml.writeEndElement();

    const graph::ConceptGraph &g = build.graph;
    double maxScore = 0.0;
    for (graph::NodeIndex i = 0; i < g.nodeCount(); ++i)
        maxScore = std::max(maxScore, g.node(i).info.score);
    xml.writeStartElement(gexfNs, QStringLiteral("graph"));
    xml.writeAttribute(QStringLiteral("mode"), QStringLiteral("static"));
    xml.writeAttribute(QStringLiteral("defaultedgetype"), QStringLiteral("undirected"));
    declare(xml, u"node", kNodeAttributes);
    declare(xml, u"edge", kEdgeAttributes);

    xml.writeStartElement(gexfNs, QStringLiteral("nodes"));
    for (graph::NodeIndex i = 0; i < g.nodeCount(); ++i) {
        const graph::NodeData &node = g.node(i);
        const extract::Concept &info = node.info;
        xml.writeStartElement(gexfNs, QStringLiteral("node"));
        xml.writeAttribute(QStringLiteral("id"), sanitize::xml(info.id.value()));
        xml.writeAttribute(QStringLiteral("label"), sanitize::xml(info.label));
        xml.writeStartElement(gexfNs, QStringLiteral("attvalues"));
        value(xml, u"type", extract::conceptTypeName(info.type));
        value(xml, u"score", number(info.score));
        value(xml, u"community", QString::number(node.community));
        value(xml, u"degree", QString::number(node.degree));
        value(xml, u"betweenness", number(node.betweenness));
        value(xml, u"pagerank", number(node.pageRank));
        value(xml, u"aliases", info.aliases.join(QStringLiteral("; ")));
        value(xml, u"mentions", QString::number(info.mentions.size()));
        if (const QString note = notes.conceptNote(i); !note.isEmpty())
            value(xml, u"note", note);
        xml.writeEndElement(); // attvalues
        writeViz(xml, vizNs, node, colourByType, maxScore);
        xml.writeEndElement(); // node
    }
    xml.writeEndElement(); // nodes

    xml.writeStartElement(gexfNs, QStringLiteral("edges"));
    for (graph::EdgeIndex e = 0; e < g.edgeCount(); ++e) {
        const graph::EdgeData &edge = g.edge(e);
        const extract::Relation &relation = edge.relation;
        xml.writeStartElement(gexfNs, QStringLiteral("edge"));
        xml.writeAttribute(QStringLiteral("id"), QString::number(e));
        xml.writeAttribute(QStringLiteral("source"), sanitize::xml(g.node(edge.source).info.id.value()));
        xml.writeAttribute(QStringLiteral("target"), sanitize::xml(g.node(edge.target).info.id.value()));
        // Gephi needs a positive weight; the layout uses 1 for the same case.
        xml.writeAttribute(QStringLiteral("weight"), number(relation.weight > 0.0 ? relation.weight : 1.0));
        if (!relation.label.isEmpty())
            xml.writeAttribute(QStringLiteral("label"), sanitize::xml(relation.label));
        xml.writeStartElement(gexfNs, QStringLiteral("attvalues"));
        value(xml, u"count", QString::number(relation.count));
        value(xml, u"evidence_count", QString::number(relation.evidence.size()));
        if (const QString note = notes.linkNote(e); !note.isEmpty())
            value(xml, u"note", note);
        xml.writeEndElement();
        xml.writeEndElement(); // edge
    }
    xml.writeEndElement(); // edges
    xml.writeEndElement(); // graph
    xml.writeEndElement(); // gexf
    xml.writeEndDocument();
    return out;
}

bool GexfWriter::write(const project::BuildResult &build, const QString &path, QString *error,
                       const project::Project *project)
{
    return ExportFileSet::writeFile(path, toGexf(build, project), error);
}

} // namespace carto::exporter
