#pragma once
// What the workbench restores on restart: recent datasets, the window layout (splitters too)
// and the folder exports went to last, kept in QSettings under the application's name.
#include <QByteArray>
#include <QStringList>

class QSplitter;

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

    // Restores the splitter's sizes saved under `key` and saves them whenever the user moves it.
    static void keepSplitterState(QSplitter *splitter, const QString &key);

    static QString exportDirectory(); // home until something was exported
    static void setExportDirectory(const QString &dir);
};

} // namespace sf::ui
