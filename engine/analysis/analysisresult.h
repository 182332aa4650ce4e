#pragma once
// What an analysis returns: the JSON document (the CLI's output shape) and a flat table for
// display and CSV export. export/resultdocument.h writes the whole document.
#include "analysis/resulttable.h"
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QVariant>
#include <utility>

namespace sf {

// Table rows that the JSON document also holds, as an array of one object per row under `key`
// whose members nest runs of consecutive columns (group-by: "key" holds the key columns,
// "values" the aggregates), each member named by its column. Written from the table with the
// document and never built as QJsonObjects: a million groups took 10 s and 1.5 GB that way.
struct JsonRows {
    QString key;                          // empty: the document holds no rows
    QList<std::pair<QString, int>> nests; // (member name, how many columns) in column order
};

struct AnalysisResult {
    QJsonObject json; // analysis-specific keys ("columns", "matched", …) but `rows.key`
    ResultTable table;
    JsonRows rows;
};

} // namespace sf
