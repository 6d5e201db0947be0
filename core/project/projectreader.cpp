#include "projectreader.h"

#include "projectcounts.h"

#include <QDir>
#include <QStringDecoder>

#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

namespace carto::project {

namespace {

[[noreturn]] void fail(const YAML::Node &node, const QString &message)
{
    throw FormatError{node.Mark(), message};
}

QString text(const YAML::Node &node, const QString &what)
{
    if (!node.IsDefined() || node.IsNull())
        return {};
    if (!node.IsScalar())
        fail(node, QStringLiteral("%1 must be text").arg(what));
    // QString::fromUtf8 would drop a leading U+FEFF: user text keeps every character.
    QStringDecoder decode(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    return decode(QByteArrayView(node.Scalar().data(), qsizetype(node.Scalar().size())));
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

void readNotes(const YAML::Node &notes, Project &project)
{
    requireMap(notes, QStringLiteral("notes"));
    if (isAbsent(notes))
        return;
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

ViewState readView(const YAML::Node &view)
{
    requireMap(view, QStringLiteral("view"));
    ViewState v;
    if (isAbsent(view))
        return v;
    if (view["zoom"]) {
        v.zoom = number(view["zoom"], QStringLiteral("view.zoom"));
        if (v.zoom <= 0.0)
            fail(view["zoom"], QStringLiteral("view.zoom must be positive"));
    }
    if (view["centre"])
        v.centre = point(view["centre"], QStringLiteral("view.centre"));
    if (view["top_n"]) {
        v.topN = readInteger(view["top_n"], QStringLiteral("view.top_n"));
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
            v.hiddenCommunities.push_back(readInteger(item, QStringLiteral("view.hidden_communities")));
    }
    v.hiddenDocuments = textList(view["hidden_documents"], QStringLiteral("view.hidden_documents"));
    if (view["colour_by_type"])
        v.colourByType = boolean(view["colour_by_type"], QStringLiteral("view.colour_by_type"));
    return v;
}

// Stops at the first alias. The parser's events come before any node is built,
// so nothing is expanded; throwing from the handler ends the parse.
class AliasFinder final : public YAML::EventHandler
{
public:
    void OnDocumentStart(const YAML::Mark &) override { }
    void OnDocumentEnd() override { }
    void OnNull(const YAML::Mark &, YAML::anchor_t) override { }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t) override
    {
        throw FormatError{mark, QStringLiteral("YAML aliases (*name) are not allowed in a project file")};
    }
    void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t, const std::string &) override { }
    void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t, YAML::EmitterStyle::value) override { }
    void OnSequenceEnd() override { }
    void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t, YAML::EmitterStyle::value) override { }
    void OnMapEnd() override { }
};

// The last character of the file's content, for "line L, column C" when the
// end marker is missing: that is where the file stops.
YAML::Mark endOfContent(const QByteArray &yaml)
{
    qsizetype last = yaml.size() - 1;
    while (last >= 0 && QChar::isSpace(uchar(yaml[last])))
        --last;
    YAML::Mark mark;
    mark.pos = int(std::max<qsizetype>(last, 0));
    mark.line = int(yaml.left(last + 1).count('\n'));
    mark.column = int(last - (yaml.lastIndexOf('\n', std::max<qsizetype>(last, 0)) + 1));
    return mark;
}

const QString &cutShortMessage()
{
    static const QString message = QStringLiteral(
        "the file is cut short or damaged (its end marker is missing), so it is not opened; "
        "the previous version may be in the backup beside it (NAME.cartograph.yaml~)");
    return message;
}

} // namespace

QString where(const QString &name, const YAML::Mark &mark)
{
    if (mark.is_null() || mark.line < 0)
        return name + QStringLiteral(": ");
    return QStringLiteral("%1: line %2, column %3: ").arg(name).arg(mark.line + 1).arg(mark.column + 1);
}

int readInteger(const YAML::Node &node, const QString &what)
{
    if (!node.IsScalar())
        fail(node, QStringLiteral("%1 must be a whole number").arg(what));
    bool ok = false;
    const int value = QString::fromStdString(node.Scalar()).toInt(&ok);
    if (!ok)
        fail(node, QStringLiteral("%1 must be a whole number, not \"%2\"").arg(what, QString::fromStdString(node.Scalar())));
    return value;
}

void refuseAliases(const QByteArray &yaml)
{
    std::istringstream stream(yaml.toStdString());
    YAML::Parser parser(stream);
    AliasFinder finder;
    parser.HandleNextDocument(finder);
}

Project readProject(const YAML::Node &root, const QString &baseDir, const QString &name)
{
    Project project;
    for (const QString &folder : textList(root["corpus"], QStringLiteral("corpus"))) {
        if (folder.isEmpty())
            continue;
        project.corpusFolders.append(baseDir.isEmpty() ? folder : QDir::cleanPath(QDir(baseDir).absoluteFilePath(folder)));
    }
    project.curation = readCuration(root["curation"], name);
    readNotes(root["notes"], project);

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
    project.view = readView(root["view"]);
    return project;
}

void refuseWhenPlainlyCut(const QByteArray &yaml, int firstVersionWithEnd)
{
    // Cartograph writes "schema_version: N" first and "end:" as the last root
    // key, always at the start of a line (nothing nested starts in column 0).
    // Without that line a file of such a version cannot hold the marker, so it
    // is refused without building its YAML tree (what most damaged files are).
    static const QByteArray head = "schema_version: ";
    if (!yaml.startsWith(head))
        return;
    const qsizetype eol = yaml.indexOf('\n');
    bool ok = false;
    const int version = yaml.mid(head.size(), eol < 0 ? -1 : eol - head.size()).trimmed().toInt(&ok);
    // A newer version is left to the version check, which says so.
    if (ok && version >= firstVersionWithEnd && version <= Project::kSchemaVersion && !yaml.contains("\nend:"))
        throw FormatError{endOfContent(yaml), cutShortMessage()};
}

void checkEndMarker(const YAML::Node &root, const QByteArray &yaml)
{
    YAML::Node marker;
    bool found = false;
    std::string lastKey;
    for (auto it = root.begin(); it != root.end(); ++it) {
        lastKey = it->first.IsScalar() ? it->first.Scalar() : std::string();
        if (lastKey == "end") {
            marker = it->second;
            found = true;
        }
    }
    const YAML::Node end = marker; // const: looking a key up must not add it
    if (!found)
        throw FormatError{endOfContent(yaml), cutShortMessage()};
    if (lastKey != "end")
        fail(end, QStringLiteral("end must be the last entry of the file"));
    if (!end.IsMap())
        fail(end, QStringLiteral("end must be a mapping of counts (the file is damaged)"));
    const ProjectCounts held = ProjectCounts::of(root);
    for (const auto &[key, count] : held.entries()) {
        const YAML::Node recorded = end[key];
        if (isAbsent(recorded))
            throw FormatError{endOfContent(yaml), cutShortMessage()};
        const int expected = readInteger(recorded, QStringLiteral("end.%1").arg(QLatin1String(key)));
        if (expected != count)
            fail(recorded, QStringLiteral("end.%1 records %2 but the file holds %3: the file is damaged or was "
                                          "edited by hand (correct the count to open it)")
                               .arg(QLatin1String(key))
                               .arg(expected)
                               .arg(count));
    }
}

} // namespace carto::project
