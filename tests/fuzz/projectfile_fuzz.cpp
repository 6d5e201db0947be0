// A NAME.cartograph.yaml project file, through its public parse-from-bytes
// entry point. A file that loads must survive a save and load round trip.
#include "project/projectfile.h"

#include <cstdint>
#include <cstdlib>

using namespace carto;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QString error;
    const auto project = project::ProjectFile::parse(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)),
                                                     QString(), QStringLiteral("fuzz.cartograph.yaml"), &error);
    if (!project)
        return 0;
    const QByteArray saved = project::ProjectFile::serialize(*project, QString());
    if (!project::ProjectFile::parse(saved, QString(), QStringLiteral("saved.cartograph.yaml"), &error))
        std::abort(); // what we write we must be able to read
    return 0;
}
