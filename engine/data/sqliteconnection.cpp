#include "data/sqliteconnection.h"
#include <QSqlError>
#include <atomic>

namespace sf {

namespace {
std::atomic<quint64> g_connectionSerial{0};
}

SqliteConnection::~SqliteConnection()
{
    if (m_name.isEmpty()) return;
    m_db.close();
    m_db = QSqlDatabase(); // the last handle must go before removeDatabase()
    QSqlDatabase::removeDatabase(m_name);
}

bool SqliteConnection::open(const QString &path, QString *error)
{
    m_name = QStringLiteral("superflow-sqlite-%1").arg(g_connectionSerial.fetch_add(1) + 1);
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    if (!m_db.isValid()) {
        *error = QStringLiteral("the Qt SQLite driver (QSQLITE) is not available");
        return false;
    }
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!m_db.open()) {
        *error = m_db.lastError().text();
        return false;
    }
    return true;
}

QString sqliteQuoteIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace sf
