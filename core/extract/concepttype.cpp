#include "concepttype.h"

#include <array>

namespace carto::extract {

namespace {
constexpr std::array kNames = {u"organization", u"person", u"place", u"product",
                               u"policy", u"technology", u"event", u"theme"};
}

QString conceptTypeName(ConceptType type)
{
    return QString::fromUtf16(kNames[static_cast<size_t>(type)]);
}

std::optional<ConceptType> conceptTypeFromName(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    for (size_t i = 0; i < kNames.size(); ++i) {
        if (lower == QStringView(kNames[i]))
            return static_cast<ConceptType>(i);
    }
    return std::nullopt;
}

} // namespace carto::extract
