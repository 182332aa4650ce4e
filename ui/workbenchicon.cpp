#include "workbenchicon.h"

namespace sf::ui {

QIcon applicationIcon()
{
    return QIcon(QStringLiteral(":/superflow/icons/superflow.svg"));
}

} // namespace sf::ui
