#include "monitor/taskrecord.h"

namespace sf {

QString taskStateName(TaskState s)
{
    switch (s) {
    case TaskState::Queued: return QStringLiteral("queued");
    case TaskState::Running: return QStringLiteral("running");
    case TaskState::Done: return QStringLiteral("done");
    case TaskState::Failed: return QStringLiteral("failed");
    case TaskState::Retried: return QStringLiteral("retried");
    case TaskState::Cancelled: return QStringLiteral("cancelled");
    }
    return QStringLiteral("queued");
}

} // namespace sf
