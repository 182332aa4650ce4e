#pragma once
// Exit codes and the few ways the CLI talks to the user on stderr, in one place so every
// command words errors the same way ("superflow-cli: ..." on one line).
#include "analysis/analysisresult.h"
#include "optionparser.h"
#include <QJsonObject>
#include <QString>

namespace sf::cli {

enum ExitCode {
    ExitOk = 0,
    ExitUsage = 2,      // bad command line, or options that do not fit the data
    ExitInput = 3,      // input cannot be read or parsed (or an output cannot be written)
    ExitTaskFailed = 4, // a task failed after its retries
    ExitInterrupted = 130,
};

// One-line message, then the command's usage, on stderr; returns ExitUsage.
int usageError(const OptionParser &parser, const QString &message);
// "superflow-cli: message" on stderr; returns `code`.
int fail(int code, const QString &message);
void printNote(bool quiet, const QString &message);
void printStdout(const QString &text);
void printJson(const QJsonObject &document); // indented, to stdout
// A result's document (export/resultdocument.h): `document` and the result's rows.
void printJson(const QJsonObject &document, const AnalysisResult &result);
bool stderrIsTerminal();

} // namespace sf::cli
