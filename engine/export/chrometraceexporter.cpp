// The run as a Chrome Trace Event Format file: one complete ("X") event per ended attempt on
// its worker's lane, lane and process names as metadata ("M"), and the run's sampled series
// as counters ("C"), so Perfetto or chrome://tracing shows the same picture as the workbench.
#include "export/atomicwrite.h"
#include "export/exporters.h"
#include "export/jsontext.h"
#include <QIODevice>
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

// Streams the events as text: a QJsonArray of a million events took 16 s and 1.5 GB. Keys of
// each object in the order QJsonDocument writes them (sorted), numbers in its forms.
class TraceText {
public:
    explicit TraceText(QIODevice &device) : m_device(device) {}

    void beginEvent(QLatin1StringView ph)
    {
        m_out.append(m_first ? "" : ",");
        m_first = false;
        m_ph = ph;
    }
    // The keys after "args" (and "cat"); "dur" only for complete events (dur >= 0).
    void endEvent(std::string_view cat, double dur, const QString &name, int tid, double ts)
    {
        m_out.append(",\"cat\":");
        json::appendString(m_out, cat);
        if (dur >= 0) {
            m_out.append(",\"dur\":");
            json::appendNumber(m_out, dur);
        }
        m_out.append(",\"name\":");
        json::appendString(m_out, name);
        m_out.append(",\"ph\":\"").append(m_ph.data(), m_ph.size()).append('"');
        m_out.append(",\"pid\":");
        json::appendNumber(m_out, kPid);
        m_out.append(",\"tid\":");
        json::appendNumber(m_out, tid);
        m_out.append(",\"ts\":");
        json::appendNumber(m_out, ts);
        m_out.append('}');
    }
    QByteArray &out() { return m_out; }
    bool flush(bool force = false) { return writeSlice(m_device, m_out, force); }

private:
    QIODevice &m_device;
    QByteArray m_out;
    QLatin1StringView m_ph;
    bool m_first = true;
};

void metadata(TraceText &t, const char *what, int tid, const QString &name)
{
    t.beginEvent(QLatin1StringView("M"));
    t.out().append("{\"args\":{\"name\":");
    json::appendString(t.out(), name);
    t.out().append('}');
    t.endEvent("__metadata", -1, QString::fromLatin1(what), tid, 0);
}

void counters(TraceText &t, const QString &name, const char *key,
              const std::vector<SeriesPoint> &series)
{
    for (const SeriesPoint &p : series) {
        t.beginEvent(QLatin1StringView("C"));
        t.out().append("{\"args\":{\"").append(key).append("\":");
        json::appendNumber(t.out(), p.value);
        t.out().append('}');
        t.endEvent("run", -1, name, kRunTid, p.tMs * 1000.0);
    }
}

} // namespace

bool exportChromeTrace(const std::vector<TaskRecord> &records, const RunSummary &summary,
                       const QStringList &jobNames, const QString &runName, const QString &path,
                       QString *error) {
    return writeFileAtomically(path, [&](QIODevice &device) {
        TraceText t(device);
        QByteArray &out = t.out();
        // Viewers ignore otherData; it lets a script tell a complete trace from an interrupted
        // one.
        out.append("{\"displayTimeUnit\":\"ms\",\"otherData\":{\"cancelled\":");
        json::appendBool(out, summary.cancelled);
        out.append(",\"elapsed_ms\":");
        json::appendNumber(out, summary.elapsedMs);
        out.append(",\"finished\":");
        json::appendBool(out, summary.finished);
        out.append(",\"run\":");
        json::appendString(out, runName);
        out.append(",\"tasks_failed\":");
        json::appendNumber(out, std::int64_t(summary.tasksFailed));
        out.append("},\"traceEvents\":[");

        std::set<int> lanes;
        for (int lane = 0; lane < summary.workers; ++lane)
            lanes.insert(lane);
        QList<QString> names; // "job:chunk " per job, then the chunk number
        for (const QString &job : jobNames)
            names.append(job + QStringLiteral(":chunk "));
        for (const TaskRecord &r : records) {
            if (!hasEnded(r)) continue;
            lanes.insert(r.worker);
            const QString prefix = r.job >= 0 && r.job < names.size()
                                       ? names[r.job]
                                       : QStringLiteral("job %1:chunk ").arg(r.job);
            t.beginEvent(QLatin1StringView("X"));
            out.append("{\"args\":{\"attempt\":");
            json::appendNumber(out, r.attempt);
            out.append(",\"bytes\":");
            json::appendNumber(out, std::int64_t(r.byteEnd - r.byteBegin));
            out.append(",\"chunk\":");
            json::appendNumber(out, std::int64_t(r.chunk));
            out.append(",\"error\":");
            json::appendString(out, r.error);
            out.append(",\"first_row\":");
            json::appendNumber(out, std::int64_t(r.firstRow));
            out.append(",\"rows\":");
            json::appendNumber(out, std::int64_t(r.rowCount));
            out.append('}');
            t.endEvent(taskStateKey(r.state), double(r.durationNs()) / 1000.0,
                       prefix + QString::number(r.chunk), r.worker + 1,
                       double(r.startedNs) / 1000.0);
            if (!t.flush()) return false;
        }
        counters(t, QStringLiteral("queue length"), "tasks", summary.queueLength);
        counters(t, QStringLiteral("memory in flight"), "bytes", summary.memorySeries);
        counters(t, QStringLiteral("throughput"), "rows/s", summary.throughput);
        metadata(t, "process_name", kRunTid,
                 runName.isEmpty() ? QStringLiteral("superflow run") : runName);
        metadata(t, "thread_name", kRunTid, QStringLiteral("run"));
        for (int lane : lanes)
            metadata(t, "thread_name", lane + 1, QStringLiteral("worker %1").arg(lane));
        out.append("]}");
        return t.flush(true);
    }, error);
}

} // namespace sf
