#include "runfiles.h"
#include "export/exporters.h"

namespace sf::cli {

bool writeRunFiles(const RunReport &report, const CliSettings &settings, const QString &sourcePath,
                   QString *error) {
    bool ok = true;
    QString first;
    auto note = [&](bool written, const QString &message) {
        if (!written && ok) {
            ok = false;
            first = message;
        }
    };
    QString e;
    const QStringList jobNames{report.jobName};
    if (!settings.timingsPath.isEmpty())
        note(exportTimingsCsv(report.records, jobNames, settings.timingsPath, &e), e);
    if (!settings.tracePath.isEmpty())
        note(exportChromeTrace(report.records, report.summary, jobNames,
                               QStringLiteral("superflow-cli ") + report.jobName,
                               settings.tracePath, &e),
             e);
    if (!settings.rejectsPath.isEmpty())
        note(exportRejectsCsv(report.outcome.rejects, sourcePath, settings.rejectsPath, &e), e);
    if (!ok && error) *error = first;
    return ok;
}

} // namespace sf::cli
