#pragma once
// What a running task sees of the engine: its spec, and the cooperative checkpoint that
// records progress, blocks while the run is paused and says when to stop.
#include "partition/taskspec.h"
#include <cstdint>
#include <exception>
#include <string>

namespace sf {

class TaskContext {
public:
    virtual ~TaskContext() = default;
    virtual const TaskSpec &task() const = 0;
    virtual int attempt() const = 0; // 1-based
    // Call between blocks of rows (every ~1–4 k rows or ~1 ms of work). Publishes progress,
    // waits while paused; returns false when the task must stop now (run cancelled or the
    // attempt timed out). A task that gets false returns promptly; its partial is discarded.
    virtual bool checkpoint(std::int64_t rowsDone, std::int64_t bytesDone) = 0;
};

// Thrown by analyses for a task-level failure with a user-facing message (retried per policy).
class TaskError : public std::exception {
public:
    explicit TaskError(std::string message) : m_message(std::move(message)) {}
    const char *what() const noexcept override { return m_message.c_str(); }

private:
    std::string m_message;
};

} // namespace sf
