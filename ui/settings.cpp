#include "settings.h"

#include <QFileInfo>
#include <QSettings>

namespace sf::ui {

namespace {
QString recentKey()
{
    return QStringLiteral("datasets/recent");
}
} // namespace

QStringList Settings::recentFiles()
{
    return QSettings().value(recentKey()).toStringList();
}

void Settings::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = recentFiles();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kMaxRecentFiles)
        list.removeLast();
    QSettings().setValue(recentKey(), list);
}

void Settings::clearRecentFiles()
{
    QSettings().remove(recentKey());
}

QByteArray Settings::windowGeometry()
{
    return QSettings().value(QStringLiteral("window/geometry")).toByteArray();
}

QByteArray Settings::windowState()
{
    return QSettings().value(QStringLiteral("window/state")).toByteArray();
}

void Settings::setWindowLayout(const QByteArray &geometry, const QByteArray &state)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), geometry);
    settings.setValue(QStringLiteral("window/state"), state);
}

} // namespace sf::ui
