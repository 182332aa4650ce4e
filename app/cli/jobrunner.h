#pragma once
// Runs one job on a fresh Run and waits for it, polling a snapshot every 100 ms for the
// progress line and turning Ctrl-C into run.cancel(). Shared by every command that runs tasks.
#include "exec/run.h"
#include "progressline.h"
#include <vector>

namespace sf::cli {

struct RunReport {
    JobOutcome outcome;
    std::vector<TaskRecord> records;
    RunSummary summary;
    QString jobName;
    double wallMs = 0;
    int workers = 0;          // the worker count the run used (0 resolved to the core count)
    bool interrupted = false; // Ctrl-C cancelled it
};

// `progress` may be null (sweep runs without a line per run).
RunReport runJob(JobSpec job, const RunOptions &options, ProgressLine *progress);

} // namespace sf::cli
