#include "historyfile.h"
#include "cliio.h"
#include "clitext.h"
#include "history/runhistory.h"
#include <QFileInfo>
#include <QSettings>

namespace sf::cli {

HistoryLocation historyLocation() {
    HistoryLocation where;
    // The workbench's preferences (ui/settings.cpp: organisation and application "Superflow").
    const QSettings gui(QStringLiteral("Superflow"), QStringLiteral("Superflow"));
    bool ok = false;
    const int maxRuns = gui.value(QStringLiteral("history/maxRuns")).toInt(&ok);
    if (ok && maxRuns > 0) where.maxRuns = maxRuns;
    where.path = QString::fromLocal8Bit(qgetenv("SUPERFLOW_HISTORY"));
    if (where.path.isEmpty()) where.path = gui.value(QStringLiteral("history/path")).toString();
    if (where.path.isEmpty()) where.path = defaultHistoryPath();
    return where;
}

void saveToHistory(const RunReport &report, const CliSettings &settings, const QString &analysis,
                   const QString &datasetPath) {
    StoredRun run;
    run.startedAt = QDateTime::currentDateTimeUtc().addMSecs(-qint64(report.wallMs));
    RunParams &p = run.params;
    p.origin = QStringLiteral("cli");
    p.analysis = analysis;
    p.jobName = report.jobName;
    if (!datasetPath.isEmpty()) {
        p.datasetPath = QFileInfo(datasetPath).absoluteFilePath();
        p.fingerprint = DatasetFingerprint::of(datasetPath);
    }
    p.partition = settings.partition;
    p.workers = report.workers;
    p.policy = settings.run.policy;
    p.priority = settings.priority;
    p.memoryBudget = settings.run.memoryBudget;
    run.totals = runTotals(report.outcome, report.summary, report.wallMs);
    run.tasks = report.records;

    const HistoryLocation where = historyLocation();
    RunHistory history;
    QString error;
    const bool saved = history.open(where.path, &error) && history.saveRun(&run, &error);
    const QString notice = history.takeNotice();
    if (!notice.isEmpty()) printNote(false, Cli::tr("warning: %1").arg(notice));
    if (!saved)
        printNote(false, Cli::tr("warning: the run was not saved to the history: %1").arg(error));
    else if (!history.prune(where.maxRuns, &error))
        printNote(false,
                  Cli::tr("warning: old runs were not removed from the history: %1").arg(error));
}

} // namespace sf::cli
