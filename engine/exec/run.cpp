#include "exec/run.h"

#include "exec/runprivate.h"

namespace sf {

Run::Run(RunOptions options, QObject *parent)
    : Run(std::move(options), nullptr, parent)
{}

Run::Run(RunOptions options, std::unique_ptr<ExecutionBackend> backend, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<RunPrivate>(this, std::move(options), std::move(backend)))
{}

Run::~Run()
{
    // Stop and join the lanes while this object is still whole: a lane may emit finished().
    d.reset();
}

int Run::addJob(JobSpec job)
{
    return d->addJob(std::move(job));
}
void Run::start()
{
    d->start();
}
void Run::pause()
{
    d->pause();
}
void Run::resume()
{
    d->resume();
}
void Run::cancel()
{
    d->cancel();
}
void Run::setWorkers(int n)
{
    d->setWorkers(n);
}
bool Run::wait(int timeoutMs)
{
    return d->wait(timeoutMs);
}
bool Run::isFinished() const
{
    return d->isFinished();
}
const RunOptions &Run::options() const
{
    return d->options;
}
int Run::jobCount() const
{
    return int(d->jobs.size());
}
const JobSpec &Run::job(int index) const
{
    return d->jobs[std::size_t(index)]->spec;
}
JobOutcome Run::outcome(int job) const
{
    return d->outcome(job);
}
RunSnapshot Run::snapshot(std::size_t maxChanged)
{
    return d->monitor.snapshot(maxChanged);
}
std::vector<TaskRecord> Run::records() const
{
    return d->monitor.records();
}
RunSummary Run::summary() const
{
    return d->monitor.summary();
}

} // namespace sf
