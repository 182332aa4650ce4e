#pragma once
// The "profile" analysis: per column of the schema, counts (non-null, null, invalid, distinct)
// and, by type, min/max, exact sum/mean/std, quantiles, histogram, top values. The JSON shape
// is {"columns":[{name, type, count, nulls, invalid, distinct, min, max, sum, mean, std,
// quantiles{p1..p99}, histogram{edges, counts}, top[{value, count}], length{min, max, mean},
// approximate}]}, keys that do not apply omitted; identical for any chunking and schedule.
#include "analysis/analysis.h"
#include "analysis/analysisoptions.h"
#include "analysis/columnstats.h"
#include <atomic>
#include <memory>

namespace sf {

class ProfileAnalysis : public Analysis {
public:
    explicit ProfileAnalysis(const AnalysisOptions &options);

    QString name() const override { return QStringLiteral("profile"); }
    bool prepare(const Schema &schema, QString *error) override;
    std::unique_ptr<Partial> createPartial() const override;
    void process(Partial &partial, TaskInput &input) const override;
    void merge(Partial &acc, Partial &later) const override;
    // No mergesEarly(): past TopValues' cap, which values a merge admits depends on the order
    // they are offered in, and a lane's grouping of chunks varies from run to run.
    AnalysisResult finalize(Partial &merged) const override;

    static constexpr std::int64_t kCheckpointRows = 1024;

private:
    Schema m_schema;
    // Per column, what finished chunks learned (ColumnStats::Hint): the values the last one's
    // string table held, and whether any chunk's distinct sketch went past its exact set. The
    // next chunk starts from it. Only sizes and paths depend on it, never results (TopValues::
    // merge admits by value at its cap, whatever the slot order). They hold for the dataset they
    // came from: prepare() starts them anew, so prepare before running on another dataset.
    struct ColumnHint {
        std::atomic<std::size_t> tableValues{0};
        std::atomic<bool> distinctPastExact{false}; // once true, stays true

        ColumnStats::Hint load() const;
        void learn(const ColumnStats::Hint &hint);
    };
    mutable std::unique_ptr<ColumnHint[]> m_hints;
};

} // namespace sf
