#pragma once

#include "canvas/maprenderer.h"

#include <QGraphicsView>
#include <QPointer>

class QRubberBand;
class QVariantAnimation;

namespace carto::app {

class LegendWidget;
class MapStatusOverlay;
class Minimap;
class ProjectDocument;

// The map: a QGraphicsView over an item-less scene whose background and
// foreground passes let MapRenderer batch-paint edges, nodes and labels.
// Handles navigation (wheel zoom under the mouse, drag to pan, Home to fit),
// hover emphasis, click / Ctrl-click / Shift-drag selection, node drags (as
// MoveNodeCommands) and double-click focus; animates layout changes. A label
// is part of its node: hovering, clicking, dragging or double-clicking it acts
// on the node. Until the user pans or zooms, the map stays fitted to the
// visible concepts: after a build, a filter change and every resize.
class MapView final : public QGraphicsView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MapView)

public:
    explicit MapView(ProjectDocument *document, QWidget *parent = nullptr);
    ~MapView() override;

    [[nodiscard]] MapRenderer &renderer() { return m_renderer; }
    [[nodiscard]] double currentScale() const;
    [[nodiscard]] QPointF nodeScenePos(graph::NodeIndex node) const { return m_renderer.position(node); }
    [[nodiscard]] bool isAnimating() const;
    void setFocusDepth(int depth) { m_focusDepth = depth; }
    [[nodiscard]] int focusDepth() const { return m_focusDepth; }
    void setColourByType(bool byType);
    [[nodiscard]] LegendWidget *legend() const { return m_legend; }
    [[nodiscard]] Minimap *minimap() const { return m_minimap; }
    [[nodiscard]] MapStatusOverlay *statusOverlay() const { return m_status; }
    // Zoom (device pixels per layout unit) and centre (layout units): how a
    // project remembers where the user was looking, independent of the window.
    [[nodiscard]] double layoutZoom() const;
    [[nodiscard]] graph::Point layoutCentre() const;
    void restoreView(double layoutZoom, graph::Point layoutCentre);
    // The concept a dragged node would be merged into if dropped now; -1 when none.
    [[nodiscard]] graph::NodeIndex dropTarget() const { return m_dropTarget; }
    // The node under a viewport position: its disc, else its label; -1 when none.
    [[nodiscard]] graph::NodeIndex nodeUnder(QPoint viewportPos, graph::NodeIndex exclude = -1);
    // True while the view follows the visible concepts (no pan or zoom since the last fit).
    [[nodiscard]] bool isAutoFit() const { return m_autoFit; }
    // Moves the view's centre to a scene point, as the user does with the minimap.
    void panTo(QPointF scenePos);

public Q_SLOTS:
    void fitToVisible();
    void zoomIn();
    void zoomOut();
    // Centres on a node and zooms in so it and its neighbours are readable.
    void centreOnNode(graph::NodeIndex node);
    void enterFocus(graph::NodeIndex node);
    void exitFocus();

Q_SIGNALS:
    void viewChanged();
    void hoveredChanged(int node);
    // A node was dragged onto another and dropped: merge `from` into `into`.
    void mergeRequested(int from, int into);
    // Right click; node is -1 on empty map.
    void contextMenuRequested(int node, const QPoint &globalPos);

protected:
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void onBuildChanged();
    void onLayoutApplied(const QList<QPointF> &previous);
    void onLegendClicked(int key);
    void onLegendDoubleClicked(int key);
    void updateSceneRect();
    // The scale and centre fitToVisible() would choose; 0 when nothing is visible.
    [[nodiscard]] double fitScale(QPointF *centre) const;
    void zoomBy(double factor);
    // The user moved the view: it stops following the visible concepts, and
    // the minimap (pointless while the whole map is in view) comes back.
    void leaveAutoFit();
    void placeOverlays();
    void refresh();
    void hoverAt(QPoint viewportPos);
    // "Merge into ‘B’" beside the drop target while a node is dragged onto it.
    void drawDropHint(QPainter *painter);

    enum class Gesture { None, Pan, DragNode, RubberBand };

    ProjectDocument *m_document;
    MapRenderer m_renderer;
    Minimap *m_minimap;
    LegendWidget *m_legend;
    MapStatusOverlay *m_status;
    QRubberBand *m_rubberBand = nullptr;
    QVariantAnimation *m_animation;
    QList<QPointF> m_animFrom;

    Gesture m_gesture = Gesture::None;
    QPoint m_pressPos;
    QPoint m_lastPos;
    bool m_moved = false;
    graph::NodeIndex m_pressNode = -1;
    QPointF m_dragOffset;
    QPointF m_dragStartPos;
    bool m_dragWasPinned = false;
    int m_dragSerial = 0;
    graph::NodeIndex m_dropTarget = -1;
    int m_focusDepth = 1;
    bool m_autoFit = true;
    bool m_fitting = false;
};

} // namespace carto::app
