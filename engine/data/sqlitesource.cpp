// Temporary until the SQLite reader lands in this session.
#include "data/sqlitesource.h"
namespace sf {
bool looksLikeSqlite(std::string_view firstBytes) { return firstBytes.substr(0, 16) == std::string_view("SQLite format 3\0", 16); }
std::unique_ptr<DataSource> openSqliteSource(const QString &, const SourceOptions &, const OpenControl &, QString *error)
{
    *error = QStringLiteral("SQLite input is not supported yet");
    return nullptr;
}
}
