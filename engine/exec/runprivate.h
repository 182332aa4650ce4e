#pragma once
// The engine of a Run: job states, the scheduler under one mutex + condition variable, the
// lane loops that pull tasks (no per-task pool submission), retries with back-off, failure
// and cancel propagation, and in-order merging through each job's JobMerger.
#include "exec/attempt.h"
#include "exec/executionbackend.h"
#include "exec/jobmerger.h"
#include "exec/run.h"
#include "exec/runcontrol.h"
#include "monitor/monitor.h"
#include "partition/partitioner.h"
#include "schedule/scheduler.h"
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <vector>

namespace sf {

struct JobState {
    JobSpec spec;
    std::unique_ptr<Partitioner> partitioner; // data jobs
    std::vector<PlannedTask> planned;         // synthetic jobs
    std::size_t nextPlanned = 0;
    std::unique_ptr<JobMerger> merger;
    std::atomic<bool> stop{false}; // running tasks of this job must stop
    // Under RunPrivate::m_mutex:
    JobOutcome::Status status = JobOutcome::Status::Pending;
    QString error;
    AnalysisResult result;
    std::int64_t chunksMade = 0;
    std::int64_t merged = 0;
    std::int64_t running = 0;
    std::int64_t delayed = 0;
    std::int64_t failedTasks = 0;
    std::int64_t retries = 0;
    bool exhausted = false;  // every chunk generated
    bool finalizing = false; // a lane is finalizing or abandoning
    bool settled = false;    // finalize() or abandon() has returned
};

class RunPrivate {
public:
    RunPrivate(Run *q, RunOptions options, std::unique_ptr<ExecutionBackend> backend);
    ~RunPrivate();

    int addJob(JobSpec job);
    void start();
    void pause();
    void resume();
    void cancel();
    void setWorkers(int n);
    bool wait(int timeoutMs);
    bool isFinished() const;
    JobOutcome outcome(int job) const;

    Run *q;
    RunOptions options;
    std::unique_ptr<ExecutionBackend> backend;
    std::vector<std::unique_ptr<JobState>> jobs;
    Monitor monitor;
    RunControl control;

private:
    struct Delayed {
        std::int64_t dueNs;
        ReadyTask task;
    };

    void laneLoop(int lane);
    void startLanesLocked(int target);
    // Tiny tasks (planned or learned cost under kBatchNs) are dispatched to a lane several at
    // a time, so the run lock, the gauges and the wake-ups are paid once per batch rather than
    // once per task; everything else (records, merging, retries) stays per task.
    static constexpr std::size_t kBatchMaxTasks = 32;
    static constexpr double kBatchNs = 50'000;
    struct Outcome {
        AttemptResult result;
        std::int64_t startNs = 0, endNs = 0;
        JobMerger::Deposit deposit;
    };
    // More tasks after batch.front() while they are tiny, fit the memory budget and add up to
    // less than kBatchNs.
    void takeTinyLocked(std::vector<ReadyTask> &batch, std::int64_t nowNs);
    // Runs the batch on `lane`. `startNs`: the clock read at the top of the lane-loop pass that
    // popped it, under the run lock, so records' start order is the dispatch order.
    void execute(std::unique_lock<std::mutex> &lk, int lane, std::vector<ReadyTask> &batch,
                 std::vector<Outcome> &outcomes, std::int64_t startNs);
    void settleLocked(int lane, ReadyTask &task, Outcome &o);
    void releaseLocked(const ReadyTask &task);
    void onFailureLocked(int lane, ReadyTask &task, AttemptResult &r, std::int64_t endNs);
    void wakeLocked();
    // `nowNs` below is one clock read per lane-loop pass: tasks queued in that pass share it
    // (a clock read per task was a fifth of a no-op task's cost).
    bool generateLocked(int job, std::int64_t nowNs); // one more chunk of `job` into the scheduler
    void refillLocked(std::int64_t nowNs);
    void planAllLocked(std::int64_t nowNs); // every task of fixed plans (ordered policies)
    void enqueueLocked(ReadyTask task, std::int64_t nowNs); // new attempt record + scheduler
    void promoteDueLocked(std::int64_t nowNs);
    void failJobLocked(int job, const QString &error);
    void stopJobLocked(int job, JobOutcome::Status status, const QString &error);
    void cancelQueuedLocked(int job);
    bool settleOneLocked(std::unique_lock<std::mutex> &lk); // finalize/abandon one ready job
    bool allSettledLocked() const;
    void updateGaugesLocked();
    ReadyTask makeTask(int job, const ChunkRange &range, const PlannedTask *plan);

    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    Scheduler *m_scheduler = nullptr;
    std::unique_ptr<Scheduler> m_schedulerOwner;
    std::deque<Delayed> m_delayed; // sorted by due time
    std::int64_t m_memoryInFlight = 0;
    std::int64_t m_running = 0;
    std::int64_t m_nextTaskId = 0;
    std::int64_t m_nextAttemptId = 0;
    int m_target = 1;
    std::vector<bool> m_alive;
    int m_aliveCount = 0;
    bool m_started = false;
    bool m_planPending = false; // a lane must enqueue the fixed plans before popping
    int m_waiting = 0;          // lanes sleeping on m_cv: notify only when someone listens
    bool m_finishing = false;   // the last lane is emitting `finished`: start no more lanes
    bool m_finished = false;
};

} // namespace sf
