#pragma once
// SQLite tables or queries through QtSql's SQLite driver, partitioned by rowid ranges (tables)
// or LIMIT/OFFSET (queries); each reading thread uses its own connection.
#include "data/datasource.h"
#include <string_view>

namespace sf {

bool looksLikeSqlite(std::string_view firstBytes); // "SQLite format 3\0" header
std::unique_ptr<DataSource> openSqliteSource(const QString &path, const SourceOptions &options,
                                             const OpenControl &control, QString *error);

} // namespace sf
