// The analysis commands: open the dataset, prepare the analysis, run it with a progress line,
// print or write the result, and write timings/trace/rejects even when the run did not finish.
#include "analysis/analysisregistry.h"
#include "cliio.h"
#include "clioptions.h"
#include "clitext.h"
#include "commands.h"
#include "export/exporters.h"
#include "historyfile.h"
#include "interruptguard.h"
#include "jobrunner.h"
#include "resultjson.h"
#include "runfiles.h"
#include <QFileInfo>
#include <cstdio>

namespace sf::cli {

namespace {

OptionParser makeParser(const QString &analysis) {
    const bool synthetic = analysis == QLatin1String("synthetic");
    QList<OptionDef> defs;
    if (analysis == QLatin1String("groupby")) defs += options::groupby();
    if (analysis == QLatin1String("filter")) defs += options::filter();
    if (analysis == QLatin1String("wordcount")) defs += options::wordcount();
    if (synthetic) defs += options::synthetic();
    if (!synthetic) defs += options::partition();
    defs += options::schedule();
    if (!synthetic) defs += options::input() + options::badRecords();
    defs += options::output() + options::history();
    const QString synopsis = synthetic ? QStringLiteral("synthetic [options]")
                                       : analysis + QStringLiteral(" [options] DATASET");
    return OptionParser(analysis, synopsis, defs, synthetic ? 0 : 1, synthetic ? 0 : 1);
}

// Where --out goes and which file types it may be, per analysis.
QString checkOutPath(const QString &analysis, const QString &out) {
    const QString suffix = QFileInfo(out).suffix().toLower();
    const bool rows = analysis == QLatin1String("filter") || analysis == QLatin1String("convert");
    const QStringList allowed =
        rows ? QStringList{QStringLiteral("csv"), QStringLiteral("jsonl"), QStringLiteral("json")}
             : QStringList{QStringLiteral("json"), QStringLiteral("csv")};
    if (allowed.contains(suffix)) return QString();
    return Cli::tr("--out must end in .%1, got '%2'").arg(allowed.join(QStringLiteral(", .")), out);
}

// A run that failed because of rejected records is an input problem (3), not a task one (4).
bool failedOnRejects(const JobOutcome &o, const RejectPolicy &policy) {
    if (o.rejectedRows == 0) return false;
    if (policy.mode == RejectPolicy::Mode::Fail) return true;
    return policy.mode == RejectPolicy::Mode::Max && o.rejectedRows > policy.maxRejects;
}

void noteRejects(const RunReport &report, const CliSettings &settings) {
    const JobOutcome &o = report.outcome;
    if (o.rejectedRows == 0 || settings.quiet) return;
    QString text = Cli::tr("%1 record(s) rejected").arg(o.rejectedRows);
    if (!o.rejects.isEmpty())
        text += Cli::tr(", first at line %1: %2")
                    .arg(o.rejects.first().line)
                    .arg(o.rejects.first().reason);
    if (settings.rejectsPath.isEmpty()) text += Cli::tr(" (--rejects FILE lists them)");
    printNote(false, text);
}

} // namespace

int runAnalysisCommand(const QString &analysis, const QStringList &args) {
    OptionParser parser = makeParser(analysis);
    QString error;
    if (!parser.parse(args, &error)) return usageError(parser, error);
    if (parser.helpRequested()) {
        printStdout(analysisDescription(analysis) + QStringLiteral("\n\n") + parser.usage());
        return ExitOk;
    }
    CliSettings settings;
    if (!readSettings(parser, &settings, &error) ||
        !readAnalysisOptions(parser, analysis, &settings, &error))
        return usageError(parser, error);
    const bool synthetic = analysis == QLatin1String("synthetic");
    if (analysis == QLatin1String("convert") && settings.outPath.isEmpty())
        return usageError(parser, Cli::tr("convert needs --out FILE (.csv, .jsonl or .json)"));
    if (!settings.outPath.isEmpty()) {
        const QString outError = checkOutPath(analysis, settings.outPath);
        if (!outError.isEmpty()) return usageError(parser, outError);
    }

    InterruptGuard interruptGuard;
    std::unique_ptr<Analysis> created = createAnalysis(analysis, settings.analysis, &error);
    if (!created) return usageError(parser, error);
    std::shared_ptr<Analysis> instance(std::move(created));

    const QString datasetPath = synthetic ? QString() : parser.positional().value(0);
    std::shared_ptr<const DataSource> source;
    if (!synthetic) {
        int code = ExitOk;
        source = openDataset(datasetPath, settings.source, &code, settings.run.workers);
        if (!source) return code;
    }
    if (!instance->prepare(source ? source->schema() : Schema{}, &error))
        return fail(ExitUsage, error);

    JobSpec job;
    job.name =
        synthetic ? analysis : analysis + QLatin1Char(' ') + QFileInfo(datasetPath).fileName();
    job.source = source;
    job.analysis = instance;
    job.partition = settings.partition;
    job.priority = settings.priority;
    job.rejectPolicy = settings.rejectPolicy;

    const bool showProgress = settings.progress == ProgressMode::On ||
                              (settings.progress == ProgressMode::Auto && stderrIsTerminal());
    ProgressLine progress(stderr, showProgress, stderrIsTerminal());
    const RunReport report = runJob(std::move(job), settings.run, &progress);
    // Every run is kept, failed and interrupted ones too: they are what tuning compares.
    if (!parser.isSet(QStringLiteral("no-history")))
        saveToHistory(report, settings, analysis, datasetPath);

    // Side files first: they matter most when the run failed or was interrupted.
    int code = ExitOk;
    if (!writeRunFiles(report, settings, datasetPath, &error)) code = fail(ExitInput, error);
    const JobOutcome &o = report.outcome;
    if (report.interrupted && o.status != JobOutcome::Status::Done)
        return fail(ExitInterrupted, Cli::tr("interrupted: %1 of %2 tasks done")
                                         .arg(report.summary.tasksDone)
                                         .arg(report.summary.tasksTotal));
    if (o.status == JobOutcome::Status::Failed) {
        if (failedOnRejects(o, settings.rejectPolicy)) {
            noteRejects(report, settings);
            return fail(ExitInput, o.error);
        }
        return fail(ExitTaskFailed, Cli::tr("%1 task(s) failed after %2 retries: %3")
                                        .arg(o.failedTasks)
                                        .arg(settings.run.retries)
                                        .arg(o.error));
    }
    if (o.status != JobOutcome::Status::Done)
        return fail(ExitTaskFailed, Cli::tr("run ended without a result (%1)").arg(o.error));

    noteRejects(report, settings);
    const QJsonObject doc =
        composeResultJson(analysis, datasetPath, report, settings.run, settings.partition);
    const bool rowsToOut =
        analysis == QLatin1String("filter") || analysis == QLatin1String("convert");
    if (!settings.outPath.isEmpty() && !rowsToOut) {
        if (!exportResult(doc, o.result, settings.outPath, &error))
            return fail(ExitInput, error);
    } else {
        printJson(doc, o.result);
    }
    return code;
}

} // namespace sf::cli
