#include "projectwriter.h"

#include "projectcounts.h"

#include <QDir>
#include <QLocale>

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <string>

namespace carto::project {

namespace {

std::string utf8(const QString &s)
{
    return s.toStdString();
}

// Shortest text that reads back as the same double.
std::string numberText(double value)
{
    if (!std::isfinite(value) || value == 0.0)
        value = 0.0; // also turns -0 into 0
    // Fixed notation: "1000000", not "1e+06", reads better in a diff.
    return utf8(QString::number(value, 'f', QLocale::FloatingPointShortest));
}

std::string coordinateText(double value)
{
    return numberText(std::isfinite(value) ? std::round(value * 100.0) / 100.0 : 0.0);
}

void emitPair(YAML::Emitter &out, const graph::Point &p)
{
    out << YAML::Flow << YAML::BeginSeq << coordinateText(p.x) << coordinateText(p.y) << YAML::EndSeq;
}

void emitFlowList(YAML::Emitter &out, const QStringList &list)
{
    out << YAML::Flow << YAML::BeginSeq;
    for (const QString &s : list)
        out << utf8(s);
    out << YAML::EndSeq;
}

void emitBlockList(YAML::Emitter &out, const QStringList &list)
{
    out << YAML::BeginSeq;
    for (const QString &s : list)
        out << utf8(s);
    out << YAML::EndSeq;
}

bool isPrintable(char16_t c)
{
    return (c >= 0x20 && c < 0x7f) || (c > 0x9f && c != 0x2028 && c != 0x2029 && c != 0xfeff && c != 0xfffe
                                       && c != 0xffff);
}

// A literal block (`|`) reads back exactly only for text that ends in exactly
// one line break (yaml-cpp writes no chomping indicator, so `|` clips), whose
// first non-empty line does not start with white space (no indentation
// indicator either), with no CR and nothing YAML would not print raw.
bool readsBackAsLiteral(const QString &value)
{
    if (!value.endsWith(u'\n') || value.endsWith(u"\n\n"))
        return false;
    bool seenContent = false;
    bool lineStart = true;
    for (const QChar ch : value) {
        const char16_t c = ch.unicode();
        if (c == u'\n') {
            lineStart = true;
            continue;
        }
        if (c != u'\t' && !isPrintable(c))
            return false;
        if (lineStart && !seenContent && (c == u' ' || c == u'\t'))
            return false; // leading blank lines must be empty, the first text line unindented
        seenContent = true;
        lineStart = false;
    }
    return seenContent;
}

// Notes are Markdown: written as literal blocks where that reads back exactly
// (it reads best in a diff), else double-quoted, where yaml-cpp escapes line
// breaks, CRs, tabs and control characters so every byte survives.
void emitText(YAML::Emitter &out, const QString &value, bool doubleQuoted)
{
    const std::string s = utf8(value);
    if (doubleQuoted)
        out << YAML::DoubleQuoted << s;
    else if (readsBackAsLiteral(value))
        out << YAML::Literal << s;
    else if (value.contains(u'\n') || value.contains(u'\r'))
        out << YAML::DoubleQuoted << s;
    else
        out << s;
}

void emitCuration(YAML::Emitter &out, const extract::Curation &c)
{
    out << YAML::BeginMap;
    out << YAML::Key << "concepts" << YAML::Value << YAML::BeginSeq;
    for (const extract::Curation::AddedConcept &added : c.added) {
        out << YAML::BeginMap << YAML::Key << "name" << YAML::Value << utf8(added.name);
        if (!added.aliases.isEmpty()) {
            out << YAML::Key << "aliases" << YAML::Value;
            emitFlowList(out, added.aliases);
        }
        if (added.type)
            out << YAML::Key << "type" << YAML::Value << utf8(extract::conceptTypeName(*added.type));
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
    out << YAML::Key << "merge" << YAML::Value << YAML::BeginSeq;
    for (const extract::Curation::Merge &merge : c.merges) {
        out << YAML::BeginMap << YAML::Key << "into" << YAML::Value << utf8(merge.into) << YAML::Key << "from"
            << YAML::Value;
        emitFlowList(out, merge.from);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
    out << YAML::Key << "rename" << YAML::Value << YAML::BeginMap;
    for (const auto &[from, to] : c.renames)
        out << YAML::Key << utf8(from) << YAML::Value << utf8(to);
    out << YAML::EndMap;
    out << YAML::Key << "ignore" << YAML::Value;
    emitBlockList(out, c.ignored);
    out << YAML::Key << "types" << YAML::Value << YAML::BeginMap;
    for (const auto &[name, type] : c.typeOverrides)
        out << YAML::Key << utf8(name) << YAML::Value << utf8(extract::conceptTypeName(type));
    out << YAML::EndMap;
    out << YAML::Key << "split" << YAML::Value;
    emitBlockList(out, c.splits);
    out << YAML::EndMap;
}

void emitNotes(YAML::Emitter &out, const Project &project, const std::set<NoteRef> &doubleQuoted)
{
    out << YAML::Key << "notes" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "concepts" << YAML::Value << YAML::BeginSeq;
    for (size_t i = 0; i < project.conceptNotes.size(); ++i) {
        const ConceptNote &note = project.conceptNotes[i];
        const bool quoted = doubleQuoted.contains({false, i});
        out << YAML::BeginMap << YAML::Key << "id" << YAML::Value;
        emitText(out, note.conceptId.value(), quoted);
        out << YAML::Key << "label" << YAML::Value;
        emitText(out, note.label, quoted);
        out << YAML::Key << "text" << YAML::Value;
        emitText(out, note.markdown, quoted);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
    out << YAML::Key << "links" << YAML::Value << YAML::BeginSeq;
    for (size_t i = 0; i < project.linkNotes.size(); ++i) {
        const LinkNote &note = project.linkNotes[i];
        const bool quoted = doubleQuoted.contains({true, i});
        out << YAML::BeginMap << YAML::Key << "source" << YAML::Value;
        emitText(out, note.source.value(), quoted);
        out << YAML::Key << "target" << YAML::Value;
        emitText(out, note.target.value(), quoted);
        out << YAML::Key << "text" << YAML::Value;
        emitText(out, note.markdown, quoted);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
    out << YAML::EndMap;
}

void emitView(YAML::Emitter &out, const ViewState &v)
{
    out << YAML::Key << "view" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "zoom" << YAML::Value << numberText(v.zoom);
    out << YAML::Key << "centre" << YAML::Value;
    emitPair(out, v.centre);
    out << YAML::Key << "top_n" << YAML::Value << v.topN;
    out << YAML::Key << "min_link_weight" << YAML::Value << numberText(v.minLinkWeight);
    out << YAML::Key << "hidden_types" << YAML::Value;
    emitFlowList(out, v.hiddenTypes);
    out << YAML::Key << "hidden_communities" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (int c : v.hiddenCommunities)
        out << c;
    out << YAML::EndSeq;
    out << YAML::Key << "hidden_documents" << YAML::Value;
    emitFlowList(out, v.hiddenDocuments);
    out << YAML::Key << "colour_by_type" << YAML::Value << v.colourByType;
    out << YAML::EndMap;
}

std::string scalarAt(const YAML::Node &list, size_t i, const char *key)
{
    if (!list.IsSequence() || i >= list.size())
        return {};
    const YAML::Node item = list[i];
    if (!item.IsMap())
        return {};
    const YAML::Node value = item[key];
    return value.IsScalar() ? value.Scalar() : std::string();
}

} // namespace

QByteArray writeProject(const Project &project, const QString &baseDir, const std::set<NoteRef> &doubleQuoted)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginMap;
    out << YAML::Key << "schema_version" << YAML::Value << Project::kSchemaVersion;

    QStringList corpus;
    for (const QString &folder : project.corpusFolders)
        corpus.append(baseDir.isEmpty() ? folder : QDir(baseDir).relativeFilePath(folder));
    out << YAML::Key << "corpus" << YAML::Value;
    emitBlockList(out, corpus);

    out << YAML::Key << "curation" << YAML::Value;
    emitCuration(out, project.curation);
    emitNotes(out, project, doubleQuoted);

    out << YAML::Key << "positions" << YAML::Value << YAML::BeginMap;
    for (const auto &[id, p] : project.positions) {
        out << YAML::Key << utf8(id.value()) << YAML::Value;
        emitPair(out, p);
    }
    out << YAML::EndMap;

    QStringList pinned;
    for (const ConceptId &id : project.pinned)
        pinned.append(id.value());
    out << YAML::Key << "pinned" << YAML::Value;
    emitBlockList(out, pinned);
    emitView(out, project.view);

    // Last, so a file cut anywhere loses it (see checkEndMarker).
    out << YAML::Key << "end" << YAML::Value << YAML::BeginMap;
    for (const auto &[key, count] : ProjectCounts::of(project).entries())
        out << YAML::Key << key << YAML::Value << count;
    out << YAML::EndMap;

    out << YAML::EndMap;
    QByteArray bytes(out.c_str(), qsizetype(out.size()));
    bytes.append('\n');
    return bytes;
}

std::set<NoteRef> notesThatChange(const Project &project, const QByteArray &yaml)
{
    std::set<NoteRef> changed;
    YAML::Node loaded;
    try {
        loaded = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception &) {
        // Unreadable as a whole: quote every note, the one style that escapes everything.
        for (size_t i = 0; i < project.conceptNotes.size(); ++i)
            changed.insert({false, i});
        for (size_t i = 0; i < project.linkNotes.size(); ++i)
            changed.insert({true, i});
        return changed;
    }
    const YAML::Node root = loaded; // const: looking keys up must not add them
    const YAML::Node notes = root.IsMap() ? root["notes"] : YAML::Node();
    const YAML::Node concepts = notes.IsMap() ? notes["concepts"] : YAML::Node();
    for (size_t i = 0; i < project.conceptNotes.size(); ++i) {
        const ConceptNote &note = project.conceptNotes[i];
        if (scalarAt(concepts, i, "id") != utf8(note.conceptId.value()) || scalarAt(concepts, i, "label") != utf8(note.label)
            || scalarAt(concepts, i, "text") != utf8(note.markdown))
            changed.insert({false, i});
    }
    const YAML::Node links = notes.IsMap() ? notes["links"] : YAML::Node();
    for (size_t i = 0; i < project.linkNotes.size(); ++i) {
        const LinkNote &note = project.linkNotes[i];
        if (scalarAt(links, i, "source") != utf8(note.source.value()) || scalarAt(links, i, "target") != utf8(note.target.value())
            || scalarAt(links, i, "text") != utf8(note.markdown))
            changed.insert({true, i});
    }
    return changed;
}

} // namespace carto::project
