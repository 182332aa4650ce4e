#pragma once
// A workload without a dataset, for studying schedulers: N tasks whose durations follow a
// chosen distribution, spinning (CPU-bound) or sleeping, failing with a given probability per
// attempt, holding a given amount of memory. Everything is reproducible from the seed: the
// transforms are our own over std::mt19937_64 (std:: distributions differ between libraries)
// and a failure is a hash of (seed, task, attempt).
#include "analysis/analysis.h"
#include "analysis/analysisoptions.h"
#include <vector>

namespace sf {

class SyntheticAnalysis : public Analysis {
public:
    explicit SyntheticAnalysis(const AnalysisOptions &options);
    static bool validate(const AnalysisOptions &options, QString *error);
    static QStringList
    distributionNames(); // constant, uniform, exponential, lognormal, bimodal, heavytail

    // Planned duration of every task in ms. constant: mean; uniform: 0.5–1.5×mean;
    // exponential; lognormal with σ=1; bimodal: 90% at 0.5×, 10% at 5.5×mean; heavytail:
    // Pareto α=1.5 (capped at 1000×mean). Each but the cap has the requested mean.
    static std::vector<double> plannedDurationsMs(const SyntheticOptions &options);
    // Whether attempt `attempt` (1-based) of task `task` fails.
    static bool attemptFails(const SyntheticOptions &options, std::int64_t task, int attempt);

    QString name() const override { return QStringLiteral("synthetic"); }
    bool needsDataset() const override { return false; }
    bool prepare(const Schema &schema, QString *error) override;
    std::vector<PlannedTask> plannedTasks() const override;
    std::unique_ptr<Partial> createPartial() const override;
    void process(Partial &partial, TaskInput &input) const override;
    void merge(Partial &acc, Partial &later) const override;
    bool mergesEarly() const override { return true; }
    AnalysisResult finalize(Partial &merged) const override;

private:
    SyntheticOptions m_options;
    std::vector<double> m_durationsMs;
};

} // namespace sf
