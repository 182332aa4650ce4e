#include "schedule/schedulepolicy.h"

namespace sf {

QString schedulePolicyName(SchedulePolicy p)
{
    switch (p) {
    case SchedulePolicy::Fifo: return QStringLiteral("fifo");
    case SchedulePolicy::Priority: return QStringLiteral("priority");
    case SchedulePolicy::Shortest: return QStringLiteral("shortest");
    case SchedulePolicy::Longest: return QStringLiteral("longest");
    case SchedulePolicy::Fair: return QStringLiteral("fair");
    }
    return QStringLiteral("fifo");
}

bool schedulePolicyFromName(const QString &name, SchedulePolicy *out)
{
    const QString n = name.trimmed().toLower();
    for (auto p : {SchedulePolicy::Fifo, SchedulePolicy::Priority, SchedulePolicy::Shortest,
                   SchedulePolicy::Longest, SchedulePolicy::Fair}) {
        if (n == schedulePolicyName(p)) {
            *out = p;
            return true;
        }
    }
    // Common spellings from the CLI and other tools.
    if (n == QLatin1String("shortest-first") || n == QLatin1String("sjf")) {
        *out = SchedulePolicy::Shortest;
        return true;
    }
    if (n == QLatin1String("longest-first") || n == QLatin1String("ljf")) {
        *out = SchedulePolicy::Longest;
        return true;
    }
    return false;
}

} // namespace sf
