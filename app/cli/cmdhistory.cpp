// `history list|show ID|compare ID ID|remove ID`: the runs saved by both programs, as text
// tables or (--json) JSON on stdout.
#include "cliio.h"
#include "clitext.h"
#include "commands.h"
#include "history/runhistory.h"
#include "historyfile.h"
#include "historytext.h"
#include <QFileInfo>
#include <QJsonArray>

namespace sf::cli {

namespace {

bool parseId(const QString &text, std::int64_t *id, QString *error) {
    bool ok = false;
    *id = text.toLongLong(&ok);
    if (ok && *id > 0) return true;
    *error = Cli::tr("run ID must be a positive integer, got '%1'").arg(text);
    return false;
}

QString historyHelp() {
    return Cli::tr("Lists, shows, compares and removes the runs saved in the history.") +
           QStringLiteral("\n\n") +
           QStringLiteral("  history list\n  history show ID\n  history compare ID ID\n"
                          "  history remove ID\n\n") +
           Cli::tr("The history is %1 (SUPERFLOW_HISTORY overrides it).")
               .arg(historyLocation().path) +
           QStringLiteral("\n\n");
}

} // namespace

int runHistoryCommand(const QStringList &args) {
    OptionParser parser(QStringLiteral("history"),
                        QStringLiteral("history list|show ID|compare ID ID|remove ID [--json]"),
                        {{QStringLiteral("json"), QString(),
                          Cli::tr("print JSON instead of a table"), Cli::tr("output")}},
                        0, 3);
    QString error;
    if (!parser.parse(args, &error)) return usageError(parser, error);
    if (parser.helpRequested()) {
        printStdout(historyHelp() + parser.usage());
        return ExitOk;
    }
    const QStringList words = parser.positional();
    const QString action = words.value(0);
    const int wanted = action == QLatin1String("list")      ? 0
                       : action == QLatin1String("show")    ? 1
                       : action == QLatin1String("remove")  ? 1
                       : action == QLatin1String("compare") ? 2
                                                            : -1;
    if (wanted < 0)
        return usageError(parser, action.isEmpty()
                                      ? Cli::tr("history needs list, show, compare or remove")
                                      : Cli::tr("unknown history action '%1'").arg(action));
    if (words.size() - 1 != wanted)
        return usageError(parser,
                          Cli::tr("history %1 takes %n run ID(s)", nullptr, wanted).arg(action));
    std::int64_t ids[2] = {0, 0};
    for (int i = 0; i < wanted; ++i)
        if (!parseId(words[i + 1], &ids[i], &error)) return usageError(parser, error);
    const bool json = parser.isSet(QStringLiteral("json"));

    // Looking does not create a history: without a file there are no runs.
    const QString path = historyLocation().path;
    if (!QFileInfo::exists(path)) {
        if (action != QLatin1String("list"))
            return fail(ExitInput, Cli::tr("no run %1 in the history").arg(ids[0]));
        if (json)
            printJson(QJsonObject{{QStringLiteral("runs"), QJsonArray()}});
        else
            printStdout(historyListText({}));
        return ExitOk;
    }
    RunHistory history;
    if (!history.open(path, &error)) return fail(ExitInput, error);
    const QString notice = history.takeNotice();
    if (!notice.isEmpty()) printNote(false, Cli::tr("warning: %1").arg(notice));

    if (action == QLatin1String("list")) {
        const QList<StoredRun> runs = history.list(&error);
        if (!error.isEmpty()) return fail(ExitInput, error);
        if (!json) {
            printStdout(historyListText(runs));
            return ExitOk;
        }
        QJsonArray array;
        for (const StoredRun &r : runs)
            array.append(historyRunJson(r, false));
        printJson(QJsonObject{{QStringLiteral("runs"), array}});
        return ExitOk;
    }
    if (action == QLatin1String("remove")) {
        if (!history.remove(ids[0], &error)) return fail(ExitInput, error);
        if (json)
            printJson(QJsonObject{{QStringLiteral("removed"), qint64(ids[0])}});
        else
            printStdout(Cli::tr("removed run %1").arg(ids[0]) + QLatin1Char('\n'));
        return ExitOk;
    }
    std::optional<StoredRun> a = history.load(ids[0], &error);
    if (!a) return fail(ExitInput, error);
    if (action == QLatin1String("show")) {
        if (json)
            printJson(historyRunJson(*a, true));
        else
            printStdout(historyShowText(*a));
        return ExitOk;
    }
    std::optional<StoredRun> b = history.load(ids[1], &error);
    if (!b) return fail(ExitInput, error);
    const RunComparison c = RunComparison::compare(*a, *b);
    if (json)
        printJson(historyCompareJson(*a, *b, c));
    else
        printStdout(historyCompareText(*a, *b, c));
    return ExitOk;
}

} // namespace sf::cli
