#pragma once

#include "extract/concepttype.h"

#include <QColor>
#include <QPalette>

namespace carto::app {

// The map's colour scheme: categorical colours for communities and concept
// types chosen to stay distinct on light and dark backgrounds, plus the
// neutral colours derived from the widget palette (so the map follows the system theme).
namespace colours {

inline constexpr int communityColourCount = 12;

// Communities past the palette share one neutral grey.
[[nodiscard]] QColor community(int community);
[[nodiscard]] QColor type(extract::ConceptType type);
[[nodiscard]] bool isDark(const QPalette &palette);
[[nodiscard]] QColor mapBackground(const QPalette &palette);
[[nodiscard]] QColor edge(const QPalette &palette);
[[nodiscard]] QColor labelText(const QPalette &palette);
[[nodiscard]] QColor labelHalo(const QPalette &palette);
[[nodiscard]] QColor accent(const QPalette &palette);
// User links ([[Concept]] in a note) and note badges: violet, unlike any extracted link.
[[nodiscard]] QColor userLink(const QPalette &palette);

} // namespace colours
} // namespace carto::app
