#pragma once

#include <QByteArray>
#include <QSettings>
#include <QStringList>

namespace carto::app {

// The one typed wrapper over QSettings: every persisted preference of the
// window has a getter and a setter here, so keys and defaults live in one place.
// Created on demand by MainWindow and main.cpp; cheap to construct.
class AppSettings final
{
public:
    AppSettings();

    [[nodiscard]] QString lastFolder() const;
    void setLastFolder(const QString &folder);

    [[nodiscard]] QStringList recentFolders() const;
    // Moves folder to the front of the recent list, keeping at most maxRecent().
    void addRecentFolder(const QString &folder);
    static constexpr int maxRecent() { return 8; }

    [[nodiscard]] QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    [[nodiscard]] QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    [[nodiscard]] bool colourByType() const;
    void setColourByType(bool byType);

    [[nodiscard]] int focusDepth() const;
    void setFocusDepth(int depth);

    // View > Theme: "system" (follow the desktop's palette), "light" or "dark".
    [[nodiscard]] QString theme() const;
    void setTheme(const QString &theme);

    // A node dropped onto another merges without asking (the "always" answer).
    [[nodiscard]] bool mergeWithoutAsking() const;
    void setMergeWithoutAsking(bool always);

    // File > Export > Image: where, in what format (png, svg, pdf) and with
    // what title the last image was written.
    [[nodiscard]] QString exportFolder() const;
    void setExportFolder(const QString &folder);
    [[nodiscard]] QString exportFormat() const;
    void setExportFormat(const QString &suffix);
    [[nodiscard]] QString exportTitle() const;
    void setExportTitle(const QString &title);

    // The analysis cache builds read and fill (README, "Incremental builds"):
    // on unless turned off; its file, empty for the default in the XDG cache
    // folder (project::defaultAnalysisCache()).
    [[nodiscard]] bool analysisCacheEnabled() const;
    void setAnalysisCacheEnabled(bool enabled);
    [[nodiscard]] QString analysisCachePath() const;
    void setAnalysisCachePath(const QString &path);

private:
    QSettings m_settings;
};

} // namespace carto::app
