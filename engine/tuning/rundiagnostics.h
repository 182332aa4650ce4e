#pragma once
// Where a run's worker time went, from its task records: busy in tasks; idle with nothing
// left to run (the tail: too few or uneven tasks); idle while ready tasks waited for the
// memory budget; and the gaps between tasks (scheduling, launch, making the next chunk).
// The recommendation reads these to say why a setting loses.
#include "monitor/taskrecord.h"
#include <cstdint>
#include <vector>

namespace sf {

struct RunDiagnostics {
    int workers = 1;
    std::int64_t tasks = 0;           // attempts that ran
    double makespanMs = 0;            // run start to the last attempt's end
    double capacityMs = 0;            // workers × makespan: the worker time available
    double busyMs = 0;                // Σ attempt durations
    double tailIdleMs = 0;            // lane time idle with no task waiting and none still to come
    double budgetIdleMs = 0;          // lane time idle while ready tasks waited (budget set only)
    std::int64_t budgetWaitTasks = 0; // tasks whose wait overlapped such idle time
    double gapMs = 0;                 // the other idle lane time: hand-overs between tasks
    // busy + tail + budget idle + gap = capacity

    double meanTaskMs() const { return tasks > 0 ? busyMs / double(tasks) : 0; }
    double share(double ms) const { return capacityMs > 0 ? ms / capacityMs : 0; }

    // `memoryBudget` 0: no budget, so no time is put down to it.
    static RunDiagnostics of(const std::vector<TaskRecord> &records, int workers,
                             std::int64_t memoryBudget);
};

} // namespace sf
