#pragma once
// Runs a SweepPlan: every setting `repeats` times on a fresh Run (and a fresh analysis), on
// the whole dataset or the plan's sample, in the calling thread. The CLI calls it from main
// and the workbench from a worker thread; hooks report progress and may cancel.
#include "exec/run.h"
#include "tuning/sweepplan.h"
#include "tuning/sweepresult.h"
#include <atomic>
#include <functional>
#include <memory>

namespace sf {

struct SweepJob {
    QString name;
    std::shared_ptr<const DataSource> source; // null for analyses without a dataset
    // A fresh, prepared analysis for every run: analyses keep per-run state.
    std::function<std::shared_ptr<Analysis>(QString *error)> makeAnalysis;
    PartitionSpec partition; // strategy and target task time; unit and size come per setting
    int priority = 0;
    RejectPolicy rejectPolicy;
    RunOptions run; // memory budget, retries, timeouts; workers and policy come per setting
};

struct SweepProgress {
    int runsDone = 0;
    int runsTotal = 0;
    int cell = 0; // 1-based
    int cells = 0;
    SweepSetting setting;
    double wallMs = 0;       // of the run that just finished
    bool cellDone = false;   // the last repeat of the setting
    double cellMedianMs = 0; // when cellDone
};

struct SweepHooks {
    std::function<void(const SweepProgress &)> onRun; // after every run
    std::function<void(Run &)> onPoll;                // every pollMs while a run runs
    int pollMs = 100;
    const std::atomic<bool> *cancel = nullptr; // set to stop the sweep
};

class SweepRunner {
public:
    SweepRunner(SweepPlan plan, SweepJob job);

    // Validates the plan and cuts the sample; false with a message when it cannot run.
    bool prepare(QString *error);
    // What the sample is ("Measured on a sample: …"); empty for the whole dataset.
    const QString &sampleNote() const { return m_sampleNote; }
    // The source the runs read: the job's, or the sample of it.
    const std::shared_ptr<const DataSource> &source() const { return m_source; }
    const SweepPlan &plan() const { return m_plan; }

    SweepResult run(const SweepHooks &hooks = {});

private:
    std::int64_t sampleChunkRows() const;

    SweepPlan m_plan;
    SweepJob m_job;
    std::shared_ptr<const DataSource> m_source;
    QString m_sampleNote;
    bool m_prepared = false;
};

} // namespace sf
