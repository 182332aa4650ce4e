#pragma once
// Collects what every task attempt does and turns it into RunSnapshots. Workers write events
// into their own lane buffer (a mutex only the snapshot taker contends) and publish running
// progress in relaxed atomics; the scheduler side writes queued/cancelled events to a central
// buffer. snapshot() drains both, keeps the master attempt list and derives the summary; a
// producer whose buffer has grown past kFoldEvents drains them itself when the list is free.
#include "core/chunkedvector.h"
#include "monitor/durationstats.h"
#include "monitor/runsnapshot.h"
#include "monitor/seriesrecorder.h"
#include <atomic>
#include <chrono>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

namespace sf {

// A change of one attempt, kept trivially copyable so buffers move as plain memory at a
// million tasks. Running: worker and ns = startedNs; the end kinds: ns = finishedNs, rows,
// bytes, straggler (timed out) and an error kept beside the buffer.
struct TaskEvent {
    TaskState kind = TaskState::Running;
    bool straggler = false;
    int worker = -1;
    int errorIndex = -1;
    std::int64_t attemptId = 0;
    std::int64_t ns = 0;
    std::int64_t rows = 0;
    std::int64_t bytes = 0;
};

// A new attempt entering the queue: the identity fields of its TaskRecord.
struct QueuedTask {
    std::int64_t attemptId = 0, taskId = 0, chunk = 0, firstRow = 0, rowCount = 0;
    std::int64_t byteBegin = 0, byteEnd = 0, queuedNs = 0, memory = 0;
    int job = 0, priority = 0, attempt = 1;
};

class Monitor {
public:
    static constexpr int kMaxLanes = 512;

    explicit Monitor(double stragglerFactor);
    ~Monitor();

    void startClock();
    std::int64_t nowNs() const;

    // --- worker (lane) side: no shared lock.
    void laneStarted(int lane, std::int64_t attemptId, int worker, std::int64_t ns);
    void laneProgress(int lane, std::int64_t rows, std::int64_t bytes)
    {
        m_lanes[lane].rows.store(rows, std::memory_order_relaxed);
        m_lanes[lane].bytes.store(bytes, std::memory_order_relaxed);
    }
    // Done/Failed/Retried/Cancelled of the lane's attempt.
    void laneEnded(int lane, TaskState kind, std::int64_t attemptId, std::int64_t finishedNs,
                   std::int64_t rows, std::int64_t bytes, const QString &error = QString(),
                   bool timedOut = false);

    // --- scheduler side.
    void recordQueued(const QueuedTask &task);
    void recordCancelled(std::int64_t attemptId, std::int64_t ns); // never started
    void addWarning(const QString &warning);
    void addJob(int job, const QString &name, std::int64_t rowsTotal, std::int64_t bytesTotal,
                std::int64_t tasksTotal);
    void setJobTasksTotal(int job, std::int64_t tasksTotal);
    void setJobFinished(int job);
    void setGauges(std::int64_t queueLength, std::int64_t memoryInFlight)
    {
        m_queueLength.store(queueLength, std::memory_order_relaxed);
        m_memoryInFlight.store(memoryInFlight, std::memory_order_relaxed);
    }
    void setWorkers(int n) { m_workers.store(n, std::memory_order_relaxed); }
    void setPaused(bool p) { m_paused.store(p, std::memory_order_relaxed); }
    void setCancelled() { m_cancelled.store(true, std::memory_order_relaxed); }
    void setFinished(); // freezes the clock of the summary

    // --- consumers (one at a time; all thread-safe).
    // At most `maxChanged` changed attempts (lowest ids first); the snapshot says how many
    // more wait, so a consumer that must end complete drains until none do. The default suits
    // a 30 Hz view: the workbench's pages spend about 1 µs per changed attempt, so 20,000 keep
    // a tick well under the 50 ms a user notices, and a run of a million tiny tasks catches up
    // a second or two after it ends instead of freezing the window while it runs.
    static constexpr std::size_t kSnapshotChanges = 20000;
    RunSnapshot snapshot(std::size_t maxChanged = kSnapshotChanges);
    RunSummary summary();
    std::vector<TaskRecord> records();
    // Events written by producers and not yet applied to the attempt table. A producer whose
    // buffer reaches kFoldEvents applies every buffer itself when no consumer holds the table.
    std::size_t bufferedEvents();
    static constexpr std::size_t kFoldEvents = 1024;

private:
    struct alignas(64) Lane {
        std::mutex mutex;
        std::vector<TaskEvent> events;
        std::vector<QString> errors;
        std::atomic<std::int64_t> attemptId{-1};
        std::atomic<std::int64_t> rows{0};
        std::atomic<std::int64_t> bytes{0};
        std::atomic<std::int64_t> startedNs{0};
        std::atomic<std::int64_t> busyNs{0};
        std::atomic<bool> used{false};
    };
    struct JobInfo {
        QString name;
        std::int64_t rowsTotal = 0, bytesTotal = 0, tasksTotal = 0;
        bool finished = false;
    };
    struct JobDone {
        std::int64_t tasks = 0, rows = 0, bytes = 0;
        std::int64_t generated = 0; // tasks with a first attempt recorded
    };
    struct RateSample {
        std::int64_t ns;
        double rows, bytes, progress;
    };

    void tryFold();
    void drainLocked();
    void applyQueued(const QueuedTask &q);
    void apply(const TaskEvent &e, std::vector<QString> &errors);
    void setState(TaskRecord &r, TaskState s);
    void markDirty(std::int64_t id);
    void reevaluateStragglers();
    RunSummary buildSummaryLocked();

    const double m_stragglerFactor;
    std::chrono::steady_clock::time_point m_start;
    std::unique_ptr<Lane[]> m_lanes;
    std::atomic<int> m_laneHigh{0};

    // Central buffer (scheduler side) and job table.
    std::mutex m_centralMutex;
    std::vector<QueuedTask> m_queued;
    std::vector<TaskEvent> m_central;
    std::vector<QString> m_noErrors;
    QStringList m_warnings;
    std::vector<JobInfo> m_jobInfo;

    std::atomic<std::int64_t> m_queueLength{0};
    std::atomic<std::int64_t> m_memoryInFlight{0};
    std::atomic<int> m_workers{0};
    std::atomic<bool> m_paused{false};
    std::atomic<bool> m_cancelled{false};
    std::atomic<bool> m_finished{false};
    std::atomic<std::int64_t> m_endNs{0};

    // Consumer state, under m_mutex.
    std::mutex m_mutex;
    // Drained buffers swapped with the producers' ones, so capacity is reused, not regrown.
    std::vector<std::vector<TaskEvent>> m_spareEvents;
    std::vector<std::vector<QString>> m_spareErrors;
    std::vector<QueuedTask> m_spareQueued;
    std::vector<TaskEvent> m_spareCentral;
    // Grows without ever relocating what it holds (a vector would copy every record at each
    // doubling, inside a GUI-thread snapshot).
    ChunkedVector<TaskRecord> m_records;
    std::vector<std::uint8_t> m_isDirty;
    std::vector<std::int64_t> m_dirty;
    std::int64_t m_stateCount[6] = {};
    std::vector<JobDone> m_jobDone;
    std::int64_t m_rowsFinished = 0, m_bytesFinished = 0;
    DurationStats m_durations;
    double m_medianNs = 0;
    std::vector<std::int64_t> m_stragglers;
    bool m_stragglersFinal = false;
    std::deque<RateSample> m_rate;
    SeriesRecorder m_queueSeries, m_memorySeries, m_throughputSeries;
};

} // namespace sf
