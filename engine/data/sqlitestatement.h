#pragma once
// A prepared statement on the SQLite handle under a QSQLITE connection, for the loops where
// QtSql's per-value QVariants and bind names cost more than SQLite itself: a chunk's rows read
// as bytes (a 20 MB table profiled in 0.59 s through QSqlQuery) and a run's attempts saved to
// the history (1,000,000 rows in 4.4 s). Connections stay QtSql's; Debian's QSQLITE driver
// uses the system libsqlite3, the library linked here, so the handle is that library's.
#include <QSqlDatabase>
#include <QString>
#include <cstdint>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace sf {

class SqliteStatement {
public:
    enum class Type { Integer, Float, Text, Blob, Null };

    // Prepares `sql` on `db`'s handle; ok() says whether that worked, error() why not.
    SqliteStatement(const QSqlDatabase &db, const QString &sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool ok() const { return m_stmt != nullptr; }
    QString error() const { return m_error; }
    // SQLite's (extended) result code of the last failure, as QSqlError::nativeErrorCode().
    QString errorCode() const { return m_errorCode; }

    // Parameters count from 1, as in SQL.
    void bind(int i, std::int64_t value);
    void bind(int i, std::string_view utf8); // copied by SQLite
    // The next row: true with a row, false at the end or on an error (error() set).
    bool step();
    // Runs an INSERT/UPDATE with the bound values, then clears them for the next row.
    bool execute();

    // Columns count from 0. A text or blob view lasts until the next step().
    Type type(int column) const;
    std::int64_t integer(int column) const;
    double real(int column) const;
    std::string_view text(int column) const;
    std::string_view blob(int column) const;
    // The text as QSQLITE reads it (through SQLite's UTF-16 conversion).
    QString text16(int column) const;

private:
    void fail();

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_error;
    QString m_errorCode;
};

} // namespace sf
