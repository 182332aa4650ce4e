#pragma once
// Runs the built superflow-cli (SF_CLI_BINARY, set by tests/CMakeLists.txt) and collects its
// exit code and output, for the CLI suites.
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace {

struct CliResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool finished = false;
};

inline QString cliBinary()
{
    return QString::fromLocal8Bit(qgetenv("SF_CLI_BINARY"));
}

// `environment` empty: the test's own.
inline CliResult runCli(const QStringList &args, int timeoutMs = 60000,
                        const QProcessEnvironment &environment = {})
{
    QProcess p;
    if (!environment.isEmpty()) p.setProcessEnvironment(environment);
    p.start(cliBinary(), args);
    CliResult r;
    if (!p.waitForStarted(10000)) return r;
    r.finished = p.waitForFinished(timeoutMs);
    if (!r.finished) {
        p.kill();
        p.waitForFinished(5000);
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace
