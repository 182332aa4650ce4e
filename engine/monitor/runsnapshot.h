#pragma once
// What consumers (UI views, CLI progress line, exporters) see of a run. Taken by
// Monitor::snapshot() at up to 30 Hz; carries only the attempts that changed since the last one,
// at most a capped number per snapshot, so no snapshot is huge however many tasks a run has.
#include "monitor/taskrecord.h"
#include <QList>
#include <QString>
#include <cstdint>
#include <vector>

namespace sf {

struct DurationQuantiles {
    double minMs = 0, p25Ms = 0, medianMs = 0, p75Ms = 0, p95Ms = 0, maxMs = 0;
};

struct SeriesPoint {
    double tMs = 0; // since run start
    double value = 0;
};

struct JobProgress {
    int job = 0;
    QString name;
    std::int64_t tasksDone = 0;
    std::int64_t tasksTotal = 0; // estimate for guided/auto partitions
    std::int64_t rowsDone = 0;
    std::int64_t rowsTotal = 0;
    std::int64_t bytesDone = 0;
    std::int64_t bytesTotal = 0;
    bool finished = false;
};

struct RunSummary {
    double elapsedMs = 0;
    bool finished = false;
    bool cancelled = false;
    bool paused = false;
    int workers = 0; // current target worker count
    std::int64_t tasksTotal = 0;
    std::int64_t tasksDone = 0;
    std::int64_t tasksRunning = 0;
    std::int64_t tasksQueued = 0;
    std::int64_t tasksFailed = 0; // failed after all retries
    std::int64_t retries = 0;
    std::int64_t rowsDone = 0;
    std::int64_t rowsTotal = 0;
    std::int64_t bytesDone = 0;
    std::int64_t bytesTotal = 0;
    double rowsPerSec = 0; // over the last ~1 s (overall once finished)
    double bytesPerSec = 0;
    double rowsPerSecOverall = 0; // since the run started
    double bytesPerSecOverall = 0;
    double etaMs = -1;   // -1: unknown
    double progress = 0; // 0..1
    std::int64_t memoryInFlight = 0;
    DurationQuantiles durations;           // finished attempts
    std::vector<double> workerUtilisation; // busy share per lane, 0..1
    std::vector<SeriesPoint> queueLength;  // sampled over the run
    std::vector<SeriesPoint> memorySeries; // memory in flight over the run
    std::vector<SeriesPoint> throughput;   // rows/s over the run
    std::vector<std::int64_t> stragglers;  // attempt ids
    QList<JobProgress> jobs;
    QStringList warnings; // e.g. "task 12 needs 3 GB, more than the 1 GB budget: ran alone"
};

struct RunSnapshot {
    std::vector<TaskRecord> changed; // attempts created or changed since the previous snapshot
    std::int64_t pendingChanges = 0; // changed attempts left for the next snapshot (capped size)
    RunSummary summary;
};

} // namespace sf
