#include "historytext.h"
#include "clitext.h"
#include "texttable.h"
#include <QFileInfo>
#include <QJsonArray>
#include <map>

namespace sf::cli {

namespace {

QString num(double v, int decimals = 3) {
    return QString::number(v, 'f', decimals);
}

QString local(const QDateTime &utc) {
    return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QJsonObject quantilesJson(const DurationQuantiles &q) {
    QJsonObject o;
    const QStringList names = RunComparison::quantileNames();
    const std::vector<double> values = RunComparison::quantileValues(q);
    for (qsizetype i = 0; i < names.size(); ++i)
        o.insert(names[i] + QStringLiteral("_ms"), values[std::size_t(i)]);
    return o;
}

QString settingsText(const RunParams &p) {
    const QString workers =
        Cli::tr("%1 worker(s), %2").arg(p.workers).arg(schedulePolicyName(p.policy));
    return p.datasetPath.isEmpty() ? workers : chunkText(p) + QStringLiteral(", ") + workers;
}

} // namespace

QString historyListText(const QList<StoredRun> &runs) {
    if (runs.isEmpty()) return Cli::tr("The history holds no runs yet.") + QLatin1Char('\n');
    TextTable t({Cli::tr("id"), Cli::tr("started"), Cli::tr("from"), Cli::tr("analysis"),
                 Cli::tr("dataset"), Cli::tr("chunk"), Cli::tr("workers"), Cli::tr("policy"),
                 Cli::tr("status"), Cli::tr("wall ms"), Cli::tr("tasks")});
    for (const StoredRun &r : runs) {
        const RunParams &p = r.params;
        t.addRow(
            {QString::number(r.id), local(r.startedAt), p.origin, p.analysis,
             p.datasetPath.isEmpty() ? QStringLiteral("-") : QFileInfo(p.datasetPath).fileName(),
             chunkText(p), QString::number(p.workers), schedulePolicyName(p.policy),
             r.totals.status, num(r.totals.wallMs, 1), QString::number(r.totals.tasks)});
    }
    return t.toString();
}

QString historyShowText(const StoredRun &r) {
    const RunParams &p = r.params;
    QString out = Cli::tr("Run %1 (%2, %3)").arg(r.id).arg(p.origin, local(r.startedAt)) +
                  QStringLiteral("\n\n");
    auto field = [&](const QString &label, const QString &value) {
        out += QStringLiteral("  ") + QString(label + QLatin1Char(':')).leftJustified(16) + value +
               QLatin1Char('\n');
    };
    field(Cli::tr("analysis"), p.analysis);
    field(Cli::tr("job"), p.jobName);
    if (!p.datasetPath.isEmpty()) {
        field(Cli::tr("dataset"), p.datasetPath);
        field(Cli::tr("fingerprint"),
              p.fingerprint.isValid()
                  ? Cli::tr("%1, modified %2, head hash %3")
                        .arg(formatByteSize(p.fingerprint.size),
                             local(QDateTime::fromMSecsSinceEpoch(p.fingerprint.mtimeMs, Qt::UTC)),
                             p.fingerprint.hashHex())
                  : Cli::tr("file was not readable"));
        field(Cli::tr("chunks"), chunkText(p));
    }
    field(Cli::tr("workers"), QString::number(p.workers));
    field(Cli::tr("policy"), schedulePolicyName(p.policy));
    field(Cli::tr("priority"), QString::number(p.priority));
    field(Cli::tr("memory budget"),
          p.memoryBudget > 0 ? formatByteSize(p.memoryBudget) : Cli::tr("none"));
    field(Cli::tr("status"), r.totals.status);
    field(Cli::tr("wall time"), Cli::tr("%1 ms").arg(num(r.totals.wallMs)));
    field(Cli::tr("tasks"), Cli::tr("%1 (%2 failed, %3 retries)")
                                .arg(r.totals.tasks)
                                .arg(r.totals.failed)
                                .arg(r.totals.retries));
    field(Cli::tr("rows"), QString::number(r.totals.rows));
    field(Cli::tr("bytes"), formatByteSize(r.totals.bytes));
    out += QLatin1Char('\n');
    TextTable q(QStringList{Cli::tr("task ms")} + RunComparison::quantileNames());
    QStringList row{Cli::tr("duration")};
    for (double v : RunComparison::quantileValues(finishedQuantiles(r.tasks)))
        row.append(num(v));
    q.addRow(row);
    out += q.toString() + QLatin1Char('\n');
    std::map<int, std::pair<std::int64_t, double>> lanes; // lane → attempts, busy ms
    for (const TaskRecord &t : r.tasks) {
        if (t.worker < 0) continue;
        auto &lane = lanes[t.worker];
        ++lane.first;
        lane.second += double(t.durationNs()) / 1e6;
    }
    TextTable l({Cli::tr("worker"), Cli::tr("attempts"), Cli::tr("busy ms"), Cli::tr("busy")});
    for (const auto &[lane, v] : lanes)
        l.addRow({QString::number(lane), QString::number(v.first), num(v.second),
                  r.totals.wallMs > 0 ? num(100 * v.second / r.totals.wallMs, 0) + QLatin1Char('%')
                                      : QStringLiteral("-")});
    return out + l.toString();
}

QString historyCompareText(const StoredRun &a, const StoredRun &b, const RunComparison &c) {
    const QString ra = Cli::tr("run %1").arg(a.id), rb = Cli::tr("run %1").arg(b.id);
    QString out = Cli::tr("Run %1: %2 %3, %4")
                      .arg(a.id)
                      .arg(a.params.analysis, local(a.startedAt), settingsText(a.params)) +
                  QLatin1Char('\n') +
                  Cli::tr("Run %1: %2 %3, %4")
                      .arg(b.id)
                      .arg(b.params.analysis, local(b.startedAt), settingsText(b.params)) +
                  QStringLiteral("\n");
    if (a.params.fingerprint != b.params.fingerprint ||
        a.params.datasetPath != b.params.datasetPath)
        out += Cli::tr("note: the runs read different data (dataset or fingerprint differ)") +
               QLatin1Char('\n');
    out += QLatin1Char('\n');
    TextTable t({QString(), ra, rb, Cli::tr("difference"), Cli::tr("ratio")});
    t.addRow({Cli::tr("wall ms"), num(c.wallMsA), num(c.wallMsB), num(c.wallMsB - c.wallMsA),
              c.wallMsA > 0 ? num(c.wallRatio, 3) + QChar(0x00d7) : QStringLiteral("-")});
    t.addRow({Cli::tr("tasks"), QString::number(c.tasksA), QString::number(c.tasksB),
              QString::number(c.tasksB - c.tasksA), QString()});
    const QStringList names = RunComparison::quantileNames();
    const std::vector<double> qa = RunComparison::quantileValues(c.a);
    const std::vector<double> qb = RunComparison::quantileValues(c.b);
    const std::vector<double> qd = RunComparison::quantileValues(c.diff);
    for (qsizetype i = 0; i < names.size(); ++i) {
        const std::size_t k = std::size_t(i);
        t.addRow({Cli::tr("task %1 ms").arg(names[i]), num(qa[k]), num(qb[k]), num(qd[k]),
                  qa[k] > 0 ? num(qb[k] / qa[k], 3) + QChar(0x00d7) : QStringLiteral("-")});
    }
    out += t.toString();
    if (c.binEdgesMs.empty()) return out;
    out += QLatin1Char('\n');
    TextTable h({Cli::tr("task ms from"), Cli::tr("to"), ra, rb});
    for (std::size_t i = 0; i + 1 < c.binEdgesMs.size(); ++i)
        h.addRow({num(c.binEdgesMs[i]), num(c.binEdgesMs[i + 1]), QString::number(c.histA[i]),
                  QString::number(c.histB[i])});
    return out + h.toString();
}

QJsonObject historyRunJson(const StoredRun &r, bool withTasks) {
    const RunParams &p = r.params;
    QJsonObject o{{QStringLiteral("id"), qint64(r.id)},
                  {QStringLiteral("started_at"), r.startedAt.toString(Qt::ISODateWithMs)},
                  {QStringLiteral("origin"), p.origin},
                  {QStringLiteral("analysis"), p.analysis},
                  {QStringLiteral("job"), p.jobName},
                  {QStringLiteral("workers"), p.workers},
                  {QStringLiteral("policy"), schedulePolicyName(p.policy)},
                  {QStringLiteral("priority"), p.priority},
                  {QStringLiteral("memory_budget"), qint64(p.memoryBudget)},
                  {QStringLiteral("status"), r.totals.status},
                  {QStringLiteral("wall_ms"), r.totals.wallMs},
                  {QStringLiteral("tasks"), qint64(r.totals.tasks)},
                  {QStringLiteral("failed"), qint64(r.totals.failed)},
                  {QStringLiteral("retries"), qint64(r.totals.retries)},
                  {QStringLiteral("rows"), qint64(r.totals.rows)},
                  {QStringLiteral("bytes"), qint64(r.totals.bytes)}};
    if (!p.datasetPath.isEmpty()) {
        o.insert(QStringLiteral("dataset"), p.datasetPath);
        o.insert(QStringLiteral("dataset_size"), qint64(p.fingerprint.size));
        o.insert(QStringLiteral("dataset_mtime_ms"), qint64(p.fingerprint.mtimeMs));
        o.insert(QStringLiteral("dataset_hash"), p.fingerprint.hashHex());
        o.insert(QStringLiteral("chunk_unit"), p.partition.unit == PartitionSpec::Unit::Bytes
                                                   ? QStringLiteral("bytes")
                                                   : QStringLiteral("rows"));
        o.insert(QStringLiteral("chunk_size"), qint64(p.partition.size));
        o.insert(QStringLiteral("strategy"), partitionStrategyName(p.partition.strategy));
    }
    if (!withTasks) return o;
    o.insert(QStringLiteral("durations"), quantilesJson(finishedQuantiles(r.tasks)));
    QJsonArray tasks;
    for (const TaskRecord &t : r.tasks)
        tasks.append(QJsonObject{{QStringLiteral("attempt_id"), qint64(t.attemptId)},
                                 {QStringLiteral("task_id"), qint64(t.taskId)},
                                 {QStringLiteral("job"), t.job},
                                 {QStringLiteral("worker"), t.worker},
                                 {QStringLiteral("queued_ns"), qint64(t.queuedNs)},
                                 {QStringLiteral("started_ns"), qint64(t.startedNs)},
                                 {QStringLiteral("finished_ns"), qint64(t.finishedNs)},
                                 {QStringLiteral("rows"), qint64(t.rowsDone)},
                                 {QStringLiteral("bytes"), qint64(t.bytesDone)},
                                 {QStringLiteral("state"), taskStateName(t.state)},
                                 {QStringLiteral("attempt"), t.attempt},
                                 {QStringLiteral("error"), t.error}});
    o.insert(QStringLiteral("task_attempts"), tasks);
    return o;
}

QJsonObject historyCompareJson(const StoredRun &a, const StoredRun &b, const RunComparison &c) {
    QJsonObject ja = historyRunJson(a, false), jb = historyRunJson(b, false);
    ja.insert(QStringLiteral("durations"), quantilesJson(c.a));
    ja.insert(QStringLiteral("finished_tasks"), qint64(c.tasksA));
    jb.insert(QStringLiteral("durations"), quantilesJson(c.b));
    jb.insert(QStringLiteral("finished_tasks"), qint64(c.tasksB));
    QJsonArray edges, ha, hb;
    for (double e : c.binEdgesMs)
        edges.append(e);
    for (std::int64_t n : c.histA)
        ha.append(qint64(n));
    for (std::int64_t n : c.histB)
        hb.append(qint64(n));
    return {{QStringLiteral("a"), ja},
            {QStringLiteral("b"), jb},
            {QStringLiteral("wall_ratio"), c.wallRatio},
            {QStringLiteral("wall_diff_ms"), c.wallMsB - c.wallMsA},
            {QStringLiteral("duration_diff"), quantilesJson(c.diff)},
            {QStringLiteral("histogram"), QJsonObject{{QStringLiteral("edges_ms"), edges},
                                                      {QStringLiteral("log_bins"), c.logBins},
                                                      {QStringLiteral("a"), ha},
                                                      {QStringLiteral("b"), hb}}}};
}

} // namespace sf::cli
