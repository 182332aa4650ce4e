#pragma once
// Which ready task runs next. Documented scoped enum, as taskflow's TaskPriority.
#include <QString>

namespace sf {

enum class SchedulePolicy {
    Fifo,     // in the order tasks became ready
    Priority, // job priority first, then task priority, then FIFO
    Shortest, // least estimated cost first
    Longest,  // most estimated cost first (shortens the tail)
    Fair,     // round-robin across jobs sharing the pool, FIFO within a job
};

QString schedulePolicyName(SchedulePolicy p); // "fifo","priority","shortest","longest","fair"
bool schedulePolicyFromName(const QString &name, SchedulePolicy *out);

} // namespace sf
