// A NAME.cartograph.yaml project file (or a recovery file, which is one),
// through its public parse-from-bytes entry point: with no base folder, as an
// untitled project's recovery file is read, and with one, as a project file
// beside its corpus is. A file that loads must survive a save and load round trip.
#include "project/projectfile.h"

#include <cstdint>
#include <cstdlib>

using namespace carto;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const QString &baseDir : {QString(), QStringLiteral("/fuzz/projects/map")}) {
        QString error;
        const auto project = project::ProjectFile::parse(bytes, baseDir, QStringLiteral("fuzz.cartograph.yaml"), &error);
        if (!project)
            return 0;
        const QByteArray saved = project::ProjectFile::serialize(*project, baseDir);
        if (!project::ProjectFile::parse(saved, baseDir, QStringLiteral("saved.cartograph.yaml"), &error))
            std::abort(); // what we write we must be able to read
    }
    return 0;
}
