#include "exec/runprivate.h"

#include "exec/threadpoolbackend.h"
#include "exec/threadpriority.h"
#include <QThread>
#include <algorithm>

namespace sf {

RunPrivate::RunPrivate(Run *run, RunOptions o, std::unique_ptr<ExecutionBackend> b)
    : q(run)
    , options(std::move(o))
    , backend(b ? std::move(b) : std::make_unique<ThreadPoolBackend>())
    , monitor(options.stragglerFactor)
    , m_alive(std::size_t(Monitor::kMaxLanes), false)
{}

RunPrivate::~RunPrivate()
{
    bool started;
    {
        std::lock_guard lock(m_mutex);
        started = m_started;
    }
    if (started) {
        cancel();
        backend->waitForAll();
    }
}

int RunPrivate::addJob(JobSpec job)
{
    std::lock_guard lock(m_mutex);
    auto js = std::make_unique<JobState>();
    js->spec = std::move(job);
    jobs.push_back(std::move(js));
    return int(jobs.size()) - 1;
}

void RunPrivate::start()
{
    std::unique_lock lk(m_mutex);
    if (m_started) return;
    m_started = true;
    const int workers = options.workers > 0 ? options.workers : QThread::idealThreadCount();
    m_target = std::clamp(workers, 1, Monitor::kMaxLanes);
    monitor.setWorkers(m_target);
    monitor.startClock();
    m_schedulerOwner = std::make_unique<Scheduler>(options.policy, options.memoryBudget);
    m_scheduler = m_schedulerOwner.get();
    for (int j = 0; j < int(jobs.size()); ++j) {
        JobState &js = *jobs[std::size_t(j)];
        const JobSpec &spec = js.spec;
        const bool synthetic = spec.analysis && !spec.analysis->needsDataset();
        m_scheduler->addJob(spec.priority, !synthetic);
        if (!spec.analysis || (!synthetic && !spec.source)) {
            monitor.addJob(j, spec.name, 0, 0, 0);
            js.exhausted = true;
            stopJobLocked(j, JobOutcome::Status::Failed,
                          spec.analysis
                              ? QStringLiteral("%1 needs a dataset").arg(spec.analysis->name())
                              : QStringLiteral("no analysis"));
            continue;
        }
        js.merger = std::make_unique<JobMerger>(
            *spec.analysis, spec.source ? spec.source->path() : QString(), spec.rejectPolicy);
        if (synthetic) {
            js.planned = spec.analysis->plannedTasks();
            monitor.addJob(j, spec.name, 0, 0, std::int64_t(js.planned.size()));
        } else {
            js.partitioner =
                std::make_unique<Partitioner>(spec.source->index(), spec.partition, m_target);
            monitor.addJob(j, spec.name, spec.source->rowCount(), spec.source->byteSize(),
                           js.partitioner->estimatedRemainingChunks());
            QString error;
            if (!js.merger->addIndexRejects(spec.source->indexRejects(), &error)) {
                js.exhausted = true;
                stopJobLocked(j, JobOutcome::Status::Failed, error);
                continue;
            }
        }
        // Under fifo, tasks are generated as lanes pull them (refillLocked), so start() stays
        // cheap on the caller's (GUI) thread and a million-task plan never sits in memory at
        // once. The other policies order across the whole plan (cost, priority, rotation over
        // jobs), so they must see a fixed plan whole: the first lane enqueues it before
        // anything runs, still off the caller's thread.
        const bool knownUpFront =
            synthetic || spec.partition.strategy == PartitionSpec::Strategy::Fixed;
        const bool ordered = options.policy != SchedulePolicy::Fifo;
        if (knownUpFront && ordered) m_planPending = true;
    }
    updateGaugesLocked();
    startLanesLocked(m_target);
}

void RunPrivate::startLanesLocked(int target)
{
    if (m_finishing) return;
    std::vector<int> lanes;
    for (int i = 0; i < target; ++i) {
        if (!m_alive[std::size_t(i)]) {
            m_alive[std::size_t(i)] = true;
            ++m_aliveCount;
            lanes.push_back(i);
        }
    }
    if (!lanes.empty()) backend->startLanes(lanes, [this](int lane) { laneLoop(lane); });
}

ReadyTask RunPrivate::makeTask(int job, const ChunkRange &range, const PlannedTask *plan)
{
    JobState &js = *jobs[std::size_t(job)];
    ReadyTask t;
    t.spec.id = m_nextTaskId++;
    t.spec.job = job;
    t.spec.chunk = js.chunksMade++;
    t.spec.range = range;
    if (plan) {
        t.spec.priority = plan->priority;
        t.spec.estMemory = plan->memory;
        t.units = std::max(plan->costNs, 1.0);
    } else {
        t.spec.priority = js.spec.priority;
        // A chunk in memory costs about twice its bytes (raw view + parsed fields).
        t.spec.estMemory = range.bytes() * 2;
        t.units = double(std::max<std::int64_t>(range.rowCount, 1));
    }
    return t;
}

bool RunPrivate::generateLocked(int job, std::int64_t nowNs)
{
    JobState &js = *jobs[std::size_t(job)];
    if (js.status != JobOutcome::Status::Pending || js.exhausted) return false;
    if (js.partitioner) {
        ChunkRange range;
        const double nsPerRow = m_scheduler->hasLearned(job) ? m_scheduler->costPerUnit(job) : 0.0;
        if (!js.partitioner->next(&range, nsPerRow)) {
            js.exhausted = true;
            return false;
        }
        enqueueLocked(makeTask(job, range, nullptr), nowNs);
        if (js.partitioner->atEnd()) js.exhausted = true;
        if (js.spec.partition.strategy != PartitionSpec::Strategy::Fixed) {
            monitor.setJobTasksTotal(job, js.chunksMade +
                                              js.partitioner->estimatedRemainingChunks(nsPerRow));
        }
        return !js.exhausted;
    }
    if (js.nextPlanned >= js.planned.size()) {
        js.exhausted = true;
        return false;
    }
    const std::size_t i = js.nextPlanned++;
    ChunkRange range;
    range.firstRow = std::int64_t(i);
    range.rowCount = 1;
    enqueueLocked(makeTask(job, range, &js.planned[i]), nowNs);
    if (js.nextPlanned >= js.planned.size()) js.exhausted = true;
    return !js.exhausted;
}

void RunPrivate::planAllLocked(std::int64_t nowNs)
{
    m_planPending = false;
    for (int j = 0; j < int(jobs.size()); ++j) {
        const JobState &js = *jobs[std::size_t(j)];
        const bool knownUpFront =
            !js.partitioner || js.spec.partition.strategy == PartitionSpec::Strategy::Fixed;
        if (!knownUpFront) continue;
        while (generateLocked(j, nowNs)) {
        }
    }
    updateGaugesLocked();
}

void RunPrivate::refillLocked(std::int64_t nowNs)
{
    for (int j = 0; j < int(jobs.size()); ++j) {
        JobState &js = *jobs[std::size_t(j)];
        if (js.exhausted || js.status != JobOutcome::Status::Pending) continue;
        while (m_scheduler->readyCount(j) < std::size_t(2 * m_target) && generateLocked(j, nowNs)) {
        }
    }
}

void RunPrivate::enqueueLocked(ReadyTask task, std::int64_t nowNs)
{
    task.attemptId = m_nextAttemptId++;
    QueuedTask q;
    q.attemptId = task.attemptId;
    q.taskId = task.spec.id;
    q.job = task.spec.job;
    q.chunk = task.spec.chunk;
    q.firstRow = task.spec.range.firstRow;
    q.rowCount = task.spec.range.rowCount;
    q.byteBegin = task.spec.range.byteBegin;
    q.byteEnd = task.spec.range.byteEnd;
    q.priority = task.spec.priority;
    q.attempt = task.attempt;
    q.queuedNs = nowNs;
    q.memory = task.spec.estMemory;
    monitor.recordQueued(q);
    m_scheduler->push(std::move(task));
}

void RunPrivate::promoteDueLocked(std::int64_t nowNs)
{
    while (!m_delayed.empty() && m_delayed.front().dueNs <= nowNs) {
        Delayed d = std::move(m_delayed.front());
        m_delayed.pop_front();
        JobState &js = *jobs[std::size_t(d.task.spec.job)];
        --js.delayed;
        if (js.status == JobOutcome::Status::Pending) enqueueLocked(std::move(d.task), nowNs);
    }
}

void RunPrivate::updateGaugesLocked()
{
    monitor.setGauges(std::int64_t(m_scheduler ? m_scheduler->readyCount() : 0) +
                          std::int64_t(m_delayed.size()),
                      m_memoryInFlight);
}

bool RunPrivate::allSettledLocked() const
{
    for (const auto &js : jobs)
        if (!js->settled) return false;
    return true;
}

void RunPrivate::takeTinyLocked(std::vector<ReadyTask> &batch, std::int64_t nowNs)
{
    auto tiny = [this](const ReadyTask &t) {
        return m_scheduler->costKnown(t.spec.job) && t.spec.estCostNs < kBatchNs;
    };
    if (!tiny(batch.front())) return;
    double cost = batch.front().spec.estCostNs;
    std::int64_t memory = batch.front().spec.estMemory;
    while (batch.size() < kBatchMaxTasks && cost < kBatchNs) {
        if (m_scheduler->readyCount() == 0) refillLocked(nowNs); // fifo generates lazily
        auto t = m_scheduler->pop(m_memoryInFlight + memory);
        if (!t) return;
        const bool last = !tiny(*t); // popped is dispatched: it ends the batch
        cost += t->spec.estCostNs;
        memory += t->spec.estMemory;
        batch.push_back(std::move(*t));
        if (last) return;
    }
}

void RunPrivate::laneLoop(int lane)
{
    lowerCurrentThreadPriority(options.workerNice);
    std::vector<ReadyTask> batch;
    std::vector<Outcome> outcomes;
    batch.reserve(kBatchMaxTasks);
    outcomes.reserve(kBatchMaxTasks);
    std::unique_lock lk(m_mutex);
    for (;;) {
        if (settleOneLocked(lk)) continue;
        if (allSettledLocked() || lane >= m_target) break;
        const bool cancelled = control.cancelled.load(std::memory_order_relaxed);
        const bool paused = control.paused.load(std::memory_order_relaxed);
        if (!cancelled && !paused) {
            std::int64_t now = monitor.nowNs();
            if (m_planPending) { // a whole plan takes a while: its first task starts after it
                planAllLocked(now);
                now = monitor.nowNs();
            }
            if (!m_delayed.empty()) promoteDueLocked(now);
            refillLocked(now);
            bool oversize = false;
            if (auto t = m_scheduler->pop(m_memoryInFlight, &oversize)) {
                if (oversize) {
                    monitor.addWarning(
                        QStringLiteral("task %1 needs %2, more than the %3 budget: ran alone")
                            .arg(t->spec.id)
                            .arg(formatByteSize(t->spec.estMemory),
                                 formatByteSize(options.memoryBudget)));
                }
                batch.clear();
                batch.push_back(std::move(*t));
                if (!oversize) takeTinyLocked(batch, now);
                execute(lk, lane, batch, outcomes, now);
                continue;
            }
        }
        ++m_waiting;
        if (!m_delayed.empty() && !cancelled && !paused) {
            const auto wait = std::chrono::nanoseconds(
                std::max<std::int64_t>(0, m_delayed.front().dueNs - monitor.nowNs()));
            m_cv.wait_for(lk, wait);
        } else {
            m_cv.wait(lk);
        }
        --m_waiting;
    }
    m_alive[std::size_t(lane)] = false;
    --m_aliveCount;
    const bool last = m_aliveCount == 0 && allSettledLocked() && !m_finishing;
    if (last) {
        m_finishing = true;
        updateGaugesLocked();
        monitor.setFinished();
    }
    lk.unlock();
    m_cv.notify_all();
    if (last) {
        Q_EMIT q->finished();
        lk.lock();
        m_finished = true;
        lk.unlock();
        m_cv.notify_all();
    }
}

void RunPrivate::pause()
{
    control.paused.store(true, std::memory_order_relaxed);
    monitor.setPaused(true);
}

void RunPrivate::resume()
{
    control.paused.store(false, std::memory_order_relaxed);
    monitor.setPaused(false);
    control.wakePaused();
    std::lock_guard lock(m_mutex);
    m_cv.notify_all();
}

void RunPrivate::cancel()
{
    control.cancelled.store(true, std::memory_order_relaxed);
    monitor.setCancelled();
    control.wakePaused();
    std::lock_guard lock(m_mutex);
    for (int j = 0; j < int(jobs.size()); ++j)
        stopJobLocked(j, JobOutcome::Status::Cancelled, QString());
    m_delayed.clear();
    updateGaugesLocked();
    m_cv.notify_all();
}

void RunPrivate::setWorkers(int n)
{
    n = std::clamp(n, 1, Monitor::kMaxLanes);
    std::lock_guard lock(m_mutex);
    if (!m_started) options.workers = n; // start() reads it
    m_target = n;
    monitor.setWorkers(n);
    for (auto &js : jobs)
        if (js->partitioner) js->partitioner->setWorkers(n);
    if (m_started) startLanesLocked(n);
    m_cv.notify_all();
}

bool RunPrivate::wait(int timeoutMs)
{
    std::unique_lock lk(m_mutex);
    if (!m_started) return false;
    auto done = [this] { return m_finished; };
    if (timeoutMs < 0) {
        m_cv.wait(lk, done);
        return true;
    }
    return m_cv.wait_for(lk, std::chrono::milliseconds(timeoutMs), done);
}

bool RunPrivate::isFinished() const
{
    std::lock_guard lock(m_mutex);
    return m_finished;
}

JobOutcome RunPrivate::outcome(int job) const
{
    std::lock_guard lock(m_mutex);
    const JobState &js = *jobs[std::size_t(job)];
    JobOutcome o;
    o.status = js.settled ? js.status : JobOutcome::Status::Pending;
    o.error = js.error;
    o.result = js.result;
    if (js.merger) {
        o.rows = js.merger->rows();
        o.rejectedRows = js.merger->rejectedRows();
        o.rejects = js.merger->rejects();
    }
    o.tasks = js.chunksMade;
    o.failedTasks = js.failedTasks;
    o.retries = js.retries;
    return o;
}

} // namespace sf
