#include "history/replaysnapshot.h"
#include "history/runcomparison.h"
#include <algorithm>
#include <cmath>

namespace sf {

RunSnapshot replaySnapshot(const StoredRun &run, int points)
{
    RunSnapshot s;
    s.changed = run.tasks;
    RunSummary &m = s.summary;
    m.finished = true;
    m.cancelled = run.totals.status == QLatin1String("cancelled");
    m.elapsedMs = run.totals.wallMs;
    m.workers = std::max(1, run.params.workers);
    m.tasksTotal = run.totals.tasks;
    m.tasksFailed = run.totals.failed;
    m.retries = run.totals.retries;
    m.rowsDone = m.rowsTotal = run.totals.rows;
    m.bytesDone = m.bytesTotal = run.totals.bytes;
    m.progress = 1;
    m.durations = finishedQuantiles(run.tasks);
    std::int64_t spanNs = 0;
    int lanes = m.workers;
    for (const TaskRecord &t : run.tasks) {
        spanNs = std::max(spanNs, t.finishedNs);
        lanes = std::max(lanes, t.worker + 1);
        if (t.state == TaskState::Done) ++m.tasksDone;
        if (t.straggler) m.stragglers.push_back(t.attemptId);
    }
    const double spanMs = std::max(run.totals.wallMs, double(spanNs) / 1e6);
    m.workerUtilisation.assign(std::size_t(lanes), 0.0);
    for (const TaskRecord &t : run.tasks)
        if (t.worker >= 0 && spanMs > 0)
            m.workerUtilisation[std::size_t(t.worker)] += double(t.durationNs()) / 1e6 / spanMs;
    const double seconds = spanMs / 1000.0;
    m.rowsPerSec = m.rowsPerSecOverall = seconds > 0 ? double(m.rowsDone) / seconds : 0;
    m.bytesPerSec = m.bytesPerSecOverall = seconds > 0 ? double(m.bytesDone) / seconds : 0;
    if (spanMs <= 0 || points < 1) return s;

    // Rows finished per interval (as rows/s) and tasks waiting at each interval's end: queued
    // by then and not yet started (sorted times, so a million attempts stay cheap).
    const double stepMs = spanMs / points;
    std::vector<double> rows(std::size_t(points), 0.0);
    std::vector<std::int64_t> queued, started;
    for (const TaskRecord &t : run.tasks) {
        queued.push_back(t.queuedNs);
        if (t.worker >= 0) started.push_back(t.startedNs);
        if (t.state != TaskState::Done) continue;
        const int bin = std::clamp(int(double(t.finishedNs) / 1e6 / stepMs), 0, points - 1);
        rows[std::size_t(bin)] += double(t.rowsDone);
    }
    const int window = std::max(1, int(std::lround(std::min(1000.0, spanMs / 10) / stepMs)));
    std::sort(queued.begin(), queued.end());
    std::sort(started.begin(), started.end());
    for (int i = 0; i < points; ++i) {
        const double endMs = (i + 1) * stepMs;
        const std::int64_t endNs = std::int64_t(endMs * 1e6);
        const auto in = std::upper_bound(queued.begin(), queued.end(), endNs) - queued.begin();
        const auto out = std::upper_bound(started.begin(), started.end(), endNs) - started.begin();
        // Over a trailing window (a tenth of the run, at most 1 s, as the live monitor's),
        // so a run of few tasks draws a rate rather than a comb of spikes.
        double windowRows = 0;
        for (int k = std::max(0, i - window + 1); k <= i; ++k)
            windowRows += rows[std::size_t(k)];
        const double windowMs = stepMs * std::min(window, i + 1);
        m.throughput.push_back({endMs, windowRows / (windowMs / 1000.0)});
        m.queueLength.push_back({endMs, double(std::max<std::ptrdiff_t>(0, in - out))});
    }
    return s;
}

} // namespace sf
