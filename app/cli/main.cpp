// superflow-cli entry point: a QCoreApplication, no display needed. Only `sweep --plot` makes
// it a QApplication, on the offscreen platform, to render the workbench's sweep charts.
#include "clicommand.h"
#include "sweepplot.h"
#include "translations.h"
#include <QCoreApplication>
#include <memory>
#ifdef SF_CLI_CHARTS
#include "sweepcharts.h"
#include <QApplication>
#endif

int main(int argc, char *argv[]) {
    std::unique_ptr<QCoreApplication> app;
#ifdef SF_CLI_CHARTS
    if (sf::cli::argumentsWantPlot(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QApplication>(argc, argv);
        sf::cli::setSweepPlotter([](const sf::SweepResult &result, sf::SchedulePolicy policy,
                                    const QString &path, int width, int height, QString *error) {
            sf::ui::SweepCharts charts;
            charts.resize(width, height);
            charts.setResult(result, policy);
            return charts.save(path, width, height, error);
        });
    }
#endif
    if (!app) app = std::make_unique<QCoreApplication>(argc, argv);
    // Messages follow the system locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), like other
    // command-line tools; JSON and CSV output is the same in every language.
    sf::i18n::Translations::install(app.get(), QString(), false);
    return sf::cli::runCli(app->arguments());
}
