#pragma once

#include <QFrame>

class QLabel;
class QProgressBar;
class QPushButton;

namespace carto::app {

// A card in the middle of the map for the moments it has nothing to show:
// a build running ("Building the map… Reading 3 of 5 files", with a progress
// bar), or a reason there is no map ("Folder not found", "No readable
// documents") with an Open Folder button. MapView owns it; MainWindow says
// what it shows. Text is plain: it names folders and files.
class MapStatusOverlay final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MapStatusOverlay)

public:
    explicit MapStatusOverlay(QWidget *parent);

    // A build is running: title, detail line and progress (total 0: unknown).
    void showProgress(const QString &title, const QString &detail, qint64 done, qint64 total);
    // Nothing to show and why; offers Open Folder.
    void showProblem(const QString &title, const QString &detail);
    [[nodiscard]] QString title() const;
    [[nodiscard]] QString detail() const;
    [[nodiscard]] QPushButton *openFolderButton() const { return m_openFolder; }
    // Centres itself in its parent.
    void place();

Q_SIGNALS:
    void openFolderRequested();

private:
    QLabel *m_title;
    QLabel *m_detail;
    QProgressBar *m_progress;
    QPushButton *m_openFolder;
};

} // namespace carto::app
