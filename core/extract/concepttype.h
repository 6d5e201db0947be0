#pragma once

#include <QString>

#include <optional>

namespace carto::extract {

enum class ConceptType { Organization, Person, Place, Product, Policy, Technology, Event, Theme };

// Lower-case English name used in files and exports ("organization", "theme").
[[nodiscard]] QString conceptTypeName(ConceptType type);
[[nodiscard]] std::optional<ConceptType> conceptTypeFromName(const QString &name);

} // namespace carto::extract
