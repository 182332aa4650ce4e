// `sweep --analysis A DATASET`: runs the analysis over a grid of chunk sizes × worker counts ×
// policies, R times each, and reports which setting is fastest and how well it scales.
#include "analysis/analysisregistry.h"
#include "cliio.h"
#include "clioptions.h"
#include "clitext.h"
#include "commands.h"
#include "export/atomicwrite.h"
#include "interruptguard.h"
#include "jobrunner.h"
#include "sweeptable.h"
#include <QFileInfo>
#include <QJsonDocument>
#include <QThread>

namespace sf::cli {

namespace {

QList<OptionDef> sweepOptions() {
    const QString g = Cli::tr("sweep");
    QList<OptionDef> defs{{QStringLiteral("analysis"), QStringLiteral("NAME"),
                           QStringLiteral("profile|groupby|filter|wordcount|convert|synthetic"), g},
                          {QStringLiteral("repeat"), QStringLiteral("R"),
                           Cli::tr("runs per setting; the table shows their median (default 3)"),
                           g}};
    defs += options::groupby() + options::filter() + options::wordcount() + options::synthetic();
    QList<OptionDef> grid = options::partition() + options::schedule();
    for (OptionDef &d : grid) {
        if (d.name == QLatin1String("chunk-rows"))
            d = {d.name, QStringLiteral("N[,N...]"), Cli::tr("chunk sizes in records"), d.group};
        if (d.name == QLatin1String("chunk-bytes"))
            d = {d.name, QStringLiteral("SIZE[,SIZE...]"), Cli::tr("chunk sizes in bytes"),
                 d.group};
        if (d.name == QLatin1String("workers"))
            d = {d.name, QStringLiteral("N[,N...]"),
                 Cli::tr("worker counts (default 1,2,4... up to the cores)"), d.group};
        if (d.name == QLatin1String("policy"))
            d = {d.name, QStringLiteral("P[,P...]"), Cli::tr("policies (default fifo)"), d.group};
    }
    defs += grid + options::input();
    for (const OptionDef &d : options::badRecords())
        if (d.name != QLatin1String("rejects")) defs.append(d);
    for (const OptionDef &d : options::output()) {
        if (d.name == QLatin1String("out"))
            defs.append({d.name, QStringLiteral("FILE.csv"),
                         Cli::tr("the sweep table (default: stdout)"), d.group});
        else if (d.name != QLatin1String("timings") && d.name != QLatin1String("trace"))
            defs.append(d);
    }
    return defs;
}

bool parseList(const OptionParser &p, const QString &name, bool sizes,
               std::vector<std::int64_t> *out, QString *error) {
    out->clear();
    for (const QString &part : p.value(name).split(QLatin1Char(','))) {
        std::int64_t v = 0;
        bool ok = false;
        if (sizes) {
            ok = parseByteSize(part.trimmed(), &v);
        } else {
            v = part.trimmed().toLongLong(&ok);
        }
        if (!ok || v <= 0) {
            *error = Cli::tr("--%1 needs a comma-separated list of positive %2, got '%3'")
                         .arg(name, sizes ? Cli::tr("sizes") : Cli::tr("integers"), p.value(name));
            return false;
        }
        if (std::find(out->begin(), out->end(), v) == out->end()) out->push_back(v);
    }
    return true;
}

std::vector<std::int64_t> defaultWorkers() {
    std::vector<std::int64_t> w{1};
    const int cores = QThread::idealThreadCount();
    for (int n = 2; n < cores; n *= 2)
        w.push_back(n);
    if (cores > 1) w.push_back(cores);
    return w;
}

} // namespace

int runSweepCommand(const QStringList &args) {
    OptionParser parser(QStringLiteral("sweep"),
                        QStringLiteral("sweep --analysis ANALYSIS [options] DATASET"),
                        sweepOptions(), 0, 1);
    QString error;
    if (!parser.parse(args, &error)) return usageError(parser, error);
    if (parser.helpRequested()) {
        printStdout(
            Cli::tr("Runs an analysis over a grid of chunk sizes, worker counts and policies.") +
            QStringLiteral("\n\n") + parser.usage());
        return ExitOk;
    }
    const QString analysis = parser.value(QStringLiteral("analysis"));
    if (!analysisNames().contains(analysis))
        return usageError(parser, analysis.isEmpty()
                                      ? Cli::tr("sweep needs --analysis NAME")
                                      : Cli::tr("unknown analysis '%1'").arg(analysis));
    const bool synthetic = analysis == QLatin1String("synthetic");
    if (!synthetic && parser.positional().isEmpty())
        return usageError(parser, Cli::tr("missing DATASET argument"));
    if (synthetic && !parser.positional().isEmpty())
        return usageError(parser, Cli::tr("synthetic takes no DATASET"));

    CliSettings settings;
    const QStringList grid{QStringLiteral("chunk-rows"), QStringLiteral("chunk-bytes"),
                           QStringLiteral("workers"), QStringLiteral("policy")};
    if (!readSettings(parser, &settings, &error, grid) ||
        !readAnalysisOptions(parser, analysis, &settings, &error))
        return usageError(parser, error);
    settings.analysis.outputPath.clear(); // the sweep measures; it never writes rows
    if (!settings.outPath.isEmpty() &&
        QFileInfo(settings.outPath).suffix().toLower() != QLatin1String("csv"))
        return usageError(parser,
                          Cli::tr("--out must end in .csv, got '%1'").arg(settings.outPath));

    std::vector<std::int64_t> chunks{synthetic ? 0 : settings.partition.size};
    const bool chunkBytes = parser.isSet(QStringLiteral("chunk-bytes"));
    if (!synthetic && parser.isSet(QStringLiteral("chunk-rows")) &&
        !parseList(parser, QStringLiteral("chunk-rows"), false, &chunks, &error))
        return usageError(parser, error);
    if (!synthetic && chunkBytes &&
        !parseList(parser, QStringLiteral("chunk-bytes"), true, &chunks, &error))
        return usageError(parser, error);
    std::vector<std::int64_t> workers = defaultWorkers();
    if (parser.isSet(QStringLiteral("workers")) &&
        !parseList(parser, QStringLiteral("workers"), false, &workers, &error))
        return usageError(parser, error);
    QList<SchedulePolicy> policies{SchedulePolicy::Fifo};
    if (parser.isSet(QStringLiteral("policy"))) {
        policies.clear();
        for (const QString &name : parser.value(QStringLiteral("policy")).split(QLatin1Char(','))) {
            SchedulePolicy p;
            if (!schedulePolicyFromName(name.trimmed(), &p))
                return usageError(parser, Cli::tr("--policy: unknown policy '%1'").arg(name));
            if (!policies.contains(p)) policies.append(p);
        }
    }
    std::int64_t repeat = 3;
    if (parser.isSet(QStringLiteral("repeat")) &&
        !parseIntOption(parser, QStringLiteral("repeat"), 1, &repeat, &error))
        return usageError(parser, error);

    InterruptGuard interruptGuard;
    const QString datasetPath = parser.positional().value(0);
    std::shared_ptr<const DataSource> source;
    if (!synthetic) {
        int code = ExitOk;
        source = openDataset(datasetPath, settings.source, &code);
        if (!source) return code;
    }

    const bool showProgress = settings.progress == ProgressMode::On ||
                              (settings.progress == ProgressMode::Auto && stderrIsTerminal());
    const qsizetype total = qsizetype(chunks.size() * workers.size()) * policies.size();
    SweepTable table;
    QByteArray firstResult;
    bool resultsDiffer = false;
    int code = ExitOk;
    qsizetype index = 0;
    for (std::int64_t chunk : chunks) {
        for (SchedulePolicy policy : policies) {
            for (std::int64_t w : workers) {
                SweepSetting setting{chunk, chunkBytes, int(w), policy};
                ++index;
                std::vector<double> walls;
                std::int64_t rows = 0;
                for (std::int64_t r = 0; r < repeat && code == ExitOk; ++r) {
                    // A fresh analysis per run: analyses keep per-run state between finalize calls.
                    std::unique_ptr<Analysis> created =
                        createAnalysis(analysis, settings.analysis, &error);
                    if (!created) return usageError(parser, error);
                    std::shared_ptr<Analysis> instance(std::move(created));
                    if (!instance->prepare(source ? source->schema() : Schema{}, &error))
                        return fail(ExitUsage, error);
                    JobSpec job;
                    job.name = analysis;
                    job.source = source;
                    job.analysis = instance;
                    job.partition = settings.partition;
                    if (chunk > 0) {
                        job.partition.size = chunk;
                        job.partition.unit =
                            chunkBytes ? PartitionSpec::Unit::Bytes : PartitionSpec::Unit::Rows;
                    }
                    job.priority = settings.priority;
                    job.rejectPolicy = settings.rejectPolicy;
                    RunOptions options = settings.run;
                    options.workers = int(w);
                    options.policy = policy;
                    ProgressLine progress(stderr, showProgress, stderrIsTerminal());
                    const RunReport report = runJob(std::move(job), options, &progress);
                    if (report.interrupted) {
                        code =
                            fail(ExitInterrupted,
                                 Cli::tr("interrupted at setting %1 of %2").arg(index).arg(total));
                    } else if (report.outcome.status != JobOutcome::Status::Done) {
                        code = fail(ExitTaskFailed, QStringLiteral("%1: %2").arg(
                                                        setting.describe(), report.outcome.error));
                    } else {
                        walls.push_back(report.wallMs);
                        rows = report.outcome.rows;
                        const QByteArray result = QJsonDocument(report.outcome.result.json)
                                                      .toJson(QJsonDocument::Compact);
                        if (firstResult.isEmpty())
                            firstResult = result;
                        else if (result != firstResult)
                            resultsDiffer = true;
                    }
                }
                if (walls.empty()) break;
                table.add(setting, walls, rows, source ? source->byteSize() : 0);
                printNote(settings.quiet, Cli::tr("[%1/%2] %3: median %4 ms")
                                              .arg(index)
                                              .arg(total)
                                              .arg(setting.describe())
                                              .arg(SweepTable::median(walls), 0, 'f', 1));
                if (code != ExitOk) break;
            }
            if (code != ExitOk) break;
        }
        if (code != ExitOk) break;
    }
    table.compute();
    // Completed settings are written even after an interruption or failure.
    if (!table.rows().isEmpty()) {
        if (settings.outPath.isEmpty()) {
            printStdout(QString::fromUtf8(table.toCsv()));
        } else if (!writeFileAtomically(settings.outPath, table.toCsv(), &error)) {
            return fail(ExitInput, error);
        }
    }
    if (code != ExitOk) return code;
    if (resultsDiffer) printNote(false, Cli::tr("warning: results differ between settings"));
    if (const SweepRow *best = table.best()) {
        const QString line = Cli::tr("best: %1, median %2 ms, speedup %3 over %4 worker(s)\n")
                                 .arg(best->setting.describe())
                                 .arg(best->medianMs, 0, 'f', 1)
                                 .arg(best->speedup, 0, 'f', 2)
                                 .arg(best->baselineWorkers);
        if (settings.outPath.isEmpty()) {
            if (!settings.quiet) std::fputs(line.toUtf8().constData(), stderr);
        } else {
            printStdout(line);
        }
    }
    return ExitOk;
}

} // namespace sf::cli
