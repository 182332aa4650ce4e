#pragma once
// Options of every built-in analysis in one value type, filled by the CLI and the Run setup
// page; each analysis reads the fields that concern it.
#include <QString>
#include <QStringList>
#include <cstdint>

namespace sf {

struct SyntheticOptions {
    std::int64_t tasks = 1000;
    QString duration =
        QStringLiteral("constant"); // constant|uniform|exponential|lognormal|bimodal|heavytail
    double meanMs = 5.0;            // mean task duration
    bool cpuBound = true;           // spin (true) or sleep (false)
    double failRate = 0.0;          // probability an attempt throws
    std::int64_t memoryPerTask = 0;
    std::uint64_t seed = 42;
};

struct AnalysisOptions {
    QStringList groupBy;     // groupby: key columns
    QStringList aggregates;  // groupby: count, sum:COL, mean:COL, min:COL, max:COL, std:COL
    QString where;           // filter: expression
    QString column;          // wordcount: text column (empty: whole lines)
    int top = 20;            // wordcount: how many terms
    QString outputPath;      // filter/convert: where rows go (.csv/.jsonl/.json)
    bool allStrings = false; // filter/convert: data read as all strings → JSON keeps exact texts
    bool headerless = false; // filter/convert: data had no header → no CSV header, JSON arrays
    SyntheticOptions synthetic;
};

} // namespace sf
