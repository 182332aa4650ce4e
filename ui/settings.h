#pragma once
// What the workbench restores on restart: recent datasets and the window layout, kept in
// QSettings under the application's organisation and name.
#include <QByteArray>
#include <QStringList>

namespace sf::ui {

class Settings {
public:
    static constexpr int kMaxRecentFiles = 10;

    static QStringList recentFiles();
    // Moves `path` (made absolute) to the front; the list keeps kMaxRecentFiles entries.
    static void addRecentFile(const QString &path);
    static void clearRecentFiles();

    static QByteArray windowGeometry();
    static QByteArray windowState();
    static void setWindowLayout(const QByteArray &geometry, const QByteArray &state);
};

} // namespace sf::ui
