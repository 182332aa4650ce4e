#include "cliio.h"
#include "export/resultdocument.h"
#include <QFile>
#include <QJsonDocument>
#include <cstdio>
#include <unistd.h>

namespace sf::cli {

int usageError(const OptionParser &parser, const QString &message) {
    std::fprintf(stderr, "superflow-cli %s: %s\n%s", qUtf8Printable(parser.command()),
                 qUtf8Printable(message), qUtf8Printable(parser.usage()));
    return ExitUsage;
}

int fail(int code, const QString &message) {
    std::fprintf(stderr, "superflow-cli: %s\n", qUtf8Printable(message));
    return code;
}

void printNote(bool quiet, const QString &message) {
    if (!quiet) std::fprintf(stderr, "superflow-cli: %s\n", qUtf8Printable(message));
}

void printStdout(const QString &text) {
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printJson(const QJsonObject &document) {
    const QByteArray bytes = QJsonDocument(document).toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printJson(const QJsonObject &document, const AnalysisResult &result) {
    std::fflush(stdout);
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly)) return;
    writeResultDocument(out, document, result, QJsonDocument::Indented);
    out.flush();
}

bool stderrIsTerminal() {
    return ::isatty(STDERR_FILENO) == 1;
}

} // namespace sf::cli
