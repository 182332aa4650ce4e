#pragma once
// Holds the ready tasks of every job of a run and picks the next one by SchedulePolicy, within
// the memory budget. Learns each job's cost per unit (EWMA of finished tasks) so cost-ordered
// policies compare jobs by expected time. Not thread-safe: the run calls it under its lock.
#include "partition/taskspec.h"
#include "schedule/schedulepolicy.h"
#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

namespace sf {

struct ReadyTask {
    TaskSpec spec;
    int attempt = 1;
    std::int64_t attemptId = -1;
    double units = 1;        // rows (data) or planned ns (synthetic): cost = units × job rate
    std::int64_t seq = 0;    // readiness order, set by push()
};

class Scheduler {
public:
    Scheduler(SchedulePolicy policy, std::int64_t memoryBudget);

    // `learnCost` false: the job's units are already nanoseconds (synthetic plans).
    int addJob(int priority, bool learnCost = true);
    SchedulePolicy policy() const { return m_policy; }
    std::int64_t memoryBudget() const { return m_budget; }

    void push(ReadyTask task);
    // The task the policy puts first, if its memory fits next to `inFlight` (head-of-line: a
    // task that does not fit blocks the ones behind it). A task larger than the whole budget
    // is given out only when nothing is in flight; `oversize` then says so.
    std::optional<ReadyTask> pop(std::int64_t inFlight, bool *oversize = nullptr);
    // Removes and returns every ready task of `job` (job failed or run cancelled).
    std::vector<ReadyTask> takeJob(int job);

    std::size_t readyCount() const { return m_ready; }
    std::size_t readyCount(int job) const
    {
        const auto &q = m_jobs[std::size_t(job)];
        return q.heap.size() + q.fifo.size();
    }

    // Feeds a finished task's duration into the job's cost per unit.
    void learn(int job, double units, double ns);
    double costPerUnit(int job) const { return m_jobs[std::size_t(job)].nsPerUnit; }
    bool hasLearned(int job) const { return m_jobs[std::size_t(job)].samples > 0; }
    // Whether estimates of the job's tasks mean anything yet: planned costs always do, learned
    // ones once a task has finished.
    bool costKnown(int job) const
    {
        const auto &q = m_jobs[std::size_t(job)];
        return !q.learnCost || q.samples > 0;
    }
    double estimateCost(int job, double units) const { return units * costPerUnit(job); }

private:
    struct Entry {
        std::int64_t key = 0; // policy order within the job (smaller first), then seq
        ReadyTask task;
    };
    struct JobQueue {
        int priority = 0;
        bool learnCost = true;
        double nsPerUnit = 1.0; // 1 ns/row until something finished
        std::int64_t samples = 0;
        std::vector<Entry> heap;     // ordered policies
        std::deque<ReadyTask> fifo;  // Fifo/Fair: push order is the order, no heap needed
    };
    bool usesFifo() const { return m_policy == SchedulePolicy::Fifo || m_policy == SchedulePolicy::Fair; }
    const ReadyTask *head(const JobQueue &q) const
    {
        if (usesFifo()) return q.fifo.empty() ? nullptr : &q.fifo.front();
        return q.heap.empty() ? nullptr : &q.heap.front().task;
    }
    static bool later(const Entry &a, const Entry &b); // heap comparator (min-heap on key, seq)
    std::int64_t keyFor(const ReadyTask &t) const;
    int pickJob() const;
    std::int64_t demand(const ReadyTask &t) const { return t.spec.estMemory; }

    SchedulePolicy m_policy;
    std::int64_t m_budget;
    std::vector<JobQueue> m_jobs;
    std::size_t m_ready = 0;
    std::int64_t m_seq = 0;
    int m_fairCursor = 0; // next job to serve under Fair
};

} // namespace sf
