// superflow entry point: the Widgets workbench. Parses the command line, then hands the
// dataset and run settings to the main window.
#include "core/allocator.h"
#include "mainwindow.h"
#include "partition/partitionspec.h"
#include "runsetuppage.h"
#include "schedule/schedulepolicy.h"
#include "settings.h"
#include "superflow/version.h"
#include "theme.h"
#include "translations.h"
#include "workbenchicon.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QThread>
#include <cstdio>

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "superflow: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    sf::tuneAllocator();
    // The resources live in the static superflow_ui library: make sure the linker keeps them.
    Q_INIT_RESOURCE(resources);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Superflow"));
    QApplication::setApplicationName(QStringLiteral("Superflow"));
    QApplication::setApplicationVersion(QStringLiteral(SUPERFLOW_VERSION));
    QApplication::setWindowIcon(sf::ui::applicationIcon());
    // Language (read once, so a change in the settings dialog applies on restart) and theme
    // before the first widget exists.
    sf::i18n::Translations::install(&app, sf::ui::Settings::language(), true);
    sf::ui::applyTheme(sf::ui::Settings::theme());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Workbench for partitioned, parallel data analysis."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("dataset"),
        QCoreApplication::translate(
            "main", "Dataset to open (CSV, TSV, JSON Lines, JSON, SQLite; gzip/zstd)."),
        QStringLiteral("[DATASET]"));
    const QCommandLineOption analysis(
        QStringLiteral("analysis"),
        QCoreApplication::translate(
            "main", "Analysis to select: profile, groupby, filter, wordcount, convert, synthetic."),
        QStringLiteral("A"));
    const QCommandLineOption chunkRows(QStringLiteral("chunk-rows"),
                                       QCoreApplication::translate("main", "Chunk size in rows."),
                                       QStringLiteral("N"));
    const QCommandLineOption chunkBytes(
        QStringLiteral("chunk-bytes"),
        QCoreApplication::translate("main", "Chunk size in bytes, e.g. 4MiB."),
        QStringLiteral("SIZE"));
    const QCommandLineOption workers(
        QStringLiteral("workers"),
        QCoreApplication::translate("main", "Worker threads (1 … 4 × cores)."),
        QStringLiteral("N"));
    const QCommandLineOption policy(
        QStringLiteral("policy"),
        QCoreApplication::translate("main",
                                    "Scheduling policy: fifo, priority, shortest, longest, fair."),
        QStringLiteral("P"));
    const QCommandLineOption run(
        QStringLiteral("run"),
        QCoreApplication::translate("main", "Start the run as soon as the dataset is open."));
    parser.addOptions({analysis, chunkRows, chunkBytes, workers, policy, run});
    parser.process(app);

    if (parser.positionalArguments().size() > 1)
        return fail(QCoreApplication::translate("main", "expected at most one DATASET, got %1")
                        .arg(parser.positionalArguments().size()));
    if (parser.isSet(chunkRows) && parser.isSet(chunkBytes))
        return fail(QCoreApplication::translate(
            "main", "--chunk-rows and --chunk-bytes exclude each other"));

    sf::ui::MainWindow window;
    sf::ui::RunSetupPage *setup = window.runSetupPage();
    if (parser.isSet(analysis) && !setup->setAnalysis(parser.value(analysis)))
        return fail(QCoreApplication::translate("main", "unknown analysis \"%1\"")
                        .arg(parser.value(analysis)));
    if (parser.isSet(chunkRows)) {
        bool ok = false;
        const qint64 rows = parser.value(chunkRows).toLongLong(&ok);
        if (!ok || rows <= 0)
            return fail(
                QCoreApplication::translate("main", "--chunk-rows: \"%1\" is not a positive number")
                    .arg(parser.value(chunkRows)));
        setup->setChunk(sf::PartitionSpec::Unit::Rows, rows);
    }
    if (parser.isSet(chunkBytes)) {
        std::int64_t bytes = 0;
        if (!sf::parseByteSize(parser.value(chunkBytes), &bytes) || bytes <= 0)
            return fail(QCoreApplication::translate(
                            "main", "--chunk-bytes: \"%1\" is not a size such as 4MiB")
                            .arg(parser.value(chunkBytes)));
        setup->setChunk(sf::PartitionSpec::Unit::Bytes, bytes);
    }
    if (parser.isSet(workers)) {
        bool ok = false;
        const int n = parser.value(workers).toInt(&ok);
        const int most = 4 * qMax(1, QThread::idealThreadCount());
        if (!ok || n < 1 || n > most)
            return fail(QCoreApplication::translate("main", "--workers: \"%1\" is not in 1 … %2")
                            .arg(parser.value(workers))
                            .arg(most));
        setup->setWorkers(n);
    }
    if (parser.isSet(policy)) {
        sf::SchedulePolicy p;
        if (!sf::schedulePolicyFromName(parser.value(policy), &p))
            return fail(QCoreApplication::translate("main", "--policy: unknown policy \"%1\"")
                            .arg(parser.value(policy)));
        setup->setPolicy(p);
    }

    window.show();
    if (!parser.positionalArguments().isEmpty()) {
        const QString path = parser.positionalArguments().constFirst();
        if (parser.isSet(run)) window.runWhenLoaded(path);
        window.openDataset(path);
    } else if (parser.isSet(run)) {
        // Analyses without a dataset (synthetic) can start right away.
        QMetaObject::invokeMethod(
            &window, [&window] { window.startRun(); }, Qt::QueuedConnection);
    }
    return app.exec();
}
