#include "appsettings.h"

#include "export/exportregistry.h"

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

QString AppSettings::theme() const
{
    const QString theme = m_settings.value(u"window/theme"_s, u"system"_s).toString();
    return theme == u"light"_s || theme == u"dark"_s ? theme : u"system"_s;
}

void AppSettings::setTheme(const QString &theme)
{
    m_settings.setValue(u"window/theme"_s, theme);
}

bool AppSettings::mergeWithoutAsking() const
{
    return m_settings.value(u"map/mergeWithoutAsking"_s, false).toBool();
}

void AppSettings::setMergeWithoutAsking(bool always)
{
    m_settings.setValue(u"map/mergeWithoutAsking"_s, always);
}

QString AppSettings::exportFolder() const
{
    return m_settings.value(u"export/folder"_s).toString();
}

void AppSettings::setExportFolder(const QString &folder)
{
    m_settings.setValue(u"export/folder"_s, folder);
}

QString AppSettings::exportFormat() const
{
    // An image format of the ExportRegistry, by name; PNG for anything else.
    const QString name = m_settings.value(u"export/format"_s, u"png"_s).toString();
    const ExportFormat *format = ExportRegistry::find(name);
    return format && format->isImage() ? name : u"png"_s;
}

void AppSettings::setExportFormat(const QString &suffix)
{
    m_settings.setValue(u"export/format"_s, suffix);
}

QString AppSettings::exportTitle() const
{
    return m_settings.value(u"export/title"_s).toString();
}

void AppSettings::setExportTitle(const QString &title)
{
    m_settings.setValue(u"export/title"_s, title);
}

bool AppSettings::analysisCacheEnabled() const
{
    return m_settings.value(u"analysisCache/enabled"_s, true).toBool();
}

void AppSettings::setAnalysisCacheEnabled(bool enabled)
{
    m_settings.setValue(u"analysisCache/enabled"_s, enabled);
}

QString AppSettings::analysisCachePath() const
{
    return m_settings.value(u"analysisCache/path"_s).toString();
}

void AppSettings::setAnalysisCachePath(const QString &path)
{
    m_settings.setValue(u"analysisCache/path"_s, path);
}

} // namespace carto::app
