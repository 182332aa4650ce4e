#pragma once
// Rewrites a dataset as CSV, JSON Lines or a JSON array (by the output's extension), in
// original order, streaming chunk by chunk into a file committed when the run completes.
#include "analysis/analysis.h"
#include "analysis/analysisoptions.h"
#include "analysis/rowwriteroutput.h"
#include <optional>

namespace sf {

class ConvertAnalysis : public Analysis {
public:
    explicit ConvertAnalysis(const AnalysisOptions &options);
    static bool validate(const AnalysisOptions &options, QString *error);

    QString name() const override { return QStringLiteral("convert"); }
    bool prepare(const Schema &schema, QString *error) override;
    std::unique_ptr<Partial> createPartial() const override;
    void process(Partial &partial, TaskInput &input) const override;
    void merge(Partial &acc, Partial &later) const override;
    AnalysisResult finalize(Partial &merged) const override;
    void abandon() const override;

private:
    AnalysisOptions m_options;
    std::optional<RowWriter> m_writer;
    mutable RowWriterOutputSet m_outputs;
};

} // namespace sf
