#include "markdownvaultwriter.h"

#include "exportfileset.h"
#include "exportnotes.h"
#include "sanitize.h"

#include <QDir>
#include <QLocale>
#include <QSet>

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace carto::exporter {

namespace {

constexpr qsizetype kMaxFileNameLength = 100;
constexpr int kQuotesPerLink = 2;
constexpr int kMaxQuotes = 12;

bool isReservedWindowsName(const QString &name)
{
    const QString stem = name.section(u'.', 0, 0).trimmed().toUpper();
    static const QStringList reserved = {QStringLiteral("CON"), QStringLiteral("PRN"), QStringLiteral("AUX"),
                                         QStringLiteral("NUL")};
    if (reserved.contains(stem))
        return true;
    return stem.size() == 4 && (stem.startsWith(QStringLiteral("COM")) || stem.startsWith(QStringLiteral("LPT")))
        && stem.back() >= u'1' && stem.back() <= u'9';
}

QString safeName(const QString &label)
{
    QString name;
    name.reserve(label.size());
    for (QChar c : label) {
        // Characters that break a path on some file system or an Obsidian link.
        static const QString forbidden = QStringLiteral("/\\:*?\"<>|#^[]");
        name += (c.category() == QChar::Other_Control || forbidden.contains(c)) ? QChar(u' ') : c;
    }
    name = name.simplified();
    while (name.startsWith(u'.') || name.startsWith(u' '))
        name.remove(0, 1);
    if (name.size() > kMaxFileNameLength) {
        name.truncate(kMaxFileNameLength);
        if (name.back().isHighSurrogate())
            name.chop(1);
    }
    while (name.endsWith(u'.') || name.endsWith(u' '))
        name.chop(1);
    if (name.isEmpty())
        name = QStringLiteral("concept");
    if (isReservedWindowsName(name))
        name += QStringLiteral(" (concept)");
    return name;
}

// A label can be shown as a link's text ([[file|label]]) only when it holds
// nothing a wiki link or Markdown would read as structure; otherwise the link
// shows the file name, which safeName made harmless.
bool isPlainLinkText(const QString &label)
{
    static const QString structural = QStringLiteral("[]|#^<>&\\`!*_~=$%");
    if (label.isEmpty() || label.simplified() != label)
        return false;
    return std::none_of(label.begin(), label.end(), [](QChar c) {
        return structural.contains(c) || c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
    });
}

QString link(const QStringList &fileNames, graph::NodeIndex target, const QString &label)
{
    const QString &file = fileNames.at(target);
    return label == file || !isPlainLinkText(label) ? QStringLiteral("[[%1]]").arg(file)
                                                    : QStringLiteral("[[%1|%2]]").arg(file, label);
}

// 1-based number of the sentence holding range within the document.
int sentenceNumber(const ingest::Document &doc, const TextRange &range)
{
    const auto it = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), range.start,
                                     [](qsizetype pos, const TextRange &s) { return pos < s.start; });
    return int(it - doc.sentences.begin());
}

// The sentence around a mention, or the mention's own span when the
// document has no sentence there.
TextRange sentenceAround(const ingest::Document &doc, const TextRange &range)
{
    const int n = sentenceNumber(doc, range);
    if (n > 0 && doc.sentences[size_t(n - 1)].contains(range))
        return doc.sentences[size_t(n - 1)];
    return range;
}

QString frontMatter(const graph::NodeData &node)
{
    YAML::Emitter out;
    out << YAML::BeginMap;
    out << YAML::Key << "id" << YAML::Value << node.info.id.value().toStdString();
    out << YAML::Key << "type" << YAML::Value << extract::conceptTypeName(node.info.type).toStdString();
    out << YAML::Key << "aliases" << YAML::Value << YAML::BeginSeq;
    for (const QString &alias : node.info.aliases) {
        if (alias != node.info.label)
            out << alias.toStdString();
    }
    out << YAML::EndSeq;
    out << YAML::Key << "score" << YAML::Value
        << QString::number(node.info.score, 'f', 3).toStdString();
    out << YAML::Key << "community" << YAML::Value << node.community;
    out << YAML::Key << "degree" << YAML::Value << node.degree;
    out << YAML::EndMap;
    return QStringLiteral("---\n") + QString::fromUtf8(out.c_str()) + QStringLiteral("\n---\n");
}

} // namespace

QStringList MarkdownVaultWriter::fileNames(const graph::ConceptGraph &graph)
{
    QStringList names;
    QSet<QString> taken; // case-folded: macOS and Windows ignore case
    for (graph::NodeIndex i = 0; i < graph.nodeCount(); ++i) {
        const QString base = safeName(graph.node(i).info.label);
        QString name = base;
        for (int k = 2; taken.contains(name.toCaseFolded()); ++k)
            name = QStringLiteral("%1 %2").arg(base).arg(k);
        taken.insert(name.toCaseFolded());
        names.append(name);
    }
    return names;
}

QString MarkdownVaultWriter::noteFor(const project::BuildResult &build, graph::NodeIndex index,
                                     const QStringList &fileNames, const project::Project *project)
{
    return noteFor(build, index, fileNames, ExportNotes(build.graph, project));
}

QString MarkdownVaultWriter::noteFor(const project::BuildResult &build, graph::NodeIndex index,
                                     const QStringList &fileNames, const ExportNotes &notes)
{
    const graph::ConceptGraph &g = build.graph;
    const graph::NodeData &node = g.node(index);
    const auto &docs = build.corpus.documents;
    QString out = frontMatter(node);
    out += QStringLiteral("\n# %1\n").arg(sanitize::markdownInline(node.info.label));

    // The user's own Markdown, as they wrote it: it is theirs, not the corpus's.
    if (const QString note = notes.conceptNote(index); !note.isEmpty())
        out += QStringLiteral("\n## Note\n\n") + note.trimmed() + u'\n';

    // Strongest links first.
    std::vector<graph::EdgeIndex> edges = g.incidentEdges(index);
    std::stable_sort(edges.begin(), edges.end(), [&](graph::EdgeIndex a, graph::EdgeIndex b) {
        return g.edge(a).relation.weight > g.edge(b).relation.weight;
    });
    auto other = [&](graph::EdgeIndex e) {
        const graph::EdgeData &edge = g.edge(e);
        return edge.source == index ? edge.target : edge.source;
    };
    if (!edges.empty()) {
        out += QStringLiteral("\n## Links\n\n");
        for (graph::EdgeIndex e : edges) {
            const graph::NodeIndex n = other(e);
            const extract::Relation &r = g.edge(e).relation;
            out += QStringLiteral("- ") + link(fileNames, n, g.node(n).info.label);
            if (!r.label.isEmpty())
                out += QStringLiteral(" — %1").arg(sanitize::markdownInline(r.label));
            out += QStringLiteral(" (%1 %2)\n").arg(r.count).arg(r.count == 1 ? QStringLiteral("sentence")
                                                                               : QStringLiteral("sentences"));
        }
        // Notes on links, under the link they belong to.
        for (graph::EdgeIndex e : edges) {
            const QString note = notes.linkNote(e);
            if (note.isEmpty())
                continue;
            const graph::NodeIndex n = other(e);
            out += QStringLiteral("\n### Note on the link to %1\n\n").arg(link(fileNames, n, g.node(n).info.label))
                + note.trimmed() + u'\n';
        }
    }

    // Evidence: sentences shared with the strongest neighbours, then
    // sentences that mention the concept, each with where it comes from.
    struct Quote
    {
        Span span;
        graph::NodeIndex with = -1;
    };
    std::vector<Quote> quotes;
    auto seen = [&](const Span &s) {
        return std::any_of(quotes.begin(), quotes.end(), [&](const Quote &q) { return q.span == s; });
    };
    for (graph::EdgeIndex e : edges) {
        int taken = 0;
        for (const extract::Evidence &ev : g.edge(e).relation.evidence) {
            if (taken == kQuotesPerLink || int(quotes.size()) == kMaxQuotes)
                break;
            if (!seen(ev.sentence)) {
                quotes.push_back({ev.sentence, other(e)});
                ++taken;
            }
        }
    }
    for (const extract::Mention &m : node.info.mentions) {
        if (int(quotes.size()) >= kMaxQuotes)
            break;
        const auto doc = size_t(m.span.document.value());
        if (doc >= docs.size())
            continue;
        const Span sentence{m.span.document, sentenceAround(docs[doc], m.span.range)};
        if (!seen(sentence))
            quotes.push_back({sentence, -1});
    }
    if (!quotes.empty()) {
        out += QStringLiteral("\n## Evidence\n");
        for (const Quote &q : quotes) {
            const auto doc = size_t(q.span.document.value());
            if (doc >= docs.size())
                continue;
            const ingest::Document &d = docs[doc];
            // Concatenated, not arg()-chained: a quote may itself hold "%1".
            out += QStringLiteral("\n> ") + sanitize::markdownInline(q.span.range.slice(d.text))
                + QStringLiteral("\n> — ") + sanitize::markdownCode(d.path) + QStringLiteral(", sentence ")
                + QString::number(sentenceNumber(d, q.span.range));
            if (q.with >= 0)
                out += QStringLiteral(" (with %1)").arg(link(fileNames, q.with, g.node(q.with).info.label));
            out += u'\n';
        }
    }
    return out;
}

bool MarkdownVaultWriter::write(const project::BuildResult &build, const QString &folder, QString *error,
                                const project::Project *project, ProgressSink *progress, const CancelToken *cancel)
{
    if (!QDir().mkpath(folder)) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(QDir::toNativeSeparators(folder));
        return false;
    }
    const ExportNotes notes(build.graph, project);
    const QStringList names = fileNames(build.graph);
    const int count = build.graph.nodeCount();
    // Every note is staged first and flushed with one sync before any is put in
    // place: each file stays whole, without a sync per file.
    ExportFileSet files(folder, ExportFileSet::Sync::Once);
    for (graph::NodeIndex i = 0; i < count; ++i) {
        if (cancel && cancel->isCancelled()) {
            if (error)
                *error = QStringLiteral("export cancelled");
            return false;
        }
        if (!files.add(names.at(i) + QStringLiteral(".md"), noteFor(build, i, names, notes).toUtf8(), error))
            return false;
        if (progress && (i % 64 == 0 || i + 1 == count))
            progress->report(QStringLiteral("Writing notes"), i + 1, count);
    }
    return files.commit(error);
}

} // namespace carto::exporter
