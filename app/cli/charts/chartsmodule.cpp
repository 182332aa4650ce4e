// superflow-cli-charts: loaded by superflow-cli for `sweep --plot` only (see chartsmodule.h).
#include "chartsmodule.h"
#include "sweepcharts.h"
#include <QApplication>

extern "C" Q_DECL_EXPORT QCoreApplication *sf_cli_charts_app(int *argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    return new QApplication(*argc, argv);
}

extern "C" Q_DECL_EXPORT bool sf_cli_charts_plot(const sf::SweepResult &result,
                                                 sf::SchedulePolicy policy, const QString &path,
                                                 int width, int height, QString *error)
{
    sf::ui::SweepCharts charts;
    charts.resize(width, height);
    charts.setResult(result, policy);
    return charts.save(path, width, height, error);
}

// The module's functions must match the types superflow-cli calls them through.
static_assert(std::is_same_v<decltype(&sf_cli_charts_app), sf::cli::charts::CreateApp>);
static_assert(std::is_same_v<decltype(&sf_cli_charts_plot), sf::cli::charts::Plot>);
