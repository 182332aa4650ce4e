#pragma once
// The history database's schema, versioned by PRAGMA user_version: creates it in an empty
// file and tells a Superflow history from a file that is not one (not SQLite, another
// program's database, a newer schema).
#include <QSqlDatabase>
#include <QString>

namespace sf::history {

inline constexpr int kSchemaVersion = 1;

enum class SchemaState {
    Ready,   // the file holds our schema (now or after creating it)
    Foreign, // not SQLite, corrupt, or tables that are not ours: move aside and start anew
    Newer,   // written by a newer Superflow: leave it alone
    Failed,  // could not be read or written (permissions, locked): report only
};

// Creates the schema when the file is empty; `error` says what is wrong otherwise.
SchemaState prepareSchema(QSqlDatabase &db, QString *error);
// Whether an SQLite error code (QSqlError::nativeErrorCode) means the file is damaged or not
// a database at all, as opposed to busy or unwritable.
bool isCorruptionCode(const QString &nativeCode);

} // namespace sf::history
