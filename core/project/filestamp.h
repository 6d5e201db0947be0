#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace carto::project {

// What a file held at one moment: whether it existed, its size, modification
// time and a SHA-256 of its bytes. The app keeps the stamp of the project file
// it loaded or last saved and compares it with the file before the next save,
// so a file another window or program changed is never overwritten silently.
struct FileStamp
{
    bool exists = false;
    qint64 size = 0;
    QDateTime modified;
    QByteArray sha256;

    // Reads the file now. A file that cannot be read counts as changed content
    // (empty hash), never as unchanged.
    [[nodiscard]] static FileStamp of(const QString &path);
    // The stamp of bytes just read from or written to `path`.
    [[nodiscard]] static FileStamp ofBytes(const QByteArray &bytes, const QString &path);

    // Both missing, or the same size and bytes. The time alone does not count:
    // a file touched (or copied back) with the same bytes holds nothing new.
    [[nodiscard]] bool sameContent(const FileStamp &other) const;
};

} // namespace carto::project
