#pragma once
// What the user chose about how to read a dataset; anything left Auto is sniffed.
#include "data/rejects.h"
#include <QString>
#include <QStringList>

namespace sf {

enum class SourceFormat { Auto, Csv, Tsv, JsonLines, JsonArray, Sqlite };
QString sourceFormatName(SourceFormat f); // "auto","csv","tsv","jsonl","json","sqlite"
bool sourceFormatFromName(const QString &name, SourceFormat *out);

struct SourceOptions {
    SourceFormat format = SourceFormat::Auto;
    char delimiter = 0;                  // 0: sniff
    char quote = '"';
    enum class Header { Auto, Yes, No } header = Header::Auto;
    QStringList nullValues;              // empty: pandas defaults
    bool allStrings = false;             // no type inference: every column is a string
    bool strictTypes = false;            // reject records whose values break the column type
    bool flattenJson = true;             // nested JSON: dotted names (true) or text (false)
    QString sqliteTable;                 // SQLite: table to read ...
    QString sqliteQuery;                 // ... or a query
    int inferenceSampleRows = 1000;
    RejectPolicy rejectPolicy;
};

} // namespace sf
