#pragma once
// Applies the workbench theme to the whole application at once: Fusion with a light or a dark
// palette, or the platform's own style and palette for "system". Qt 6.4 has no colour-scheme
// switch, so dark is a palette, and widgets that paint their own colours (the charts) follow
// QEvent::PaletteChange.
#include "settings.h"

#include <QPalette>

namespace sf::ui {

void applyTheme(Settings::Theme theme);
QPalette themePalette(Settings::Theme theme); // what applyTheme() installs
// Red for error texts that stays readable on the current palette's window colour.
QString errorTextStyle();
QString okTextStyle(); // green for "valid" notes, likewise

} // namespace sf::ui
