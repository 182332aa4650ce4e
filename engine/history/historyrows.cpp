#include "history/historyrows.h"
#include "data/sqlitestatement.h"
#include <QSqlError>
#include <QVariant>

namespace sf::history {

namespace {

bool failed(const QSqlQuery &q, QString *error, QString *nativeCode)
{
    *error = q.lastError().databaseText().isEmpty() ? q.lastError().text()
                                                    : q.lastError().databaseText();
    if (nativeCode) *nativeCode = q.lastError().nativeErrorCode();
    return false;
}

// SQLite stores a null QString as NULL; the columns are NOT NULL text.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

TaskState stateFromName(std::string_view name)
{
    for (TaskState s : {TaskState::Queued, TaskState::Running, TaskState::Done, TaskState::Failed,
                        TaskState::Retried, TaskState::Cancelled})
        if (taskStateKey(s) == name) return s;
    return TaskState::Queued;
}

} // namespace

QString runColumns()
{
    return QStringLiteral(
        "id, started_at, origin, analysis, job_name, dataset_path, dataset_size, "
        "dataset_mtime_ms, dataset_hash, chunk_unit, chunk_size, strategy, workers, policy, "
        "priority, memory_budget, status, wall_ms, tasks, failed, retries, rows, bytes");
}

StoredRun runFromRow(const QSqlQuery &q)
{
    StoredRun r;
    int i = 0;
    auto next = [&] { return q.value(i++); };
    r.id = next().toLongLong();
    r.startedAt = QDateTime::fromString(next().toString(), Qt::ISODateWithMs);
    r.startedAt.setTimeSpec(Qt::UTC);
    RunParams &p = r.params;
    p.origin = next().toString();
    p.analysis = next().toString();
    p.jobName = next().toString();
    p.datasetPath = next().toString();
    p.fingerprint.size = next().toLongLong();
    p.fingerprint.mtimeMs = next().toLongLong();
    p.fingerprint.headHash = next().toString().toULongLong(nullptr, 16);
    p.partition.unit = next().toString() == QLatin1String("bytes") ? PartitionSpec::Unit::Bytes
                                                                   : PartitionSpec::Unit::Rows;
    p.partition.size = next().toLongLong();
    partitionStrategyFromName(next().toString(), &p.partition.strategy);
    p.workers = next().toInt();
    schedulePolicyFromName(next().toString(), &p.policy);
    p.priority = next().toInt();
    p.memoryBudget = next().toLongLong();
    RunTotals &t = r.totals;
    t.status = next().toString();
    t.wallMs = next().toDouble();
    t.tasks = next().toLongLong();
    t.failed = next().toLongLong();
    t.retries = next().toLongLong();
    t.rows = next().toLongLong();
    t.bytes = next().toLongLong();
    return r;
}

bool insertRun(QSqlDatabase &db, StoredRun *run, QString *error, QString *nativeCode)
{
    QSqlQuery q(db);
    if (!q.prepare(QStringLiteral("INSERT INTO runs (%1) VALUES (NULL%2)")
                       .arg(runColumns(), QStringLiteral(", ?").repeated(22))))
        return failed(q, error, nativeCode);
    const RunParams &p = run->params;
    const RunTotals &t = run->totals;
    const QVariantList values{run->startedAt.toUTC().toString(Qt::ISODateWithMs),
                              text(p.origin),
                              text(p.analysis),
                              text(p.jobName),
                              text(p.datasetPath),
                              qint64(p.fingerprint.size),
                              qint64(p.fingerprint.mtimeMs),
                              p.fingerprint.hashHex(),
                              p.partition.unit == PartitionSpec::Unit::Bytes
                                  ? QStringLiteral("bytes")
                                  : QStringLiteral("rows"),
                              qint64(p.partition.size),
                              partitionStrategyName(p.partition.strategy),
                              p.workers,
                              schedulePolicyName(p.policy),
                              p.priority,
                              qint64(p.memoryBudget),
                              text(t.status),
                              t.wallMs,
                              qint64(t.tasks),
                              qint64(t.failed),
                              qint64(t.retries),
                              qint64(t.rows),
                              qint64(t.bytes)};
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) return failed(q, error, nativeCode);
    run->id = q.lastInsertId().toLongLong();

    // A run's attempts go through SQLite's C API: QSqlQuery names each bound value (":1",
    // ":2", …) and wraps it in a QVariant, 4.4 µs a row against 1 here.
    SqliteStatement tasks(db, QStringLiteral("INSERT INTO tasks VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                                             "?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!tasks.ok()) {
        *error = tasks.error();
        if (nativeCode) *nativeCode = tasks.errorCode();
        return false;
    }
    for (const TaskRecord &r : run->tasks) {
        const std::int64_t values[] = {run->id,     r.attemptId,  r.taskId,    r.job,
                                       r.chunk,     r.worker,     r.queuedNs,  r.startedNs,
                                       r.finishedNs, r.rowsDone,  r.bytesDone, r.memory};
        int i = 1;
        for (const std::int64_t v : values)
            tasks.bind(i++, v);
        tasks.bind(i++, taskStateKey(r.state));
        tasks.bind(i++, std::int64_t(r.attempt));
        tasks.bind(i++, std::int64_t(r.straggler ? 1 : 0));
        const QByteArray error8 = r.error.toUtf8();
        tasks.bind(i++, std::string_view(error8.constData(), std::size_t(error8.size())));
        if (!tasks.execute()) {
            *error = tasks.error();
            if (nativeCode) *nativeCode = tasks.errorCode();
            return false;
        }
    }
    return true;
}

bool readTasks(QSqlDatabase &db, std::int64_t runId, std::vector<TaskRecord> *out, QString *error)
{
    SqliteStatement q(db, QStringLiteral("SELECT attempt_id, task_id, job, chunk, lane, queued_ns, "
                                         "started_ns, finished_ns, rows, bytes, memory, state, "
                                         "attempt, straggler, error FROM tasks WHERE run_id = ? "
                                         "ORDER BY attempt_id"));
    if (!q.ok()) {
        *error = q.error();
        return false;
    }
    q.bind(1, runId);
    out->clear();
    while (q.step()) {
        TaskRecord r;
        r.attemptId = q.integer(0);
        r.taskId = q.integer(1);
        r.job = int(q.integer(2));
        r.chunk = q.integer(3);
        r.worker = int(q.integer(4));
        r.queuedNs = q.integer(5);
        r.startedNs = q.integer(6);
        r.finishedNs = q.integer(7);
        r.rowsDone = q.integer(8);
        r.rowCount = r.rowsDone;
        r.bytesDone = q.integer(9);
        r.memory = q.integer(10);
        r.state = stateFromName(q.text(11));
        r.attempt = int(q.integer(12));
        r.straggler = q.integer(13) != 0;
        const std::string_view e = q.text(14);
        if (!e.empty()) r.error = QString::fromUtf8(e.data(), qsizetype(e.size()));
        out->push_back(std::move(r));
    }
    if (!q.error().isEmpty()) {
        *error = q.error();
        return false;
    }
    return true;
}

} // namespace sf::history
