#include "schedule/scheduler.h"

#include <algorithm>
#include <cmath>

namespace sf {

namespace {
constexpr double kEwmaWeight = 0.2; // recent tasks dominate, one outlier does not
}

Scheduler::Scheduler(SchedulePolicy policy, std::int64_t memoryBudget)
    : m_policy(policy), m_budget(memoryBudget > 0 ? memoryBudget : 0)
{
}

int Scheduler::addJob(int priority, bool learnCost)
{
    JobQueue q;
    q.priority = priority;
    q.learnCost = learnCost;
    m_jobs.push_back(std::move(q));
    return int(m_jobs.size()) - 1;
}

bool Scheduler::later(const Entry &a, const Entry &b)
{
    if (a.key != b.key) return a.key > b.key;
    return a.task.seq > b.task.seq;
}

std::int64_t Scheduler::keyFor(const ReadyTask &t) const
{
    // Within one job the cost rate is common, so ordering by units orders by expected time.
    switch (m_policy) {
    case SchedulePolicy::Fifo:
    case SchedulePolicy::Fair: return 0;
    case SchedulePolicy::Priority: return -std::int64_t(t.spec.priority);
    case SchedulePolicy::Shortest: return std::int64_t(std::llround(t.units));
    case SchedulePolicy::Longest: return -std::int64_t(std::llround(t.units));
    }
    return 0;
}

void Scheduler::push(ReadyTask task)
{
    task.seq = m_seq++;
    auto &q = m_jobs[std::size_t(task.spec.job)];
    task.spec.estCostNs = task.units * q.nsPerUnit;
    ++m_ready;
    if (usesFifo()) {
        q.fifo.push_back(std::move(task));
        return;
    }
    Entry e{keyFor(task), std::move(task)};
    q.heap.push_back(std::move(e));
    std::push_heap(q.heap.begin(), q.heap.end(), &Scheduler::later);
}

int Scheduler::pickJob() const
{
    int best = -1;
    const int n = int(m_jobs.size());
    if (m_policy == SchedulePolicy::Fair) {
        for (int i = 0; i < n; ++i) {
            const int j = (m_fairCursor + i) % n;
            if (head(m_jobs[std::size_t(j)])) return j;
        }
        return -1;
    }
    for (int j = 0; j < n; ++j) {
        const auto &q = m_jobs[std::size_t(j)];
        const ReadyTask *ha = head(q);
        if (!ha) continue;
        if (best < 0) {
            best = j;
            continue;
        }
        const auto &bq = m_jobs[std::size_t(best)];
        const ReadyTask &a = *ha;
        const ReadyTask &b = *head(bq);
        bool better = false;
        switch (m_policy) {
        case SchedulePolicy::Fifo:
        case SchedulePolicy::Fair: better = a.seq < b.seq; break;
        case SchedulePolicy::Priority:
            if (q.priority != bq.priority) better = q.priority > bq.priority;
            else if (a.spec.priority != b.spec.priority) better = a.spec.priority > b.spec.priority;
            else better = a.seq < b.seq;
            break;
        case SchedulePolicy::Shortest:
        case SchedulePolicy::Longest: {
            const double ca = a.units * q.nsPerUnit;
            const double cb = b.units * bq.nsPerUnit;
            if (ca != cb) better = m_policy == SchedulePolicy::Shortest ? ca < cb : ca > cb;
            else better = a.seq < b.seq;
            break;
        }
        }
        if (better) best = j;
    }
    return best;
}

std::optional<ReadyTask> Scheduler::pop(std::int64_t inFlight, bool *oversize)
{
    if (oversize) *oversize = false;
    if (m_ready == 0) return std::nullopt;
    const int j = pickJob();
    if (j < 0) return std::nullopt;
    auto &q = m_jobs[std::size_t(j)];
    if (m_budget > 0) {
        const std::int64_t need = demand(*head(q));
        if (need > m_budget) {
            if (inFlight > 0) return std::nullopt; // waits to run alone
            if (oversize) *oversize = true;
        } else if (inFlight + need > m_budget) {
            return std::nullopt;
        }
    }
    ReadyTask t;
    if (usesFifo()) {
        t = std::move(q.fifo.front());
        q.fifo.pop_front();
    } else {
        std::pop_heap(q.heap.begin(), q.heap.end(), &Scheduler::later);
        t = std::move(q.heap.back().task);
        q.heap.pop_back();
    }
    --m_ready;
    t.spec.estCostNs = t.units * q.nsPerUnit;
    if (m_policy == SchedulePolicy::Fair) m_fairCursor = (j + 1) % int(m_jobs.size());
    return t;
}

std::vector<ReadyTask> Scheduler::takeJob(int job)
{
    auto &q = m_jobs[std::size_t(job)];
    std::vector<ReadyTask> out;
    out.reserve(q.heap.size() + q.fifo.size());
    std::sort(q.heap.begin(), q.heap.end(), [](const Entry &a, const Entry &b) { return a.task.seq < b.task.seq; });
    for (auto &e : q.heap) out.push_back(std::move(e.task));
    for (auto &t : q.fifo) out.push_back(std::move(t));
    m_ready -= out.size();
    q.heap.clear();
    q.fifo.clear();
    return out;
}

void Scheduler::learn(int job, double units, double ns)
{
    auto &q = m_jobs[std::size_t(job)];
    if (!q.learnCost || !(units > 0) || !(ns >= 0)) return;
    const double rate = std::max(ns / units, 1e-3);
    q.nsPerUnit = q.samples == 0 ? rate : (1 - kEwmaWeight) * q.nsPerUnit + kEwmaWeight * rate;
    ++q.samples;
}

} // namespace sf
