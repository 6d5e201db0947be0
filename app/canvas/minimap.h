#pragma once

#include <QImage>
#include <QWidget>

namespace carto::app {

class MapView;
class ProjectDocument;

// Overview in the map's corner: every visible node as a dot, the current
// viewport as a rectangle; click or drag to move the view there.
class Minimap final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Minimap)

public:
    Minimap(MapView *view, const ProjectDocument *document, QWidget *parent);

    // Positions or visibility changed: redraw the dots on next paint.
    void invalidate() { m_dirty = true; update(); }

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    void renderDots();
    [[nodiscard]] QTransform sceneToWidget() const;

    MapView *m_view;
    const ProjectDocument *m_document;
    QImage m_dots;
    QRectF m_bounds;
    bool m_dirty = true;
};

} // namespace carto::app
