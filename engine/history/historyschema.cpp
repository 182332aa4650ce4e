#include "history/historyschema.h"
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace sf::history {

namespace {

const char *const kCreate[] = {
    "CREATE TABLE runs ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL, origin TEXT NOT NULL,"
    " analysis TEXT NOT NULL, job_name TEXT NOT NULL, dataset_path TEXT NOT NULL,"
    " dataset_size INTEGER NOT NULL, dataset_mtime_ms INTEGER NOT NULL,"
    " dataset_hash TEXT NOT NULL, chunk_unit TEXT NOT NULL, chunk_size INTEGER NOT NULL,"
    " strategy TEXT NOT NULL, workers INTEGER NOT NULL, policy TEXT NOT NULL,"
    " priority INTEGER NOT NULL, memory_budget INTEGER NOT NULL, status TEXT NOT NULL,"
    " wall_ms REAL NOT NULL, tasks INTEGER NOT NULL, failed INTEGER NOT NULL,"
    " retries INTEGER NOT NULL, rows INTEGER NOT NULL, bytes INTEGER NOT NULL)",
    "CREATE TABLE tasks ("
    " run_id INTEGER NOT NULL, attempt_id INTEGER NOT NULL, task_id INTEGER NOT NULL,"
    " job INTEGER NOT NULL, chunk INTEGER NOT NULL, lane INTEGER NOT NULL,"
    " queued_ns INTEGER NOT NULL, started_ns INTEGER NOT NULL, finished_ns INTEGER NOT NULL,"
    " rows INTEGER NOT NULL, bytes INTEGER NOT NULL, memory INTEGER NOT NULL,"
    " state TEXT NOT NULL, attempt INTEGER NOT NULL, straggler INTEGER NOT NULL,"
    " error TEXT NOT NULL, PRIMARY KEY (run_id, attempt_id)) WITHOUT ROWID",
};

// The columns a version-1 file must have; anything else is another program's file.
const QStringList kRunColumns{QStringLiteral("id"), QStringLiteral("started_at"),
                              QStringLiteral("analysis"), QStringLiteral("wall_ms"),
                              QStringLiteral("bytes")};
const QStringList kTaskColumns{QStringLiteral("run_id"), QStringLiteral("attempt_id"),
                               QStringLiteral("started_ns"), QStringLiteral("error")};

QString sqlError(const QSqlQuery &q)
{
    return q.lastError().databaseText().isEmpty() ? q.lastError().text()
                                                  : q.lastError().databaseText();
}

SchemaState failure(const QSqlQuery &q, QString *error)
{
    *error = sqlError(q);
    return isCorruptionCode(q.lastError().nativeErrorCode()) ? SchemaState::Foreign
                                                             : SchemaState::Failed;
}

bool hasColumns(QSqlDatabase &db, const QString &table, const QStringList &wanted)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table))) return false;
    QStringList found;
    while (q.next())
        found.append(q.value(1).toString());
    for (const QString &c : wanted)
        if (!found.contains(c)) return false;
    return true;
}

} // namespace

bool isCorruptionCode(const QString &nativeCode)
{
    // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26), with or without extended bits.
    bool ok = false;
    const int code = nativeCode.toInt(&ok) & 0xff;
    return ok && (code == 11 || code == 26);
}

SchemaState prepareSchema(QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) return failure(q, error);
    const int version = q.value(0).toInt();
    q.finish();
    if (version > kSchemaVersion) {
        *error = QStringLiteral("schema version %1 is newer than this program's %2")
                     .arg(version)
                     .arg(kSchemaVersion);
        return SchemaState::Newer;
    }
    if (version == kSchemaVersion) {
        if (hasColumns(db, QStringLiteral("runs"), kRunColumns) &&
            hasColumns(db, QStringLiteral("tasks"), kTaskColumns))
            return SchemaState::Ready;
        *error = QStringLiteral("its tables are not a Superflow run history");
        return SchemaState::Foreign;
    }
    if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !q.next())
        return failure(q, error);
    if (q.value(0).toInt() > 0) {
        *error = QStringLiteral("it is an SQLite database of another program");
        return SchemaState::Foreign;
    }
    q.finish();
    if (!db.transaction()) {
        *error = db.lastError().text();
        return SchemaState::Failed;
    }
    for (const char *sql : kCreate) {
        if (!q.exec(QString::fromLatin1(sql))) {
            const SchemaState s = failure(q, error);
            db.rollback();
            return s;
        }
    }
    if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion)) || !db.commit()) {
        const SchemaState s = failure(q, error);
        db.rollback();
        return s;
    }
    return SchemaState::Ready;
}

} // namespace sf::history
