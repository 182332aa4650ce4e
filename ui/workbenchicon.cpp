#include "workbenchicon.h"

#include <QApplication>

namespace sf::ui {

QIcon applicationIcon()
{
    return QIcon(QStringLiteral(":/superflow/icons/superflow.svg"));
}

QIcon themedIcon(const char *themeName, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(QString::fromLatin1(themeName),
                            QApplication::style()->standardIcon(fallback));
}

} // namespace sf::ui
