#include "resultjson.h"
#include "schedule/schedulepolicy.h"
#include <cmath>

namespace sf::cli {

QJsonObject runJson(const RunReport &report, const RunOptions &options,
                    const PartitionSpec &partition, bool withPartition) {
    QJsonObject run{
        // Three decimals: microsecond resolution, without a float tail that reads as precision.
        {QStringLiteral("wall_ms"), std::round(report.wallMs * 1000.0) / 1000.0},
        {QStringLiteral("tasks"), qint64(report.outcome.tasks)},
        {QStringLiteral("workers"), report.workers},
        {QStringLiteral("policy"), schedulePolicyName(options.policy)},
        {QStringLiteral("failed_tasks"), qint64(report.outcome.failedTasks)},
        {QStringLiteral("retries"), qint64(report.outcome.retries)},
    };
    if (withPartition) {
        run.insert(QStringLiteral("partition"), partitionStrategyName(partition.strategy));
        run.insert(partition.unit == PartitionSpec::Unit::Rows ? QStringLiteral("chunk_rows")
                                                               : QStringLiteral("chunk_bytes"),
                   qint64(partition.size));
    }
    return run;
}

QJsonObject composeResultJson(const QString &analysis, const QString &dataset,
                              const RunReport &report, const RunOptions &options,
                              const PartitionSpec &partition) {
    QJsonObject doc = report.outcome.result.json;
    // The shared keys are the CLI's promise to scripts: they win over an analysis' own.
    doc.insert(QStringLiteral("analysis"), analysis);
    doc.insert(QStringLiteral("dataset"),
               dataset.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(dataset));
    doc.insert(QStringLiteral("rows"), qint64(report.outcome.rows));
    doc.insert(QStringLiteral("rejected_rows"), qint64(report.outcome.rejectedRows));
    doc.insert(QStringLiteral("run"), runJson(report, options, partition, !dataset.isEmpty()));
    return doc;
}

} // namespace sf::cli
