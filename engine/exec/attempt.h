#pragma once
// Runs one attempt of one task: partial, reader, Analysis::process under try/catch, with a
// TaskContext whose checkpoint publishes progress, sleeps while paused, and stops the task on
// cancel, on its job being stopped, or when the attempt outlives the task timeout.
#include "analysis/analysis.h"
#include "data/datasource.h"
#include "exec/runcontrol.h"
#include "monitor/monitor.h"
#include <QString>
#include <memory>

namespace sf {

struct AttemptResult {
    enum class Status { Ok, Failed, TimedOut, Stopped };
    Status status = Status::Ok;
    QString error;
    std::unique_ptr<Partial> partial;
    QList<RejectedRecord> rejects;
    std::int64_t rows = 0;
    std::int64_t bytes = 0;
};

struct AttemptInput {
    const TaskSpec &task;
    int attempt = 1;
    int lane = 0;
    const Analysis &analysis;
    const DataSource *source = nullptr; // null for synthetic jobs
    RunControl &control;
    const std::atomic<bool> &jobStop;
    Monitor &monitor;
    int timeoutMs = 0;
};

AttemptResult runAttempt(const AttemptInput &in);

} // namespace sf
