#pragma once
// Keeps the rows for which an expression holds: counts them, shows the first 1000 and, with
// an output path, writes them in original order (CSV, JSON Lines or JSON array by extension)
// to a file committed only when the run completes.
#include "analysis/analysis.h"
#include "analysis/analysisoptions.h"
#include "analysis/expression.h"
#include "analysis/rowwriteroutput.h"
#include <memory>
#include <optional>

namespace sf {

class FilterAnalysis : public Analysis {
public:
    explicit FilterAnalysis(const AnalysisOptions &options);
    static bool validate(const AnalysisOptions &options, QString *error);
    static constexpr int kShownRows = 1000;

    QString name() const override { return QStringLiteral("filter"); }
    bool prepare(const Schema &schema, QString *error) override;
    std::unique_ptr<Partial> createPartial() const override;
    void process(Partial &partial, TaskInput &input) const override;
    void merge(Partial &acc, Partial &later) const override;
    AnalysisResult finalize(Partial &merged) const override;
    void abandon() const override;

private:
    AnalysisOptions m_options;
    Schema m_schema;
    Expression m_expression;
    std::optional<RowWriter> m_writer; // set when rows go to a file
    mutable RowWriterOutputSet m_outputs;
};

} // namespace sf
