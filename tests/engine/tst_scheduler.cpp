// Schedule stage: policy order (Scheduler directly and through a 1-worker Run), memory budget
// with head-of-line order and the oversize warning, cost learning.
#include "exec/run.h"
#include "fakeanalysis.h"
#include "fakesource.h"
#include "schedule/scheduler.h"
#include <QtTest>

using namespace sf;
using namespace sf::test;

namespace {
ReadyTask task(int job, std::int64_t id, int priority, double units, std::int64_t memory = 0)
{
    ReadyTask t;
    t.spec.id = id;
    t.spec.job = job;
    t.spec.chunk = id;
    t.spec.priority = priority;
    t.spec.estMemory = memory;
    t.units = units;
    return t;
}

std::vector<std::int64_t> drain(Scheduler &s)
{
    std::vector<std::int64_t> ids;
    while (auto t = s.pop(0)) ids.push_back(t->spec.id);
    return ids;
}

// Task start order of a 1-worker run of synthetic tasks: (job, plan) pairs.
std::vector<std::int64_t> runOrder(SchedulePolicy policy, const std::vector<std::vector<PlannedTask>> &plans,
                                   const std::vector<int> &jobPriorities, std::shared_ptr<FakeBehaviour> b)
{
    RunOptions o;
    o.workers = 1;
    o.policy = policy;
    Run run(o);
    for (std::size_t j = 0; j < plans.size(); ++j) {
        JobSpec spec;
        spec.analysis = std::make_shared<FakeSyntheticAnalysis>(plans[j], false, b);
        spec.priority = jobPriorities[j];
        run.addJob(spec);
    }
    run.start();
    if (!run.wait(20000)) return {};
    return b->startOrder;
}
} // namespace

class TestScheduler : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void policyNames();
    void schedulerOrders();
    void costLearningOrdersAcrossJobs();
    void runOrderPerPolicy_data();
    void runOrderPerPolicy();
    void memoryBudgetNeverExceeded();
    void headOfLineIsKept();
    void oversizeTaskRunsAloneWithWarning();
    void dataTaskMemoryIsTwiceItsBytes();
};

void TestScheduler::policyNames()
{
    for (auto p : {SchedulePolicy::Fifo, SchedulePolicy::Priority, SchedulePolicy::Shortest,
                   SchedulePolicy::Longest, SchedulePolicy::Fair}) {
        SchedulePolicy back{};
        QVERIFY(schedulePolicyFromName(schedulePolicyName(p), &back));
        QCOMPARE(back, p);
    }
    SchedulePolicy p{};
    QVERIFY(schedulePolicyFromName(QStringLiteral("shortest-first"), &p));
    QCOMPARE(p, SchedulePolicy::Shortest);
    QVERIFY(!schedulePolicyFromName(QStringLiteral("random"), &p));
    QCOMPARE(schedulePolicyName(SchedulePolicy::Fair), QStringLiteral("fair"));
}

void TestScheduler::schedulerOrders()
{
    auto fill = [](Scheduler &s) {
        s.addJob(1);
        s.addJob(5);
        s.push(task(0, 0, 0, 30));
        s.push(task(0, 1, 2, 10));
        s.push(task(1, 2, 0, 20));
        s.push(task(0, 3, 2, 10));
        s.push(task(1, 4, 1, 40));
        s.push(task(1, 5, 0, 20));
    };
    {
        Scheduler s(SchedulePolicy::Fifo, 0);
        fill(s);
        QCOMPARE(s.readyCount(), std::size_t(6));
        QCOMPARE(drain(s), (std::vector<std::int64_t>{0, 1, 2, 3, 4, 5}));
    }
    {
        Scheduler s(SchedulePolicy::Priority, 0);
        fill(s); // job 1 (priority 5) first: task priority desc, then FIFO
        QCOMPARE(drain(s), (std::vector<std::int64_t>{4, 2, 5, 1, 3, 0}));
    }
    {
        Scheduler s(SchedulePolicy::Shortest, 0);
        fill(s); // 1 ns/row before learning: cost = units; ties FIFO
        QCOMPARE(drain(s), (std::vector<std::int64_t>{1, 3, 2, 5, 0, 4}));
    }
    {
        Scheduler s(SchedulePolicy::Longest, 0);
        fill(s);
        QCOMPARE(drain(s), (std::vector<std::int64_t>{4, 0, 2, 5, 1, 3}));
    }
    {
        Scheduler s(SchedulePolicy::Fair, 0);
        fill(s); // round-robin over jobs, FIFO within a job
        QCOMPARE(drain(s), (std::vector<std::int64_t>{0, 2, 1, 4, 3, 5}));
    }
    {
        Scheduler s(SchedulePolicy::Fifo, 0);
        fill(s);
        const auto taken = s.takeJob(1);
        QCOMPARE(int(taken.size()), 3);
        QCOMPARE(taken[0].spec.id, 2);
        QCOMPARE(taken[2].spec.id, 5);
        QCOMPARE(drain(s), (std::vector<std::int64_t>{0, 1, 3}));
    }
}

void TestScheduler::costLearningOrdersAcrossJobs()
{
    Scheduler s(SchedulePolicy::Shortest, 0);
    s.addJob(0);
    s.addJob(0);
    QCOMPARE(s.costPerUnit(0), 1.0);
    s.learn(0, 100, 100000); // 1000 ns/row
    s.learn(1, 100, 1000);   // 10 ns/row
    QCOMPARE(s.costPerUnit(0), 1000.0);
    s.learn(0, 100, 200000); // EWMA: 0.8 × 1000 + 0.2 × 2000
    QCOMPARE(s.costPerUnit(0), 1200.0);
    s.push(task(0, 0, 0, 10));  // 12 µs expected
    s.push(task(1, 1, 0, 500)); // 5 µs expected
    auto t = s.pop(0);
    QVERIFY(t);
    QCOMPARE(t->spec.id, 1);
    QCOMPARE(t->spec.estCostNs, 5000.0);
    QCOMPARE(s.estimateCost(0, 10), 12000.0);
}

void TestScheduler::runOrderPerPolicy_data()
{
    QTest::addColumn<int>("policy");
    QTest::addColumn<std::vector<std::int64_t>>("expected");
    // Job 0 (priority 1): costs 3,1,2 ms with task priorities 0,2,1; job 1 (priority 2): 2 ms, 4 ms.
    // Task ids: job 0 → 0,1,2; job 1 → 3,4.
    QTest::newRow("fifo") << int(SchedulePolicy::Fifo) << std::vector<std::int64_t>{0, 1, 2, 3, 4};
    QTest::newRow("priority") << int(SchedulePolicy::Priority) << std::vector<std::int64_t>{3, 4, 1, 2, 0};
    QTest::newRow("shortest") << int(SchedulePolicy::Shortest) << std::vector<std::int64_t>{1, 2, 3, 0, 4};
    QTest::newRow("longest") << int(SchedulePolicy::Longest) << std::vector<std::int64_t>{4, 0, 3, 2, 1};
    QTest::newRow("fair") << int(SchedulePolicy::Fair) << std::vector<std::int64_t>{0, 3, 1, 4, 2};
}

void TestScheduler::runOrderPerPolicy()
{
    QFETCH(int, policy);
    QFETCH(std::vector<std::int64_t>, expected);
    auto b = std::make_shared<FakeBehaviour>();
    const std::vector<std::vector<PlannedTask>> plans = {
        {PlannedTask{3e6, 0, 0}, PlannedTask{1e6, 0, 2}, PlannedTask{2e6, 0, 1}},
        {PlannedTask{2.5e6, 0, 0}, PlannedTask{4e6, 0, 0}},
    };
    QCOMPARE(runOrder(SchedulePolicy(policy), plans, {1, 2}, b), expected);
}

void TestScheduler::memoryBudgetNeverExceeded()
{
    std::vector<PlannedTask> plan;
    for (int i = 0; i < 60; ++i) plan.push_back(PlannedTask{2e6, 10 + (i * 37) % 50, 0});
    RunOptions o;
    o.workers = 4;
    o.memoryBudget = 100;
    Run run(o);
    JobSpec j;
    j.analysis = std::make_shared<FakeSyntheticAnalysis>(plan);
    run.addJob(j);
    run.start();
    QVERIFY(run.wait(20000));
    QCOMPARE(run.outcome(0).status, JobOutcome::Status::Done);
    const auto recs = run.records();
    QCOMPARE(int(recs.size()), 60);
    std::vector<std::pair<std::int64_t, std::int64_t>> events; // (time, ±memory), ends first
    for (const auto &r : recs) {
        QCOMPARE(r.memory, plan[std::size_t(r.firstRow)].memory);
        events.push_back({r.startedNs, r.memory});
        events.push_back({r.finishedNs, -r.memory});
    }
    std::sort(events.begin(), events.end());
    std::int64_t inFlight = 0, peak = 0;
    for (const auto &[t, m] : events) {
        inFlight += m;
        peak = std::max(peak, inFlight);
    }
    QVERIFY2(peak <= 100, qPrintable(QString::number(peak)));
    QVERIFY(peak > 50); // the budget was actually used by several tasks at once
    QVERIFY(run.summary().warnings.isEmpty());
}

void TestScheduler::headOfLineIsKept()
{
    // FIFO, budget 100: task 1 (60) cannot start next to task 0 (60); the small tasks behind
    // it must wait rather than skip ahead.
    const std::vector<PlannedTask> plan = {PlannedTask{30e6, 60, 0}, PlannedTask{30e6, 60, 0},
                                           PlannedTask{1e6, 10, 0}, PlannedTask{1e6, 10, 0}};
    RunOptions o;
    o.workers = 4;
    o.memoryBudget = 100;
    Run run(o);
    JobSpec j;
    j.analysis = std::make_shared<FakeSyntheticAnalysis>(plan);
    run.addJob(j);
    run.start();
    QVERIFY(run.wait(10000));
    auto recs = run.records();
    std::sort(recs.begin(), recs.end(), [](auto &a, auto &b) { return a.taskId < b.taskId; });
    QVERIFY(recs[1].startedNs >= recs[0].finishedNs);
    QVERIFY(recs[2].startedNs >= recs[1].startedNs);
    QVERIFY(recs[3].startedNs >= recs[1].startedNs);
}

void TestScheduler::oversizeTaskRunsAloneWithWarning()
{
    const std::vector<PlannedTask> plan = {PlannedTask{5e6, 40, 0}, PlannedTask{20e6, 3000000000LL, 0},
                                           PlannedTask{5e6, 40, 0}, PlannedTask{5e6, 40, 0}};
    RunOptions o;
    o.workers = 3;
    o.memoryBudget = 1000000000;
    Run run(o);
    JobSpec j;
    j.analysis = std::make_shared<FakeSyntheticAnalysis>(plan);
    run.addJob(j);
    run.start();
    QVERIFY(run.wait(10000));
    QCOMPARE(run.outcome(0).status, JobOutcome::Status::Done);
    auto recs = run.records();
    std::sort(recs.begin(), recs.end(), [](auto &a, auto &b) { return a.taskId < b.taskId; });
    const TaskRecord big = recs[1];
    for (const auto &r : recs) {
        if (r.taskId == big.taskId) continue;
        const bool overlaps = r.startedNs < big.finishedNs && big.startedNs < r.finishedNs;
        QVERIFY(!overlaps);
    }
    const QStringList warnings = run.summary().warnings;
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings.front(), QStringLiteral("task 1 needs 3.0 GB, more than the 1.0 GB budget: ran alone"));
}

void TestScheduler::dataTaskMemoryIsTwiceItsBytes()
{
    auto src = std::make_shared<FakeSource>(500, 16);
    RunOptions o;
    o.workers = 2;
    Run run(o);
    JobSpec j;
    j.source = src;
    j.analysis = std::make_shared<FakeSumAnalysis>();
    j.partition.size = 64;
    run.addJob(j);
    run.start();
    QVERIFY(run.wait(10000));
    for (const auto &r : run.records()) QCOMPARE(r.memory, (r.byteEnd - r.byteBegin) * 2);
}

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
