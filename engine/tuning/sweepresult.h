#pragma once
// The measured cells of a sweep: per setting the wall times of its repeats and their median,
// throughput, speedup over the 1-worker cell of the same chunk and policy, parallel efficiency
// (speedup / workers), and the diagnostics of its median run.
#include "tuning/rundiagnostics.h"
#include "tuning/sweepplan.h"
#include <QList>
#include <QString>
#include <vector>

namespace sf {

struct SweepCell {
    SweepSetting setting;
    std::vector<double> wallMs; // one per repeat
    std::int64_t rows = 0;      // per run
    std::int64_t bytes = 0;     // per run
    double medianMs = 0, minMs = 0, maxMs = 0;
    double rowsPerSec = 0, mbPerSec = 0;
    double speedup = 0, efficiency = 0;
    int baselineWorkers = 1; // the worker count speedup is measured against
    RunDiagnostics diag;     // of the repeat closest to the median
    double overheadMs = 0;   // gaps between tasks + the fitted fixed cost of every task

    double overheadShare() const { return diag.share(overheadMs); }
    double tailShare() const { return diag.share(diag.tailIdleMs); }
    double budgetShare() const { return diag.share(diag.budgetIdleMs); }
};

struct SweepResult {
    enum class Status {
        Complete,
        Cancelled,
        Failed
    };
    Status status = Status::Complete;
    QString error;                 // Failed: which setting and why
    int stoppedAt = 0;             // Cancelled/Failed: the 1-based setting it stopped at
    QString sampleNote;            // empty: the whole dataset was used
    bool resultsDiffer = false;    // an analysis result changed between settings (a bug)
    std::int64_t datasetRows = 0;  // rows the sweep's runs read (the sample's, if any)
    std::int64_t memoryBudget = 0; // of every run (0: none)
    QList<SweepCell> cells;
    // Fitted over every cell's median run: Σ task time ≈ a · tasks + b · rows. `a` is the cost
    // every task pays whatever its size (reader set-up, partial, merge): the tiny-task tax.
    double fixedMsPerTask = 0;
    double msPerRow = 0;

    // Fills medians, rates, speedup, efficiency and overheads. A chunk/policy group without a
    // 1-worker cell is measured against its smallest worker count, efficiency scaled to it.
    void compute();
    const SweepCell *best() const; // lowest median; null when empty
    const SweepCell *find(const SweepSetting &s) const;

    static double median(std::vector<double> values);
};

} // namespace sf
