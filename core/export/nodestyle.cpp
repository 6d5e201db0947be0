#include "nodestyle.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace carto::exporter::nodestyle {

namespace {

constexpr Rgb rgb(std::uint32_t v)
{
    return {std::uint8_t((v >> 16) & 0xff), std::uint8_t((v >> 8) & 0xff), std::uint8_t(v & 0xff)};
}

// Tableau-like categorical palette, as in app/canvas/colours.cpp.
constexpr std::array<std::uint32_t, communityColourCount> kCommunity = {
    0x4e79a7, 0xf28e2b, 0xe15759, 0x59a14f, 0xb07aa1, 0x76b7b2,
    0xedc948, 0xff9da7, 0x9c755f, 0x8cd17d, 0x499894, 0xd37295,
};
constexpr Rgb kGrey = rgb(0x9a9a9a);

} // namespace

Rgb community(int c)
{
    if (c < 0 || c >= communityColourCount)
        return kGrey;
    return rgb(kCommunity[size_t(c)]);
}

Rgb type(extract::ConceptType t)
{
    switch (t) {
    case extract::ConceptType::Organization: return rgb(0x4e79a7);
    case extract::ConceptType::Person: return rgb(0xe15759);
    case extract::ConceptType::Place: return rgb(0x59a14f);
    case extract::ConceptType::Product: return rgb(0xf28e2b);
    case extract::ConceptType::Policy: return rgb(0xb07aa1);
    case extract::ConceptType::Technology: return rgb(0x76b7b2);
    case extract::ConceptType::Event: return rgb(0xedc948);
    case extract::ConceptType::Theme: return rgb(0x9c755f);
    }
    return kGrey;
}

double radius(double score, double maxScore)
{
    const double rel = std::clamp(score / std::max(1e-9, maxScore), 0.0, 1.0);
    return 4.0 + 14.0 * std::sqrt(rel);
}

} // namespace carto::exporter::nodestyle
