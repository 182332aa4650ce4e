#include "history/historyrows.h"
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

TaskState stateFromName(const QString &name)
{
    for (TaskState s : {TaskState::Queued, TaskState::Running, TaskState::Done, TaskState::Failed,
                        TaskState::Retried, TaskState::Cancelled})
        if (taskStateName(s) == name) return s;
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

    QSqlQuery t2(db);
    if (!t2.prepare(QStringLiteral("INSERT INTO tasks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                   "?, ?, ?, ?, ?)")))
        return failed(t2, error, nativeCode);
    for (const TaskRecord &r : run->tasks) {
        const QVariantList v{qint64(run->id),        qint64(r.attemptId),
                             qint64(r.taskId),       r.job,
                             qint64(r.chunk),        r.worker,
                             qint64(r.queuedNs),     qint64(r.startedNs),
                             qint64(r.finishedNs),   qint64(r.rowsDone),
                             qint64(r.bytesDone),    qint64(r.memory),
                             taskStateName(r.state), r.attempt,
                             r.straggler ? 1 : 0,    text(r.error)};
        for (int i = 0; i < v.size(); ++i)
            t2.bindValue(i, v[i]);
        if (!t2.exec()) return failed(t2, error, nativeCode);
    }
    return true;
}

bool readTasks(QSqlDatabase &db, std::int64_t runId, std::vector<TaskRecord> *out, QString *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral(
            "SELECT attempt_id, task_id, job, chunk, lane, queued_ns, started_ns, finished_ns, "
            "rows, bytes, memory, state, attempt, straggler, error FROM tasks WHERE run_id = ? "
            "ORDER BY attempt_id")))
        return failed(q, error, nullptr);
    q.addBindValue(qint64(runId));
    if (!q.exec()) return failed(q, error, nullptr);
    out->clear();
    while (q.next()) {
        TaskRecord r;
        r.attemptId = q.value(0).toLongLong();
        r.taskId = q.value(1).toLongLong();
        r.job = q.value(2).toInt();
        r.chunk = q.value(3).toLongLong();
        r.worker = q.value(4).toInt();
        r.queuedNs = q.value(5).toLongLong();
        r.startedNs = q.value(6).toLongLong();
        r.finishedNs = q.value(7).toLongLong();
        r.rowsDone = q.value(8).toLongLong();
        r.rowCount = r.rowsDone;
        r.bytesDone = q.value(9).toLongLong();
        r.memory = q.value(10).toLongLong();
        r.state = stateFromName(q.value(11).toString());
        r.attempt = q.value(12).toInt();
        r.straggler = q.value(13).toInt() != 0;
        r.error = q.value(14).toString();
        out->push_back(std::move(r));
    }
    return true;
}

} // namespace sf::history
