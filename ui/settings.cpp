#include "settings.h"
#include "history/runhistory.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QSplitter>

namespace sf::ui {

namespace {
// The QSettings keys; the run history reads history/* too.
constexpr QLatin1String kRecentKey("datasets/recent");
constexpr QLatin1String kGeometryKey("window/geometry");
constexpr QLatin1String kStateKey("window/state");
constexpr QLatin1String kThemeKey("appearance/theme");
constexpr QLatin1String kLanguageKey("appearance/language");
constexpr QLatin1String kWorkersKey("run/workers");
constexpr QLatin1String kChunkUnitKey("run/chunkUnit");
constexpr QLatin1String kChunkSizeKey("run/chunkSize");
constexpr QLatin1String kHistoryPathKey("history/path");
constexpr QLatin1String kHistoryMaxRunsKey("history/maxRuns");
} // namespace

QStringList Settings::recentFiles()
{
    return QSettings().value(kRecentKey).toStringList();
}

void Settings::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = recentFiles();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kMaxRecentFiles)
        list.removeLast();
    QSettings().setValue(kRecentKey, list);
}

void Settings::clearRecentFiles()
{
    QSettings().remove(kRecentKey);
}

QByteArray Settings::windowGeometry()
{
    return QSettings().value(kGeometryKey).toByteArray();
}

QByteArray Settings::windowState()
{
    return QSettings().value(kStateKey).toByteArray();
}

void Settings::setWindowLayout(const QByteArray &geometry, const QByteArray &state)
{
    QSettings settings;
    settings.setValue(kGeometryKey, geometry);
    settings.setValue(kStateKey, state);
}

Settings::Theme Settings::theme()
{
    Theme theme = Theme::System;
    themeFromName(QSettings().value(kThemeKey).toString(), &theme);
    return theme;
}

void Settings::setTheme(Theme theme)
{
    QSettings().setValue(kThemeKey, themeName(theme));
}

QString Settings::themeName(Theme theme)
{
    switch (theme) {
    case Theme::Light: return QStringLiteral("light");
    case Theme::Dark: return QStringLiteral("dark");
    case Theme::System: break;
    }
    return QStringLiteral("system");
}

bool Settings::themeFromName(const QString &name, Theme *out)
{
    for (Theme t : {Theme::System, Theme::Light, Theme::Dark}) {
        if (name == themeName(t)) {
            *out = t;
            return true;
        }
    }
    return false;
}

QString Settings::language()
{
    return QSettings().value(kLanguageKey).toString();
}

void Settings::setLanguage(const QString &language)
{
    QSettings().setValue(kLanguageKey, language);
}

int Settings::defaultWorkers()
{
    return qMax(0, QSettings().value(kWorkersKey, 0).toInt());
}

void Settings::setDefaultWorkers(int workers)
{
    QSettings().setValue(kWorkersKey, qMax(0, workers));
}

PartitionSpec::Unit Settings::defaultChunkUnit()
{
    return QSettings().value(kChunkUnitKey).toString() == QLatin1String("bytes")
               ? PartitionSpec::Unit::Bytes
               : PartitionSpec::Unit::Rows;
}

std::int64_t Settings::defaultChunkSize()
{
    bool ok = false;
    const qint64 size = QSettings().value(kChunkSizeKey).toLongLong(&ok);
    return ok && size > 0 ? size : builtinChunkSize(defaultChunkUnit());
}

void Settings::setDefaultChunk(PartitionSpec::Unit unit, std::int64_t size)
{
    QSettings settings;
    settings.setValue(kChunkUnitKey, unit == PartitionSpec::Unit::Bytes ? QStringLiteral("bytes")
                                                                        : QStringLiteral("rows"));
    settings.setValue(kChunkSizeKey, qint64(size));
}

std::int64_t Settings::builtinChunkSize(PartitionSpec::Unit unit)
{
    return unit == PartitionSpec::Unit::Bytes ? std::int64_t(4) << 20 : PartitionSpec{}.size;
}

QString Settings::historyPath()
{
    const QString path = QSettings().value(kHistoryPathKey).toString();
    return path.isEmpty() ? defaultHistoryPath() : path;
}

void Settings::setHistoryPath(const QString &path)
{
    // The default is stored as empty, so it follows the data directory if that moves.
    if (path.isEmpty() || path == defaultHistoryPath())
        QSettings().remove(kHistoryPathKey);
    else
        QSettings().setValue(kHistoryPathKey, path);
}

QString Settings::defaultHistoryPath()
{
    // The engine's, so superflow-cli (which has no application name) finds the same file.
    return sf::defaultHistoryPath();
}

int Settings::historyMaxRuns()
{
    bool ok = false;
    const int runs = QSettings().value(kHistoryMaxRunsKey).toInt(&ok);
    return ok && runs > 0 ? runs : kDefaultHistoryMaxRuns;
}

void Settings::setHistoryMaxRuns(int runs)
{
    QSettings().setValue(kHistoryMaxRunsKey, qMax(1, runs));
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
