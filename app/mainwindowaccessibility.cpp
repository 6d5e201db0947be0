// MainWindow's accessible names: what a screen reader calls the window's own
// controls; the panels name theirs, and Qt names the dock tab bars after
// their current tab.
#include "mainwindow.h"

#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace carto::app {

void MainWindow::nameControls()
{
    m_search->setAccessibleName(tr("Find a concept"));
    m_search->setAccessibleDescription(
        tr("Type a concept's name; Enter selects it and takes the keyboard to the map"));
    m_exported->setAccessibleName(tr("Last export"));
    m_stage->setAccessibleName(tr("Current task"));
    m_progress->setAccessibleName(tr("Progress"));
    m_cancel->setAccessibleDescription(tr("Stop the build or layout that is running"));
    m_counts->setAccessibleName(tr("Map summary"));
    // The "»" buttons Qt shows when the window is too narrow for the whole
    // menu bar or tool bar.
    for (QToolButton *more : findChildren<QToolButton *>(u"qt_menubar_ext_button"_s))
        more->setAccessibleName(tr("More menus"));
    for (QToolButton *more : findChildren<QToolButton *>(u"qt_toolbar_ext_button"_s))
        more->setAccessibleName(tr("More tools"));
}

} // namespace carto::app
