#pragma once
// What an analysis returns: the JSON document (the CLI's output shape) and a flat table for
// display and CSV export.
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QVariant>

namespace sf {

struct ResultTable {
    QStringList columns;
    QList<QVariantList> rows;
};

struct AnalysisResult {
    QJsonObject json; // analysis-specific keys ("columns", "groups", "matched", …)
    ResultTable table;
};

} // namespace sf
