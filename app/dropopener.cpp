#include "dropopener.h"

#include "opentarget.h"

#include <QDropEvent>
#include <QMimeData>
#include <QWidget>

namespace carto::app {

namespace {

// The action to answer with. Never Move: a file manager that is told its
// files were moved may delete them. Link says best that we only read them;
// Copy is the fallback that every file manager offers.
Qt::DropAction safeAction(Qt::DropActions possible)
{
    if (possible.testFlag(Qt::LinkAction))
        return Qt::LinkAction;
    if (possible.testFlag(Qt::CopyAction))
        return Qt::CopyAction;
    return Qt::IgnoreAction;
}

OpenTarget targetOf(const QDropEvent *event)
{
    const QMimeData *data = event->mimeData();
    if (!data || !data->hasUrls())
        return {};
    return OpenTarget::fromUrls(data->urls());
}

} // namespace

DropOpener::DropOpener(QObject *parent)
    : QObject(parent)
{
}

void DropOpener::watch(QWidget *widget)
{
    widget->setAcceptDrops(true);
    widget->installEventFilter(this);
}

bool DropOpener::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    if (type != QEvent::DragEnter && type != QEvent::DragMove && type != QEvent::Drop)
        return QObject::eventFilter(watched, event);
    auto *drop = static_cast<QDropEvent *>(event); // QDragEnterEvent and QDragMoveEvent derive from it
    const Qt::DropAction action = safeAction(drop->possibleActions());
    // Worked out again on every move: a few stat() calls, and nothing to keep
    // in step when a drag leaves one watched widget for another.
    const OpenTarget target = action == Qt::IgnoreAction ? OpenTarget() : targetOf(drop);
    if (target.kind == OpenTarget::Kind::Nothing)
        return false; // not ours: the widget may still want it
    drop->setDropAction(action);
    drop->accept();
    if (type == QEvent::Drop) {
        const bool project = target.kind == OpenTarget::Kind::Project;
        QMetaObject::invokeMethod(
            this,
            [this, project, path = target.path] {
                if (project)
                    Q_EMIT projectDropped(path);
                else
                    Q_EMIT folderDropped(path);
            },
            Qt::QueuedConnection);
    }
    return true;
}

} // namespace carto::app
