#pragma once
// One run as the history keeps it: what was run (analysis, dataset fingerprint, partition and
// schedule settings), how it ended (wall time, task counts, rows, bytes) and every task
// attempt's timings, so a past run's charts can be redrawn and two runs compared.
#include "exec/runoptions.h"
#include "history/datasetfingerprint.h"
#include "monitor/runsnapshot.h"
#include "monitor/taskrecord.h"
#include "partition/partitionspec.h"
#include "schedule/schedulepolicy.h"
#include <QDateTime>
#include <QString>
#include <cstdint>
#include <vector>

namespace sf {

struct RunParams {
    QString origin;   // "cli" or "gui": which program ran it
    QString analysis; // registry name ("profile", "synthetic", ...)
    QString jobName;
    QString datasetPath; // empty for analyses without a dataset
    DatasetFingerprint fingerprint;
    PartitionSpec partition;
    int workers = 0;
    SchedulePolicy policy = SchedulePolicy::Fifo;
    int priority = 0;
    std::int64_t memoryBudget = 0;
};

struct RunTotals {
    QString status; // "done", "failed", "cancelled"
    double wallMs = 0;
    std::int64_t tasks = 0;
    std::int64_t failed = 0;
    std::int64_t retries = 0;
    std::int64_t rows = 0;
    std::int64_t bytes = 0;
};

struct StoredRun {
    std::int64_t id = 0; // set by RunHistory::saveRun
    QDateTime startedAt; // UTC
    RunParams params;
    RunTotals totals;
    std::vector<TaskRecord> tasks; // every attempt; empty in RunHistory::list()
};

// The totals of a finished run, from what the engine reports about it.
RunTotals runTotals(const JobOutcome &outcome, const RunSummary &summary, double wallMs);
QString jobStatusName(JobOutcome::Status status); // "pending", "done", "failed", "cancelled"
// How the run cut its data: "5000 rows", "4.2 MB", "guided ≥ 5000 rows"; "-" without a dataset.
QString chunkText(const RunParams &params);

} // namespace sf
