#include "monitor/monitor.h"

#include <algorithm>

namespace sf {

namespace {
constexpr std::int64_t kRateWindowNs = 1'000'000'000; // "recent" = about the last second
constexpr std::int64_t kMinStragglerSample = 5;       // median means little before that
} // namespace

Monitor::Monitor(double stragglerFactor)
    : m_stragglerFactor(stragglerFactor > 1 ? stragglerFactor : 1.0)
    , m_start(std::chrono::steady_clock::now())
    , m_lanes(new Lane[kMaxLanes])
{}

Monitor::~Monitor() = default;

void Monitor::startClock()
{
    m_start = std::chrono::steady_clock::now();
}

std::int64_t Monitor::nowNs() const
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() -
                                                                m_start)
        .count();
}

void Monitor::laneStarted(int lane, std::int64_t attemptId, int worker, std::int64_t ns)
{
    Lane &l = m_lanes[lane];
    if (!l.used.load(std::memory_order_relaxed)) {
        l.used.store(true, std::memory_order_relaxed);
        int high = m_laneHigh.load(std::memory_order_relaxed);
        while (high < lane + 1 && !m_laneHigh.compare_exchange_weak(high, lane + 1)) {
        }
    }
    l.rows.store(0, std::memory_order_relaxed);
    l.bytes.store(0, std::memory_order_relaxed);
    l.startedNs.store(ns, std::memory_order_relaxed);
    TaskEvent e;
    e.kind = TaskState::Running;
    e.attemptId = attemptId;
    e.worker = worker;
    e.ns = ns;
    std::lock_guard lock(l.mutex);
    l.events.push_back(e);
    l.attemptId.store(attemptId, std::memory_order_relaxed);
}

void Monitor::laneEnded(int lane, TaskState kind, std::int64_t attemptId, std::int64_t finishedNs,
                        std::int64_t rows, std::int64_t bytes, const QString &error, bool timedOut)
{
    Lane &l = m_lanes[lane];
    l.busyNs.fetch_add(
        std::max<std::int64_t>(0, finishedNs - l.startedNs.load(std::memory_order_relaxed)),
        std::memory_order_relaxed);
    TaskEvent e;
    e.kind = kind;
    e.attemptId = attemptId;
    e.ns = finishedNs;
    e.rows = rows;
    e.bytes = bytes;
    e.straggler = timedOut;
    std::size_t pending;
    {
        std::lock_guard lock(l.mutex);
        if (!error.isEmpty()) {
            e.errorIndex = int(l.errors.size());
            l.errors.push_back(error);
        }
        l.events.push_back(e);
        l.attemptId.store(-1, std::memory_order_relaxed);
        pending = l.events.size();
    }
    if (pending >= kFoldEvents) tryFold();
}

void Monitor::recordQueued(const QueuedTask &task)
{
    std::size_t pending;
    {
        std::lock_guard lock(m_centralMutex);
        m_queued.push_back(task);
        pending = m_queued.size();
    }
    if (pending >= kFoldEvents) tryFold();
}

void Monitor::tryFold()
{
    // Snapshots may come seldom (a busy GUI thread, or none at all): a producer whose buffer
    // passed kFoldEvents folds every buffer into the attempt table itself, if no consumer is
    // at it. The table work is the same; the buffers stay small and warm instead of growing
    // into fresh pages between snapshots, which cost more than the events at tiny tasks.
    std::unique_lock lock(m_mutex, std::try_to_lock);
    if (lock.owns_lock()) drainLocked();
}

void Monitor::recordCancelled(std::int64_t attemptId, std::int64_t ns)
{
    TaskEvent e;
    e.kind = TaskState::Cancelled;
    e.attemptId = attemptId;
    e.ns = ns;
    std::lock_guard lock(m_centralMutex);
    m_central.push_back(e);
}

void Monitor::addWarning(const QString &warning)
{
    std::lock_guard lock(m_centralMutex);
    if (!m_warnings.contains(warning)) m_warnings.append(warning);
}

void Monitor::addJob(int job, const QString &name, std::int64_t rowsTotal, std::int64_t bytesTotal,
                     std::int64_t tasksTotal)
{
    std::lock_guard lock(m_centralMutex);
    if (std::size_t(job) >= m_jobInfo.size()) m_jobInfo.resize(std::size_t(job) + 1);
    m_jobInfo[std::size_t(job)] = {name, rowsTotal, bytesTotal, tasksTotal, false};
}

void Monitor::setJobTasksTotal(int job, std::int64_t tasksTotal)
{
    std::lock_guard lock(m_centralMutex);
    m_jobInfo[std::size_t(job)].tasksTotal = tasksTotal;
}

void Monitor::setJobFinished(int job)
{
    std::lock_guard lock(m_centralMutex);
    m_jobInfo[std::size_t(job)].finished = true;
}

void Monitor::setFinished()
{
    m_endNs.store(nowNs(), std::memory_order_relaxed);
    m_finished.store(true, std::memory_order_release);
}

void Monitor::markDirty(std::int64_t id)
{
    if (!m_isDirty[std::size_t(id)]) {
        m_isDirty[std::size_t(id)] = 1;
        m_dirty.push_back(id);
    }
}

void Monitor::setState(TaskRecord &r, TaskState s)
{
    --m_stateCount[int(r.state)];
    r.state = s;
    ++m_stateCount[int(s)];
}

void Monitor::applyQueued(const QueuedTask &q)
{
    const std::int64_t id = q.attemptId;
    if (std::size_t(id) >= m_records.size()) {
        // New slots start Queued; count them so setState's bookkeeping balances.
        m_stateCount[int(TaskState::Queued)] +=
            std::int64_t(id + 1) - std::int64_t(m_records.size());
        m_records.resize(std::size_t(id) + 1);
        m_isDirty.resize(std::size_t(id) + 1, 0);
    }
    TaskRecord &r = m_records[std::size_t(id)];
    r.attemptId = id;
    r.taskId = q.taskId;
    r.job = q.job;
    r.chunk = q.chunk;
    r.firstRow = q.firstRow;
    r.rowCount = q.rowCount;
    r.byteBegin = q.byteBegin;
    r.byteEnd = q.byteEnd;
    r.priority = q.priority;
    r.attempt = q.attempt;
    r.queuedNs = q.queuedNs;
    r.memory = q.memory;
    setState(r, TaskState::Queued);
    if (std::size_t(r.job) >= m_jobDone.size()) m_jobDone.resize(std::size_t(r.job) + 1);
    if (r.attempt == 1) ++m_jobDone[std::size_t(r.job)].generated;
    markDirty(id);
}

void Monitor::apply(const TaskEvent &e, std::vector<QString> &errors)
{
    const std::int64_t id = e.attemptId;
    TaskRecord &r = m_records[std::size_t(id)];
    switch (e.kind) {
    case TaskState::Running:
        r.worker = e.worker;
        r.startedNs = e.ns;
        setState(r, TaskState::Running);
        break;
    case TaskState::Done: {
        r.finishedNs = e.ns;
        r.rowsDone = e.rows;
        r.bytesDone = e.bytes;
        setState(r, TaskState::Done);
        const std::int64_t d = r.durationNs();
        m_durations.add(d);
        m_rowsFinished += r.rowsDone;
        m_bytesFinished += r.bytesDone;
        JobDone &jd = m_jobDone[std::size_t(r.job)];
        ++jd.tasks;
        jd.rows += r.rowsDone;
        jd.bytes += r.bytesDone;
        if (m_durations.count() >= kMinStragglerSample && m_medianNs > 0 &&
            double(d) > m_stragglerFactor * m_medianNs && !r.straggler) {
            r.straggler = true;
            m_stragglers.push_back(id);
        }
        break;
    }
    case TaskState::Failed:
    case TaskState::Retried:
    case TaskState::Cancelled:
        r.finishedNs = e.ns;
        r.rowsDone = e.rows;
        r.bytesDone = e.bytes;
        if (e.errorIndex >= 0) r.error = std::move(errors[std::size_t(e.errorIndex)]);
        if (e.straggler && !r.straggler) {
            r.straggler = true;
            m_stragglers.push_back(id);
        }
        setState(r, e.kind);
        break;
    case TaskState::Queued: break;
    }
    markDirty(id);
}

void Monitor::drainLocked()
{
    // Lanes first, then the central buffers, but applied central-first: any lane event seen
    // here belongs to an attempt whose Queued event was written before, so it is in this
    // drain too. Buffers are swapped with spares, never reallocated.
    const int lanes = m_laneHigh.load(std::memory_order_acquire);
    if (m_spareEvents.size() < std::size_t(lanes)) {
        m_spareEvents.resize(std::size_t(lanes));
        m_spareErrors.resize(std::size_t(lanes));
    }
    for (int i = 0; i < lanes; ++i) {
        Lane &l = m_lanes[i];
        std::lock_guard lock(l.mutex);
        l.events.swap(m_spareEvents[std::size_t(i)]);
        l.errors.swap(m_spareErrors[std::size_t(i)]);
    }
    {
        std::lock_guard lock(m_centralMutex);
        m_queued.swap(m_spareQueued);
        m_central.swap(m_spareCentral);
    }
    m_medianNs = m_durations.quantileNs(0.5);
    for (const auto &q : m_spareQueued)
        applyQueued(q);
    m_spareQueued.clear();
    for (const auto &e : m_spareCentral)
        apply(e, m_noErrors);
    m_spareCentral.clear();
    for (int i = 0; i < lanes; ++i) {
        for (const auto &e : m_spareEvents[std::size_t(i)])
            apply(e, m_spareErrors[std::size_t(i)]);
        m_spareEvents[std::size_t(i)].clear();
        m_spareErrors[std::size_t(i)].clear();
    }

    // Running attempts: progress straight from the lane atomics.
    for (int i = 0; i < lanes; ++i) {
        Lane &l = m_lanes[i];
        const std::int64_t id = l.attemptId.load(std::memory_order_relaxed);
        if (id < 0 || std::size_t(id) >= m_records.size()) continue;
        TaskRecord &r = m_records[std::size_t(id)];
        if (r.state != TaskState::Running) continue;
        const std::int64_t rows = l.rows.load(std::memory_order_relaxed);
        const std::int64_t bytes = l.bytes.load(std::memory_order_relaxed);
        if (rows != r.rowsDone || bytes != r.bytesDone) {
            r.rowsDone = rows;
            r.bytesDone = bytes;
            markDirty(id);
        }
    }
    if (m_finished.load(std::memory_order_acquire) && !m_stragglersFinal) reevaluateStragglers();
}

void Monitor::reevaluateStragglers()
{
    // With every duration known, judge each attempt against the final median once.
    m_stragglersFinal = true;
    if (m_durations.count() < kMinStragglerSample) return;
    const double threshold = m_stragglerFactor * m_durations.quantileNs(0.5);
    m_records.forEach([&](TaskRecord &r) {
        if (r.state == TaskState::Done && !r.straggler && double(r.durationNs()) > threshold) {
            r.straggler = true;
            m_stragglers.push_back(r.attemptId);
            markDirty(r.attemptId);
        }
    });
    std::sort(m_stragglers.begin(), m_stragglers.end());
}

RunSummary Monitor::buildSummaryLocked()
{
    RunSummary s;
    const bool finished = m_finished.load(std::memory_order_acquire);
    const std::int64_t now = finished ? m_endNs.load(std::memory_order_relaxed) : nowNs();
    s.elapsedMs = double(now) / 1e6;
    s.finished = finished;
    s.cancelled = m_cancelled.load(std::memory_order_relaxed);
    s.paused = m_paused.load(std::memory_order_relaxed);
    s.workers = m_workers.load(std::memory_order_relaxed);
    s.tasksDone = m_stateCount[int(TaskState::Done)];
    s.tasksRunning = m_stateCount[int(TaskState::Running)];
    s.tasksQueued = m_stateCount[int(TaskState::Queued)]; // plus ungenerated tasks, below
    s.tasksFailed = m_stateCount[int(TaskState::Failed)];
    s.retries = m_stateCount[int(TaskState::Retried)];
    s.memoryInFlight = m_memoryInFlight.load(std::memory_order_relaxed);
    s.durations = m_durations.quantiles();
    s.stragglers = m_stragglers;

    // Running attempts' progress counts towards rows/bytes done.
    const int lanes = m_laneHigh.load(std::memory_order_acquire);
    std::vector<JobDone> jobRunning(m_jobDone.size());
    s.workerUtilisation.resize(std::size_t(lanes), 0.0);
    std::int64_t rowsRunning = 0, bytesRunning = 0;
    for (int i = 0; i < lanes; ++i) {
        Lane &l = m_lanes[i];
        std::int64_t busy = l.busyNs.load(std::memory_order_relaxed);
        const std::int64_t id = l.attemptId.load(std::memory_order_relaxed);
        if (id >= 0 && std::size_t(id) < m_records.size() &&
            m_records[std::size_t(id)].state == TaskState::Running) {
            const TaskRecord &r = m_records[std::size_t(id)];
            busy += std::max<std::int64_t>(0, now - r.startedNs);
            rowsRunning += r.rowsDone;
            bytesRunning += r.bytesDone;
            jobRunning[std::size_t(r.job)].rows += r.rowsDone;
            jobRunning[std::size_t(r.job)].bytes += r.bytesDone;
        }
        s.workerUtilisation[std::size_t(i)] =
            now > 0 ? std::min(1.0, double(busy) / double(now)) : 0.0;
    }
    s.rowsDone = m_rowsFinished + rowsRunning;
    s.bytesDone = m_bytesFinished + bytesRunning;

    double progressSum = 0;
    bool allData = true;
    {
        std::lock_guard lock(m_centralMutex);
        s.warnings = m_warnings;
        for (std::size_t j = 0; j < m_jobInfo.size(); ++j) {
            const JobInfo &info = m_jobInfo[j];
            JobProgress p;
            p.job = int(j);
            p.name = info.name;
            const JobDone done = j < m_jobDone.size() ? m_jobDone[j] : JobDone{};
            const JobDone running = j < jobRunning.size() ? jobRunning[j] : JobDone{};
            p.tasksDone = done.tasks;
            p.tasksTotal = std::max(info.tasksTotal, done.tasks);
            // Lazily generated tasks wait too, though they have no attempt record yet.
            if (!info.finished && !s.cancelled)
                s.tasksQueued += std::max<std::int64_t>(0, p.tasksTotal - done.generated);
            p.rowsDone = done.rows + running.rows;
            p.rowsTotal = info.rowsTotal;
            p.bytesDone = done.bytes + running.bytes;
            p.bytesTotal = info.bytesTotal;
            p.finished = info.finished;
            s.tasksTotal += p.tasksTotal;
            s.rowsTotal += p.rowsTotal;
            s.bytesTotal += p.bytesTotal;
            if (info.rowsTotal <= 0) allData = false;
            double f = p.finished           ? 1.0
                       : info.rowsTotal > 0 ? double(p.rowsDone) / double(info.rowsTotal)
                       : p.tasksTotal > 0   ? double(p.tasksDone) / double(p.tasksTotal)
                                            : 0.0;
            progressSum += std::min(1.0, f);
            s.jobs.append(p);
        }
    }
    if (s.jobs.isEmpty())
        s.progress = finished ? 1.0 : 0.0;
    else if (allData && s.rowsTotal > 0 && !finished)
        s.progress = std::min(1.0, double(s.rowsDone) / double(s.rowsTotal));
    else
        s.progress = progressSum / double(s.jobs.size());
    if (finished) s.progress = s.cancelled || s.tasksFailed > 0 ? s.progress : 1.0;

    // Rates: over the last ~second from the sample window, and overall.
    m_rate.push_back({now, double(s.rowsDone), double(s.bytesDone), s.progress});
    while (m_rate.size() > 2 && now - m_rate[1].ns >= kRateWindowNs)
        m_rate.pop_front();
    s.rowsPerSecOverall = now > 0 ? double(s.rowsDone) / (double(now) / 1e9) : 0.0;
    s.bytesPerSecOverall = now > 0 ? double(s.bytesDone) / (double(now) / 1e9) : 0.0;
    const RateSample &old = m_rate.front();
    const double span = double(now - old.ns) / 1e9;
    if (finished || span <= 0.05) {
        s.rowsPerSec = s.rowsPerSecOverall;
        s.bytesPerSec = s.bytesPerSecOverall;
    } else {
        s.rowsPerSec = (double(s.rowsDone) - old.rows) / span;
        s.bytesPerSec = (double(s.bytesDone) - old.bytes) / span;
    }
    if (finished) {
        s.etaMs = 0;
    } else {
        const double progressRate = span > 0.05 ? (s.progress - old.progress) / span
                                    : now > 0   ? s.progress / (double(now) / 1e9)
                                                : 0.0;
        s.etaMs = progressRate > 0 ? (1.0 - s.progress) / progressRate * 1e3 : -1;
    }

    const double tMs = s.elapsedMs;
    const std::int64_t queue = m_queueLength.load(std::memory_order_relaxed);
    m_queueSeries.add(tMs, double(queue), finished);
    m_memorySeries.add(tMs, double(s.memoryInFlight), finished);
    m_throughputSeries.add(tMs, s.rowsPerSec, finished);
    s.queueLength = m_queueSeries.points();
    s.memorySeries = m_memorySeries.points();
    s.throughput = m_throughputSeries.points();
    return s;
}

RunSnapshot Monitor::snapshot(std::size_t maxChanged)
{
    std::lock_guard lock(m_mutex);
    drainLocked();
    RunSnapshot snap;
    // The lowest attempt ids first: every id below the highest one delivered has then been
    // delivered at least once. The rest stay dirty for the next snapshot.
    const std::size_t n = std::min(maxChanged, m_dirty.size());
    if (n < m_dirty.size())
        std::nth_element(m_dirty.begin(), m_dirty.begin() + std::ptrdiff_t(n), m_dirty.end());
    std::sort(m_dirty.begin(), m_dirty.begin() + std::ptrdiff_t(n));
    snap.changed.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::int64_t id = m_dirty[i];
        snap.changed.push_back(m_records[std::size_t(id)]);
        m_isDirty[std::size_t(id)] = 0;
    }
    m_dirty.erase(m_dirty.begin(), m_dirty.begin() + std::ptrdiff_t(n));
    snap.pendingChanges = std::int64_t(m_dirty.size());
    snap.summary = buildSummaryLocked();
    return snap;
}

RunSummary Monitor::summary()
{
    std::lock_guard lock(m_mutex);
    drainLocked();
    return buildSummaryLocked();
}

std::vector<TaskRecord> Monitor::records()
{
    std::lock_guard lock(m_mutex);
    drainLocked();
    return m_records.toVector();
}

std::size_t Monitor::bufferedEvents()
{
    std::size_t n = 0;
    const int lanes = m_laneHigh.load(std::memory_order_acquire);
    for (int i = 0; i < lanes; ++i) {
        std::lock_guard lock(m_lanes[i].mutex);
        n += m_lanes[i].events.size();
    }
    std::lock_guard lock(m_centralMutex);
    return n + m_queued.size() + m_central.size();
}

} // namespace sf
