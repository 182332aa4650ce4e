#pragma once
// What a run is: jobs (dataset + analysis + partition + priority) and pool settings.
#include "analysis/analysis.h"
#include "data/datasource.h"
#include "data/rejects.h"
#include "partition/partitionspec.h"
#include "schedule/schedulepolicy.h"
#include <QString>
#include <memory>

namespace sf {

struct JobSpec {
    QString name;                              // shown in the UI; defaults to analysis + file
    std::shared_ptr<const DataSource> source;  // null for analyses without a dataset
    std::shared_ptr<Analysis> analysis;        // prepare() already called
    PartitionSpec partition;
    int priority = 0;                          // higher runs first under Policy::Priority
    RejectPolicy rejectPolicy;
};

struct RunOptions {
    int workers = 0;                 // 0: QThread::idealThreadCount()
    SchedulePolicy policy = SchedulePolicy::Fifo;
    std::int64_t memoryBudget = 0;   // bytes of estimated demand in flight; 0: unlimited
    int retries = 0;                 // extra attempts after a failure
    int retryBackoffMs = 10;         // first back-off, doubled per attempt
    int taskTimeoutMs = 0;           // 0: none; else the attempt is stopped and retried
    double stragglerFactor = 3.0;    // slower than factor × median duration → straggler
    int workerNice = 0;              // > 0: worker threads run this much nicer (Linux), so an
                                     // interactive thread beside them gets a core at once
};

// How one job ended.
struct JobOutcome {
    enum class Status { Pending, Done, Failed, Cancelled };
    Status status = Status::Pending;
    QString error;                   // for Failed: first failure message (file:line where known)
    AnalysisResult result;           // for Done
    std::int64_t rows = 0;           // records read (good + rejected)
    std::int64_t rejectedRows = 0;
    QList<RejectedRecord> rejects;   // in file order (capped at 100000 kept; count is exact)
    std::int64_t tasks = 0;
    std::int64_t failedTasks = 0;
    std::int64_t retries = 0;
};

} // namespace sf
