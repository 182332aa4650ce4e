#pragma once
// One read-only QSQLITE connection under a process-unique name, removed again on destruction.
// QtSql connections belong to the thread that made them, so each reading thread makes its own.
#include <QSqlDatabase>
#include <QString>

namespace sf {

class SqliteConnection {
public:
    SqliteConnection() = default;
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection &) = delete;
    SqliteConnection &operator=(const SqliteConnection &) = delete;

    // False with `error` set to the driver's message when the file cannot be opened.
    bool open(const QString &path, QString *error);
    QSqlDatabase &database() { return m_db; }
    bool isOpen() const { return m_db.isOpen(); }

private:
    QString m_name;
    QSqlDatabase m_db;
};

// "name" with embedded quotes doubled, for table names in generated SQL.
QString sqliteQuoteIdentifier(const QString &name);

} // namespace sf
