#pragma once
// SQLite tables or queries through QtSql's SQLite driver, partitioned by rowid ranges (tables)
// or LIMIT/OFFSET (queries); each reading thread uses its own connection.
#include "data/datasource.h"
#include <string_view>

namespace sf {

bool looksLikeSqlite(std::string_view firstBytes); // "SQLite format 3\0" header
bool isSqliteFile(const QString &path);            // the raw file (not decompressed) has it
// The user tables of the database, by name (what a table picker offers); empty with `error`
// set when the file is no SQLite database or cannot be read.
QStringList sqliteTableNames(const QString &path, QString *error);
std::unique_ptr<DataSource> openSqliteSource(const QString &path, const SourceOptions &options,
                                             const OpenControl &control, QString *error);

} // namespace sf
