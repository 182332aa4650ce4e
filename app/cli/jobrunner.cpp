#include "jobrunner.h"
#include "interruptguard.h"
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

namespace sf::cli {

RunReport runJob(JobSpec job, const RunOptions &options, ProgressLine *progress) {
    RunReport report;
    report.jobName = job.name;
    report.workers = options.workers > 0 ? options.workers : QThread::idealThreadCount();
    Run run(options);
    run.addJob(std::move(job));
    QElapsedTimer clock;
    clock.start();
    run.start();
    bool cancelRequested = false;
    for (;;) {
        const bool done = run.wait(100);
        // Run::finished is queued to this thread; dispatching keeps the event queue drained.
        QCoreApplication::processEvents();
        if (!cancelRequested && InterruptGuard::interrupted()) {
            cancelRequested = true;
            report.interrupted = true;
            run.cancel();
        }
        if (done) break;
        if (progress) progress->update(run.summary());
    }
    report.wallMs = double(clock.nsecsElapsed()) / 1e6;
    report.outcome = run.outcome(0);
    report.records = run.records();
    report.summary = run.summary();
    if (progress) progress->finish(report.summary);
    return report;
}

} // namespace sf::cli
