#pragma once
// The application icon, from the bundled SVG.
#include <QIcon>

namespace sf::ui {
QIcon applicationIcon();
}
