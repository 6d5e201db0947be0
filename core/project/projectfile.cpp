#include "projectfile.h"

#include "atomicfile.h"
#include "projectreader.h"
#include "projectwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <yaml-cpp/yaml.h>

#include <array>

namespace carto::project {

namespace {

// Each migration upgrades a parsed file in place from version v to v + 1;
// kMigrations[v - 1] is the step out of version v. Add a step (and a golden
// file of the old version under tests/data/project/) whenever the format
// changes, then bump Project::kSchemaVersion.
using Migration = void (*)(YAML::Node &root);

// 1 -> 2: schema 2 adds the trailing `end:` counts, checked before migrating;
// a schema-1 file has none and every other field reads the same.
void fromVersion1(YAML::Node &) { }

constexpr std::array<Migration, Project::kSchemaVersion - 1> kMigrations{&fromVersion1};
constexpr int kOldestSchemaVersion = 1;
constexpr int kFirstVersionWithEndMarker = 2;

} // namespace

QString ProjectFile::suffix()
{
    return QStringLiteral(".cartograph.yaml");
}

bool ProjectFile::isProjectPath(const QString &path)
{
    return path.endsWith(suffix(), Qt::CaseInsensitive);
}

QString ProjectFile::backupPath(const QString &path)
{
    return path + u'~';
}

std::optional<Project> ProjectFile::load(const QString &path, QString *error, FileStamp *stamp)
{
    const QFileInfo info(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot open %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    if (stamp)
        *stamp = FileStamp::ofBytes(bytes, path);
    return parse(bytes, info.absolutePath(), info.fileName(), error);
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
        refuseWhenPlainlyCut(yaml, kFirstVersionWithEndMarker);
        refuseAliases(yaml);
        YAML::Node root = YAML::Load(yaml.toStdString());
        if (!root.IsMap() || !root["schema_version"])
            return failed(where(name, root.IsDefined() ? root.Mark() : YAML::Mark::null_mark())
                          + QStringLiteral("not a Cartograph project (no schema_version mapping)"));
        const YAML::Node versionNode = root["schema_version"];
        const int version = readInteger(versionNode, QStringLiteral("schema_version"));
        if (version > Project::kSchemaVersion)
            return failed(where(name, versionNode.Mark())
                          + QStringLiteral("written by a newer Cartograph (schema_version %1; this version reads up to %2)")
                                .arg(version)
                                .arg(Project::kSchemaVersion));
        if (version < kOldestSchemaVersion)
            return failed(where(name, versionNode.Mark())
                          + QStringLiteral("unsupported schema_version %1").arg(version));
        if (version >= kFirstVersionWithEndMarker)
            checkEndMarker(root, yaml);
        for (int v = version; v < Project::kSchemaVersion; ++v)
            kMigrations[size_t(v - 1)](root);
        return readProject(root, baseDir, name);
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
    // yaml-cpp picks each string's style without knowing all of YAML's reading
    // rules, so read the result back and double-quote the notes that would change.
    std::set<NoteRef> quoted;
    QByteArray bytes = writeProject(project, baseDir, quoted);
    const std::set<NoteRef> changed = notesThatChange(project, bytes);
    if (!changed.empty()) {
        quoted.insert(changed.begin(), changed.end());
        bytes = writeProject(project, baseDir, quoted);
    }
    return bytes;
}

bool ProjectFile::save(const Project &project, const QString &path, QString *error, FileStamp *written)
{
    const QFileInfo info(path);
    const QByteArray bytes = serialize(project, info.absolutePath());
    if (info.exists() && info.isFile()) {
        // The previous version survives one save, whatever it held.
        QFile previous(path);
        if (!previous.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QStringLiteral("cannot back up %1 before saving: %2")
                             .arg(QDir::toNativeSeparators(path), previous.errorString());
            return false;
        }
        const QByteArray old = previous.readAll();
        if (old != bytes && !writeFileAtomically(backupPath(path), old, error))
            return false;
    }
    if (!writeFileAtomically(path, bytes, error))
        return false;
    if (written)
        *written = FileStamp::ofBytes(bytes, path);
    return true;
}

} // namespace carto::project
