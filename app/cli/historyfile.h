#pragma once
// Where superflow-cli keeps its runs — the workbench's history file: $SUPERFLOW_HISTORY if
// set, else the path chosen in the workbench's preferences, else history.sqlite in the user's
// data directory — and saving a finished run there. A history problem is a warning on stderr,
// never a failed run.
#include "clioptions.h"
#include "jobrunner.h"

namespace sf::cli {

struct HistoryLocation {
    QString path;
    int maxRuns = 1000; // the workbench's "keep at most" preference
};
HistoryLocation historyLocation();

// Saves the run (parameters, dataset fingerprint, totals, task timings) and prunes to
// maxRuns; prints what went wrong or what was recovered as a note.
void saveToHistory(const RunReport &report, const CliSettings &settings, const QString &analysis,
                   const QString &datasetPath);

} // namespace sf::cli
