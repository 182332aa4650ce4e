#include "monitor/taskrecord.h"

namespace sf {

std::string_view taskStateKey(TaskState s)
{
    switch (s) {
    case TaskState::Queued: return "queued";
    case TaskState::Running: return "running";
    case TaskState::Done: return "done";
    case TaskState::Failed: return "failed";
    case TaskState::Retried: return "retried";
    case TaskState::Cancelled: return "cancelled";
    }
    return "queued";
}

QString taskStateName(TaskState s)
{
    const std::string_view key = taskStateKey(s);
    return QString::fromLatin1(key.data(), qsizetype(key.size()));
}

} // namespace sf
