#pragma once
// Fills a menu with the recent datasets (Settings::recentFiles) and a "Clear list" entry; the
// File menu and the Dataset page's Recent button share it.
#include <QString>
#include <functional>

class QMenu;

namespace sf::ui {

void fillRecentMenu(QMenu *menu, const std::function<void(const QString &path)> &open);

} // namespace sf::ui
