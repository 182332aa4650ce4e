// The run as a Chrome Trace Event Format file: one complete ("X") event per ended attempt on
// its worker's lane, lane and process names as metadata ("M"), and the run's sampled series
// as counters ("C"), so Perfetto or chrome://tracing shows the same picture as the workbench.
#include "export/atomicwrite.h"
#include "export/exporters.h"
#include <QJsonArray>
#include <QJsonDocument>
#include <set>

namespace sf {

namespace {

constexpr int kPid = 1;
constexpr int kRunTid = 0; // counters and run-level events; worker lane N is tid N + 1

bool hasEnded(const TaskRecord &r) {
    switch (r.state) {
    case TaskState::Done:
    case TaskState::Failed:
    case TaskState::Retried:
    case TaskState::Cancelled:
        return r.worker >= 0; // an attempt cancelled while queued never ran on a lane
    case TaskState::Queued:
    case TaskState::Running:
        return false;
    }
    return false;
}

QJsonObject metadata(const QString &what, int tid, const QString &name) {
    return QJsonObject{{QStringLiteral("ph"), QStringLiteral("M")},
                       {QStringLiteral("name"), what},
                       {QStringLiteral("cat"), QStringLiteral("__metadata")},
                       {QStringLiteral("pid"), kPid},
                       {QStringLiteral("tid"), tid},
                       {QStringLiteral("ts"), 0},
                       {QStringLiteral("args"), QJsonObject{{QStringLiteral("name"), name}}}};
}

void appendCounter(QJsonArray &events, const QString &name, const QString &key,
                   const std::vector<SeriesPoint> &series) {
    for (const SeriesPoint &p : series) {
        events.append(QJsonObject{{QStringLiteral("ph"), QStringLiteral("C")},
                                  {QStringLiteral("name"), name},
                                  {QStringLiteral("cat"), QStringLiteral("run")},
                                  {QStringLiteral("pid"), kPid},
                                  {QStringLiteral("tid"), kRunTid},
                                  {QStringLiteral("ts"), p.tMs * 1000.0},
                                  {QStringLiteral("args"), QJsonObject{{key, p.value}}}});
    }
}

} // namespace

bool exportChromeTrace(const std::vector<TaskRecord> &records, const RunSummary &summary,
                       const QStringList &jobNames, const QString &runName, const QString &path,
                       QString *error) {
    QJsonArray events;
    std::set<int> lanes;
    for (int lane = 0; lane < summary.workers; ++lane)
        lanes.insert(lane);
    for (const TaskRecord &r : records) {
        if (!hasEnded(r)) continue;
        lanes.insert(r.worker);
        const QString job = r.job >= 0 && r.job < jobNames.size()
                                ? jobNames[r.job]
                                : QStringLiteral("job %1").arg(r.job);
        const std::int64_t durNs = r.durationNs();
        events.append(QJsonObject{
            {QStringLiteral("ph"), QStringLiteral("X")},
            {QStringLiteral("name"), QStringLiteral("%1:chunk %2").arg(job).arg(r.chunk)},
            {QStringLiteral("cat"), taskStateName(r.state)},
            {QStringLiteral("pid"), kPid},
            {QStringLiteral("tid"), r.worker + 1},
            {QStringLiteral("ts"), double(r.startedNs) / 1000.0},
            {QStringLiteral("dur"), double(durNs) / 1000.0},
            {QStringLiteral("args"),
             QJsonObject{{QStringLiteral("chunk"), qint64(r.chunk)},
                         {QStringLiteral("first_row"), qint64(r.firstRow)},
                         {QStringLiteral("rows"), qint64(r.rowCount)},
                         {QStringLiteral("bytes"), qint64(r.byteEnd - r.byteBegin)},
                         {QStringLiteral("attempt"), r.attempt},
                         {QStringLiteral("error"), r.error}}}});
    }
    appendCounter(events, QStringLiteral("queue length"), QStringLiteral("tasks"),
                  summary.queueLength);
    appendCounter(events, QStringLiteral("memory in flight"), QStringLiteral("bytes"),
                  summary.memorySeries);
    appendCounter(events, QStringLiteral("throughput"), QStringLiteral("rows/s"),
                  summary.throughput);

    events.append(metadata(QStringLiteral("process_name"), kRunTid,
                           runName.isEmpty() ? QStringLiteral("superflow run") : runName));
    events.append(metadata(QStringLiteral("thread_name"), kRunTid, QStringLiteral("run")));
    for (int lane : lanes)
        events.append(metadata(QStringLiteral("thread_name"), lane + 1,
                               QStringLiteral("worker %1").arg(lane)));

    // Viewers ignore otherData; it lets a script tell a complete trace from an interrupted one.
    const QJsonObject other{{QStringLiteral("run"), runName},
                            {QStringLiteral("elapsed_ms"), summary.elapsedMs},
                            {QStringLiteral("finished"), summary.finished},
                            {QStringLiteral("cancelled"), summary.cancelled},
                            {QStringLiteral("tasks_failed"), qint64(summary.tasksFailed)}};
    QJsonObject document{{QStringLiteral("traceEvents"), events},
                         {QStringLiteral("displayTimeUnit"), QStringLiteral("ms")},
                         {QStringLiteral("otherData"), other}};
    return writeFileAtomically(path, QJsonDocument(document).toJson(QJsonDocument::Compact), error);
}

} // namespace sf
