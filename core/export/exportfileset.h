#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

namespace carto::exporter {

// Writes the files of one export into one folder so that each file is either
// its old content or its whole new content, and so that nothing is written
// through a link: an existing symbolic link (or anything not a regular file)
// where an export file goes is refused with a message, and the new content goes
// to a fresh temporary file (O_CREAT | O_EXCL | O_NOFOLLOW) that is renamed over
// the name; rename replaces a name, it never follows it. A file that already
// holds exactly the new bytes is left as it is. Each exporter in core/export and
// app/export writes through this class.
//
// Durability: with Sync::PerFile each file is flushed before its rename (right
// for one or two files); with Sync::Once every staged file is written first, the
// file system is flushed once (syncfs on Linux), then all are renamed and the
// folder is flushed: the Markdown vault writes thousands of notes, and one
// fdatasync each cost most of its export time.
class ExportFileSet final
{
public:
    enum class Sync { PerFile, Once };

    // folder must exist. Nothing is written until add().
    explicit ExportFileSet(const QString &folder, Sync sync = Sync::PerFile);
    ~ExportFileSet(); // removes the temporary files of a set that was not committed
    ExportFileSet(const ExportFileSet &) = delete;
    ExportFileSet &operator=(const ExportFileSet &) = delete;

    // Stages bytes for folder/name (name: one path component). Returns false and
    // sets *error when the name is taken by a link, a folder or another special
    // file, or when writing fails.
    bool add(const QString &name, const QByteArray &bytes, QString *error);
    // Makes the staged files durable and puts each in place. Returns false and
    // sets *error on the first failure (files already renamed stay, complete).
    bool commit(QString *error);

    // One file, atomically, never through a link at path. Returns false and
    // sets *error ("cannot save PATH: reason") on failure.
    static bool writeFile(const QString &path, const QByteArray &bytes, QString *error);

private:
    struct Staged
    {
        QByteArray temporary; // native name inside the folder
        QByteArray name;
    };

    bool fail(const QString &name, const QString &reason, QString *error) const;

    QString m_folder;
    Sync m_sync;
    int m_dir = -1; // the folder, opened once: every later call is relative to it
    int m_openError = 0;
    std::vector<Staged> m_staged;
};

} // namespace carto::exporter
