#pragma once
// One execution of one or more jobs on one pool: partition → schedule → execute → monitor.
// Thread-safe control (pause/resume/cancel/setWorkers) from any thread. `finished` is emitted
// from a worker thread: connect with a receiver so the slot runs in the receiver's thread.
#include "exec/runoptions.h"
#include "monitor/monitor.h"
#include "monitor/runsnapshot.h"
#include <QObject>
#include <memory>

namespace sf {

class RunPrivate;
class ExecutionBackend;

class Run : public QObject {
    Q_OBJECT
public:
    explicit Run(RunOptions options, QObject *parent = nullptr);
    // Uses another backend than the default QThreadPool one (tests, later a cluster).
    Run(RunOptions options, std::unique_ptr<ExecutionBackend> backend, QObject *parent = nullptr);
    ~Run() override; // cancels and waits

    int addJob(JobSpec job); // before start(); returns the job index
    void start();
    void pause();
    void resume();
    void cancel();                 // cooperative; returns at once, tasks stop within ~100 ms
    void setWorkers(int n);        // takes effect at the next dispatch
    bool wait(int timeoutMs = -1); // true when finished
    bool isFinished() const;

    const RunOptions &options() const;
    int jobCount() const;
    const JobSpec &job(int index) const;
    JobOutcome outcome(int job) const; // complete once finished

    // Changes since the previous snapshot() (at most `maxChanged` of them; the snapshot says
    // how many more wait) plus the summary; one consumer at a time.
    RunSnapshot snapshot(std::size_t maxChanged = Monitor::kSnapshotChanges);
    // Every attempt so far (for exporters). Safe to call during and after the run.
    std::vector<TaskRecord> records() const;
    RunSummary summary() const;

Q_SIGNALS:
    void finished();

private:
    std::unique_ptr<RunPrivate> d;
};

} // namespace sf
