#include "finishedrun.h"

namespace sf::ui {

FinishedRun FinishedRun::capture(const Run &run, const QString &name)
{
    FinishedRun out;
    out.name = name;
    for (int i = 0; i < run.jobCount(); ++i) {
        const JobSpec &job = run.job(i);
        out.jobNames << job.name;
        out.sourcePaths << (job.source ? job.source->path() : QString());
        out.outcomes << run.outcome(i);
    }
    out.records = run.records();
    out.summary = run.summary();
    return out;
}

} // namespace sf::ui
