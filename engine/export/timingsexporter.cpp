// Timings: one CSV row per task attempt, for spreadsheets and pandas.
#include "export/atomicwrite.h"
#include "export/csvwriter.h"
#include "export/exporters.h"
#include <QIODevice>

namespace sf {

namespace {

double nsToMs(std::int64_t ns) {
    return double(ns) / 1e6;
}

QByteArray stateText(TaskState s) {
    const std::string_view key = taskStateKey(s);
    return QByteArray::fromRawData(key.data(), qsizetype(key.size())); // static text: no copy
}

} // namespace

bool exportTimingsCsv(const std::vector<TaskRecord> &records, const QStringList &jobNames,
                      const QString &path, QString *error) {
    // Streamed a megabyte at a time; each job's name encoded once.
    QList<QByteArray> jobs;
    for (const QString &name : jobNames)
        jobs.append(name.toUtf8());
    return writeFileAtomically(path, [&](QIODevice &device) {
        CsvWriter csv;
        csv.row({QStringLiteral("attempt_id"), QStringLiteral("task_id"), QStringLiteral("job"),
                 QStringLiteral("job_name"), QStringLiteral("chunk"), QStringLiteral("first_row"),
                 QStringLiteral("rows"), QStringLiteral("byte_begin"), QStringLiteral("byte_end"),
                 QStringLiteral("priority"), QStringLiteral("worker"), QStringLiteral("attempt"),
                 QStringLiteral("state"), QStringLiteral("straggler"), QStringLiteral("queued_ms"),
                 QStringLiteral("started_ms"), QStringLiteral("finished_ms"),
                 QStringLiteral("duration_ms"), QStringLiteral("error")});
        const QByteArray none;
        for (const TaskRecord &r : records) {
            const bool started = r.worker >= 0;
            const bool ended =
                r.finishedNs > 0 && r.state != TaskState::Queued && r.state != TaskState::Running;
            csv.field(r.attemptId).field(r.taskId).field(r.job);
            csv.field(r.job >= 0 && r.job < jobs.size() ? jobs[r.job] : none);
            csv.field(r.chunk).field(r.firstRow).field(r.rowCount).field(r.byteBegin).field(r.byteEnd);
            csv.field(r.priority).field(r.worker).field(r.attempt).field(stateText(r.state));
            csv.field(r.straggler);
            // Times an attempt has not reached yet stay empty rather than reading as 0 ms.
            csv.fixed(nsToMs(r.queuedNs), 3);
            if (started)
                csv.fixed(nsToMs(r.startedNs), 3);
            else
                csv.field(none);
            if (ended)
                csv.fixed(nsToMs(r.finishedNs), 3);
            else
                csv.field(none);
            if (started && ended)
                csv.fixed(nsToMs(r.durationNs()), 3);
            else
                csv.field(none);
            if (r.error.isEmpty())
                csv.field(none);
            else
                csv.field(r.error);
            csv.endRow();
            if (!csv.flushTo(device)) return false;
        }
        return csv.flushTo(device, true);
    }, error);
}

} // namespace sf
