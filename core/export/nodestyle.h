#pragma once

#include "extract/concepttype.h"

#include <cstdint>

namespace carto::exporter {

// How the map draws a node, for exports that carry a look (GEXF's viz:color and
// viz:size): the categorical colours of communities and concept types and the
// radius by score. The same values as app/canvas (colours.cpp, MapRenderer),
// kept here without Qt Gui so core can write them; tests/app/nodestyle_test
// checks that the two stay equal.
namespace nodestyle {

struct Rgb
{
    std::uint8_t r = 0;
    std::uint8_t g = 0;
    std::uint8_t b = 0;

    friend bool operator==(const Rgb &, const Rgb &) = default;
};

inline constexpr int communityColourCount = 12;

// Communities past the palette share one neutral grey.
[[nodiscard]] Rgb community(int community);
[[nodiscard]] Rgb type(extract::ConceptType type);
// Scene radius of a node of this score when the best node scores maxScore:
// grows with the square root of the relative score, from 4 to 18.
[[nodiscard]] double radius(double score, double maxScore);

} // namespace nodestyle
} // namespace carto::exporter
