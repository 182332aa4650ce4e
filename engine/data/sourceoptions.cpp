#include "data/sourceoptions.h"

namespace sf {

QString sourceFormatName(SourceFormat f)
{
    switch (f) {
    case SourceFormat::Auto: return QStringLiteral("auto");
    case SourceFormat::Csv: return QStringLiteral("csv");
    case SourceFormat::Tsv: return QStringLiteral("tsv");
    case SourceFormat::JsonLines: return QStringLiteral("jsonl");
    case SourceFormat::JsonArray: return QStringLiteral("json");
    case SourceFormat::Sqlite: return QStringLiteral("sqlite");
    }
    return QStringLiteral("auto");
}

bool sourceFormatFromName(const QString &name, SourceFormat *out)
{
    const QString lower = name.trimmed().toLower();
    for (auto f : {SourceFormat::Auto, SourceFormat::Csv, SourceFormat::Tsv, SourceFormat::JsonLines,
                   SourceFormat::JsonArray, SourceFormat::Sqlite}) {
        if (sourceFormatName(f) == lower) {
            *out = f;
            return true;
        }
    }
    // Common spellings users type for the same formats.
    if (lower == QLatin1String("ndjson") || lower == QLatin1String("jsonlines")) {
        *out = SourceFormat::JsonLines;
        return true;
    }
    if (lower == QLatin1String("sqlite3") || lower == QLatin1String("db")) {
        *out = SourceFormat::Sqlite;
        return true;
    }
    return false;
}

} // namespace sf
