#include "settings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QSplitter>

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

void Settings::keepSplitterState(QSplitter *splitter, const QString &key)
{
    const QString fullKey = QStringLiteral("splitters/") + key;
    splitter->restoreState(QSettings().value(fullKey).toByteArray());
    QObject::connect(splitter, &QSplitter::splitterMoved, splitter,
                     [splitter, fullKey] { QSettings().setValue(fullKey, splitter->saveState()); });
}

QString Settings::exportDirectory()
{
    return QSettings().value(QStringLiteral("export/dir"), QDir::homePath()).toString();
}

void Settings::setExportDirectory(const QString &dir)
{
    QSettings().setValue(QStringLiteral("export/dir"), dir);
}

} // namespace sf::ui
