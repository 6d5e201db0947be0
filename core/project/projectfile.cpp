#include "projectfile.h"

#include "atomicfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include <yaml-cpp/yaml.h>

#include <array>
#include <cmath>
#include <string>

namespace carto::project {

namespace {

// A file that does not have the shape of a project: carries the offending
// node's position so the message can name line and column.
struct FormatError
{
    YAML::Mark mark;
    QString message;
};

[[noreturn]] void fail(const YAML::Node &node, const QString &message)
{
    throw FormatError{node.Mark(), message};
}

QString where(const QString &name, const YAML::Mark &mark)
{
    if (mark.is_null() || mark.line < 0)
        return name + QStringLiteral(": ");
    return QStringLiteral("%1: line %2, column %3: ").arg(name).arg(mark.line + 1).arg(mark.column + 1);
}

// ---- reading -------------------------------------------------------------

QString text(const YAML::Node &node, const QString &what)
{
    if (!node.IsDefined() || node.IsNull())
        return {};
    if (!node.IsScalar())
        fail(node, QStringLiteral("%1 must be text").arg(what));
    return QString::fromStdString(node.Scalar());
}

double number(const YAML::Node &node, const QString &what)
{
    if (!node.IsScalar())
        fail(node, QStringLiteral("%1 must be a number").arg(what));
    bool ok = false;
    const double value = QString::fromStdString(node.Scalar()).toDouble(&ok);
    if (!ok || !std::isfinite(value))
        fail(node, QStringLiteral("%1 must be a number, not \"%2\"").arg(what, QString::fromStdString(node.Scalar())));
    return value;
}

int integer(const YAML::Node &node, const QString &what)
{
    if (!node.IsScalar())
        fail(node, QStringLiteral("%1 must be a whole number").arg(what));
    bool ok = false;
    const int value = QString::fromStdString(node.Scalar()).toInt(&ok);
    if (!ok)
        fail(node, QStringLiteral("%1 must be a whole number, not \"%2\"").arg(what, QString::fromStdString(node.Scalar())));
    return value;
}

bool boolean(const YAML::Node &node, const QString &what)
{
    bool value = false;
    if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value))
        fail(node, QStringLiteral("%1 must be true or false").arg(what));
    return value;
}

graph::Point point(const YAML::Node &node, const QString &what)
{
    if (!node.IsSequence() || node.size() != 2)
        fail(node, QStringLiteral("%1 must be a pair [x, y]").arg(what));
    return {number(node[0], what), number(node[1], what)};
}

// Absent and null read as empty; anything else must be the right container.
bool isAbsent(const YAML::Node &node)
{
    return !node.IsDefined() || node.IsNull();
}

void requireMap(const YAML::Node &node, const QString &what)
{
    if (!isAbsent(node) && !node.IsMap())
        fail(node, QStringLiteral("%1 must be a mapping").arg(what));
}

void requireSequence(const YAML::Node &node, const QString &what)
{
    if (!isAbsent(node) && !node.IsSequence())
        fail(node, QStringLiteral("%1 must be a list").arg(what));
}

QStringList textList(const YAML::Node &node, const QString &what)
{
    requireSequence(node, what);
    QStringList out;
    if (isAbsent(node))
        return out;
    for (const YAML::Node &item : node)
        out.append(text(item, what));
    return out;
}

extract::Curation readCuration(const YAML::Node &node, const QString &name)
{
    requireMap(node, QStringLiteral("curation"));
    if (isAbsent(node))
        return {};
    // parseCurationNode is lenient (it reads what it can from a hand-written
    // corpus file); a project file must not lose entries on the next save, so
    // check the containers here and treat any problem as an error.
    requireSequence(node["concepts"], QStringLiteral("curation.concepts"));
    requireSequence(node["merge"], QStringLiteral("curation.merge"));
    requireMap(node["rename"], QStringLiteral("curation.rename"));
    requireMap(node["types"], QStringLiteral("curation.types"));
    for (const char *key : {"ignore", "split"}) {
        const YAML::Node list = node[key];
        if (!isAbsent(list) && !list.IsSequence() && !list.IsScalar())
            fail(list, QStringLiteral("curation.%1 must be a list").arg(QLatin1String(key)));
    }
    std::vector<Problem> problems;
    extract::Curation curation = extract::parseCurationNode(node, name, problems);
    if (!problems.empty())
        throw FormatError{YAML::Mark::null_mark(), QStringLiteral("curation: ") + problems.front().message};
    return curation;
}

Project readVersion1(const YAML::Node &root, const QString &baseDir, const QString &name)
{
    Project project;

    const YAML::Node corpus = root["corpus"];
    for (const QString &folder : textList(corpus, QStringLiteral("corpus"))) {
        if (folder.isEmpty())
            continue;
        project.corpusFolders.append(baseDir.isEmpty() ? folder : QDir::cleanPath(QDir(baseDir).absoluteFilePath(folder)));
    }

    project.curation = readCuration(root["curation"], name);

    const YAML::Node notes = root["notes"];
    requireMap(notes, QStringLiteral("notes"));
    if (!isAbsent(notes)) {
        const YAML::Node concepts = notes["concepts"];
        requireSequence(concepts, QStringLiteral("notes.concepts"));
        if (!isAbsent(concepts)) {
            for (const YAML::Node &item : concepts) {
                if (!item.IsMap())
                    fail(item, QStringLiteral("a concept note must be a mapping with id, label and text"));
                ConceptNote note;
                note.conceptId = ConceptId(text(item["id"], QStringLiteral("note id")));
                if (note.conceptId.value().isEmpty())
                    fail(item, QStringLiteral("a concept note needs an id"));
                note.label = text(item["label"], QStringLiteral("note label"));
                note.markdown = text(item["text"], QStringLiteral("note text"));
                project.conceptNotes.push_back(std::move(note));
            }
        }
        const YAML::Node links = notes["links"];
        requireSequence(links, QStringLiteral("notes.links"));
        if (!isAbsent(links)) {
            for (const YAML::Node &item : links) {
                if (!item.IsMap())
                    fail(item, QStringLiteral("a link note must be a mapping with source, target and text"));
                LinkNote note;
                note.source = ConceptId(text(item["source"], QStringLiteral("link note source")));
                note.target = ConceptId(text(item["target"], QStringLiteral("link note target")));
                if (note.source.value().isEmpty() || note.target.value().isEmpty())
                    fail(item, QStringLiteral("a link note needs a source and a target"));
                note.markdown = text(item["text"], QStringLiteral("link note text"));
                project.linkNotes.push_back(std::move(note));
            }
        }
    }

    const YAML::Node positions = root["positions"];
    if (!isAbsent(positions) && !positions.IsMap())
        fail(positions, QStringLiteral("positions must be a mapping of id: [x, y]"));
    if (!isAbsent(positions)) {
        for (auto it = positions.begin(); it != positions.end(); ++it) {
            const QString id = text(it->first, QStringLiteral("a position's concept id"));
            project.positions[ConceptId(id)] = point(it->second, QStringLiteral("position of \"%1\"").arg(id));
        }
    }

    for (const QString &id : textList(root["pinned"], QStringLiteral("pinned")))
        project.pinned.insert(ConceptId(id));

    const YAML::Node view = root["view"];
    requireMap(view, QStringLiteral("view"));
    if (!isAbsent(view)) {
        ViewState &v = project.view;
        if (view["zoom"]) {
            v.zoom = number(view["zoom"], QStringLiteral("view.zoom"));
            if (v.zoom <= 0.0)
                fail(view["zoom"], QStringLiteral("view.zoom must be positive"));
        }
        if (view["centre"])
            v.centre = point(view["centre"], QStringLiteral("view.centre"));
        if (view["top_n"]) {
            v.topN = integer(view["top_n"], QStringLiteral("view.top_n"));
            if (v.topN < 0)
                fail(view["top_n"], QStringLiteral("view.top_n must not be negative"));
        }
        if (view["min_link_weight"])
            v.minLinkWeight = number(view["min_link_weight"], QStringLiteral("view.min_link_weight"));
        v.hiddenTypes = textList(view["hidden_types"], QStringLiteral("view.hidden_types"));
        const YAML::Node communities = view["hidden_communities"];
        requireSequence(communities, QStringLiteral("view.hidden_communities"));
        if (!isAbsent(communities)) {
            for (const YAML::Node &item : communities)
                v.hiddenCommunities.push_back(integer(item, QStringLiteral("view.hidden_communities")));
        }
        v.hiddenDocuments = textList(view["hidden_documents"], QStringLiteral("view.hidden_documents"));
        if (view["colour_by_type"])
            v.colourByType = boolean(view["colour_by_type"], QStringLiteral("view.colour_by_type"));
    }
    return project;
}

// Each migration upgrades a parsed file in place from version v to v + 1;
// kMigrations[v - 1] is the step out of version v. Add a step (and a golden
// file of the old version under tests/data/project/) whenever the format
// changes, then bump Project::kSchemaVersion.
using Migration = void (*)(YAML::Node &root);
constexpr std::array<Migration, Project::kSchemaVersion - 1> kMigrations{};
constexpr int kOldestSchemaVersion = 1;

// ---- writing -------------------------------------------------------------

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

// Notes are Markdown: written as literal blocks when that reads back exactly
// (yaml-cpp cannot emit chomping or indentation indicators), else double-quoted.
void emitLongText(YAML::Emitter &out, const QString &value)
{
    const std::string s = utf8(value);
    if (value.contains(u'\n')) {
        YAML::Emitter probe;
        probe << YAML::Literal << s;
        try {
            if (probe.good() && YAML::Load(probe.c_str()).as<std::string>() == s) {
                out << YAML::Literal << s;
                return;
            }
        } catch (const YAML::Exception &) {
        }
        out << YAML::DoubleQuoted << s;
        return;
    }
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

} // namespace

QString ProjectFile::suffix()
{
    return QStringLiteral(".cartograph.yaml");
}

bool ProjectFile::isProjectPath(const QString &path)
{
    return path.endsWith(suffix(), Qt::CaseInsensitive);
}

std::optional<Project> ProjectFile::load(const QString &path, QString *error)
{
    const QFileInfo info(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot open %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return std::nullopt;
    }
    return parse(file.readAll(), info.absolutePath(), info.fileName(), error);
}

std::optional<Project> ProjectFile::parse(const QByteArray &yaml, const QString &baseDir,
                                          const QString &nameForMessages, QString *error)
{
    const QString name = nameForMessages.isEmpty() ? QStringLiteral("project") : nameForMessages;
    auto failed = [&](const QString &message) -> std::optional<Project> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (yaml.trimmed().isEmpty())
        return failed(name + QStringLiteral(": the file is empty"));
    if (yaml.contains('\0'))
        return failed(name + QStringLiteral(": not a text file (it holds NUL bytes)"));
    try {
        YAML::Node root = YAML::Load(yaml.toStdString());
        if (!root.IsMap() || !root["schema_version"])
            return failed(where(name, root.IsDefined() ? root.Mark() : YAML::Mark::null_mark())
                          + QStringLiteral("not a Cartograph project (no schema_version mapping)"));
        const YAML::Node versionNode = root["schema_version"];
        const int version = integer(versionNode, QStringLiteral("schema_version"));
        if (version > Project::kSchemaVersion)
            return failed(where(name, versionNode.Mark())
                          + QStringLiteral("written by a newer Cartograph (schema_version %1; this version reads up to %2)")
                                .arg(version)
                                .arg(Project::kSchemaVersion));
        if (version < kOldestSchemaVersion)
            return failed(where(name, versionNode.Mark())
                          + QStringLiteral("unsupported schema_version %1").arg(version));
        for (int v = version; v < Project::kSchemaVersion; ++v)
            kMigrations[size_t(v - 1)](root);
        return readVersion1(root, baseDir, name);
    } catch (const FormatError &e) {
        return failed(where(name, e.mark) + e.message);
    } catch (const YAML::Exception &e) {
        return failed(where(name, e.mark) + QString::fromStdString(e.msg));
    } catch (const std::exception &e) {
        return failed(name + QStringLiteral(": ") + QString::fromLocal8Bit(e.what()));
    }
}

QByteArray ProjectFile::serialize(const Project &project, const QString &baseDir)
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

    out << YAML::Key << "notes" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "concepts" << YAML::Value << YAML::BeginSeq;
    for (const ConceptNote &note : project.conceptNotes) {
        out << YAML::BeginMap << YAML::Key << "id" << YAML::Value << utf8(note.conceptId.value()) << YAML::Key
            << "label" << YAML::Value << utf8(note.label) << YAML::Key << "text" << YAML::Value;
        emitLongText(out, note.markdown);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
    out << YAML::Key << "links" << YAML::Value << YAML::BeginSeq;
    for (const LinkNote &note : project.linkNotes) {
        out << YAML::BeginMap << YAML::Key << "source" << YAML::Value << utf8(note.source.value()) << YAML::Key
            << "target" << YAML::Value << utf8(note.target.value()) << YAML::Key << "text" << YAML::Value;
        emitLongText(out, note.markdown);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
    out << YAML::EndMap;

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

    const ViewState &v = project.view;
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

    out << YAML::EndMap;
    QByteArray bytes(out.c_str(), qsizetype(out.size()));
    bytes.append('\n');
    return bytes;
}

bool ProjectFile::save(const Project &project, const QString &path, QString *error)
{
    const QFileInfo info(path);
    return writeFileAtomically(path, serialize(project, info.absolutePath()), error);
}

} // namespace carto::project
