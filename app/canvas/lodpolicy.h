#pragma once

#include <algorithm>
#include <cmath>

namespace carto::app {

// Level-of-detail policy of the map, as named thresholds in screen pixels.
// MapRenderer reads them; the render benchmark shows what they buy.
namespace lod {

// Nodes never shrink below this on screen, so small concepts stay findable.
inline constexpr double minNodeRadiusPx = 1.5;
// Nodes never grow above this on screen, however far the view zooms in.
inline constexpr double maxNodeRadiusPx = 36.0;
// Nodes grow linearly with zoom up to this on-screen radius, then as the square
// root of zoom: the space between nodes grows faster than they do, so zooming in
// separates crowded discs and their labels instead of turning them into huge
// overlapping plates, while small nodes still grow into view.
inline constexpr double linearNodeRadiusPx = 7.0;
inline constexpr double nodeGrowthExponent = 0.5;

// On-screen radius in device pixels of a node of a scene radius at a view scale.
// Drawing, hit-testing, badges, rings, label offsets and exports all go through
// this, so what is hit is what is seen.
[[nodiscard]] inline double nodeScreenRadius(double sceneRadius, double scale)
{
    const double linear = sceneRadius * scale;
    const double r = linear <= linearNodeRadiusPx
        ? linear
        : linearNodeRadiusPx * std::pow(linear / linearNodeRadiusPx, nodeGrowthExponent);
    return std::clamp(r, minNodeRadiusPx, maxNodeRadiusPx);
}
// Below this radius nodes are drawn as batched squares without outline or antialiasing.
inline constexpr double roundNodeMinRadiusPx = 2.5;
// At most this many edges per frame, strongest first; the rest drop out when zoomed out.
inline constexpr int maxEdgesPerFrame = 6000;
// Within that cap, about this many edges per node on screen, and never fewer than minEdgesPerFrame.
inline constexpr double edgesPerVisibleNode = 2.5;
inline constexpr int minEdgesPerFrame = 400;
// Edges are antialiased, and the strongest drawn wider, only when few are drawn.
inline constexpr int antialiasEdgesBelow = 800;
// Edges shorter than this on screen are skipped: they hide under their nodes.
inline constexpr double minEdgeLengthPx = 2.0;
// One label per this many square pixels of viewport at most (density limit).
inline constexpr double viewportAreaPerLabelPx = 4500.0;
// Labels are tried in importance order; stop after this many candidates.
inline constexpr int maxLabelCandidates = 4000;
// Labels of nodes smaller than this on screen are only drawn for highly ranked
// concepts (rank below labelRankAlways), so zooming out leaves the important names.
inline constexpr double labelMinNodeRadiusPx = 2.0;
inline constexpr int labelRankAlways = 40;
// Note badges are drawn on nodes at least this large on screen, this big.
inline constexpr double noteBadgeMinRadiusPx = 4.0;
inline constexpr double noteBadgeSizePx = 6.0;
// Width of the outline in the map's background colour drawn around label glyphs.
inline constexpr double labelHaloPx = 1.5;
// Padding around a label that other labels must keep clear of.
inline constexpr double labelPaddingPx = 2.0;

} // namespace lod
} // namespace carto::app
