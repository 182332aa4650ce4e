#pragma once
// The CLI's output document: the keys every result shares ("analysis", "dataset", "rows",
// "rejected_rows", "run": {...}) around the analysis' own keys.
#include "jobrunner.h"
#include "partition/partitionspec.h"
#include <QJsonObject>

namespace sf::cli {

// `dataset` empty for analyses without one (written as null).
QJsonObject composeResultJson(const QString &analysis, const QString &dataset,
                              const RunReport &report, const RunOptions &options,
                              const PartitionSpec &partition);

// The "run" object alone (also used by sweep for its summary).
QJsonObject runJson(const RunReport &report, const RunOptions &options,
                    const PartitionSpec &partition, bool withPartition);

} // namespace sf::cli
