// `sweep --analysis A DATASET`: runs the analysis over a grid of chunk sizes × worker counts ×
// policies, R times each (on the engine's SweepRunner, as the workbench's Sweep page does),
// prints the table and the recommendation, and reports why the other settings lose.
#include "analysis/analysisregistry.h"
#include "cliio.h"
#include "clioptions.h"
#include "clitext.h"
#include "commands.h"
#include "export/atomicwrite.h"
#include "interruptguard.h"
#include "progressline.h"
#include "sweepplot.h"
#include "sweeptable.h"
#include "tuning/sweeprunner.h"
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSize>
#include <QThread>

namespace sf::cli {

namespace {

QList<OptionDef> sweepOptions() {
    const QString g = Cli::tr("sweep");
    QList<OptionDef> defs{{QStringLiteral("analysis"), QStringLiteral("NAME"),
                           QStringLiteral("profile|groupby|filter|wordcount|convert|synthetic"), g},
                          {QStringLiteral("repeat"), QStringLiteral("R"),
                           Cli::tr("runs per setting; the table shows their median (default 3)"),
                           g},
                          {QStringLiteral("sample"), QStringLiteral("first:N|stratified:N"),
                           Cli::tr("time the settings on N chunks of the largest size: the first "
                                   "N, or N spread evenly over the dataset"),
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
    defs.append({QStringLiteral("json"), QStringLiteral("FILE"),
                 Cli::tr("also write the cells, their diagnostics and the recommendation as JSON"),
                 Cli::tr("output")});
    defs.append({QStringLiteral("plot"), QStringLiteral("FILE.png|.svg|.pdf"),
                 Cli::tr("render the sweep charts (heatmap, speedup, efficiency) of the best "
                         "policy, without a display"),
                 Cli::tr("output")});
    defs.append({QStringLiteral("plot-size"), QStringLiteral("WxH"),
                 Cli::tr("size of the --plot page in pixels or points (default 1200x900)"),
                 Cli::tr("output")});
    return defs;
}

bool parsePlotSize(const QString &text, QSize *size) {
    const QStringList parts = text.toLower().split(QLatin1Char('x'));
    if (parts.size() != 2) return false;
    bool okW = false, okH = false;
    const int w = parts[0].trimmed().toInt(&okW);
    const int h = parts[1].trimmed().toInt(&okH);
    if (!okW || !okH || w < 200 || h < 200 || w > 10000 || h > 10000) return false;
    *size = QSize(w, h);
    return true;
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

    SweepPlan plan;
    plan.chunks = chunks;
    plan.chunkBytes = chunkBytes;
    plan.workers.clear();
    for (std::int64_t w : workers)
        plan.workers.push_back(int(w));
    plan.policies = policies;
    plan.repeats = int(repeat);
    if (parser.isSet(QStringLiteral("sample"))) {
        if (synthetic)
            return usageError(parser, Cli::tr("--sample needs a dataset; synthetic has none"));
        if (!SweepSample::parse(parser.value(QStringLiteral("sample")), &plan.sample, &error))
            return usageError(parser, QStringLiteral("--") + error);
    }
    const QString jsonPath = parser.value(QStringLiteral("json"));
    const QString plotPath = parser.value(QStringLiteral("plot"));
    QSize plotSize(1200, 900);
    if (!plotPath.isEmpty() || parser.isSet(QStringLiteral("plot-size"))) {
        if (plotPath.isEmpty())
            return usageError(parser, Cli::tr("--plot-size needs --plot FILE"));
        const QString suffix = QFileInfo(plotPath).suffix().toLower();
        if (suffix != QLatin1String("png") && suffix != QLatin1String("svg") &&
            suffix != QLatin1String("pdf"))
            return usageError(parser, Cli::tr("--plot must end in .png, .svg or .pdf, got '%1'")
                                          .arg(plotPath));
        if (!sweepPlotter())
            return usageError(parser, Cli::tr("--plot is not available: this superflow-cli was "
                                              "built without the chart library"));
        if (parser.isSet(QStringLiteral("plot-size")) &&
            !parsePlotSize(parser.value(QStringLiteral("plot-size")), &plotSize))
            return usageError(parser,
                              Cli::tr("--plot-size needs WIDTHxHEIGHT between 200 and 10000, "
                                      "got '%1'")
                                  .arg(parser.value(QStringLiteral("plot-size"))));
    }

    InterruptGuard interruptGuard;
    const QString datasetPath = parser.positional().value(0);
    SweepJob job;
    job.name = analysis;
    if (!synthetic) {
        int code = ExitOk;
        job.source = openDataset(datasetPath, settings.source, &code);
        if (!job.source) return code;
    }
    // Checked once here so a bad option is a usage error before the first run.
    {
        std::unique_ptr<Analysis> probe = createAnalysis(analysis, settings.analysis, &error);
        if (!probe) return usageError(parser, error);
        if (!probe->prepare(job.source ? job.source->schema() : Schema{}, &error))
            return fail(ExitUsage, error);
    }
    const Schema schema = job.source ? job.source->schema() : Schema{};
    const AnalysisOptions analysisOptions = settings.analysis;
    job.makeAnalysis = [analysis, analysisOptions,
                        schema](QString *e) -> std::shared_ptr<Analysis> {
        std::unique_ptr<Analysis> a = createAnalysis(analysis, analysisOptions, e);
        if (!a || !a->prepare(schema, e)) return nullptr;
        return std::shared_ptr<Analysis>(std::move(a));
    };
    job.partition = settings.partition;
    job.priority = settings.priority;
    job.rejectPolicy = settings.rejectPolicy;
    job.run = settings.run;

    SweepRunner runner(plan, job);
    if (!runner.prepare(&error)) return usageError(parser, error);
    if (!runner.sampleNote().isEmpty()) printNote(settings.quiet, runner.sampleNote());

    const bool showProgress = settings.progress == ProgressMode::On ||
                              (settings.progress == ProgressMode::Auto && stderrIsTerminal());
    std::unique_ptr<ProgressLine> line;
    RunSummary lastSummary;
    SweepHooks hooks;
    hooks.cancel = InterruptGuard::flag();
    hooks.onPoll = [&](Run &run) {
        // Run::finished is queued to this thread; dispatching keeps the event queue drained.
        QCoreApplication::processEvents();
        if (!line) line = std::make_unique<ProgressLine>(stderr, showProgress, stderrIsTerminal());
        lastSummary = run.summary();
        line->update(lastSummary);
    };
    hooks.onRun = [&](const SweepProgress &p) {
        if (line) line->finish(lastSummary);
        line.reset();
        if (p.cellDone)
            printNote(settings.quiet, Cli::tr("[%1/%2] %3: median %4 ms")
                                          .arg(p.cell)
                                          .arg(p.cells)
                                          .arg(p.setting.describe())
                                          .arg(p.cellMedianMs, 0, 'f', 1));
    };
    const SweepResult result = runner.run(hooks);
    if (line) line->finish(lastSummary);
    line.reset();
    const Recommendation recommendation = Recommendation::from(result);

    // Completed settings are written even after an interruption or failure.
    if (!result.cells.isEmpty()) {
        if (settings.outPath.isEmpty()) {
            printStdout(QString::fromUtf8(sweepCsv(result)));
        } else if (!writeFileAtomically(settings.outPath, sweepCsv(result), &error)) {
            return fail(ExitInput, error);
        }
    }
    if (!jsonPath.isEmpty()) {
        const QJsonObject doc = sweepJson(analysis, datasetPath, plan, result, recommendation);
        if (!writeFileAtomically(jsonPath, QJsonDocument(doc).toJson(QJsonDocument::Indented),
                                 &error))
            return fail(ExitInput, error);
    }
    if (!plotPath.isEmpty() && !result.cells.isEmpty()) {
        const SchedulePolicy policy = recommendation.valid ? recommendation.best.setting.policy
                                                           : result.cells.front().setting.policy;
        if (!sweepPlotter()(result, policy, plotPath, plotSize.width(), plotSize.height(), &error))
            return fail(ExitInput, error);
    }
    if (result.status == SweepResult::Status::Cancelled)
        return fail(ExitInterrupted, Cli::tr("interrupted at setting %1 of %2")
                                         .arg(result.stoppedAt)
                                         .arg(plan.settings().size()));
    if (result.status == SweepResult::Status::Failed) return fail(ExitTaskFailed, result.error);
    if (result.resultsDiffer) printNote(false, Cli::tr("warning: results differ between settings"));
    if (recommendation.valid) {
        // After the table on stdout, the verdict goes to stderr so the CSV stays clean.
        const QString text = recommendation.text();
        if (settings.outPath.isEmpty()) {
            if (!settings.quiet) std::fputs(text.toUtf8().constData(), stderr);
        } else {
            printStdout(text);
        }
    }
    return ExitOk;
}

} // namespace sf::cli
