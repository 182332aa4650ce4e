#pragma once
// Two stored runs side by side: wall time ratio, duration quantiles of each and their
// differences, and duration histograms over the same bin edges so the bars line up.
#include "history/storedrun.h"
#include "monitor/runsnapshot.h"
#include <vector>

namespace sf {

struct RunComparison {
    static constexpr int kDefaultBins = 20;

    std::int64_t idA = 0, idB = 0;
    double wallMsA = 0, wallMsB = 0;
    double wallRatio = 0;                // B / A (0 when A took no time): < 1 means B was faster
    std::int64_t tasksA = 0, tasksB = 0; // finished attempts whose durations are compared
    DurationQuantiles a, b;
    DurationQuantiles diff;         // b − a, per quantile
    bool logBins = false;           // edges spaced geometrically (durations spanning > 20×)
    std::vector<double> binEdgesMs; // bins + 1 edges, shared by both histograms
    std::vector<std::int64_t> histA, histB;

    // Durations of the attempts that finished (done) in each run.
    static RunComparison compare(const StoredRun &a, const StoredRun &b, int bins = kDefaultBins);
    // Quantiles by label ("min", "p25", "p50", "p75", "p95", "max") for tables.
    static QStringList quantileNames();
    static std::vector<double> quantileValues(const DurationQuantiles &q);
};

// Durations (ms) of the finished attempts of a run, in attempt order.
std::vector<double> finishedDurationsMs(const std::vector<TaskRecord> &tasks);
// Their quantiles (exact up to DurationStats::kExactLimit attempts); `count` may be null.
DurationQuantiles finishedQuantiles(const std::vector<TaskRecord> &tasks,
                                    std::int64_t *count = nullptr);

} // namespace sf
