#pragma once
// The commands of superflow-cli; each parses its own options and returns the exit code.
#include "data/datasource.h"
#include <QStringList>
#include <memory>

namespace sf::cli {

// profile, groupby, filter, wordcount, convert (on a dataset) and synthetic (without one).
int runAnalysisCommand(const QString &analysis, const QStringList &args);
int runInspectCommand(const QStringList &args);
int runSweepCommand(const QStringList &args);
int runHistoryCommand(const QStringList &args);

// Opens a dataset for a command; null with `*exitCode` set (3, or 130 when Ctrl-C stopped the
// indexing) and the message printed. `threads`: how many threads the index scan may use (the
// run's workers; 0: one per core).
std::shared_ptr<const DataSource> openDataset(const QString &path, const SourceOptions &options,
                                              int *exitCode, int threads = 0);

} // namespace sf::cli
