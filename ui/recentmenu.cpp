#include "recentmenu.h"

#include "settings.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QMenu>

namespace sf::ui {

void fillRecentMenu(QMenu *menu, const std::function<void(const QString &path)> &open)
{
    menu->clear();
    menu->setToolTipsVisible(true);
    const QStringList recent = Settings::recentFiles();
    for (const QString &path : recent) {
        QAction *a =
            menu->addAction(QFileInfo(path).fileName(), menu, [open, path] { open(path); });
        a->setToolTip(path);
        a->setEnabled(QFileInfo::exists(path));
    }
    if (recent.isEmpty())
        menu->addAction(QCoreApplication::translate("sf::ui::RecentMenu", "(none)"))
            ->setEnabled(false);
    menu->addSeparator();
    menu->addAction(QCoreApplication::translate("sf::ui::RecentMenu", "Clear list"), menu,
                    [] { Settings::clearRecentFiles(); });
}

} // namespace sf::ui
