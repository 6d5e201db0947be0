#pragma once

#include <QPalette>
#include <QString>

namespace carto::app::theme {

// View ▸ Theme. System follows the desktop: the application palette is left
// to the platform (and changes with it); Light and Dark set one of their own.
enum class Theme { System, Light, Dark };

[[nodiscard]] Theme fromName(const QString &name);
[[nodiscard]] QString name(Theme theme);
// Sets the application palette for the theme. The map, legend and minimap
// repaint from the palette they are sent with the change.
void apply(Theme theme);
// The palette Dark uses (a Fusion-style dark grey).
[[nodiscard]] QPalette darkPalette();
// True when the palette's windows are dark (text lighter than the background).
[[nodiscard]] bool isDark(const QPalette &palette);

} // namespace carto::app::theme
