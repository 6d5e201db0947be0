#include "jsongraphwriter.h"

#include "codepointindex.h"
#include "exportfileset.h"
#include "exportnotes.h"
#include "sanitize.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <optional>
#include <vector>

namespace carto::exporter {

namespace {

// Lazily built code point indexes, one per document.
class DocumentOffsets final
{
public:
    explicit DocumentOffsets(const ingest::Corpus &corpus)
        : m_corpus(corpus)
        , m_indexes(corpus.documents.size())
    {
    }

    [[nodiscard]] QJsonObject span(const Span &span, bool withText)
    {
        const auto docIndex = static_cast<size_t>(span.document.value());
        QJsonObject object;
        if (docIndex >= m_corpus.documents.size())
            return object;
        const ingest::Document &doc = m_corpus.documents[docIndex];
        auto &index = m_indexes[docIndex];
        if (!index)
            index.emplace(doc.text);
        object.insert(QStringLiteral("document"), doc.path);
        object.insert(QStringLiteral("start"), static_cast<qint64>((*index)(span.range.start)));
        object.insert(QStringLiteral("end"), static_cast<qint64>((*index)(span.range.end)));
        if (withText)
            object.insert(QStringLiteral("text"), span.range.slice(doc.text).toString());
        return object;
    }

private:
    const ingest::Corpus &m_corpus;
    std::vector<std::optional<CodePointIndex>> m_indexes;
};

// The concept's own keyness in each document that mentions it (what that
// document talks about more than the others do), best first: the ranking a
// per-document view of the map uses.
QJsonArray documentScores(const extract::Concept &info, const ingest::Corpus &corpus)
{
    std::vector<extract::DocumentScore> ranked = info.documentScores;
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const extract::DocumentScore &a, const extract::DocumentScore &b) { return a.score > b.score; });
    QJsonArray out;
    for (const extract::DocumentScore &d : ranked) {
        const auto index = static_cast<size_t>(d.document.value());
        if (index >= corpus.documents.size())
            continue;
        out.append(QJsonObject{{QStringLiteral("document"), corpus.documents[index].path},
                               {QStringLiteral("score"), d.score}});
    }
    return out;
}

QJsonObject orphanedNotes(const ExportNotes &notes)
{
    QJsonArray concepts;
    for (const project::ConceptNote &note : notes.orphanedConceptNotes())
        concepts.append(QJsonObject{{QStringLiteral("id"), note.conceptId.value()},
                                    {QStringLiteral("label"), note.label},
                                    {QStringLiteral("note"), note.markdown}});
    QJsonArray links;
    for (const project::LinkNote &note : notes.orphanedLinkNotes())
        links.append(QJsonObject{{QStringLiteral("source"), note.source.value()},
                                 {QStringLiteral("target"), note.target.value()},
                                 {QStringLiteral("note"), note.markdown}});
    QJsonObject out;
    if (!concepts.isEmpty())
        out.insert(QStringLiteral("concepts"), concepts);
    if (!links.isEmpty())
        out.insert(QStringLiteral("links"), links);
    return out;
}

} // namespace

QByteArray JsonGraphWriter::toJson(const project::BuildResult &build, const project::Project *project)
{
    DocumentOffsets offsets(build.corpus);
    const graph::ConceptGraph &g = build.graph;
    const ExportNotes notes(g, project);

    QJsonArray documents;
    for (const ingest::Document &doc : build.corpus.documents) {
        QJsonObject document{{QStringLiteral("id"), doc.path},
                             {QStringLiteral("path"), doc.path},
                             {QStringLiteral("title"), doc.title}};
        if (doc.date.isValid()) {
            document.insert(QStringLiteral("date"), doc.date.date.toIsoString()); // "1790", "1843-01", "2023-04-04"
            document.insert(QStringLiteral("dateInferred"), doc.date.isInferred()); // from the file name
        }
        documents.append(document);
    }

    QJsonObject nodes;
    for (graph::NodeIndex i = 0; i < g.nodeCount(); ++i) {
        const graph::NodeData &node = g.node(i);
        const extract::Concept &info = node.info;
        QJsonArray mentions;
        for (const extract::Mention &mention : info.mentions)
            mentions.append(offsets.span(mention.span, false));
        QJsonObject metadata{
            {QStringLiteral("type"), extract::conceptTypeName(info.type)},
            {QStringLiteral("aliases"), QJsonArray::fromStringList(info.aliases)},
            {QStringLiteral("score"), info.score},
            {QStringLiteral("community"), node.community},
            {QStringLiteral("x"), node.position.x},
            {QStringLiteral("y"), node.position.y},
            {QStringLiteral("degree"), node.degree},
            {QStringLiteral("weightedDegree"), node.weightedDegree},
            {QStringLiteral("betweenness"), node.betweenness},
            {QStringLiteral("pagerank"), node.pageRank},
            {QStringLiteral("documentCount"), info.documentCount},
            {QStringLiteral("mentions"), mentions},
        };
        metadata.insert(QStringLiteral("documentScores"), documentScores(info, build.corpus));
        if (const QString note = notes.conceptNote(i); !note.isEmpty())
            metadata.insert(QStringLiteral("note"), note);
        nodes.insert(info.id.value(),
                     QJsonObject{{QStringLiteral("label"), info.label}, {QStringLiteral("metadata"), metadata}});
    }

    QJsonArray edges;
    for (graph::EdgeIndex e = 0; e < g.edgeCount(); ++e) {
        const graph::EdgeData &edge = g.edge(e);
        const extract::Relation &relation = edge.relation;
        QJsonArray evidence;
        for (const extract::Evidence &item : relation.evidence)
            evidence.append(offsets.span(item.sentence, true));
        QJsonObject metadata{{QStringLiteral("weight"), relation.weight},
                             {QStringLiteral("count"), relation.count},
                             {QStringLiteral("evidence"), evidence}};
        if (!relation.label.isEmpty())
            metadata.insert(QStringLiteral("label"), relation.label);
        if (const QString note = notes.linkNote(e); !note.isEmpty())
            metadata.insert(QStringLiteral("note"), note);
        QJsonObject object{{QStringLiteral("source"), g.node(edge.source).info.id.value()},
                           {QStringLiteral("target"), g.node(edge.target).info.id.value()},
                           {QStringLiteral("metadata"), metadata}};
        if (!relation.label.isEmpty())
            object.insert(QStringLiteral("relation"), relation.label);
        edges.append(object);
    }

    QJsonObject metadata{{QStringLiteral("documents"), documents},
                         {QStringLiteral("generator"), QStringLiteral("Cartograph")}};
    if (const QJsonObject orphans = orphanedNotes(notes); !orphans.isEmpty())
        metadata.insert(QStringLiteral("orphanedNotes"), orphans);
    const QJsonObject graphObject{
        {QStringLiteral("directed"), false},
        {QStringLiteral("type"), QStringLiteral("cartograph.concept-map")},
        {QStringLiteral("label"), sanitize::mapTitle(build.corpus.root)},
        {QStringLiteral("metadata"), metadata},
        {QStringLiteral("nodes"), nodes},
        {QStringLiteral("edges"), edges},
    };
    return QJsonDocument(QJsonObject{{QStringLiteral("graph"), graphObject}}).toJson(QJsonDocument::Indented);
}

bool JsonGraphWriter::write(const project::BuildResult &build, const QString &path, QString *error,
                            const project::Project *project)
{
    return ExportFileSet::writeFile(path, toJson(build, project), error);
}

} // namespace carto::exporter
