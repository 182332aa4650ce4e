#pragma once
// The smallest analysis: reads every record of every chunk and counts the good ones. `inspect`
// runs it so the engine's readers meet every bad record, with its line number, in parallel.
#include "analysis/analysis.h"

namespace sf::cli {

class CountAnalysis : public Analysis {
public:
    QString name() const override { return QStringLiteral("count"); }
    bool prepare(const Schema &schema, QString *error) override;
    std::unique_ptr<Partial> createPartial() const override;
    void process(Partial &partial, TaskInput &input) const override;
    void merge(Partial &acc, Partial &later) const override;
    AnalysisResult finalize(Partial &merged) const override; // {"records": good records}
};

} // namespace sf::cli
