#include "htmldelegate.h"

#include "models/inerttextdocument.h"
#include "models/snippets.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QPainter>
#include <QTextDocument>
#include <QTreeView>

namespace carto::app {

namespace {
int textWidth(const QStyleOptionViewItem &option, const QModelIndex &index)
{
    int width = option.rect.width();
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget)) {
        width = view->viewport()->width();
        if (const auto *tree = qobject_cast<const QTreeView *>(view)) {
            int depth = 0;
            for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
                ++depth;
            width -= tree->indentation() * (depth + (tree->rootIsDecorated() ? 1 : 0));
        }
    }
    return std::max(width - 8, 80);
}
} // namespace

HtmlDelegate::HtmlDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

void HtmlDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QString html = index.data(HtmlRole).toString();
    if (html.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    InertTextDocument doc;
    doc.setDefaultFont(option.font);
    doc.setDocumentMargin(2);
    doc.setTextWidth(opt.rect.width());
    const QColor text = (option.state & QStyle::State_Selected) ? option.palette.color(QPalette::HighlightedText)
                                                                 : option.palette.color(QPalette::Text);
    doc.setDefaultStyleSheet(QStringLiteral("body { color: %1; }").arg(text.name()));
    doc.setHtml(QStringLiteral("<body>") + html + QStringLiteral("</body>"));
    painter->save();
    painter->translate(opt.rect.topLeft());
    painter->setClipRect(QRect(QPoint(0, 0), opt.rect.size()));
    doc.drawContents(painter);
    painter->restore();
}

QSize HtmlDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QString html = index.data(HtmlRole).toString();
    if (html.isEmpty())
        return QStyledItemDelegate::sizeHint(option, index);
    InertTextDocument doc;
    doc.setDefaultFont(option.font);
    doc.setDocumentMargin(2);
    doc.setHtml(html);
    const int width = textWidth(option, index);
    doc.setTextWidth(width);
    return {width, int(std::ceil(doc.size().height())) + 2};
}

} // namespace carto::app
