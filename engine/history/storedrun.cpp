#include "history/storedrun.h"
#include <QCoreApplication>

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

QString chunkText(const RunParams &p)
{
    if (p.datasetPath.isEmpty()) return QStringLiteral("-");
    QString size = p.partition.unit == PartitionSpec::Unit::Bytes
                       ? formatByteSize(p.partition.size)
                       : QCoreApplication::translate("History", "%1 rows").arg(p.partition.size);
    if (p.partition.strategy != PartitionSpec::Strategy::Fixed)
        size = partitionStrategyName(p.partition.strategy) + QStringLiteral(" ≥ ") + size;
    return size;
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
