#include "clioptions.h"
#include "clitext.h"
#include "schedule/schedulepolicy.h"

namespace sf::cli {

namespace options {

QList<OptionDef> partition() {
    const QString g = Cli::tr("partition");
    return {{QStringLiteral("chunk-rows"), QStringLiteral("N"),
             Cli::tr("records per chunk (default 50000)"), g},
            {QStringLiteral("chunk-bytes"), QStringLiteral("SIZE"),
             Cli::tr("bytes per chunk, e.g. 4MiB"), g},
            {QStringLiteral("partition"), QStringLiteral("fixed|guided|auto"),
             Cli::tr("how chunk sizes are chosen (default fixed)"), g}};
}

QList<OptionDef> schedule() {
    const QString g = Cli::tr("schedule");
    return {{QStringLiteral("workers"), QStringLiteral("N"),
             Cli::tr("worker threads (default: one per core)"), g},
            {QStringLiteral("policy"), QStringLiteral("fifo|priority|shortest|longest|fair"),
             Cli::tr("which ready task runs next"), g},
            {QStringLiteral("priority"), QStringLiteral("N"),
             Cli::tr("job priority (for --policy priority)"), g},
            {QStringLiteral("memory-budget"), QStringLiteral("SIZE"),
             Cli::tr("estimated memory in flight, e.g. 512MiB"), g},
            {QStringLiteral("retries"), QStringLiteral("N"),
             Cli::tr("extra attempts after a task fails (default 0)"), g},
            {QStringLiteral("task-timeout"), QStringLiteral("MS"),
             Cli::tr("stop and retry an attempt after MS milliseconds"), g}};
}

QList<OptionDef> input() {
    const QString g = Cli::tr("input");
    return {{QStringLiteral("format"), QStringLiteral("auto|csv|tsv|jsonl|sqlite"),
             Cli::tr("input format (default auto)"), g},
            {QStringLiteral("delimiter"), QStringLiteral("C"),
             Cli::tr("field delimiter (default: sniffed; 'tab' for TAB)"), g},
            {QStringLiteral("no-header"), QString(),
             Cli::tr("the first record is data, not column names"), g},
            {QStringLiteral("null-values"), QStringLiteral("LIST"),
             Cli::tr("comma-separated texts read as null"), g},
            {QStringLiteral("all-strings"), QString(),
             Cli::tr("no type inference: every column is a string"), g},
            {QStringLiteral("table"), QStringLiteral("NAME"), Cli::tr("SQLite table to read"), g},
            {QStringLiteral("query"), QStringLiteral("SQL"), Cli::tr("SQLite query to read"), g}};
}

QList<OptionDef> badRecords() {
    const QString g = Cli::tr("bad records");
    return {{QStringLiteral("on-bad-row"), QStringLiteral("skip|fail"),
             Cli::tr("skip and report bad records (default) or stop"), g},
            {QStringLiteral("max-bad-rows"), QStringLiteral("N"),
             Cli::tr("stop once more than N records were rejected"), g},
            {QStringLiteral("rejects"), QStringLiteral("FILE"),
             Cli::tr("write rejected records to a CSV file"), g}};
}

QList<OptionDef> output() {
    const QString g = Cli::tr("output");
    return {{QStringLiteral("out"), QStringLiteral("FILE"),
             Cli::tr("result file (.json or .csv; rows for filter/convert: .csv/.jsonl/.json)"), g},
            {QStringLiteral("timings"), QStringLiteral("FILE.csv"),
             Cli::tr("one row per task attempt"), g},
            {QStringLiteral("trace"), QStringLiteral("FILE.json"),
             Cli::tr("Chrome Trace Event Format (Perfetto, chrome://tracing)"), g},
            {QStringLiteral("progress"), QString(),
             Cli::tr("show the progress line (default: when stderr is a terminal)"), g},
            {QStringLiteral("no-progress"), QString(), Cli::tr("hide the progress line"), g},
            {QStringLiteral("quiet"), QString(), Cli::tr("no progress line and no notes on stderr"),
             g}};
}

QList<OptionDef> history() {
    return {{QStringLiteral("no-history"), QString(),
             Cli::tr("do not save the run to the history (history list shows saved runs)"),
             Cli::tr("output")}};
}

QList<OptionDef> groupby() {
    const QString g = Cli::tr("groupby");
    return {{QStringLiteral("by"), QStringLiteral("COL[,COL...]"), Cli::tr("key columns"), g},
            {QStringLiteral("agg"), QStringLiteral("SPEC[,SPEC...]"),
             Cli::tr("count, sum:COL, mean:COL, min:COL, max:COL, std:COL (default count)"), g}};
}

QList<OptionDef> filter() {
    const QString g = Cli::tr("filter");
    return {{QStringLiteral("where"), QStringLiteral("EXPR"),
             Cli::tr("keep records where EXPR holds, e.g. \"temp > 20 and city == 'Oslo'\""), g}};
}

QList<OptionDef> wordcount() {
    const QString g = Cli::tr("wordcount");
    return {
        {QStringLiteral("column"), QStringLiteral("COL"),
         Cli::tr("text column (default: whole records)"), g},
        {QStringLiteral("top"), QStringLiteral("N"), Cli::tr("how many terms (default 20)"), g}};
}

QList<OptionDef> synthetic() {
    const QString g = Cli::tr("synthetic");
    return {
        {QStringLiteral("tasks"), QStringLiteral("N"), Cli::tr("number of tasks (default 1000)"),
         g},
        {QStringLiteral("duration"), QStringLiteral("DIST"),
         QStringLiteral("constant|uniform|exponential|lognormal|bimodal|heavytail"), g},
        {QStringLiteral("mean-ms"), QStringLiteral("MS"), Cli::tr("mean task duration (default 5)"),
         g},
        {QStringLiteral("sleep"), QString(), Cli::tr("tasks sleep instead of spinning a core"), g},
        {QStringLiteral("task-memory"), QStringLiteral("SIZE"), Cli::tr("memory demand per task"),
         g},
        {QStringLiteral("fail-rate"), QStringLiteral("P"),
         Cli::tr("probability an attempt fails (0..1)"), g},
        {QStringLiteral("seed"), QStringLiteral("S"), Cli::tr("random seed (default 42)"), g}};
}

} // namespace options

bool parseIntOption(const OptionParser &p, const QString &name, std::int64_t min, std::int64_t *out,
                    QString *error) {
    bool ok = false;
    const qlonglong v = p.value(name).trimmed().toLongLong(&ok);
    if (!ok || v < min) {
        *error =
            Cli::tr("--%1 needs an integer >= %2, got '%3'").arg(name).arg(min).arg(p.value(name));
        return false;
    }
    *out = v;
    return true;
}

bool parseDoubleOption(const OptionParser &p, const QString &name, double min, double max,
                       double *out, QString *error) {
    bool ok = false;
    const double v = p.value(name).trimmed().toDouble(&ok);
    if (!ok || !(v >= min && v <= max)) {
        *error = Cli::tr("--%1 needs a number in [%2, %3], got '%4'")
                     .arg(name)
                     .arg(min)
                     .arg(max)
                     .arg(p.value(name));
        return false;
    }
    *out = v;
    return true;
}

namespace {

bool readSize(const OptionParser &p, const QString &name, std::int64_t *out, QString *error) {
    if (!parseByteSize(p.value(name).trimmed(), out) || *out <= 0) {
        *error = Cli::tr("--%1 needs a size such as 4MiB, 512k or 1000, got '%2'")
                     .arg(name, p.value(name));
        return false;
    }
    return true;
}

bool readDelimiter(const QString &text, char *out, QString *error) {
    if (text == QLatin1String("tab") || text == QLatin1String("\\t") ||
        text == QLatin1String("\t")) {
        *out = '\t';
        return true;
    }
    if (text.size() == 1 && text[0].unicode() < 128 && text[0] != QLatin1Char('"') &&
        text[0] != QLatin1Char('\n') && text[0] != QLatin1Char('\r')) {
        *out = char(text[0].unicode());
        return true;
    }
    *error = Cli::tr("--delimiter needs one ASCII character (or 'tab'), got '%1'").arg(text);
    return false;
}

bool readPartition(const OptionParser &p, CliSettings *s, QString *error, const QStringList &skip) {
    if (p.isSet(QStringLiteral("chunk-rows")) && p.isSet(QStringLiteral("chunk-bytes"))) {
        *error = Cli::tr("--chunk-rows and --chunk-bytes exclude each other");
        return false;
    }
    if (p.isSet(QStringLiteral("chunk-rows")) && !skip.contains(QStringLiteral("chunk-rows"))) {
        s->partition.unit = PartitionSpec::Unit::Rows;
        if (!parseIntOption(p, QStringLiteral("chunk-rows"), 1, &s->partition.size, error))
            return false;
    }
    if (p.isSet(QStringLiteral("chunk-bytes")) && !skip.contains(QStringLiteral("chunk-bytes"))) {
        s->partition.unit = PartitionSpec::Unit::Bytes;
        if (!readSize(p, QStringLiteral("chunk-bytes"), &s->partition.size, error)) return false;
    }
    if (p.isSet(QStringLiteral("partition")) &&
        !partitionStrategyFromName(p.value(QStringLiteral("partition")), &s->partition.strategy)) {
        *error = Cli::tr("--partition must be fixed, guided or auto, got '%1'")
                     .arg(p.value(QStringLiteral("partition")));
        return false;
    }
    return true;
}

bool readSchedule(const OptionParser &p, CliSettings *s, QString *error, const QStringList &skip) {
    std::int64_t v = 0;
    if (p.isSet(QStringLiteral("workers")) && !skip.contains(QStringLiteral("workers"))) {
        if (!parseIntOption(p, QStringLiteral("workers"), 1, &v, error)) return false;
        s->run.workers = int(v);
    }
    if (p.isSet(QStringLiteral("policy")) && !skip.contains(QStringLiteral("policy")) &&
        !schedulePolicyFromName(p.value(QStringLiteral("policy")), &s->run.policy)) {
        *error = Cli::tr("--policy must be fifo, priority, shortest, longest or fair, got '%1'")
                     .arg(p.value(QStringLiteral("policy")));
        return false;
    }
    if (p.isSet(QStringLiteral("priority"))) {
        if (!parseIntOption(p, QStringLiteral("priority"), -1000000, &v, error)) return false;
        s->priority = int(v);
    }
    if (p.isSet(QStringLiteral("memory-budget")) &&
        !readSize(p, QStringLiteral("memory-budget"), &s->run.memoryBudget, error))
        return false;
    if (p.isSet(QStringLiteral("retries"))) {
        if (!parseIntOption(p, QStringLiteral("retries"), 0, &v, error)) return false;
        s->run.retries = int(v);
    }
    if (p.isSet(QStringLiteral("task-timeout"))) {
        if (!parseIntOption(p, QStringLiteral("task-timeout"), 1, &v, error)) return false;
        s->run.taskTimeoutMs = int(v);
    }
    return true;
}

bool readInput(const OptionParser &p, CliSettings *s, QString *error) {
    if (p.isSet(QStringLiteral("format"))) {
        const QString f = p.value(QStringLiteral("format"));
        if (!sourceFormatFromName(f, &s->source.format)) {
            *error = Cli::tr("--format must be auto, csv, tsv, jsonl or sqlite, got '%1'").arg(f);
            return false;
        }
    }
    if (p.isSet(QStringLiteral("delimiter")) &&
        !readDelimiter(p.value(QStringLiteral("delimiter")), &s->source.delimiter, error))
        return false;
    if (p.isSet(QStringLiteral("no-header"))) s->source.header = SourceOptions::Header::No;
    if (p.isSet(QStringLiteral("null-values")))
        s->source.nullValues = p.value(QStringLiteral("null-values")).split(QLatin1Char(','));
    s->source.allStrings = p.isSet(QStringLiteral("all-strings"));
    if (p.isSet(QStringLiteral("table")) && p.isSet(QStringLiteral("query"))) {
        *error = Cli::tr("--table and --query exclude each other");
        return false;
    }
    s->source.sqliteTable = p.value(QStringLiteral("table"));
    s->source.sqliteQuery = p.value(QStringLiteral("query"));
    return true;
}

bool readBadRecords(const OptionParser &p, CliSettings *s, QString *error) {
    if (p.isSet(QStringLiteral("on-bad-row"))) {
        const QString mode = p.value(QStringLiteral("on-bad-row"));
        if (mode == QLatin1String("skip")) {
            s->rejectPolicy.mode = RejectPolicy::Mode::Skip;
        } else if (mode == QLatin1String("fail")) {
            s->rejectPolicy.mode = RejectPolicy::Mode::Fail;
        } else {
            *error = Cli::tr("--on-bad-row must be skip or fail, got '%1'").arg(mode);
            return false;
        }
    }
    if (p.isSet(QStringLiteral("max-bad-rows"))) {
        if (s->rejectPolicy.mode == RejectPolicy::Mode::Fail) {
            *error = Cli::tr("--max-bad-rows and --on-bad-row fail exclude each other");
            return false;
        }
        s->rejectPolicy.mode = RejectPolicy::Mode::Max;
        if (!parseIntOption(p, QStringLiteral("max-bad-rows"), 0, &s->rejectPolicy.maxRejects,
                            error))
            return false;
    }
    s->source.rejectPolicy = s->rejectPolicy;
    s->rejectsPath = p.value(QStringLiteral("rejects"));
    return true;
}

bool readOutput(const OptionParser &p, CliSettings *s, QString *error) {
    s->outPath = p.value(QStringLiteral("out"));
    s->timingsPath = p.value(QStringLiteral("timings"));
    s->tracePath = p.value(QStringLiteral("trace"));
    if (p.isSet(QStringLiteral("progress")) && p.isSet(QStringLiteral("no-progress"))) {
        *error = Cli::tr("--progress and --no-progress exclude each other");
        return false;
    }
    s->quiet = p.isSet(QStringLiteral("quiet"));
    if (p.isSet(QStringLiteral("progress"))) s->progress = ProgressMode::On;
    if (p.isSet(QStringLiteral("no-progress")) || s->quiet) s->progress = ProgressMode::Off;
    for (const QString &name : {QStringLiteral("out"), QStringLiteral("timings"),
                                QStringLiteral("trace"), QStringLiteral("rejects")}) {
        if (p.isSet(name) && p.value(name).isEmpty()) {
            *error = Cli::tr("--%1 needs a file name").arg(name);
            return false;
        }
    }
    return true;
}

QStringList splitList(const QString &text) {
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out.append(part.trimmed());
    return out;
}

} // namespace

bool readSettings(const OptionParser &p, CliSettings *settings, QString *error,
                  const QStringList &skip) {
    return readPartition(p, settings, error, skip) && readSchedule(p, settings, error, skip) &&
           readInput(p, settings, error) && readBadRecords(p, settings, error) &&
           readOutput(p, settings, error);
}

bool readAnalysisOptions(const OptionParser &p, const QString &analysis, CliSettings *settings,
                         QString *error) {
    AnalysisOptions &a = settings->analysis;
    if (analysis == QLatin1String("groupby")) {
        a.groupBy = splitList(p.value(QStringLiteral("by")));
        a.aggregates = splitList(p.value(QStringLiteral("agg")));
        if (a.aggregates.isEmpty()) a.aggregates = {QStringLiteral("count")};
        if (a.groupBy.isEmpty()) {
            *error = Cli::tr("groupby needs --by COL[,COL...]");
            return false;
        }
    } else if (analysis == QLatin1String("filter")) {
        a.where = p.value(QStringLiteral("where"));
        if (a.where.trimmed().isEmpty()) {
            *error = Cli::tr("filter needs --where EXPR");
            return false;
        }
    } else if (analysis == QLatin1String("wordcount")) {
        a.column = p.value(QStringLiteral("column"));
        if (p.isSet(QStringLiteral("top"))) {
            std::int64_t top = 0;
            if (!parseIntOption(p, QStringLiteral("top"), 1, &top, error)) return false;
            a.top = int(qMin<std::int64_t>(top, 1 << 30));
        }
    } else if (analysis == QLatin1String("synthetic")) {
        SyntheticOptions &s = a.synthetic;
        std::int64_t v = 0;
        if (p.isSet(QStringLiteral("tasks"))) {
            if (!parseIntOption(p, QStringLiteral("tasks"), 1, &v, error)) return false;
            s.tasks = v;
        }
        if (p.isSet(QStringLiteral("duration"))) {
            static const QStringList dists{
                QStringLiteral("constant"),    QStringLiteral("uniform"),
                QStringLiteral("exponential"), QStringLiteral("lognormal"),
                QStringLiteral("bimodal"),     QStringLiteral("heavytail")};
            s.duration = p.value(QStringLiteral("duration"));
            if (!dists.contains(s.duration)) {
                *error = Cli::tr("--duration must be one of %1, got '%2'")
                             .arg(dists.join(QLatin1Char('|')), s.duration);
                return false;
            }
        }
        if (p.isSet(QStringLiteral("mean-ms")) &&
            !parseDoubleOption(p, QStringLiteral("mean-ms"), 0, 3.6e6, &s.meanMs, error))
            return false;
        s.cpuBound = !p.isSet(QStringLiteral("sleep"));
        if (p.isSet(QStringLiteral("task-memory")) &&
            !readSize(p, QStringLiteral("task-memory"), &s.memoryPerTask, error))
            return false;
        if (p.isSet(QStringLiteral("fail-rate")) &&
            !parseDoubleOption(p, QStringLiteral("fail-rate"), 0, 1, &s.failRate, error))
            return false;
        if (p.isSet(QStringLiteral("seed"))) {
            bool ok = false;
            s.seed = p.value(QStringLiteral("seed")).trimmed().toULongLong(&ok);
            if (!ok) {
                *error = Cli::tr("--seed needs a non-negative integer, got '%1'")
                             .arg(p.value(QStringLiteral("seed")));
                return false;
            }
        }
    }
    if (analysis == QLatin1String("filter") || analysis == QLatin1String("convert")) {
        a.outputPath = settings->outPath;
        // Row writers mirror how the input was read: exact texts, and arrays without a header.
        a.allStrings = settings->source.allStrings;
        a.headerless = settings->source.header == SourceOptions::Header::No;
    }
    return true;
}

} // namespace sf::cli
