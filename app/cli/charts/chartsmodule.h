#pragma once
// The interface of superflow-cli-charts, the module `sweep --plot` loads: the workbench's sweep
// charts drag in Qt's whole GUI stack (Widgets, Gui, QCustomPlot, Svg, PrintSupport: 53 shared
// libraries against ~20), which every other command would otherwise load at start-up for
// nothing (~30 ms of the dynamic loader and page faults per run on the 2-core guests).
#include "schedule/schedulepolicy.h"
#include "tuning/sweepresult.h"
#include <QString>

class QCoreApplication;

namespace sf::cli::charts {

// The module's file name, and the exported functions.
inline constexpr char kModuleFile[] = "superflow-cli-charts.so";
inline constexpr char kCreateAppSymbol[] = "sf_cli_charts_app";
inline constexpr char kPlotSymbol[] = "sf_cli_charts_plot";

// A QApplication on the offscreen platform (unless QT_QPA_PLATFORM says otherwise). `argc`
// must outlive it.
using CreateApp = QCoreApplication *(*)(int *argc, char **argv);
// Renders the sweep's charts into `path` (.png, .svg, .pdf).
using Plot = bool (*)(const SweepResult &result, SchedulePolicy policy, const QString &path,
                      int width, int height, QString *error);

} // namespace sf::cli::charts
