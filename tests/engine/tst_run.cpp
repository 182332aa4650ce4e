// End-to-end runs on the fake source/analyses: results, determinism over chunking × workers ×
// policies × strategies, retries, timeouts, cancel, pause, setWorkers, several jobs, rejects.
#include "exec/run.h"
#include "fakeanalysis.h"
#include "fakesource.h"
#include "testtiming.h"
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>
#include <set>

using namespace sf;
using namespace sf::test;

namespace {

JobSpec sumJob(std::shared_ptr<const DataSource> src, std::shared_ptr<Analysis> a,
               std::int64_t size, PartitionSpec::Strategy strategy = PartitionSpec::Strategy::Fixed,
               PartitionSpec::Unit unit = PartitionSpec::Unit::Rows)
{
    JobSpec j;
    j.name = QStringLiteral("sum");
    j.source = std::move(src);
    j.analysis = std::move(a);
    j.partition.size = size;
    j.partition.strategy = strategy;
    j.partition.unit = unit;
    j.partition.targetTaskMs = 0.05;
    return j;
}

// Runs `job` alone on `workers` lanes (0: one per core); false when it has not ended in `ms`.
bool runAlone(JobSpec job, int workers, JobOutcome *out, int ms = 10000)
{
    RunOptions o;
    o.workers = workers;
    Run run(o);
    run.addJob(std::move(job));
    run.start();
    if (!run.wait(ms)) return false;
    *out = run.outcome(0);
    return true;
}

std::int64_t expectedSum(std::int64_t rows, std::int64_t rejectEvery = 0)
{
    std::int64_t s = 0;
    for (std::int64_t r = 0; r < rows; ++r)
        if (!(rejectEvery > 0 && r % rejectEvery == rejectEvery - 1)) s += FakeSource::valueOf(r);
    return s;
}

const std::vector<SchedulePolicy> kPolicies = {SchedulePolicy::Fifo, SchedulePolicy::Priority,
                                               SchedulePolicy::Shortest, SchedulePolicy::Longest,
                                               SchedulePolicy::Fair};
} // namespace

class TestRun : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void endToEndFixedFifo();
    void determinismGrid();
    void tinyTasksBatchedAndMergedEarly();
    void bytePartitionsCoverAllRows();
    void emptyDatasetFinalizesOnce();
    void retriesThenSucceeds();
    void retriesExhaustedFailsJobOnly();
    void unknownExceptionMessage();
    void timeoutMarksStragglerAndRetries();
    void cancelIsFast();
    void pauseStopsProgress();
    void setWorkersChangesBusyLanes();
    void jobsWithPrioritiesGetOwnOutcomes();
    void rejectPolicies();
    void finalizeFailure();
    void mergeFailureFailsJob();
    void slowMergesStayInOrder();
    void snapshotAfterFinishHasEveryAttemptOnce();
};

void TestRun::endToEndFixedFifo()
{
    auto src = std::make_shared<FakeSource>(1000);
    auto a = std::make_shared<FakeSumAnalysis>();
    RunOptions o;
    o.workers = 2;
    Run run(o);
    run.addJob(sumJob(src, a, 100));
    QSignalSpy spy(&run, &Run::finished);
    run.start();
    QVERIFY(run.wait(10000));
    QCOMPARE(spy.count(), 1);
    QVERIFY(run.isFinished());
    const JobOutcome out = run.outcome(0);
    QCOMPARE(out.status, JobOutcome::Status::Done);
    QCOMPARE(out.result.json.value(QStringLiteral("count")).toInteger(), 1000);
    QCOMPARE(out.result.json.value(QStringLiteral("sum")).toInteger(), expectedSum(1000));
    QCOMPARE(out.result.json.value(QStringLiteral("chunks")).toInteger(), 10);
    QVERIFY(out.result.json.value(QStringLiteral("inOrder")).toBool());
    QCOMPARE(out.rows, 1000);
    QCOMPARE(out.tasks, 10);
    const RunSummary s = run.summary();
    QVERIFY(s.finished);
    QCOMPARE(s.tasksDone, 10);
    QCOMPARE(s.tasksTotal, 10);
    QCOMPARE(s.rowsDone, 1000);
    QCOMPARE(s.rowsTotal, 1000);
    QCOMPARE(s.bytesDone, FakeSource::offsetOf(1000) - FakeSource::offsetOf(0));
    QCOMPARE(s.progress, 1.0);
    QCOMPARE(s.jobs.size(), 1);
    QVERIFY(s.jobs[0].finished);
}

void TestRun::tinyTasksBatchedAndMergedEarly()
{
    // 4,000 one-row chunks are tiny once their cost is learned: lanes take them in batches and,
    // when the analysis allows it, merge runs of consecutive chunks before depositing them.
    // Results, records and the in-order merge must not change.
    const std::int64_t rows = 4000;
    auto src = std::make_shared<FakeSource>(rows);
    for (bool early : {false, true}) {
        for (SchedulePolicy policy : {SchedulePolicy::Fifo, SchedulePolicy::Longest}) {
            auto behaviour = std::make_shared<FakeBehaviour>();
            behaviour->mergesEarly = early;
            auto a = std::make_shared<FakeSumAnalysis>(behaviour);
            RunOptions o;
            o.workers = 2;
            o.policy = policy;
            Run run(o);
            run.addJob(sumJob(src, a, 1));
            run.start();
            QVERIFY(run.wait(30000));
            const JobOutcome out = run.outcome(0);
            QCOMPARE(out.status, JobOutcome::Status::Done);
            QCOMPARE(out.result.json.value(QStringLiteral("count")).toInteger(), rows);
            QCOMPARE(out.result.json.value(QStringLiteral("sum")).toInteger(), expectedSum(rows));
            QCOMPARE(out.result.json.value(QStringLiteral("chunks")).toInteger(), rows);
            QCOMPARE(out.result.json.value(QStringLiteral("endRow")).toInteger(), rows);
            QVERIFY(out.result.json.value(QStringLiteral("inOrder")).toBool());
            QCOMPARE(out.tasks, rows);
            if (early)
                QVERIFY2(behaviour->earlyMerges > 0, "no batch merged consecutive chunks");
            else
                QCOMPARE(behaviour->earlyMerges, 0);
            // Every attempt once, done, with queued <= started <= finished, and no two
            // attempts of one lane overlapping.
            std::vector<TaskRecord> records = run.records();
            QCOMPARE(std::int64_t(records.size()), rows);
            std::map<int, std::vector<std::pair<std::int64_t, std::int64_t>>> lanes;
            for (const TaskRecord &r : records) {
                QCOMPARE(r.state, TaskState::Done);
                QVERIFY(r.queuedNs <= r.startedNs);
                QVERIFY(r.startedNs <= r.finishedNs);
                lanes[r.worker].push_back({r.startedNs, r.finishedNs});
            }
            for (auto &[lane, spans] : lanes) {
                std::sort(spans.begin(), spans.end());
                for (std::size_t i = 1; i < spans.size(); ++i)
                    QVERIFY2(spans[i].first >= spans[i - 1].second,
                             qPrintable(QStringLiteral("lane %1 overlaps").arg(lane)));
            }
        }
    }
}

void TestRun::determinismGrid()
{
    const std::int64_t rows = 1234;
    auto src = std::make_shared<FakeSource>(rows, 16);
    QJsonObject reference;
    int runs = 0;
    for (auto strategy : {PartitionSpec::Strategy::Fixed, PartitionSpec::Strategy::Guided,
                          PartitionSpec::Strategy::Auto}) {
        for (std::int64_t size : {std::int64_t(1), std::int64_t(7), std::int64_t(100), rows}) {
            for (int workers : {1, 2, 4}) {
                for (SchedulePolicy policy : kPolicies) {
                    auto a = std::make_shared<FakeSumAnalysis>();
                    RunOptions o;
                    o.workers = workers;
                    o.policy = policy;
                    Run run(o);
                    run.addJob(sumJob(src, a, size, strategy));
                    run.start();
                    QVERIFY(run.wait(20000));
                    const JobOutcome out = run.outcome(0);
                    QCOMPARE(out.status, JobOutcome::Status::Done);
                    QJsonObject json = out.result.json;
                    QVERIFY2(json.value(QStringLiteral("inOrder")).toBool(),
                             "merged out of chunk order");
                    QCOMPARE(json.value(QStringLiteral("endRow")).toInteger(), rows);
                    QCOMPARE(json.value(QStringLiteral("chunks")).toInteger(), out.tasks);
                    if (strategy == PartitionSpec::Strategy::Fixed)
                        QCOMPARE(out.tasks, (rows + size - 1) / size);
                    json.remove(QStringLiteral("chunks"));
                    if (reference.isEmpty()) reference = json;
                    QCOMPARE(json, reference);
                    ++runs;
                }
            }
        }
    }
    QCOMPARE(runs, 3 * 4 * 3 * 5);
    QCOMPARE(reference.value(QStringLiteral("sum")).toInteger(), expectedSum(rows));
    QCOMPARE(reference.value(QStringLiteral("count")).toInteger(), rows);
}

void TestRun::bytePartitionsCoverAllRows()
{
    auto src = std::make_shared<FakeSource>(5000, 32);
    for (auto strategy : {PartitionSpec::Strategy::Fixed, PartitionSpec::Strategy::Guided}) {
        auto a = std::make_shared<FakeSumAnalysis>();
        RunOptions o;
        o.workers = 3;
        Run run(o);
        run.addJob(sumJob(src, a, 4096, strategy, PartitionSpec::Unit::Bytes));
        run.start();
        QVERIFY(run.wait(10000));
        const JobOutcome out = run.outcome(0);
        QCOMPARE(out.status, JobOutcome::Status::Done);
        QCOMPARE(out.result.json.value(QStringLiteral("sum")).toInteger(), expectedSum(5000));
        // Every chunk boundary is a checkpoint, so byte ranges are exact and tile the data.
        auto recs = run.records();
        std::sort(recs.begin(), recs.end(), [](auto &x, auto &y) { return x.chunk < y.chunk; });
        std::int64_t nextByte = FakeSource::offsetOf(0), nextRow = 0;
        for (const auto &r : recs) {
            QCOMPARE(r.byteBegin, nextByte);
            QCOMPARE(r.firstRow, nextRow);
            QCOMPARE(r.byteBegin, FakeSource::offsetOf(r.firstRow));
            QCOMPARE(r.byteEnd, FakeSource::offsetOf(r.firstRow + r.rowCount));
            if (r.firstRow + r.rowCount < 5000) QCOMPARE(r.rowCount % 32, 0);
            nextByte = r.byteEnd;
            nextRow = r.firstRow + r.rowCount;
        }
        QCOMPARE(nextRow, 5000);
    }
}

void TestRun::emptyDatasetFinalizesOnce()
{
    auto src = std::make_shared<FakeSource>(0);
    auto a = std::make_shared<FakeSumAnalysis>();
    Run run(RunOptions{});
    run.addJob(sumJob(src, a, 10));
    QSignalSpy spy(&run, &Run::finished);
    run.start();
    QVERIFY(run.wait(5000));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(run.outcome(0).status, JobOutcome::Status::Done);
    QCOMPARE(run.outcome(0).result.json.value(QStringLiteral("count")).toInteger(), 0);
    QCOMPARE(a->behaviour().finalized, 1);
    QCOMPARE(run.outcome(0).tasks, 0);
}

void TestRun::retriesThenSucceeds()
{
    auto src = std::make_shared<FakeSource>(100);
    auto b = std::make_shared<FakeBehaviour>();
    b->failFirst[3] = 2; // chunk 3 fails twice, then succeeds
    auto a = std::make_shared<FakeSumAnalysis>(b);
    RunOptions o;
    o.workers = 2;
    o.retries = 2;
    o.retryBackoffMs = 30;
    Run run(o);
    run.addJob(sumJob(src, a, 10));
    run.start();
    QVERIFY(run.wait(10000));
    const JobOutcome out = run.outcome(0);
    QCOMPARE(out.status, JobOutcome::Status::Done);
    QCOMPARE(out.result.json.value(QStringLiteral("sum")).toInteger(), expectedSum(100));
    QCOMPARE(out.retries, 2);
    const auto recs = run.records();
    std::vector<TaskRecord> chunk3;
    for (const auto &r : recs)
        if (r.chunk == 3) chunk3.push_back(r);
    QCOMPARE(int(chunk3.size()), 3);
    std::sort(chunk3.begin(), chunk3.end(), [](auto &x, auto &y) { return x.attempt < y.attempt; });
    QCOMPARE(chunk3[0].state, TaskState::Retried);
    QCOMPARE(chunk3[0].error, QStringLiteral("chunk 3 failed"));
    QCOMPARE(chunk3[1].state, TaskState::Retried);
    QCOMPARE(chunk3[2].state, TaskState::Done);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(chunk3[std::size_t(i)].attempt, i + 1);
    // Back-off: 30 ms after the first failure, 60 ms after the second.
    QVERIFY(chunk3[1].startedNs - chunk3[0].finishedNs >= 30'000'000);
    QVERIFY(chunk3[2].startedNs - chunk3[1].finishedNs >= 60'000'000);
    const auto &starts = b->attemptStarts[3];
    QCOMPARE(int(starts.size()), 3);
    QVERIFY(starts[1] - starts[0] >= std::chrono::milliseconds(30));
    QVERIFY(starts[2] - starts[1] >= std::chrono::milliseconds(60));
    QCOMPARE(int(recs.size()), 12);
    QCOMPARE(run.summary().retries, 2);
}

void TestRun::retriesExhaustedFailsJobOnly()
{
    auto src = std::make_shared<FakeSource>(1000);
    auto bBad = std::make_shared<FakeBehaviour>();
    bBad->failFirst[2] = 1;
    bBad->failForever = true;
    bBad->taskMs = 2; // slow enough that chunk 2 fails before the job's other chunks ran
    auto bad = std::make_shared<FakeSumAnalysis>(bBad);
    auto good = std::make_shared<FakeSumAnalysis>();
    RunOptions o;
    o.workers = 2;
    o.retries = 1;
    o.retryBackoffMs = 1;
    Run run(o);
    run.addJob(sumJob(src, bad, 10));
    run.addJob(sumJob(src, good, 10));
    run.start();
    QVERIFY(run.wait(10000));
    const JobOutcome out = run.outcome(0);
    QCOMPARE(out.status, JobOutcome::Status::Failed);
    QCOMPARE(out.error, QStringLiteral("chunk 2 failed"));
    QCOMPARE(out.failedTasks, 1);
    QCOMPARE(out.retries, 1);
    QCOMPARE(bBad->attemptStarts[2].size(), std::size_t(2)); // 1 + 1 retry, exactly
    QCOMPARE(bBad->abandoned, 1);
    QCOMPARE(bBad->finalized, 0);
    const JobOutcome ok = run.outcome(1);
    QCOMPARE(ok.status, JobOutcome::Status::Done);
    QCOMPARE(ok.result.json.value(QStringLiteral("sum")).toInteger(), expectedSum(1000));
    int failed = 0;
    for (const auto &r : run.records()) {
        if (r.job != 0) QCOMPARE(r.state, TaskState::Done);
        failed += r.state == TaskState::Failed;
        QVERIFY(r.state != TaskState::Queued && r.state != TaskState::Running);
    }
    QCOMPARE(failed, 1);
    // How many of the failed job's tasks were left to cancel depends on timing (its retry
    // queues behind the rest); unknownExceptionMessage checks cancellation deterministically.
    QCOMPARE(run.summary().tasksFailed, 1);
}

void TestRun::unknownExceptionMessage()
{
    auto src = std::make_shared<FakeSource>(50);
    auto b = std::make_shared<FakeBehaviour>();
    b->failFirst[0] = 1;
    b->throwUnknown = true;
    auto a = std::make_shared<FakeSumAnalysis>(b);
    RunOptions o;
    o.workers = 1;
    Run run(o);
    run.addJob(sumJob(src, a, 10));
    run.start();
    QVERIFY(run.wait(5000));
    QCOMPARE(run.outcome(0).status, JobOutcome::Status::Failed);
    QCOMPARE(run.outcome(0).error, QStringLiteral("unknown exception"));
    // One worker, no retries: chunk 0 failed first, so the rest never started. Under fifo the
    // lane keeps 2 × workers tasks queued ahead, so only chunk 1 had an attempt to cancel;
    // chunks 2-4 were never generated.
    QCOMPARE(b->startOrder.size(), std::size_t(1));
    QCOMPARE(int(run.records().size()), 2);
    int cancelled = 0;
    for (const auto &r : run.records()) {
        if (r.chunk == 0)
            QCOMPARE(r.state, TaskState::Failed);
        else {
            QCOMPARE(r.state, TaskState::Cancelled);
            QCOMPARE(r.worker, -1);
            ++cancelled;
        }
    }
    QCOMPARE(cancelled, 1);
    QCOMPARE(b->abandoned, 1);
}

void TestRun::timeoutMarksStragglerAndRetries()
{
    auto src = std::make_shared<FakeSource>(20);
    auto b = std::make_shared<FakeBehaviour>();
    b->taskMs = 300;
    auto a = std::make_shared<FakeSumAnalysis>(b);
    RunOptions o;
    o.workers = 2;
    o.retries = 1;
    o.retryBackoffMs = 1;
    o.taskTimeoutMs = 50;
    Run run(o);
    run.addJob(sumJob(src, a, 10));
    QElapsedTimer t;
    t.start();
    run.start();
    QVERIFY(run.wait(10000));
    QVERIFY(t.elapsed() < 1000); // two attempts of 50 ms per chunk, not 300 ms ones
    const JobOutcome out = run.outcome(0);
    QCOMPARE(out.status, JobOutcome::Status::Failed);
    QCOMPARE(out.error, QStringLiteral("timed out after 50 ms"));
    const auto recs = run.records();
    int retried = 0, failed = 0;
    for (const auto &r : recs) {
        if (r.state == TaskState::Retried || r.state == TaskState::Failed) {
            QVERIFY(r.straggler);
            QCOMPARE(r.error, QStringLiteral("timed out after 50 ms"));
            QVERIFY(r.durationNs() >= 50'000'000);
            QVERIFY(r.durationNs() < 250'000'000);
        }
        retried += r.state == TaskState::Retried;
        failed += r.state == TaskState::Failed;
    }
    QVERIFY(retried >= 1);
    QVERIFY(failed >= 1);
    const auto s = run.summary();
    QVERIFY(!s.stragglers.empty());
}

void TestRun::cancelIsFast()
{
    auto plan = std::vector<PlannedTask>(8, PlannedTask{2e9, 0, 0});
    auto a = std::make_shared<FakeSyntheticAnalysis>(plan);
    RunOptions o;
    o.workers = 4;
    Run run(o);
    JobSpec j;
    j.name = QStringLiteral("slow");
    j.analysis = a;
    run.addJob(j);
    run.start();
    // Wait until four tasks are really running.
    QElapsedTimer guard;
    guard.start();
    while (run.summary().tasksRunning < 4 && guard.elapsed() < 5000)
        QThread::msleep(5);
    QCOMPARE(run.summary().tasksRunning, 4);
    QElapsedTimer t;
    t.start();
    run.cancel();
    // cancel() itself returns at once, and the 2 s tasks stop within a fraction of their time
    // (bounds loose enough for a CI machine running two test binaries on two cores).
    QVERIFY2(t.elapsed() < 50 * test::timingSlack(), qPrintable(QString::number(t.elapsed())));
    QVERIFY(run.wait(2000));
    const qint64 latency = t.elapsed();
    QVERIFY2(latency < 250 * test::timingSlack(), qPrintable(QStringLiteral("cancel took %1 ms").arg(latency)));
    QCOMPARE(run.outcome(0).status, JobOutcome::Status::Cancelled);
    QCOMPARE(a->behaviour().abandoned, 1);
    const auto s = run.summary();
    QVERIFY(s.cancelled);
    QCOMPARE(s.tasksRunning, 0);
    QCOMPARE(s.tasksQueued, 0);
    int cancelled = 0;
    for (const auto &r : run.records())
        cancelled += r.state == TaskState::Cancelled;
    QCOMPARE(cancelled, 8);
}

void TestRun::pauseStopsProgress()
{
    auto src = std::make_shared<FakeSource>(200);
    auto b = std::make_shared<FakeBehaviour>();
    b->taskMs = 20;
    b->blockRows = 1;
    auto a = std::make_shared<FakeSumAnalysis>(b);
    RunOptions o;
    o.workers = 2;
    Run run(o);
    run.addJob(sumJob(src, a, 5)); // 40 tasks × 20 ms on 2 workers ≈ 400 ms
    run.start();
    QThread::msleep(60);
    run.pause();
    QThread::msleep(40); // running tasks reach a checkpoint and stop there
    const RunSummary before = run.summary();
    QVERIFY(before.paused);
    QVERIFY(before.tasksDone < 40);
    QThread::msleep(200);
    const RunSummary during = run.summary();
    QCOMPARE(during.tasksDone, before.tasksDone);
    QCOMPARE(during.rowsDone, before.rowsDone);
    QVERIFY(!run.isFinished());
    run.resume();
    QVERIFY(run.wait(10000));
    QCOMPARE(run.outcome(0).status, JobOutcome::Status::Done);
    QCOMPARE(run.outcome(0).result.json.value(QStringLiteral("sum")).toInteger(), expectedSum(200));
    QVERIFY(!run.summary().paused);
}

void TestRun::setWorkersChangesBusyLanes()
{
    std::vector<PlannedTask> plan(120, PlannedTask{10e6, 0, 0});
    auto a = std::make_shared<FakeSyntheticAnalysis>(plan);
    RunOptions o;
    o.workers = 1;
    Run run(o);
    JobSpec j;
    j.analysis = a;
    run.addJob(j);
    run.start();
    QThread::msleep(100);
    run.setWorkers(4);
    QCOMPARE(run.summary().workers, 4);
    QThread::msleep(200);
    run.setWorkers(2);
    QVERIFY(run.wait(20000));
    QCOMPARE(run.outcome(0).status, JobOutcome::Status::Done);
    const auto recs = run.records();
    auto lanesIn = [&](std::int64_t fromNs, std::int64_t toNs) {
        std::set<int> lanes;
        for (const auto &r : recs)
            if (r.startedNs >= fromNs && r.startedNs < toNs) lanes.insert(r.worker);
        return lanes;
    };
    std::int64_t firstNs = INT64_MAX, lastNs = 0;
    for (const auto &r : recs) {
        firstNs = std::min(firstNs, r.startedNs);
        lastNs = std::max(lastNs, r.startedNs);
    }
    QCOMPARE(lanesIn(0, firstNs + 80'000'000), std::set<int>{0});
    QCOMPARE(lanesIn(firstNs + 150'000'000, firstNs + 280'000'000).size(), std::size_t(4));
    // After shrinking to 2, only lanes 0 and 1 start tasks (allow one task of slack).
    const auto tail = lanesIn(firstNs + 350'000'000, lastNs + 1);
    QVERIFY(!tail.empty());
    for (int lane : tail)
        QVERIFY(lane < 2);
}

void TestRun::jobsWithPrioritiesGetOwnOutcomes()
{
    auto src = std::make_shared<FakeSource>(500);
    auto bFail = std::make_shared<FakeBehaviour>();
    bFail->failFirst[0] = 1;
    RunOptions o;
    o.workers = 1;
    o.policy = SchedulePolicy::Priority;
    Run run(o);
    auto low = std::make_shared<FakeSumAnalysis>();
    auto high = std::make_shared<FakeSumAnalysis>();
    auto failing = std::make_shared<FakeSumAnalysis>(bFail);
    JobSpec jl = sumJob(src, low, 50);
    jl.priority = 1;
    JobSpec jh = sumJob(src, high, 50);
    jh.priority = 5;
    JobSpec jf = sumJob(src, failing, 50);
    jf.priority = 3;
    run.addJob(jl);
    run.addJob(jh);
    run.addJob(jf);
    run.start();
    QVERIFY(run.wait(10000));
    QCOMPARE(run.outcome(0).status, JobOutcome::Status::Done);
    QCOMPARE(run.outcome(1).status, JobOutcome::Status::Done);
    QCOMPARE(run.outcome(2).status, JobOutcome::Status::Failed);
    QCOMPARE(run.outcome(0).result.json.value(QStringLiteral("sum")).toInteger(), expectedSum(500));
    QCOMPARE(run.outcome(1).result.json.value(QStringLiteral("sum")).toInteger(), expectedSum(500));
    // One worker: the high-priority job ran entirely before the others started.
    std::int64_t highLast = 0, otherFirst = INT64_MAX;
    for (const auto &r : run.records()) {
        if (r.state == TaskState::Cancelled) continue;
        if (r.job == 1)
            highLast = std::max(highLast, r.startedNs);
        else
            otherFirst = std::min(otherFirst, r.startedNs);
    }
    QVERIFY(highLast < otherFirst);
    const auto s = run.summary();
    QCOMPARE(s.jobs.size(), 3);
    for (const auto &p : s.jobs)
        QVERIFY(p.finished);
}

void TestRun::rejectPolicies()
{
    auto src = std::make_shared<FakeSource>(1000, 16, 97); // rows 96, 193, … rejected
    const std::int64_t rejected = 1000 / 97;
    {
        RunOptions o;
        o.workers = 3;
        Run run(o);
        run.addJob(sumJob(src, std::make_shared<FakeSumAnalysis>(), 7));
        run.start();
        QVERIFY(run.wait(10000));
        const JobOutcome out = run.outcome(0);
        QCOMPARE(out.status, JobOutcome::Status::Done);
        QCOMPARE(out.rejectedRows, rejected);
        QCOMPARE(out.rows, 1000);
        QCOMPARE(out.rejects.size(), rejected);
        for (int i = 0; i < out.rejects.size(); ++i)
            QCOMPARE(out.rejects[i].row, 97 * i + 96);
        QCOMPARE(out.result.json.value(QStringLiteral("sum")).toInteger(), expectedSum(1000, 97));
    }
    {
        RunOptions o;
        o.workers = 3;
        Run run(o);
        JobSpec j = sumJob(src, std::make_shared<FakeSumAnalysis>(), 7);
        j.rejectPolicy.mode = RejectPolicy::Mode::Fail;
        run.addJob(j);
        run.start();
        QVERIFY(run.wait(10000));
        QCOMPARE(run.outcome(0).status, JobOutcome::Status::Failed);
        QCOMPARE(run.outcome(0).error, QStringLiteral("fake.csv:98: bad row 96"));
    }
    {
        RunOptions o;
        o.workers = 3;
        Run run(o);
        JobSpec j = sumJob(src, std::make_shared<FakeSumAnalysis>(), 7);
        j.rejectPolicy.mode = RejectPolicy::Mode::Max;
        j.rejectPolicy.maxRejects = 3;
        run.addJob(j);
        run.start();
        QVERIFY(run.wait(10000));
        QCOMPARE(run.outcome(0).status, JobOutcome::Status::Failed);
        QCOMPARE(run.outcome(0).error,
                 QStringLiteral("more than 3 rejected records; at fake.csv:389: bad row 387"));
    }
}

void TestRun::finalizeFailure()
{
    auto src = std::make_shared<FakeSource>(30);
    auto b = std::make_shared<FakeBehaviour>();
    b->throwInFinalize = true;
    JobOutcome out;
    QVERIFY(runAlone(sumJob(src, std::make_shared<FakeSumAnalysis>(b), 10), 0,
                     &out, 5000));
    QCOMPARE(out.status, JobOutcome::Status::Failed);
    QCOMPARE(out.error, QStringLiteral("finalize exploded"));
    QCOMPARE(b->abandoned, 1);
}

// A merge that throws fails the job with its message, whichever lane was merging (a chunk
// that finished out of order is merged by the lane that completes the prefix).
void TestRun::mergeFailureFailsJob()
{
    auto src = std::make_shared<FakeSource>(300);
    auto b = std::make_shared<FakeBehaviour>();
    b->throwInMergeOfRow = 50;
    b->mergeMs = 1;
    JobOutcome out;
    QVERIFY(runAlone(sumJob(src, std::make_shared<FakeSumAnalysis>(b), 10), 3, &out));
    QCOMPARE(out.status, JobOutcome::Status::Failed);
    QCOMPARE(out.error, QStringLiteral("merge exploded at row 50"));
    QCOMPARE(b->abandoned, 1);
    QCOMPARE(b->finalized, 0);
}

// Merges slower than the tasks (5 ms against ~1 ms): chunks finish while another lane merges
// and wait in the merger; every chunk is still merged once, in chunk order, and the job ends.
void TestRun::slowMergesStayInOrder()
{
    auto src = std::make_shared<FakeSource>(600);
    auto b = std::make_shared<FakeBehaviour>();
    b->mergeMs = 5;
    b->taskMs = 1;
    JobOutcome out;
    QVERIFY(runAlone(sumJob(src, std::make_shared<FakeSumAnalysis>(b), 10), 4, &out, 20000));
    QCOMPARE(out.status, JobOutcome::Status::Done);
    QVERIFY2(out.result.json.value(QStringLiteral("inOrder")).toBool(), "merged out of chunk order");
    QCOMPARE(out.result.json.value(QStringLiteral("chunks")).toInteger(), 60);
    QCOMPARE(out.result.json.value(QStringLiteral("count")).toInteger(), 600);
    QCOMPARE(out.result.json.value(QStringLiteral("sum")).toInteger(), expectedSum(600));
}

void TestRun::snapshotAfterFinishHasEveryAttemptOnce()
{
    auto src = std::make_shared<FakeSource>(3000);
    auto b = std::make_shared<FakeBehaviour>();
    b->failFirst[5] = 1;
    RunOptions o;
    o.workers = 3;
    o.retries = 1;
    o.retryBackoffMs = 1;
    Run run(o);
    run.addJob(sumJob(src, std::make_shared<FakeSumAnalysis>(b), 10));
    run.start();
    std::map<std::int64_t, TaskRecord> seen;
    int snaps = 0;
    while (!run.isFinished() && snaps < 10000) {
        for (const auto &r : run.snapshot().changed)
            seen[r.attemptId] = r;
        ++snaps;
    }
    QVERIFY(run.wait(10000));
    const RunSnapshot last = run.snapshot();
    for (const auto &r : last.changed)
        seen[r.attemptId] = r;
    QCOMPARE(int(seen.size()), 301);
    // Ids are dense 0..n-1, and the final states agree with records().
    const auto recs = run.records();
    QCOMPARE(int(recs.size()), 301);
    for (const auto &r : recs) {
        QCOMPARE(seen[r.attemptId].state, r.state);
        QCOMPARE(seen[r.attemptId].attemptId, r.attemptId);
    }
    QCOMPARE(last.summary.tasksDone, 300);
    QCOMPARE(last.summary.retries, 1);
    // A second snapshot after the final one has nothing new.
    QVERIFY(run.snapshot().changed.empty());
}

QTEST_GUILESS_MAIN(TestRun)
#include "tst_run.moc"
