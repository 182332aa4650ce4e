#include "history/storedrun.h"

namespace sf {

QString jobStatusName(JobOutcome::Status status)
{
    switch (status) {
    case JobOutcome::Status::Pending: return QStringLiteral("pending");
    case JobOutcome::Status::Done: return QStringLiteral("done");
    case JobOutcome::Status::Failed: return QStringLiteral("failed");
    case JobOutcome::Status::Cancelled: return QStringLiteral("cancelled");
    }
    return QStringLiteral("pending");
}

RunTotals runTotals(const JobOutcome &outcome, const RunSummary &summary, double wallMs)
{
    RunTotals t;
    t.status = jobStatusName(outcome.status);
    t.wallMs = wallMs;
    t.tasks = outcome.tasks;
    t.failed = outcome.failedTasks;
    t.retries = outcome.retries;
    t.rows = outcome.rows > 0 ? outcome.rows : summary.rowsDone;
    t.bytes = summary.bytesDone;
    return t;
}

} // namespace sf
