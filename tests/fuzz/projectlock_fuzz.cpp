// A session's lock file beside a project (.NAME.cartograph.yaml.lock), which
// any other session or program may have written: parsed, judged stale or live
// and described for the "opened elsewhere" warning.
#include "project/projectlock.h"

#include <chrono>
#include <cstdint>
#include <cstdlib>

using namespace carto;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto holder = project::ProjectLock::parse(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!holder)
        return 0;
    if (holder->session.isEmpty())
        std::abort(); // a holder always names its session
    (void)project::ProjectLock::isStale(*holder, std::chrono::minutes(15));
    if (project::ProjectLock::describe(*holder).isEmpty())
        std::abort();
    return 0;
}
