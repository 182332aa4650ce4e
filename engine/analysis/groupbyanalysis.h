#pragma once
// Group rows by the values of one or more key columns and aggregate per group: count,
// count:COL (non-null values), sum/mean/min/max/std (sample, ddof=1) of numeric columns.
// Sums and moments are exact (ExactSum/ExactMoments), so results do not depend on chunking.
// Nulls form their own group; groups come out sorted by key (null first, numbers by value,
// strings bytewise).
#include "analysis/analysis.h"
#include "analysis/analysisoptions.h"
#include "analysis/groupbytable.h"
#include "core/sparepool.h"
#include <QStringList>
#include <atomic>
#include <vector>

namespace sf {

class RecordBlock;

class GroupByAnalysis : public Analysis {
public:
    explicit GroupByAnalysis(const AnalysisOptions &options);
    // Checks the options without a schema: key columns given, aggregate specs well formed.
    static bool validate(const AnalysisOptions &options, QString *error);

    QString name() const override { return QStringLiteral("groupby"); }
    bool prepare(const Schema &schema, QString *error) override;
    std::unique_ptr<Partial> createPartial() const override;
    void process(Partial &partial, TaskInput &input) const override;
    void merge(Partial &acc, Partial &later) const override;
    bool mergesEarly() const override { return true; }
    AnalysisResult finalize(Partial &merged) const override;

    struct Aggregate {
        using Fn = GroupAggregate::Fn;
        Fn fn = Fn::Count;
        QString spec;       // as the user wrote it: the key in the result
        QString columnName; // empty for count
        int column = -1;
        bool intColumn = false;
        int state = -1; // its slot among a group's GroupAggregates (none for count)
    };

private:
    // Aggregate `agg` (one with a state) of the block's rows, row r in group rowGroups[r].
    void addColumn(GroupTable &groups, const Aggregate &agg, const RecordBlock &block,
                   const std::uint32_t *rowGroups) const;

    QStringList m_by;
    QStringList m_specs;
    std::vector<Aggregate> m_aggregates;
    std::vector<Aggregate::Fn> m_fns; // by state slot: the functions of the aggregates but count
    // How many groups the last finished chunk had: a chunk's table starts that large, instead
    // of growing (and copying its arrays) a dozen times. Relaxed: it only sizes a table.
    mutable std::atomic<std::size_t> m_groupsHint{0};
    // Merged chunks' emptied tables, for the next chunks.
    mutable SparePool<GroupTable> m_spareTables;
    std::vector<int> m_keyColumns;
    Schema m_schema;
};

} // namespace sf
