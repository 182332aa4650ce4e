#pragma once
// The options every dataset command shares (partition, schedule, input, bad records, output)
// and their translation into engine settings, validated up front so a typo is a usage error
// (exit 2) before any file is opened.
#include "analysis/analysisoptions.h"
#include "data/sourceoptions.h"
#include "exec/runoptions.h"
#include "optionparser.h"
#include "partition/partitionspec.h"

namespace sf::cli {

enum class ProgressMode { Auto, On, Off };

struct CliSettings {
    SourceOptions source;
    PartitionSpec partition;
    RunOptions run;
    int priority = 0;
    RejectPolicy rejectPolicy;
    AnalysisOptions analysis;
    QString outPath;
    QString timingsPath;
    QString tracePath;
    QString rejectsPath;
    ProgressMode progress = ProgressMode::Auto;
    bool quiet = false;
};

namespace options {
QList<OptionDef> partition();
QList<OptionDef> schedule();
QList<OptionDef> input();
QList<OptionDef> badRecords();
QList<OptionDef> output();
QList<OptionDef> history(); // --no-history, for the commands that save runs
QList<OptionDef> groupby();
QList<OptionDef> filter();
QList<OptionDef> wordcount();
QList<OptionDef> synthetic();
} // namespace options

// Strict number parsing for option values; false with a message naming the option.
bool parseIntOption(const OptionParser &p, const QString &name, std::int64_t min, std::int64_t *out,
                    QString *error);
bool parseDoubleOption(const OptionParser &p, const QString &name, double min, double max,
                       double *out, QString *error);

// Reads whichever of the shared groups the parser knows into `settings`.
// Options named in `skip` are left to the caller (sweep reads chunk sizes, workers and policy
// as lists).
bool readSettings(const OptionParser &p, CliSettings *settings, QString *error,
                  const QStringList &skip = {});
// Analysis-specific options (groupby, filter, wordcount, synthetic) into `settings.analysis`.
bool readAnalysisOptions(const OptionParser &p, const QString &analysis, CliSettings *settings,
                         QString *error);

} // namespace sf::cli
