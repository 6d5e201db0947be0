#include "minimap.h"

#include "canvas/colours.h"
#include "canvas/mapview.h"
#include "document/projectdocument.h"

#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

namespace carto::app {

Minimap::Minimap(MapView *view, const ProjectDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
    , m_document(document)
{
    setCursor(Qt::CrossCursor);
    setToolTip(tr("Overview: click or drag to move the view"));
}

QTransform Minimap::sceneToWidget() const
{
    if (m_bounds.isEmpty())
        return {};
    const QRectF area = QRectF(rect()).adjusted(6, 6, -6, -6);
    const double s = std::min(area.width() / m_bounds.width(), area.height() / m_bounds.height());
    const QPointF offset = area.center() - m_bounds.center() * s;
    return QTransform(s, 0, 0, s, offset.x(), offset.y());
}

void Minimap::renderDots()
{
    m_dirty = false;
    m_bounds = m_view->renderer().visibleBounds();
    m_dots = QImage(size() * devicePixelRatioF(), QImage::Format_ARGB32_Premultiplied);
    m_dots.setDevicePixelRatio(devicePixelRatioF());
    m_dots.fill(Qt::transparent);
    if (m_bounds.isEmpty())
        return;
    QPainter p(&m_dots);
    const QTransform t = sceneToWidget();
    const auto &pos = m_view->renderer().positions();
    const MapRenderer &r = m_view->renderer();
    for (int i = 0; i < int(pos.size()); ++i) {
        const QPointF q = t.map(pos[size_t(i)]);
        if (m_document->isNodeVisible(i))
            p.fillRect(QRectF(q.x() - 1, q.y() - 1, 2, 2), r.nodeColour(i));
    }
}

void Minimap::paintEvent(QPaintEvent *)
{
    if (m_view->renderer().positions().empty()) {
        return;
    }
    if (m_dirty || m_dots.size() != size() * devicePixelRatioF())
        renderDots();
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    QColor bg = colours::mapBackground(palette());
    bg.setAlpha(225);
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.setBrush(bg);
    p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    p.drawImage(0, 0, m_dots);
    const QPolygonF viewport = m_view->mapToScene(m_view->viewport()->rect());
    p.setPen(QPen(colours::accent(palette()), 1.5));
    p.setBrush(Qt::NoBrush);
    p.setClipRect(rect().adjusted(1, 1, -1, -1));
    // When the whole map is in view the rectangle would only frame the minimap.
    if (!viewport.boundingRect().contains(m_bounds))
        p.drawRect(sceneToWidget().map(viewport).boundingRect());
}

void Minimap::mousePressEvent(QMouseEvent *event)
{
    mouseMoveEvent(event);
}

void Minimap::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton) || m_bounds.isEmpty())
        return;
    m_view->panTo(sceneToWidget().inverted().map(event->position()));
    update();
}

} // namespace carto::app
