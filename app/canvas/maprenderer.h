#pragma once

#include "canvas/spatialgrid.h"
#include "graph/conceptgraph.h"

#include <QColor>
#include <QFont>
#include <QHash>
#include <QImage>
#include <QLineF>
#include <QList>
#include <QPalette>
#include <QPointF>
#include <QRectF>
#include <QStaticText>

#include <optional>
#include <vector>

class QPainter;

namespace carto::app {

class ProjectDocument;

// Paints the whole map in batches: all visible edges as a few drawLines calls
// (strongest first, culled, capped by the level-of-detail policy), nodes as
// batched squares when tiny and circles otherwise, and labels greedily by
// importance with a screen-space density limit so they never overlap. Owns the
// displayed positions (which lag the document's while a layout animates) and a
// spatial grid for hit-testing. Used by MapView, its minimap and the render benchmark.
class MapRenderer final
{
public:
    explicit MapRenderer(const ProjectDocument *document);

    // Re-reads the document after a build landed.
    void rebuild();
    void setPalette(const QPalette &palette);
    void setColourByType(bool byType);
    [[nodiscard]] bool colourByType() const { return m_colourByType; }
    [[nodiscard]] QColor nodeColour(graph::NodeIndex node) const { return m_colour[size_t(node)]; }

    [[nodiscard]] const std::vector<QPointF> &positions() const { return m_pos; }
    void setPositions(std::vector<QPointF> positions);
    void setPosition(graph::NodeIndex node, QPointF pos);
    [[nodiscard]] QPointF position(graph::NodeIndex node) const { return m_pos[size_t(node)]; }
    // Radius in scene units; on screen it grows sub-linearly once large (screenRadius()).
    [[nodiscard]] double radius(graph::NodeIndex node) const { return m_radius[size_t(node)]; }
    // On-screen radius in device pixels at a view scale: what paint and hit tests use.
    [[nodiscard]] double screenRadius(graph::NodeIndex node, double scale) const;
    [[nodiscard]] QRectF visibleBounds() const;

    // Device rects covered by overlays (legend, minimap): labels keep clear of them.
    void setReservedRects(const QList<QRectF> &rects) { m_reserved = rects; }

    // The node a dragged node would merge into: drawn with a drop highlight.
    void setDropTarget(graph::NodeIndex node) { m_dropTarget = node; }

    // Emphasis: the hovered node, else a highlighted legend group, else the
    // selection, stays bright with its neighbours (and the links of the hovered
    // or selected nodes are drawn bold); everything else fades.
    void setHovered(graph::NodeIndex node);
    [[nodiscard]] graph::NodeIndex hovered() const { return m_hovered; }
    void setSelection(const QList<graph::NodeIndex> &nodes);
    // A community (or, byType, a concept type) the legend highlights.
    struct Group
    {
        bool byType = false;
        int key = -1;
        friend bool operator==(const Group &, const Group &) = default;
    };
    void setHighlightedGroup(std::optional<Group> group);
    [[nodiscard]] std::optional<Group> highlightedGroup() const { return m_group; }
    [[nodiscard]] bool inGroup(graph::NodeIndex node, const Group &group) const;
    [[nodiscard]] bool isEmphasised(graph::NodeIndex node) const;

    // Painter in scene coordinates (its world transform maps scene to device).
    void paintMap(QPainter *painter, const QRectF &exposed);
    void paintLabels(QPainter *painter, const QRectF &exposed);

    // Hit tests at a view scale (device pixels per scene unit); -1 when nothing is there.
    [[nodiscard]] graph::NodeIndex nodeAt(QPointF scenePos, double scale, graph::NodeIndex exclude = -1);
    [[nodiscard]] graph::EdgeIndex edgeAt(QPointF scenePos, double scale) const;
    [[nodiscard]] QList<graph::NodeIndex> nodesIn(const QRectF &sceneRect);
    // The node whose label the last frame drew at a device position; -1 when none.
    [[nodiscard]] graph::NodeIndex labelAt(QPointF devicePos) const;

    // What the last frame drew, for tests and the benchmark.
    [[nodiscard]] int lastEdgeCount() const { return m_lastEdges; }
    [[nodiscard]] int lastNodeCount() const { return m_lastNodes; }
    [[nodiscard]] const std::vector<graph::NodeIndex> &lastLabelledNodes() const { return m_lastLabelled; }
    // Device rects of the last frame's labels, parallel to lastLabelledNodes().
    [[nodiscard]] const std::vector<QRectF> &lastLabelRects() const { return m_lastLabelRects; }
    // User links ([[Concept]] in notes) the last frame drew.
    [[nodiscard]] int lastUserLinkCount() const { return m_lastUserLinks; }

private:
    void recolour();
    void ensureGrid();
    const QStaticText &labelText(graph::NodeIndex node);
    // The label drawn with its halo, cached per node (raster devices only).
    const QImage &labelImage(graph::NodeIndex node, double devicePixelRatio);
    void drawLabel(QPainter *painter, graph::NodeIndex node, const QRectF &rect, bool dim);
    // A node's disc as drawn (antialiased fill, outline in the background colour),
    // rendered once per colour and quarter-pixel radius: blitting it costs a few
    // per cent of drawEllipse, which builds, fills and strokes a path per node.
    const QImage &discSprite(QRgb colour, double radiusPx, double devicePixelRatio);
    // A round node in device pixels (the painter's world transform reset).
    struct Disc
    {
        QPointF centre;
        double radius;
        graph::NodeIndex node;
    };
    // Draws a disc in its node's colour (faded unless emphasised): a sprite on
    // raster devices, an ellipse on vector ones (SVG, PDF) so it stays sharp.
    void drawDisc(QPainter *painter, const Disc &disc, bool raster, double devicePixelRatio);
    void recomputeEmphasis();

    const ProjectDocument *m_document;
    QPalette m_palette;
    bool m_colourByType = false;

    std::vector<QPointF> m_pos;
    std::vector<double> m_radius;
    std::vector<QColor> m_colour;
    std::vector<int> m_rank;               // 0 = best score
    std::vector<graph::NodeIndex> m_drawOrder; // ascending score: big nodes paint on top
    std::vector<graph::EdgeIndex> m_edgeOrder; // descending weight
    std::vector<unsigned char> m_edgeBucket;   // weight class 0..3
    double m_maxRadius = 1.0;

    graph::NodeIndex m_hovered = -1;
    graph::NodeIndex m_dropTarget = -1;
    QList<graph::NodeIndex> m_selection;
    std::optional<Group> m_group;
    std::vector<char> m_emphasis; // 2: hovered / selected / in the group; 1: a neighbour of one
    std::vector<graph::NodeIndex> m_emphasisSources;
    bool m_emphasising = false;

    SpatialGrid m_grid;
    bool m_gridDirty = true;

    std::vector<QStaticText> m_labels;
    std::vector<QImage> m_labelImages;
    std::vector<char> m_labelReady;
    QHash<quint64, QImage> m_discSprites;
    std::vector<int> m_labelStamp;
    int m_frame = 0;
    QFont m_labelFonts[3];

    // Per-frame scratch, kept to avoid reallocating every paint.
    std::vector<QLineF> m_lines[4];
    std::vector<QLineF> m_highlightLines;
    QHash<QRgb, std::vector<QRectF>> m_squares;
    std::vector<graph::NodeIndex> m_round;
    std::vector<std::vector<QRectF>> m_labelCells;
    // Round nodes of the last paintMap() in device pixels: labels keep off them.
    std::vector<Disc> m_discs;
    QTransform m_discTransform;
    std::vector<std::vector<int>> m_discCells;

    int m_lastEdges = 0;
    int m_lastNodes = 0;
    int m_lastUserLinks = 0;
    std::vector<graph::NodeIndex> m_lastLabelled;
    std::vector<QRectF> m_lastLabelRects;
    QList<QRectF> m_reserved;
};

} // namespace carto::app
