#pragma once

#include <QStyledItemDelegate>

namespace carto::app {

// Paints an item's HtmlRole as wrapped rich text (highlighted sentences in the
// concept, link and path panels); falls back to the display text.
class HtmlDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HtmlDelegate)

public:
    explicit HtmlDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace carto::app
