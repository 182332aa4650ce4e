// RunPrivate, second half: running one dispatched attempt and what follows it (merge, retry,
// job failure), and settling jobs (finalize or abandon) once nothing of theirs is running.
#include "exec/runprivate.h"

#include <cmath>

namespace sf {

namespace {
void endAttempt(Monitor &m, int lane, TaskState kind, const ReadyTask &t, std::int64_t endNs,
                const AttemptResult &r)
{
    m.laneEnded(lane, kind, t.attemptId, endNs, r.rows, r.bytes, r.error,
                r.status == AttemptResult::Status::TimedOut);
}

// Consecutive finished chunks of one job in a batch, merged on the lane and deposited once:
// tiny tasks then take the job's merger lock once per run of chunks, and a lane's batch never
// waits in the merger's out-of-order map chunk by chunk. Merging in chunk order keeps results
// identical to merging one chunk at a time. Deposits happen outside the run lock.
class LocalGroup {
public:
    // A finished attempt's partial: merged in when it is the next chunk of the group's job and
    // the analysis merges early, else the group is deposited and starts anew from it. Its
    // deposit's outcome goes to `*outcome` (a failed early merge fails the job the same way).
    void add(JobState &js, const ReadyTask &task, AttemptResult &r, JobMerger::Deposit *outcome)
    {
        if (m_job == &js && m_next == task.spec.chunk && js.spec.analysis->mergesEarly()) {
            if (!JobMerger::tryMerge(*js.spec.analysis, m_partial, *r.partial, &outcome->error)) {
                *this = LocalGroup{};
                outcome->failed = true;
                return;
            }
            r.partial.reset();
            m_rejects.append(std::move(r.rejects));
            m_rows += r.rows;
        } else {
            deposit();
            m_job = &js;
            m_first = task.spec.chunk;
            m_partial = std::move(r.partial);
            m_rejects = std::move(r.rejects);
            m_rows = r.rows;
        }
        m_next = task.spec.chunk + 1;
        m_outcome = outcome;
    }

    void deposit()
    {
        if (!m_partial) return;
        *m_outcome = m_job->merger->deposit(m_first, std::move(m_partial), std::move(m_rejects),
                                            m_rows, m_next - m_first);
        *this = LocalGroup{};
    }

private:
    JobState *m_job = nullptr;
    std::int64_t m_first = 0;
    std::int64_t m_next = 0; // one past the last chunk merged in
    std::unique_ptr<Partial> m_partial;
    QList<RejectedRecord> m_rejects;
    std::int64_t m_rows = 0;
    JobMerger::Deposit *m_outcome = nullptr; // the outcome of the group's last task
};

// Tasks of a few µs make the lanes meet at the run lock all the time, and its holder keeps it
// for about a microsecond: a short spin before sleeping in the kernel saves the futex round
// trip (sleep + wake-up) that would otherwise cost more than the task.
void lockSpinning(std::unique_lock<std::mutex> &lk)
{
    for (int i = 0; i < 200; ++i) {
        if (lk.try_lock()) return;
#if defined(__x86_64__) || defined(__i386__)
        __builtin_ia32_pause();
#endif
    }
    lk.lock();
}
} // namespace

void RunPrivate::wakeLocked()
{
    if (m_waiting > 0) m_cv.notify_all();
}

void RunPrivate::releaseLocked(const ReadyTask &task)
{
    JobState &js = *jobs[std::size_t(task.spec.job)];
    m_memoryInFlight -= task.spec.estMemory;
    --m_running;
    --js.running;
}

void RunPrivate::execute(std::unique_lock<std::mutex> &lk, int lane, std::vector<ReadyTask> &batch,
                         std::vector<Outcome> &outcomes, std::int64_t startNs)
{
    for (const ReadyTask &task : batch) {
        JobState &js = *jobs[std::size_t(task.spec.job)];
        m_memoryInFlight += task.spec.estMemory;
        ++m_running;
        ++js.running;
    }
    updateGaugesLocked();
    wakeLocked(); // a refill may have made work for sleeping lanes
    lk.unlock();

    outcomes.resize(batch.size());
    LocalGroup group;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        const ReadyTask &task = batch[i];
        JobState &js = *jobs[std::size_t(task.spec.job)];
        Outcome &o = outcomes[i];
        if (i > 0) {
            // A later task of a batch starts after the pause, like a task between row blocks.
            if (control.paused.load(std::memory_order_relaxed)) control.waitWhilePaused();
            startNs = monitor.nowNs();
        }
        o.startNs = startNs;
        monitor.laneStarted(lane, task.attemptId, lane, startNs);
        o.result = runAttempt(AttemptInput{task.spec, task.attempt, lane, *js.spec.analysis,
                                           js.partitioner ? js.spec.source.get() : nullptr,
                                           control, js.stop, monitor, options.taskTimeoutMs});
        o.endNs = monitor.nowNs();
        if (o.result.status == AttemptResult::Status::Ok) {
            endAttempt(monitor, lane, TaskState::Done, task, o.endNs, o.result);
            group.add(js, task, o.result, &o.deposit);
        } else if (o.result.status == AttemptResult::Status::Stopped) {
            endAttempt(monitor, lane, TaskState::Cancelled, task, o.endNs, o.result);
        }
    }
    group.deposit();

    lockSpinning(lk);
    for (std::size_t i = 0; i < batch.size(); ++i)
        settleLocked(lane, batch[i], outcomes[i]);
    outcomes.clear(); // nothing of a finished batch stays alive until the next one
    updateGaugesLocked();
    wakeLocked();
}

void RunPrivate::settleLocked(int lane, ReadyTask &task, Outcome &o)
{
    JobState &js = *jobs[std::size_t(task.spec.job)];
    releaseLocked(task);
    AttemptResult &r = o.result;
    if (r.status == AttemptResult::Status::Ok) {
        m_scheduler->learn(task.spec.job, task.units, double(o.endNs - o.startNs));
        if (o.deposit.failed)
            stopJobLocked(task.spec.job, JobOutcome::Status::Failed, o.deposit.error);
        else
            js.merged = std::max(js.merged, o.deposit.mergedChunks);
    } else if (r.status != AttemptResult::Status::Stopped) {
        onFailureLocked(lane, task, r, o.endNs);
    }
}

void RunPrivate::onFailureLocked(int lane, ReadyTask &task, AttemptResult &r, std::int64_t endNs)
{
    JobState &js = *jobs[std::size_t(task.spec.job)];
    const bool live = js.status == JobOutcome::Status::Pending &&
                      !control.cancelled.load(std::memory_order_relaxed);
    if (!live) {
        endAttempt(monitor, lane, TaskState::Cancelled, task, endNs, r);
        return;
    }
    if (task.attempt <= options.retries) {
        endAttempt(monitor, lane, TaskState::Retried, task, endNs, r);
        ++js.retries;
        ++js.delayed;
        const double backoffMs =
            double(std::max(0, options.retryBackoffMs)) * std::ldexp(1.0, task.attempt - 1);
        Delayed d{endNs + std::int64_t(backoffMs * 1e6), std::move(task)};
        ++d.task.attempt;
        auto pos =
            std::upper_bound(m_delayed.begin(), m_delayed.end(), d.dueNs,
                             [](std::int64_t due, const Delayed &x) { return due < x.dueNs; });
        m_delayed.insert(pos, std::move(d));
        return;
    }
    endAttempt(monitor, lane, TaskState::Failed, task, endNs, r);
    ++js.failedTasks;
    stopJobLocked(task.spec.job, JobOutcome::Status::Failed, r.error);
}

void RunPrivate::stopJobLocked(int job, JobOutcome::Status status, const QString &error)
{
    JobState &js = *jobs[std::size_t(job)];
    if (js.status != JobOutcome::Status::Pending || js.finalizing || js.settled) return;
    js.status = status;
    js.error = error;
    js.stop.store(true, std::memory_order_relaxed);
    if (js.merger) js.merger->discard();
    cancelQueuedLocked(job);
    for (auto it = m_delayed.begin(); it != m_delayed.end();) {
        if (it->task.spec.job == job) {
            it = m_delayed.erase(it);
            --js.delayed;
        } else {
            ++it;
        }
    }
    wakeLocked();
}

void RunPrivate::cancelQueuedLocked(int job)
{
    if (!m_scheduler) return;
    const std::int64_t now = monitor.nowNs();
    for (ReadyTask &t : m_scheduler->takeJob(job))
        monitor.recordCancelled(t.attemptId, now);
}

bool RunPrivate::settleOneLocked(std::unique_lock<std::mutex> &lk)
{
    for (int j = 0; j < int(jobs.size()); ++j) {
        JobState &js = *jobs[std::size_t(j)];
        if (js.settled || js.finalizing || js.running > 0) continue;
        const bool pending = js.status == JobOutcome::Status::Pending;
        if (pending && !(js.exhausted && js.merged == js.chunksMade && js.delayed == 0)) continue;
        js.finalizing = true;
        lk.unlock();
        AnalysisResult result;
        QString error;
        bool ok = true;
        if (pending)
            ok = js.merger->finalize(&result, &error);
        else if (js.spec.analysis)
            js.spec.analysis->abandon();
        if (pending && !ok && js.spec.analysis) js.spec.analysis->abandon();
        lk.lock();
        if (pending) {
            js.status = ok ? JobOutcome::Status::Done : JobOutcome::Status::Failed;
            if (ok)
                js.result = std::move(result);
            else
                js.error = error;
        }
        js.settled = true;
        monitor.setJobFinished(j);
        m_cv.notify_all();
        return true;
    }
    return false;
}

} // namespace sf
