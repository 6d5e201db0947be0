#pragma once

#include <QByteArray>
#include <QString>

namespace carto::project {

// Writes bytes to path through QSaveFile: either the whole new content lands
// or the previous file stays byte-identical (no temporary file is left). The
// write is unbuffered so a short write (disk full, file size limit) is seen
// before commit; QSaveFile alone misses errors raised by its final flush.
// Used by project files, recovery files and every export. Returns false and
// sets *error ("cannot save PATH: reason") on failure.
bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error);

} // namespace carto::project
