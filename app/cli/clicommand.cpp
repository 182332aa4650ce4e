#include "clicommand.h"
#include "analysis/analysisregistry.h"
#include "cliio.h"
#include "clitext.h"
#include "commands.h"
#include "superflow/version.h"
#include <cstdio>

namespace sf::cli {

namespace {

QString topLevelUsage() {
    // The synopsis lines are command syntax and stay as they are; the words around them are
    // translated.
    QString text =
        Cli::tr("usage:") +
        QStringLiteral(" superflow-cli ANALYSIS [options] DATASET   ANALYSIS: profile "
                       "groupby filter wordcount convert\n"
                       "       superflow-cli synthetic [options]\n"
                       "       superflow-cli inspect [options] DATASET\n"
                       "       superflow-cli sweep --analysis ANALYSIS [options] DATASET\n"
                       "       superflow-cli history list|show ID|compare ID ID|remove ID\n"
                       "       superflow-cli --version\n\n") +
        Cli::tr("commands:") + QLatin1Char('\n');
    for (const QString &name : analysisNames())
        text += QStringLiteral("  %1 %2\n").arg(name.leftJustified(11), analysisDescription(name));
    text += QStringLiteral("  %1 %2\n")
                .arg(QStringLiteral("inspect").leftJustified(11),
                     Cli::tr("dialect, schema, row count, bad records"));
    text += QStringLiteral("  %1 %2\n")
                .arg(QStringLiteral("sweep").leftJustified(11),
                     Cli::tr("time a grid of chunk sizes x workers x policies"));
    text += QStringLiteral("  %1 %2\n")
                .arg(QStringLiteral("history").leftJustified(11),
                     Cli::tr("list, show, compare and remove saved runs"));
    text +=
        QLatin1Char('\n') + Cli::tr("'superflow-cli COMMAND --help' lists a command's options.") +
        QLatin1Char('\n') +
        Cli::tr("exit codes: 0 done, 2 usage, 3 input unreadable, 4 task failed, 130 interrupted") +
        QLatin1Char('\n');
    return text;
}

} // namespace

int runCli(const QStringList &arguments) {
    const QStringList args = arguments.mid(1);
    if (args.isEmpty()) {
        std::fputs(topLevelUsage().toUtf8().constData(), stderr);
        return ExitUsage;
    }
    const QString command = args.first();
    if (command == QLatin1String("--version") || command == QLatin1String("-V")) {
        std::printf("superflow-cli %s\n", SUPERFLOW_VERSION);
        return ExitOk;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        printStdout(topLevelUsage());
        return ExitOk;
    }
    const QStringList rest = args.mid(1);
    if (command == QLatin1String("inspect")) return runInspectCommand(rest);
    if (command == QLatin1String("sweep")) return runSweepCommand(rest);
    if (command == QLatin1String("history")) return runHistoryCommand(rest);
    if (analysisNames().contains(command)) return runAnalysisCommand(command, rest);
    std::fprintf(stderr, "superflow-cli: %s\n%s",
                 qUtf8Printable(Cli::tr("unknown command '%1'").arg(command)),
                 topLevelUsage().toUtf8().constData());
    return ExitUsage;
}

} // namespace sf::cli
