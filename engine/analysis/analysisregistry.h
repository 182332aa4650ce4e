#pragma once
// The one place analyses are registered: name → factory.
#include "analysis/analysis.h"
#include "analysis/analysisoptions.h"
#include <QStringList>
#include <memory>

namespace sf {

QStringList analysisNames(); // "profile","groupby","filter","wordcount","convert","synthetic"
QString analysisDescription(const QString &name);
// Null and `error` set when the name is unknown or the options are invalid.
std::unique_ptr<Analysis> createAnalysis(const QString &name, const AnalysisOptions &options,
                                         QString *error);

} // namespace sf
