#include "appsettings.h"

using namespace Qt::StringLiterals;

namespace carto::app {

AppSettings::AppSettings() = default;

QString AppSettings::lastFolder() const
{
    return m_settings.value(u"project/lastFolder"_s).toString();
}

void AppSettings::setLastFolder(const QString &folder)
{
    m_settings.setValue(u"project/lastFolder"_s, folder);
}

QStringList AppSettings::recentFolders() const
{
    return m_settings.value(u"project/recentFolders"_s).toStringList();
}

void AppSettings::addRecentFolder(const QString &folder)
{
    QStringList recent = recentFolders();
    recent.removeAll(folder);
    recent.prepend(folder);
    while (recent.size() > maxRecent())
        recent.removeLast();
    m_settings.setValue(u"project/recentFolders"_s, recent);
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings.value(u"window/geometry"_s).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(u"window/geometry"_s, geometry);
}

QByteArray AppSettings::windowState() const
{
    return m_settings.value(u"window/state"_s).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    m_settings.setValue(u"window/state"_s, state);
}

bool AppSettings::colourByType() const
{
    return m_settings.value(u"map/colourByType"_s, false).toBool();
}

void AppSettings::setColourByType(bool byType)
{
    m_settings.setValue(u"map/colourByType"_s, byType);
}

int AppSettings::focusDepth() const
{
    return qBound(1, m_settings.value(u"map/focusDepth"_s, 1).toInt(), 2);
}

void AppSettings::setFocusDepth(int depth)
{
    m_settings.setValue(u"map/focusDepth"_s, qBound(1, depth, 2));
}

} // namespace carto::app
