// superflow-cli entry point: a QCoreApplication, no display needed. Only `sweep --plot` makes
// it a QApplication, on the offscreen platform, to render the workbench's sweep charts: those
// come from the superflow-cli-charts module, loaded for --plot alone (charts/chartsmodule.h).
#include "clicommand.h"
#include "core/allocator.h"
#include "sweepplot.h"
#include "translations.h"
#include <QCoreApplication>
#include <memory>
#ifdef SF_CLI_CHARTS_RELDIR
#include "charts/chartsmodule.h"
#include <QFileInfo>
#include <QLibrary>
#include <cstdio>

namespace {
// The module beside the executable (build tree), else where the install put it; it stays
// loaded for the life of the process. Null, with the loader's reason on stderr, when neither
// loads (--plot then says it is not available).
QLibrary *loadCharts()
{
    static QLibrary lib;
    const QString bin = QFileInfo(QFileInfo(QStringLiteral("/proc/self/exe")).symLinkTarget()).path();
    const QString file = QString::fromLatin1(sf::cli::charts::kModuleFile);
    for (const QString &dir : {bin, QString(bin + QStringLiteral("/" SF_CLI_CHARTS_RELDIR))}) {
        lib.setFileName(dir + QLatin1Char('/') + file);
        if (lib.load()) return &lib;
    }
    std::fprintf(stderr, "superflow-cli: %s\n", qPrintable(lib.errorString()));
    return nullptr;
}
} // namespace
#endif

int main(int argc, char *argv[]) {
    sf::tuneAllocator();
    std::unique_ptr<QCoreApplication> app;
#ifdef SF_CLI_CHARTS_RELDIR
    if (sf::cli::argumentsWantPlot(argc, argv)) {
        // Without the module --plot says it is not available, as in engine-only builds.
        if (QLibrary *charts = loadCharts()) {
            auto create = reinterpret_cast<sf::cli::charts::CreateApp>(
                charts->resolve(sf::cli::charts::kCreateAppSymbol));
            auto plot = reinterpret_cast<sf::cli::charts::Plot>(
                charts->resolve(sf::cli::charts::kPlotSymbol));
            if (create && plot) {
                app.reset(create(&argc, argv));
                sf::cli::setSweepPlotter(plot);
            }
        }
    }
#endif
    if (!app) app = std::make_unique<QCoreApplication>(argc, argv);
    // Messages follow the system locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), like other
    // command-line tools; JSON and CSV output is the same in every language.
    sf::i18n::Translations::install(app.get(), QString(), false);
    return sf::cli::runCli(app->arguments());
}
