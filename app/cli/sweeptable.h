#pragma once
// The files a sweep writes: the CSV table (one row per setting: wall-time spread over the
// repeats, throughput, speedup, efficiency) and the JSON document for scripts (cells with
// their diagnostics, and the recommendation with its reasons).
#include "tuning/recommendation.h"
#include "tuning/sweepresult.h"
#include <QByteArray>
#include <QJsonObject>

namespace sf::cli {

QByteArray sweepCsv(const SweepResult &result);
QJsonObject sweepJson(const QString &analysis, const QString &datasetPath, const SweepPlan &plan,
                      const SweepResult &result, const Recommendation &recommendation);

} // namespace sf::cli
