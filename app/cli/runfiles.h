#pragma once
// Writes the side files of a run (--timings, --trace, --rejects), also after a failed or
// interrupted run, so what was gathered is never lost.
#include "clioptions.h"
#include "jobrunner.h"

namespace sf::cli {

// Writes every file requested in `settings`; false with `error` naming the first that failed.
bool writeRunFiles(const RunReport &report, const CliSettings &settings, const QString &sourcePath,
                   QString *error);

} // namespace sf::cli
