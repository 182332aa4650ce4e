#include "tuning/rundiagnostics.h"
#include <algorithm>

namespace sf {

namespace {

struct Interval {
    std::int64_t begin = 0, end = 0;
};

} // namespace

RunDiagnostics RunDiagnostics::of(const std::vector<TaskRecord> &records, int workers,
                                  std::int64_t memoryBudget)
{
    // Hand-overs shorter than this are the scheduler's own latency, not budget waits.
    constexpr std::int64_t kMinBudgetWaitNs = 200'000;
    RunDiagnostics d;
    d.workers = std::max(1, workers);
    struct Event {
        std::int64_t t;
        int queued, running;
    };
    std::vector<Event> ev;
    std::vector<const TaskRecord *> ran;
    std::int64_t lastQueued = 0;
    for (const TaskRecord &r : records) {
        if (r.worker < 0 || r.finishedNs <= 0) continue;
        ran.push_back(&r);
        d.busyMs += double(r.durationNs()) / 1e6;
        lastQueued = std::max(lastQueued, r.queuedNs);
        ev.push_back({r.queuedNs, +1, 0});
        ev.push_back({r.startedNs, -1, +1});
        ev.push_back({r.finishedNs, 0, -1});
    }
    std::sort(ev.begin(), ev.end(), [](const Event &a, const Event &b) { return a.t < b.t; });
    d.tasks = std::int64_t(ran.size());
    const std::int64_t makespan = ev.empty() ? 0 : ev.back().t;
    d.makespanMs = double(makespan) / 1e6;
    d.capacityMs = d.makespanMs * d.workers;

    // Walk the timeline from the run's start. Idle lanes while tasks wait are budget waits (a
    // budget is set and the wait is long enough) or hand-over gaps; idle lanes with nothing
    // waiting and nothing more to come are the tail; idle lanes before more work is made
    // (guided and auto chunks) are gaps too.
    std::vector<Interval> budgetIdle;
    int queued = 0, running = 0;
    std::int64_t t = 0;
    double tailNs = 0, gapNs = 0, budgetNs = 0;
    for (std::size_t i = 0; i <= ev.size(); ++i) {
        const std::int64_t next = i < ev.size() ? ev[i].t : makespan;
        const std::int64_t span = next - t;
        if (span > 0) {
            const int idle = std::max(0, d.workers - running);
            const int waiting = std::min(idle, queued);
            const int rest = idle - waiting;
            if (waiting > 0 && memoryBudget > 0 && d.workers > 1 && span >= kMinBudgetWaitNs) {
                budgetNs += double(waiting) * double(span);
                if (!budgetIdle.empty() && budgetIdle.back().end == t)
                    budgetIdle.back().end = next;
                else
                    budgetIdle.push_back({t, next});
            } else {
                gapNs += double(waiting) * double(span);
            }
            (t >= lastQueued && queued == waiting ? tailNs : gapNs) += double(rest) * double(span);
        }
        if (i == ev.size()) break;
        queued += ev[i].queued;
        running += ev[i].running;
        t = next;
    }
    d.tailIdleMs = tailNs / 1e6;
    d.gapMs = gapNs / 1e6;
    d.budgetIdleMs = budgetNs / 1e6;
    for (const TaskRecord *r : ran) {
        // The first budget wait ending after the task was queued overlaps its wait if it
        // began before the task started.
        auto it = std::upper_bound(budgetIdle.begin(), budgetIdle.end(), r->queuedNs,
                                   [](std::int64_t q, const Interval &iv) { return q < iv.end; });
        if (it != budgetIdle.end() && it->begin < r->startedNs) ++d.budgetWaitTasks;
    }
    return d;
}

} // namespace sf
