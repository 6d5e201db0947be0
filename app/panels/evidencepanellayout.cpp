#include "evidencepanellayout.h"

#include "models/htmldelegate.h"
#include "noteeditor.h"

#include <QLabel>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace carto::app {

void layOutEvidencePanel(QWidget *panel, QLabel *header, NoteEditor *note, QTreeView *view,
                         QAbstractItemModel *model)
{
    header->setWordWrap(true);
    header->setTextFormat(Qt::RichText);
    view->setModel(model);
    view->setItemDelegate(new HtmlDelegate(view));
    view->setHeaderHidden(true);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(header);
    auto *splitter = new QSplitter(Qt::Vertical, panel);
    splitter->addWidget(note);
    splitter->addWidget(view);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);
}

} // namespace carto::app
