#pragma once
// The workbench's icons: the application icon from the bundled SVG, and toolbar icons from the
// desktop theme with the style's own as the fallback (bare X11, Xvfb, CI have no theme).
#include <QIcon>
#include <QStyle>

namespace sf::ui {
QIcon applicationIcon();
QIcon themedIcon(const char *themeName, QStyle::StandardPixmap fallback);
} // namespace sf::ui
