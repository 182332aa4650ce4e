#pragma once
// What the workbench restores on restart: recent datasets, the window layout (splitters too),
// the folder exports went to last and the preferences of the settings dialog (theme,
// language, run defaults, run history), kept in QSettings under the application's name.
#include "partition/partitionspec.h"

#include <QByteArray>
#include <QStringList>
#include <cstdint>

class QSplitter;

namespace sf::ui {

class Settings {
public:
    static constexpr int kMaxRecentFiles = 10;
    static constexpr int kDefaultHistoryMaxRuns = 1000;

    enum class Theme {
        System, // the platform's style and palette
        Light,  // Fusion with a light palette
        Dark,   // Fusion with a dark palette
    };

    static QStringList recentFiles();
    // Moves `path` (made absolute) to the front; the list keeps kMaxRecentFiles entries.
    static void addRecentFile(const QString &path);
    static void clearRecentFiles();

    static QByteArray windowGeometry();
    static QByteArray windowState();
    static void setWindowLayout(const QByteArray &geometry, const QByteArray &state);

    // appearance/theme: "system", "light" or "dark".
    static Theme theme();
    static void setTheme(Theme theme);
    static QString themeName(Theme theme);
    static bool themeFromName(const QString &name, Theme *out);

    // appearance/language: "" follows the system locale, else "en" or a catalogue ("zh_CN").
    // Read once at start-up.
    static QString language();
    static void setLanguage(const QString &language);

    // run/workers: 0 means one worker per core.
    static int defaultWorkers();
    static void setDefaultWorkers(int workers);
    // run/chunkUnit ("rows" or "bytes") and run/chunkSize, the Run setup page's starting chunk.
    static PartitionSpec::Unit defaultChunkUnit();
    static std::int64_t defaultChunkSize();
    static void setDefaultChunk(PartitionSpec::Unit unit, std::int64_t size);
    // The starting chunk size for a unit when none is stored: PartitionSpec's rows, 4 MiB.
    static std::int64_t builtinChunkSize(PartitionSpec::Unit unit);

    // history/path: the run history database; empty (the default) means defaultHistoryPath().
    static QString historyPath();
    static void setHistoryPath(const QString &path);
    static QString defaultHistoryPath(); // history.sqlite in the user's data directory
    // history/maxRuns: how many runs the history keeps (oldest dropped first).
    static int historyMaxRuns();
    static void setHistoryMaxRuns(int runs);
    // Restores the splitter's sizes saved under `key` and saves them whenever the user moves it.
    static void keepSplitterState(QSplitter *splitter, const QString &key);

    static QString exportDirectory(); // home until something was exported
    static void setExportDirectory(const QString &dir);
};

} // namespace sf::ui
