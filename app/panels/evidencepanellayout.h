#pragma once

class QAbstractItemModel;
class QLabel;
class QTreeView;
class QWidget;

namespace carto::app {

class NoteEditor;

// Lays out an inspector panel the way the concept and link panels share: a
// rich-text header over a splitter with the note editor above a read-only tree
// of evidence snippets (HTML-rendered). Panel-specific view settings stay with
// the caller.
void layOutEvidencePanel(QWidget *panel, QLabel *header, NoteEditor *note, QTreeView *view,
                         QAbstractItemModel *model);

} // namespace carto::app
