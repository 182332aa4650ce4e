#pragma once
// `sweep --plot FILE`: the sweep's charts, rendered without a display. The charts are the
// workbench's own (ui/sweepcharts.h), so the CLI library stays engine-only: the superflow-cli
// executable registers a plotter when it is built with the widget library, and --plot says
// so clearly when it is not.
#include "schedule/schedulepolicy.h"
#include "tuning/sweepresult.h"
#include <QString>
#include <functional>

namespace sf::cli {

using SweepPlotter =
    std::function<bool(const SweepResult &result, SchedulePolicy policy, const QString &path,
                       int width, int height, QString *error)>;

void setSweepPlotter(SweepPlotter plotter);
const SweepPlotter &sweepPlotter(); // empty when this build has no charts

// True when the command line asks for a plot (so main() creates a QApplication).
bool argumentsWantPlot(int argc, char **argv);

} // namespace sf::cli
