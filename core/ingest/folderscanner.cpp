#include "folderscanner.h"

#include <QFile>
#include <QStringDecoder>

#include <algorithm>
#include <filesystem>
#include <string>
#include <system_error>

namespace carto::ingest {

namespace {

namespace fs = std::filesystem;

// The project's own files live beside the documents when a project is saved
// inside its corpus folder; they are not documents: the curation file, project
// files and everything saving them leaves (NAME.cartograph.yaml~ backups,
// .NAME.cartograph.yaml.lock locks, .NAME.cartograph.yaml[.N].recovery files,
// save temporaries).
bool isCurationFile(const QString &name)
{
    return name.startsWith(QLatin1String("cartograph.yaml"), Qt::CaseInsensitive)
           || name.contains(QLatin1String(".cartograph.yaml"), Qt::CaseInsensitive);
}

// The name as Qt would see it; *valid is false when its bytes are not UTF-8
// (then the name holds U+FFFD in their place and cannot be opened through Qt).
QString decodeName(const std::string &bytes, bool *valid)
{
    QStringDecoder utf8(QStringConverter::Utf8, QStringDecoder::Flag::Stateless);
    QString name = utf8.decode(QByteArrayView(bytes.data(), qsizetype(bytes.size())));
    *valid = !utf8.hasError();
    return name;
}

bool isInside(const fs::path &path, const fs::path &folder)
{
    return std::mismatch(folder.begin(), folder.end(), path.begin(), path.end()).first == folder.end();
}

struct Folder
{
    fs::path path;
    QString relative; // "" for the root
    int depth = 0;
};

struct Entry
{
    std::string name;
    fs::file_type type = fs::file_type::unknown;
};

class Scan final
{
public:
    Scan(const QString &root, const FolderScanner::Limits &limits)
        : m_root(QFile::encodeName(root).toStdString())
        , m_limits(limits)
    {
        std::error_code ec;
        m_canonicalRoot = fs::canonical(m_root, ec);
        if (ec)
            m_canonicalRoot = fs::absolute(m_root, ec).lexically_normal();
    }

    FolderScanner::Result run(const CancelToken *cancel)
    {
        std::vector<Folder> pending{{m_root, QString(), 0}};
        while (!pending.empty() && !m_full && !(cancel && cancel->isCancelled())) {
            const Folder folder = std::move(pending.back());
            pending.pop_back();
            std::vector<Folder> subfolders = visit(folder);
            // Depth first, in name order, so a file limit cuts the same files every time.
            for (auto it = subfolders.rbegin(); it != subfolders.rend(); ++it)
                pending.push_back(std::move(*it));
        }
        if (m_full) {
            problem(Problem::Severity::Error, QStringLiteral("."),
                    QStringLiteral("more than %1 files in the corpus folder; the rest were not read").arg(m_limits.maxFiles));
        }
        std::sort(m_result.relativePaths.begin(), m_result.relativePaths.end());
        return std::move(m_result);
    }

private:
    void problem(Problem::Severity severity, const QString &path, const QString &message)
    {
        m_result.problems.push_back({severity, path, message});
    }

    std::vector<Entry> list(const Folder &folder)
    {
        std::vector<Entry> entries;
        std::error_code ec;
        fs::directory_iterator it(folder.path, ec);
        for (const fs::directory_iterator end; !ec && it != end; it.increment(ec)) {
            std::error_code typeError;
            entries.push_back({it->path().filename().native(), it->symlink_status(typeError).type()});
        }
        if (ec) {
            problem(Problem::Severity::Error, folder.relative.isEmpty() ? QStringLiteral(".") : folder.relative,
                    QStringLiteral("folder is not readable (%1), skipped").arg(QString::fromStdString(ec.message())));
            entries.clear();
        }
        std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.name < b.name; });
        return entries;
    }

    std::vector<Folder> visit(const Folder &folder)
    {
        std::vector<Folder> subfolders;
        for (const Entry &entry : list(folder)) {
            if (entry.name.empty())
                continue;
            bool valid = false;
            const QString name = decodeName(entry.name, &valid);
            if (entry.name.front() == '.' || (isCurationFile(name) && entry.type != fs::file_type::directory))
                continue; // hidden, or the project's own file (also when it is a symbolic link)
            const QString relative = folder.relative.isEmpty() ? name : folder.relative + u'/' + name;
            const bool isFolder = entry.type == fs::file_type::directory;
            if (!valid) {
                problem(Problem::Severity::Error, relative,
                        isFolder ? QStringLiteral("folder name is not valid UTF-8, skipped (rename it to read it)")
                                 : QStringLiteral("file name is not valid UTF-8, skipped (rename it to read it)"));
                continue;
            }
            switch (entry.type) {
            case fs::file_type::symlink:
                link(folder.path / entry.name, relative);
                break;
            case fs::file_type::directory:
                if (folder.depth + 1 > m_limits.maxDepth) {
                    problem(Problem::Severity::Error, relative,
                            QStringLiteral("folder nested more than %1 levels deep, skipped").arg(m_limits.maxDepth));
                } else {
                    subfolders.push_back({folder.path / entry.name, relative, folder.depth + 1});
                }
                break;
            case fs::file_type::regular:
                if (m_result.relativePaths.size() >= m_limits.maxFiles) {
                    m_full = true;
                    return {};
                }
                m_result.relativePaths << relative;
                break;
            default:
                problem(Problem::Severity::Error, relative,
                        QStringLiteral("not a regular file (a pipe, socket or device), skipped"));
                break;
            }
        }
        return subfolders;
    }

    // Links are not followed: one to a file outside would put that file's text
    // in every export, one to a folder can pull in a whole disk or loop.
    void link(const fs::path &path, const QString &relative)
    {
        std::error_code ec;
        const fs::path target = fs::canonical(path, ec);
        if (ec) {
            problem(Problem::Severity::Error, relative, QStringLiteral("broken symbolic link, skipped"));
        } else if (isInside(target, m_canonicalRoot)) {
            problem(Problem::Severity::Warning, relative,
                    QStringLiteral("symbolic link within the corpus folder, not followed"));
        } else {
            problem(Problem::Severity::Error, relative,
                    QStringLiteral("symbolic link to outside the corpus folder, not followed"));
        }
    }

    fs::path m_root;
    fs::path m_canonicalRoot;
    const FolderScanner::Limits &m_limits;
    FolderScanner::Result m_result;
    bool m_full = false;
};

} // namespace

FolderScanner::Result FolderScanner::scan(const QString &root, const Limits &limits, const CancelToken *cancel)
{
    return Scan(root, limits).run(cancel);
}

} // namespace carto::ingest
