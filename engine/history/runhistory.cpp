#include "history/runhistory.h"
#include "history/historyrows.h"
#include "history/historyschema.h"
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <atomic>

namespace sf {

using history::SchemaState;

namespace {

std::atomic<int> g_connections{0};

QString queryError(const QSqlQuery &q)
{
    return q.lastError().databaseText().isEmpty() ? q.lastError().text()
                                                  : q.lastError().databaseText();
}

} // namespace

QString defaultHistoryPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/Superflow/Superflow/history.sqlite");
}

RunHistory::RunHistory()
    : m_connection(QStringLiteral("sf-history-%1").arg(g_connections.fetch_add(1)))
{}

RunHistory::~RunHistory()
{
    disconnect();
}

void RunHistory::disconnect()
{
    if (!QSqlDatabase::contains(m_connection)) return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

void RunHistory::note(const QString &text)
{
    m_notice = m_notice.isEmpty() ? text : m_notice + QLatin1Char('\n') + text;
}

QString RunHistory::takeNotice()
{
    QString n;
    std::swap(n, m_notice);
    return n;
}

bool RunHistory::connect(QString *error)
{
    disconnect();
    m_open = false;
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        *error = QStringLiteral("%1: cannot create the folder %2").arg(m_path, info.absolutePath());
        return false;
    }
    QString reason;
    SchemaState state = SchemaState::Failed;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(m_path);
        // The workbench and the CLI may write at the same time: wait for the other's lock.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open())
            state = history::prepareSchema(db, &reason);
        else
            reason = db.lastError().text();
    }
    switch (state) {
    case SchemaState::Ready: m_open = true; return true;
    case SchemaState::Foreign: return recoverCorrupt(reason, error);
    case SchemaState::Newer:
    case SchemaState::Failed: break;
    }
    *error = QStringLiteral("%1: %2").arg(m_path, reason);
    return false;
}

bool RunHistory::open(const QString &path, QString *error)
{
    m_path = path;
    QString e;
    if (connect(&e)) return true;
    if (error) *error = e;
    return false;
}

bool RunHistory::recoverCorrupt(const QString &reason, QString *error)
{
    disconnect();
    m_open = false;
    const QString stamp =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = m_path + QStringLiteral(".corrupt-") + stamp;
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = m_path + QStringLiteral(".corrupt-%1-%2").arg(stamp).arg(n);
    if (!QFile::rename(m_path, target)) {
        *error = QStringLiteral("%1 is not a usable run history (%2) and cannot be moved aside")
                     .arg(m_path, reason);
        return false;
    }
    // A journal left by the bad file must not be replayed into the new one.
    for (const QString &suffix :
         {QStringLiteral("-journal"), QStringLiteral("-wal"), QStringLiteral("-shm")})
        if (QFileInfo::exists(m_path + suffix)) QFile::rename(m_path + suffix, target + suffix);
    note(QStringLiteral("%1 was not a usable run history (%2); moved it to %3 and started a new "
                        "one")
             .arg(m_path, reason, target));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    QString again;
    if (!db.open() || history::prepareSchema(db, &again) != SchemaState::Ready) {
        *error = QStringLiteral("%1: cannot create a new history: %2")
                     .arg(m_path, again.isEmpty() ? db.lastError().text() : again);
        return false;
    }
    m_open = true;
    return true;
}

bool RunHistory::ensureFile(QString *error)
{
    if (m_path.isEmpty()) {
        *error = QStringLiteral("the run history is not open");
        return false;
    }
    if (m_open && QFileInfo::exists(m_path)) return true;
    // Deleted behind our back: SQLite would keep writing to the unlinked file and lose it.
    if (m_open) note(QStringLiteral("%1 was deleted; created a new run history").arg(m_path));
    return connect(error);
}

bool RunHistory::trySave(StoredRun *run, QString *error, bool *corrupt)
{
    *corrupt = false;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction()) {
        *error = db.lastError().databaseText();
        *corrupt = history::isCorruptionCode(db.lastError().nativeErrorCode());
        return false;
    }
    QString code;
    if (!history::insertRun(db, run, error, &code) || !db.commit()) {
        if (error->isEmpty()) {
            *error = db.lastError().databaseText();
            code = db.lastError().nativeErrorCode();
        }
        db.rollback();
        run->id = 0;
        *corrupt = history::isCorruptionCode(code);
        return false;
    }
    return true;
}

bool RunHistory::saveRun(StoredRun *run, QString *error)
{
    if (!run->startedAt.isValid()) run->startedAt = QDateTime::currentDateTimeUtc();
    QString e;
    if (!ensureFile(&e)) {
        if (error) *error = e;
        return false;
    }
    bool corrupt = false;
    if (trySave(run, &e, &corrupt)) return true;
    // Damage found while writing: start a new file and save the run there.
    if (corrupt && recoverCorrupt(e, &e) && trySave(run, &e, &corrupt)) return true;
    if (error) *error = QStringLiteral("%1: cannot save the run: %2").arg(m_path, e);
    return false;
}

QList<StoredRun> RunHistory::list(QString *error) const
{
    QList<StoredRun> runs;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (!q.exec(
            QStringLiteral("SELECT %1 FROM runs ORDER BY id DESC").arg(history::runColumns()))) {
        if (error) *error = QStringLiteral("%1: %2").arg(m_path, queryError(q));
        return runs;
    }
    while (q.next())
        runs.append(history::runFromRow(q));
    return runs;
}

std::optional<StoredRun> RunHistory::load(std::int64_t id, QString *error) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM runs WHERE id = ?").arg(history::runColumns()));
    q.addBindValue(qint64(id));
    if (!q.exec()) {
        if (error) *error = QStringLiteral("%1: %2").arg(m_path, queryError(q));
        return std::nullopt;
    }
    if (!q.next()) {
        if (error) *error = QStringLiteral("no run %1 in the history").arg(id);
        return std::nullopt;
    }
    StoredRun run = history::runFromRow(q);
    QString e;
    if (!history::readTasks(db, id, &run.tasks, &e)) {
        if (error) *error = QStringLiteral("%1: %2").arg(m_path, e);
        return std::nullopt;
    }
    return run;
}

bool RunHistory::remove(std::int64_t id, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    db.transaction();
    q.prepare(QStringLiteral("DELETE FROM runs WHERE id = ?"));
    q.addBindValue(qint64(id));
    bool ok = q.exec();
    const bool found = ok && q.numRowsAffected() > 0;
    if (found) {
        q.prepare(QStringLiteral("DELETE FROM tasks WHERE run_id = ?"));
        q.addBindValue(qint64(id));
        ok = q.exec();
    }
    if (!ok || !found || !db.commit()) {
        if (error)
            *error = !ok ? QStringLiteral("%1: %2").arg(m_path, queryError(q))
                         : QStringLiteral("no run %1 in the history").arg(id);
        db.rollback();
        return false;
    }
    return true;
}

bool RunHistory::prune(int maxRuns, QString *error, int *removed)
{
    if (removed) *removed = 0;
    if (maxRuns < 1) return true;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id FROM runs ORDER BY id DESC LIMIT 1 OFFSET ?"));
    q.addBindValue(maxRuns - 1);
    if (!q.exec()) {
        if (error) *error = QStringLiteral("%1: %2").arg(m_path, queryError(q));
        return false;
    }
    if (!q.next()) return true; // no more than maxRuns stored
    const qint64 oldestKept = q.value(0).toLongLong();
    q.finish();
    db.transaction();
    bool ok = q.exec(QStringLiteral("DELETE FROM tasks WHERE run_id < %1").arg(oldestKept)) &&
              q.exec(QStringLiteral("DELETE FROM runs WHERE id < %1").arg(oldestKept));
    const int gone = ok ? q.numRowsAffected() : 0;
    if (!ok || !db.commit()) {
        if (error) *error = QStringLiteral("%1: %2").arg(m_path, queryError(q));
        db.rollback();
        return false;
    }
    if (removed) *removed = gone;
    return true;
}

} // namespace sf
