#include "data/sqlitestatement.h"

#include <QSqlDriver>
#include <cstring>
#include <sqlite3.h>

namespace sf {

namespace {

sqlite3 *handleOf(const QSqlDatabase &db)
{
    const QVariant v = db.driver() ? db.driver()->handle() : QVariant();
    if (!v.isValid() || std::strcmp(v.typeName(), "sqlite3*") != 0) return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

} // namespace

SqliteStatement::SqliteStatement(const QSqlDatabase &db, const QString &sql)
    : m_db(handleOf(db))
{
    if (!m_db) {
        m_error = QStringLiteral("not an open SQLite connection");
        return;
    }
    const QByteArray text = sql.toUtf8();
    if (sqlite3_prepare_v2(m_db, text.constData(), int(text.size()), &m_stmt, nullptr) !=
        SQLITE_OK) {
        fail();
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

void SqliteStatement::fail()
{
    m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    m_errorCode = QString::number(sqlite3_extended_errcode(m_db));
}

void SqliteStatement::bind(int i, std::int64_t value)
{
    sqlite3_bind_int64(m_stmt, i, sqlite3_int64(value));
}

void SqliteStatement::bind(int i, std::string_view utf8)
{
    // A view of nothing still binds '' (NOT NULL text columns), never NULL.
    sqlite3_bind_text(m_stmt, i, utf8.data() ? utf8.data() : "", int(utf8.size()),
                      SQLITE_TRANSIENT);
}

bool SqliteStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) fail();
    return false;
}

bool SqliteStatement::execute()
{
    const int rc = sqlite3_step(m_stmt);
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW) return true;
    fail();
    return false;
}

SqliteStatement::Type SqliteStatement::type(int column) const
{
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER: return Type::Integer;
    case SQLITE_FLOAT: return Type::Float;
    case SQLITE_TEXT: return Type::Text;
    case SQLITE_BLOB: return Type::Blob;
    default: return Type::Null;
    }
}

std::int64_t SqliteStatement::integer(int column) const
{
    return std::int64_t(sqlite3_column_int64(m_stmt, column));
}

double SqliteStatement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string_view SqliteStatement::text(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return p ? std::string_view(p, std::size_t(sqlite3_column_bytes(m_stmt, column)))
             : std::string_view();
}

std::string_view SqliteStatement::blob(int column) const
{
    const auto *p = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return p ? std::string_view(p, std::size_t(sqlite3_column_bytes(m_stmt, column)))
             : std::string_view();
}

QString SqliteStatement::text16(int column) const
{
    const auto *p = static_cast<const QChar *>(sqlite3_column_text16(m_stmt, column));
    return p ? QString(p, sqlite3_column_bytes16(m_stmt, column) / int(sizeof(QChar))) : QString();
}

} // namespace sf
