#include "legendwidget.h"

#include "canvas/colours.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace carto::app {

namespace {
constexpr int kRow = 17;
constexpr int kPad = 6;
// wider, and the open legend would cost the fitted map its size (MapView
// folds it then); names it cuts short show whole as tooltips
constexpr int kMaxWidth = 260;
} // namespace

LegendWidget::LegendWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("legend"));
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Click a name to highlight its concepts, double-click to show only them; "
                  "click the title to fold the legend"));
}

void LegendWidget::setCollapsed(bool collapsed)
{
    if (collapsed == m_collapsed)
        return;
    m_collapsed = collapsed;
    adjustSize();
    update();
    Q_EMIT collapsedChanged(collapsed);
}

QRect LegendWidget::entryRect(int i) const
{
    if (m_collapsed || i < 0 || i >= m_entries.size())
        return {};
    return {kPad, kPad + kRow * (i + 1), width() - 2 * kPad, kRow};
}

int LegendWidget::entryAt(QPoint pos) const
{
    for (int i = 0; i < m_entries.size(); ++i)
        if (entryRect(i).contains(pos))
            return i;
    return -1;
}

void LegendWidget::setHighlighted(int key)
{
    if (key == m_highlighted)
        return;
    m_highlighted = key;
    update();
}

void LegendWidget::mousePressEvent(QMouseEvent *event)
{
    event->accept();
    const int i = entryAt(event->position().toPoint());
    if (i < 0) {
        m_setByUser = true;
        setCollapsed(!m_collapsed);
        return;
    }
    if (m_entries[i].key >= 0)
        Q_EMIT entryClicked(m_entries[i].key);
}

void LegendWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    event->accept();
    const int i = entryAt(event->position().toPoint());
    if (i >= 0 && m_entries[i].key >= 0)
        Q_EMIT entryDoubleClicked(m_entries[i].key);
}

void LegendWidget::rebuild(const ProjectDocument *document, bool byType)
{
    m_entries = legendEntries(document, byType, &m_title);
    m_highlighted = -1;
    setVisible(!m_entries.isEmpty());
    adjustSize();
    update();
}

QSize LegendWidget::sizeHint() const
{
    const QFontMetrics fm(font());
    QFont bold = font();
    bold.setBold(true);
    int width = QFontMetrics(bold).horizontalAdvance(m_title) + 16;
    if (m_collapsed)
        return {width + 2 * kPad, kPad * 2 + kRow};
    for (const LegendEntry &e : m_entries)
        width = std::max(width, 16 + fm.horizontalAdvance(e.text));
    return {std::min(width + 2 * kPad, kMaxWidth), kPad * 2 + kRow * int(m_entries.size() + 1)};
}

QString LegendWidget::entryToolTip(int i) const
{
    const QRect r = entryRect(i);
    if (r.isEmpty())
        return {};
    const QString &text = m_entries[i].text;
    return QFontMetrics(font()).horizontalAdvance(text) > r.width() - 16 ? text : QString();
}

bool LegendWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString tip = entryToolTip(entryAt(help->pos()));
        if (!tip.isEmpty()) {
            QToolTip::showText(help->globalPos(), tip, this);
            return true;
        } // else the legend's own tooltip, how to use it
    }
    return QWidget::event(event);
}

void LegendWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    QColor bg = colours::mapBackground(palette());
    bg.setAlpha(215);
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.setBrush(bg);
    p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    const QFontMetrics fm(font());
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRect(kPad, kPad, width() - 2 * kPad, kRow), Qt::AlignVCenter | Qt::AlignLeft,
               (m_collapsed ? QStringLiteral("\u25B8 ") : QStringLiteral("\u25BE ")) + m_title);
    if (m_collapsed)
        return;
    p.setFont(font());
    int y = kPad + kRow;
    for (const LegendEntry &e : m_entries) {
        if (e.key >= 0 && e.key == m_highlighted) {
            p.setPen(Qt::NoPen);
            p.setBrush(palette().color(QPalette::Highlight));
            p.drawRoundedRect(QRectF(kPad - 2, y, width() - 2 * kPad + 4, kRow), 3, 3);
        }
        if (e.colour.isValid()) {
            p.setPen(Qt::NoPen);
            p.setBrush(e.colour);
            p.drawEllipse(QPointF(kPad + 5, y + kRow / 2.0), 5, 5);
        }
        p.setPen(palette().color(e.key >= 0 && e.key == m_highlighted ? QPalette::HighlightedText : QPalette::Text));
        p.drawText(QRect(kPad + 16, y, width() - 2 * kPad - 16, kRow), Qt::AlignVCenter | Qt::AlignLeft,
                   fm.elidedText(e.text, Qt::ElideRight, width() - 2 * kPad - 16));
        y += kRow;
    }
}

} // namespace carto::app
