#pragma once

#include <QObject>

class QWidget;

namespace carto::app {

// Opens what the user drops onto the window. Installed on a widget with
// watch(), it accepts a drag only when it carries a folder or a project file
// (OpenTarget), so the cursor says at once whether a drop will work, and after
// the drop emits projectDropped or folderDropped. Drags it does not want (text
// for a note, anything without local paths) go on to the widget untouched.
// The main window watches itself and the map's viewport: the map's graphics
// scene accepts every drag that enters it (and then refuses to drop), so the
// window alone would never see drags over the map.
class DropOpener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DropOpener)

public:
    explicit DropOpener(QObject *parent = nullptr);

    // Filters widget's drag-and-drop events and turns its acceptDrops on.
    void watch(QWidget *widget);

    // Takes DragEnter, DragMove and Drop when they carry something to open.
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    // Sent from the event loop after the drop is over, never inside it: the
    // receiver may ask "Save changes?", and a modal dialog inside a drop
    // leaves the file manager that started the drag waiting.
    void projectDropped(const QString &path);
    void folderDropped(const QString &path);
};

} // namespace carto::app
