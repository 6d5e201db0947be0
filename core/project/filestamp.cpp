#include "filestamp.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace carto::project {

FileStamp FileStamp::of(const QString &path)
{
    FileStamp stamp;
    const QFileInfo info(path);
    if (!info.exists())
        return stamp;
    stamp.exists = true;
    stamp.size = info.size();
    stamp.modified = info.lastModified();
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (hash.addData(&file))
            stamp.sha256 = hash.result();
    }
    return stamp;
}

FileStamp FileStamp::ofBytes(const QByteArray &bytes, const QString &path)
{
    FileStamp stamp;
    stamp.exists = true;
    stamp.size = bytes.size();
    stamp.modified = QFileInfo(path).lastModified();
    stamp.sha256 = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    return stamp;
}

bool FileStamp::sameContent(const FileStamp &other) const
{
    if (exists != other.exists)
        return false;
    if (!exists)
        return true;
    return size == other.size && !sha256.isEmpty() && sha256 == other.sha256;
}

} // namespace carto::project
