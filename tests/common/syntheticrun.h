#pragma once
// Test helper: a configured (not started) run of one synthetic job of `tasks` sleeping tasks of
// about `meanMs` each — sleeping, because the two cores are shared by many test processes.
#include "analysis/analysisregistry.h"
#include "exec/run.h"
#include <QtGlobal>
#include <memory>

namespace sf::test {

inline std::unique_ptr<Run> syntheticRun(std::int64_t tasks, double meanMs, int workers)
{
    AnalysisOptions options;
    options.synthetic.tasks = tasks;
    options.synthetic.meanMs = meanMs;
    options.synthetic.cpuBound = false;
    QString error;
    std::shared_ptr<Analysis> analysis =
        createAnalysis(QStringLiteral("synthetic"), options, &error);
    if (!analysis || !analysis->prepare(Schema{}, &error))
        qFatal("synthetic: %s", qPrintable(error));
    RunOptions runOptions;
    runOptions.workers = workers;
    auto run = std::make_unique<Run>(runOptions);
    JobSpec job;
    job.name = QStringLiteral("synthetic");
    job.analysis = analysis;
    run->addJob(job);
    return run;
}

} // namespace sf::test
