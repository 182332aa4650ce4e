#pragma once
// One task attempt as the monitor knows it: what a row of the tasks table and a bar of the
// task stream show.
#include <QString>
#include <cstdint>
#include <string_view>

namespace sf {

enum class TaskState : std::uint8_t { Queued, Running, Done, Failed, Retried, Cancelled };
QString taskStateName(TaskState s); // "queued","running","done","failed","retried","cancelled"
std::string_view taskStateKey(TaskState s); // the same name as bytes, for files

struct TaskRecord {
    std::int64_t attemptId = 0;   // index in the run's attempt list (stable)
    std::int64_t taskId = 0;
    int job = 0;
    std::int64_t chunk = 0;
    std::int64_t firstRow = 0;
    std::int64_t rowCount = 0;
    std::int64_t byteBegin = 0;
    std::int64_t byteEnd = 0;
    int priority = 0;
    int worker = -1;              // lane, -1 until started
    int attempt = 1;              // 1-based
    TaskState state = TaskState::Queued;
    bool straggler = false;       // slower than the straggler factor × median, or timed out
    std::int64_t queuedNs = 0;    // steady clock, ns since the run started
    std::int64_t startedNs = 0;
    std::int64_t finishedNs = 0;
    std::int64_t rowsDone = 0;    // progress of a running task, final rows when finished
    std::int64_t bytesDone = 0;
    std::int64_t memory = 0;      // memory demand it was dispatched with
    QString error;

    std::int64_t durationNs() const { return finishedNs > startedNs ? finishedNs - startedNs : 0; }
};

} // namespace sf
