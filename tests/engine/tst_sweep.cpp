// Tuning: sweep plans and samples, the sampled source (rows read, chunks across segments),
// run diagnostics from hand-made records, and sweeps over workloads with known costs that must
// pick the expected setting and name why the others lose.
#include "analysis/syntheticanalysis.h"
#include "fakeanalysis.h"
#include "fakesource.h"
#include "tuning/recommendation.h"
#include "tuning/sampledsource.h"
#include "tuning/sweeprunner.h"
#include <QtTest>

using namespace sf;
using namespace sf::test;

namespace {

// Every task costs `fixedMs` plus `rowUs` per row, slept (not spun) so the timings hold on a
// busy machine: the shape of a real analysis with a per-task set-up cost.
class CostedAnalysis : public Analysis {
public:
    struct CountPartial : Partial {
        std::int64_t rows = 0;
    };
    CostedAnalysis(double fixedMs, double rowUs)
        : m_fixedMs(fixedMs)
        , m_rowUs(rowUs)
    {}
    QString name() const override { return QStringLiteral("costed"); }
    bool prepare(const Schema &, QString *) override { return true; }
    std::unique_ptr<Partial> createPartial() const override
    {
        return std::make_unique<CountPartial>();
    }
    void process(Partial &partial, TaskInput &input) const override
    {
        auto &p = static_cast<CountPartial &>(partial);
        Record r;
        std::int64_t rows = 0;
        while (input.reader->next(r))
            ++rows;
        p.rows += rows;
        std::this_thread::sleep_for(
            std::chrono::microseconds(std::int64_t(m_fixedMs * 1000 + m_rowUs * double(rows))));
        input.context.checkpoint(rows, 0);
    }
    void merge(Partial &acc, Partial &later) const override
    {
        static_cast<CountPartial &>(acc).rows += static_cast<CountPartial &>(later).rows;
    }
    AnalysisResult finalize(Partial &merged) const override
    {
        AnalysisResult r;
        r.json.insert(QStringLiteral("rows"), qint64(static_cast<CountPartial &>(merged).rows));
        return r;
    }

private:
    double m_fixedMs, m_rowUs;
};

TaskRecord ran(int lane, double queuedMs, double startMs, double endMs)
{
    TaskRecord t;
    t.worker = lane;
    t.state = TaskState::Done;
    t.queuedNs = std::int64_t(queuedMs * 1e6);
    t.startedNs = std::int64_t(startMs * 1e6);
    t.finishedNs = std::int64_t(endMs * 1e6);
    return t;
}

SweepJob syntheticJob(const SyntheticOptions &s, std::int64_t budget = 0)
{
    SweepJob job;
    job.name = QStringLiteral("synthetic");
    job.makeAnalysis = [s](QString *error) -> std::shared_ptr<Analysis> {
        AnalysisOptions o;
        o.synthetic = s;
        auto a = std::make_shared<SyntheticAnalysis>(o);
        if (!a->prepare(Schema{}, error)) return nullptr;
        return a;
    };
    job.run.memoryBudget = budget;
    return job;
}

const SweepVerdict *loser(const Recommendation &r, const SweepSetting &s)
{
    for (const SweepVerdict &v : r.losers)
        if (v.setting == s) return &v;
    return nullptr;
}

} // namespace

class TestSweep : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void planOrderAndValidation();
    void sampleParsing();
    void samplePlans();
    void sampledSourceReadsItsRows();
    void diagnosticsFromRecords();
    void twoSleepingWorkersBeatOne();
    void tinyTasksLoseToOverheadLargeOnesToTheTail();
    void sampleIsUsedAndSaid();
    void memoryBudgetIsNamed();
    void cancelKeepsFinishedCells();
    void verdictsFromKnownCells();
};

void TestSweep::planOrderAndValidation()
{
    SweepPlan plan;
    plan.chunks = {100, 1000};
    plan.workers = {1, 2};
    plan.policies = {SchedulePolicy::Fifo, SchedulePolicy::Longest};
    plan.repeats = 2;
    const std::vector<SweepSetting> s = plan.settings();
    QCOMPARE(s.size(), std::size_t(8));
    QCOMPARE(plan.runCount(), 16);
    QCOMPARE(s[0].describe(), QStringLiteral("chunk_rows=100 workers=1 policy=fifo"));
    QCOMPARE(s[1].describe(), QStringLiteral("chunk_rows=100 workers=2 policy=fifo"));
    QCOMPARE(s[2].describe(), QStringLiteral("chunk_rows=100 workers=1 policy=longest"));
    QCOMPARE(s[7].describe(), QStringLiteral("chunk_rows=1000 workers=2 policy=longest"));
    QString error;
    QVERIFY(plan.validate(&error));
    plan.workers = {};
    QVERIFY(!plan.validate(&error));
    QCOMPARE(error, QStringLiteral("the sweep needs at least one worker count"));
    plan.workers = {0};
    QVERIFY(!plan.validate(&error));
    QCOMPARE(error, QStringLiteral("worker counts must be positive"));
    plan.workers = {1};
    plan.chunks = {100, -5};
    QVERIFY(!plan.validate(&error));
    QCOMPARE(error, QStringLiteral("chunk sizes must be positive"));
    plan.chunks = {0}; // no chunking: synthetic
    QVERIFY(plan.validate(&error));
    QCOMPARE(plan.settings()[0].describe(), QStringLiteral("workers=1 policy=fifo"));
}

void TestSweep::sampleParsing()
{
    SweepSample s;
    QString error;
    QVERIFY(SweepSample::parse(QStringLiteral("first:8"), &s, &error));
    QCOMPARE(s.kind, SweepSample::Kind::First);
    QCOMPARE(s.chunks, std::int64_t(8));
    QCOMPARE(s.name(), QStringLiteral("first:8"));
    QVERIFY(SweepSample::parse(QStringLiteral("stratified:3"), &s, &error));
    QCOMPARE(s.kind, SweepSample::Kind::Stratified);
    QVERIFY(SweepSample::parse(QStringLiteral("all"), &s, &error));
    QCOMPARE(s.kind, SweepSample::Kind::All);
    for (const char *bad : {"first", "first:0", "stratified:x", "last:3", "first:-2"}) {
        QVERIFY(!SweepSample::parse(QLatin1String(bad), &s, &error));
        QCOMPARE(error, QStringLiteral("sample must be first:N or stratified:N with N ≥ 1, got '") +
                            QLatin1String(bad) + QLatin1Char('\''));
    }
}

void TestSweep::samplePlans()
{
    using Seg = SampledSource::Segment;
    auto flat = [](const std::vector<Seg> &v) {
        QList<std::int64_t> out;
        for (const Seg &s : v)
            out << s.firstRow << s.rowCount;
        return out;
    };
    SweepSample first{SweepSample::Kind::First, 3};
    QCOMPARE(flat(SampledSource::plan(first, 100, 1000)), (QList<std::int64_t>{0, 300}));
    QCOMPARE(flat(SampledSource::plan(first, 400, 1000)), (QList<std::int64_t>{0, 1000}));
    SweepSample strat{SweepSample::Kind::Stratified, 4};
    QCOMPARE(flat(SampledSource::plan(strat, 50, 1000)),
             (QList<std::int64_t>{0, 50, 250, 50, 500, 50, 750, 50}));
    QCOMPARE(flat(SampledSource::plan(strat, 250, 1000)), (QList<std::int64_t>{0, 1000}));
    QCOMPARE(flat(SampledSource::plan(SweepSample{}, 10, 77)), (QList<std::int64_t>{0, 77}));
}

void TestSweep::sampledSourceReadsItsRows()
{
    auto base = std::make_shared<FakeSource>(1000, 16);
    SampledSource sample(base, {{0, 50}, {250, 50}, {500, 50}, {750, 50}});
    QCOMPARE(sample.rowCount(), std::int64_t(200));
    QCOMPARE(sample.index().checkpoints.size(), std::size_t(13)); // every 16 of 200 rows
    QCOMPARE(sample.byteSize(), (FakeSource::offsetOf(50) - FakeSource::offsetOf(0)) +
                                    (FakeSource::offsetOf(300) - FakeSource::offsetOf(250)) +
                                    (FakeSource::offsetOf(550) - FakeSource::offsetOf(500)) +
                                    (FakeSource::offsetOf(800) - FakeSource::offsetOf(750)));
    // A chunk across a segment boundary reads the end of one and the start of the next.
    RejectSink sink;
    auto reader = sample.reader(ChunkRange{40, 30, 0, 0}, sink);
    QList<std::int64_t> rows;
    Record r;
    while (reader->next(r))
        rows.append(r.row);
    QCOMPARE(rows.size(), 30);
    QCOMPARE(rows.first(), std::int64_t(40));
    QCOMPARE(rows[9], std::int64_t(49));
    QCOMPARE(rows[10], std::int64_t(250));
    QCOMPARE(rows.last(), std::int64_t(269));
    QCOMPARE(reader->rowsConsumed(), std::int64_t(30));

    // A whole run over the sample sees exactly its rows, whatever the chunking.
    auto shared = std::make_shared<SampledSource>(base, sample.segments());
    std::int64_t expectedSum = 0;
    for (std::int64_t s : {0, 250, 500, 750})
        for (std::int64_t row = s; row < s + 50; ++row)
            expectedSum += FakeSource::valueOf(row);
    for (std::int64_t chunk : {7, 64, 1000}) {
        RunOptions o;
        o.workers = 2;
        Run run(o);
        JobSpec job;
        job.source = shared;
        job.analysis = std::make_shared<FakeSumAnalysis>();
        job.partition.size = chunk;
        run.addJob(job);
        run.start();
        QVERIFY(run.wait(20000));
        const JobOutcome out = run.outcome(0);
        QCOMPARE(out.status, JobOutcome::Status::Done);
        QCOMPARE(out.result.json.value(QStringLiteral("count")).toInteger(), 200);
        QCOMPARE(out.result.json.value(QStringLiteral("sum")).toInteger(), expectedSum);
    }
}

void TestSweep::diagnosticsFromRecords()
{
    // Two lanes over 10 ms: lane 0 busy 0–4 and 5–10, lane 1 busy 0–2 then idle. Until the
    // third task starts at 5 ms it waits with lane 1 free (a gap, as no budget is set), and
    // one lane idles with nothing for it from 4 ms, both from 5 ms: the tail.
    std::vector<TaskRecord> recs{ran(0, 0, 0, 4), ran(0, 0, 5, 10), ran(1, 0, 0, 2)};
    TaskRecord queuedOnly; // cancelled before it ran: not counted
    queuedOnly.worker = -1;
    recs.push_back(queuedOnly);
    RunDiagnostics d = RunDiagnostics::of(recs, 2, 0);
    QCOMPARE(d.tasks, std::int64_t(3));
    QCOMPARE(d.makespanMs, 10.0);
    QCOMPARE(d.capacityMs, 20.0);
    QCOMPARE(d.busyMs, 11.0);
    QCOMPARE(d.tailIdleMs, 6.0);
    QCOMPARE(d.gapMs, 3.0);
    QCOMPARE(d.busyMs + d.tailIdleMs + d.gapMs + d.budgetIdleMs, d.capacityMs);
    QCOMPARE(d.budgetIdleMs, 0.0); // no budget: nothing put down to it
    QCOMPARE(d.meanTaskMs(), 11.0 / 3);

    // Under a budget, tasks queued at 0 start one after another while lane 1 sits free.
    std::vector<TaskRecord> serial{ran(0, 0, 0, 5), ran(1, 0, 5, 10), ran(0, 0, 10, 15)};
    d = RunDiagnostics::of(serial, 2, 1 << 20);
    QCOMPARE(d.budgetWaitTasks, std::int64_t(2));
    QCOMPARE(d.budgetIdleMs, 10.0); // one lane free 0–10 ms while work waited
    QCOMPARE(d.tailIdleMs, 5.0);    // lane 1 after 10 ms
}

void TestSweep::twoSleepingWorkersBeatOne()
{
    SyntheticOptions s;
    s.tasks = 20;
    s.meanMs = 5;
    s.cpuBound = false;
    SweepPlan plan;
    plan.workers = {1, 2};
    plan.repeats = 3;
    SweepRunner runner(plan, syntheticJob(s));
    QString error;
    QVERIFY2(runner.prepare(&error), qPrintable(error));
    QList<int> seen;
    SweepHooks hooks;
    hooks.onRun = [&](const SweepProgress &p) { seen.append(p.runsDone); };
    const SweepResult result = runner.run(hooks);
    QCOMPARE(result.status, SweepResult::Status::Complete);
    QCOMPARE(seen, (QList<int>{1, 2, 3, 4, 5, 6}));
    QCOMPARE(result.cells.size(), 2);
    const SweepCell &two = result.cells[1];
    QCOMPARE(two.setting.workers, 2);
    QCOMPARE(two.wallMs.size(), std::size_t(3));
    QVERIFY2(two.speedup > 1.5, qPrintable(QString::number(two.speedup)));
    QCOMPARE(two.efficiency, two.speedup / 2);
    QCOMPARE(two.diag.tasks, std::int64_t(20));

    const Recommendation rec = Recommendation::from(result);
    QVERIFY(rec.valid);
    QCOMPARE(rec.best.setting.workers, 2);
    QCOMPARE(rec.losers.size(), 1);
    QCOMPARE(rec.losers[0].cause, LossCause::FewerWorkers);
    QCOMPARE(rec.losers[0].reason, QStringLiteral("fewer workers: 1 instead of 2"));
    const QString text = rec.text();
    QVERIFY2(text.startsWith(QStringLiteral("Best: workers=2 policy=fifo, median ")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(" over 1 worker(s), ")) &&
                 text.contains(QStringLiteral(" of the ideal 2×")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("  workers=1 policy=fifo: ")));
}

void TestSweep::tinyTasksLoseToOverheadLargeOnesToTheTail()
{
    // 2000 rows at 50 µs plus 1 ms per task. Chunks of 10 rows: 200 tasks, two thirds of the
    // time per-task cost. Chunks of 1000: two tasks, so two of four workers idle all run.
    // Chunks of 250 on 4 workers (8 tasks of 13.5 ms, two per worker) win.
    auto source = std::make_shared<FakeSource>(2000, 16);
    SweepJob job;
    job.name = QStringLiteral("costed");
    job.source = source;
    job.makeAnalysis = [](QString *) { return std::make_shared<CostedAnalysis>(1.0, 50.0); };
    SweepPlan plan;
    plan.chunks = {10, 250, 1000};
    plan.workers = {1, 4};
    plan.repeats = 3;
    SweepRunner runner(plan, job);
    QString error;
    QVERIFY(runner.prepare(&error));
    QVERIFY(runner.sampleNote().isEmpty());
    const SweepResult result = runner.run();
    QCOMPARE(result.status, SweepResult::Status::Complete);
    QVERIFY(!result.resultsDiffer);
    QCOMPARE(result.cells.size(), 6);
    // The fit recovers the per-task cost (sleeps overshoot a little).
    QVERIFY2(result.fixedMsPerTask > 0.8 && result.fixedMsPerTask < 2.0,
             qPrintable(QString::number(result.fixedMsPerTask)));

    const Recommendation rec = Recommendation::from(result);
    QCOMPARE(rec.best.setting.describe(), QStringLiteral("chunk_rows=250 workers=4 policy=fifo"));
    const SweepVerdict *tiny = loser(rec, {10, false, 4, SchedulePolicy::Fifo});
    QVERIFY(tiny);
    QCOMPARE(tiny->cause, LossCause::Overhead);
    QVERIFY2(tiny->reason.startsWith(QStringLiteral("too many tiny tasks: 200 task(s) of ")),
             qPrintable(tiny->reason));
    QVERIFY(tiny->reason.contains(QStringLiteral("overhead took ")));
    QCOMPARE(loser(rec, {10, false, 1, SchedulePolicy::Fifo})->cause, LossCause::Overhead);
    const SweepVerdict *large = loser(rec, {1000, false, 4, SchedulePolicy::Fifo});
    QVERIFY(large);
    QCOMPARE(large->cause, LossCause::TailIdle);
    QVERIFY2(
        large->reason.startsWith(QStringLiteral("too few large tasks: 2 task(s) for 4 worker(s); "
                                                "workers sat idle after their last task for ")),
        qPrintable(large->reason));
    QCOMPARE(loser(rec, {250, false, 1, SchedulePolicy::Fifo})->cause, LossCause::FewerWorkers);
    const QString text = rec.text();
    QVERIFY(text.contains(QStringLiteral("Why the others lose:\n")));
    QVERIFY(text.contains(QStringLiteral("chunk_rows=10 workers=4 policy=fifo: ")));
    QVERIFY(text.contains(QStringLiteral("too many tiny tasks")));
    QVERIFY(text.contains(QStringLiteral("too few large tasks")));
}

void TestSweep::sampleIsUsedAndSaid()
{
    auto source = std::make_shared<FakeSource>(2000, 16);
    SweepJob job;
    job.source = source;
    job.makeAnalysis = [](QString *) { return std::make_shared<CostedAnalysis>(0.0, 1.0); };
    SweepPlan plan;
    plan.chunks = {100, 250};
    plan.repeats = 1;
    QString error;
    QVERIFY(SweepSample::parse(QStringLiteral("first:2"), &plan.sample, &error));
    SweepRunner first(plan, job);
    QVERIFY(first.prepare(&error));
    QCOMPARE(first.sampleNote(),
             QStringLiteral("Measured on a sample: the first 2 chunks of 250 rows (500 of 2000 "
                            "rows, 25.0%)."));
    const SweepResult r = first.run();
    QCOMPARE(r.datasetRows, std::int64_t(500));
    QCOMPARE(r.cells[0].rows, std::int64_t(500));
    QCOMPARE(r.cells[0].diag.tasks, std::int64_t(5)); // 500 rows in chunks of 100
    QCOMPARE(r.cells[1].diag.tasks, std::int64_t(2));
    QVERIFY(Recommendation::from(r).text().contains(first.sampleNote()));

    QVERIFY(SweepSample::parse(QStringLiteral("stratified:4"), &plan.sample, &error));
    SweepRunner strat(plan, job);
    QVERIFY(strat.prepare(&error));
    QCOMPARE(strat.sampleNote(),
             QStringLiteral("Measured on a stratified sample: 4 chunks of 250 rows spread evenly "
                            "over the dataset (1000 of 2000 rows, 50.0%)."));
    QCOMPARE(strat.source()->rowCount(), std::int64_t(1000));

    QVERIFY(SweepSample::parse(QStringLiteral("first:100"), &plan.sample, &error));
    SweepRunner all(plan, job);
    QVERIFY(all.prepare(&error));
    QCOMPARE(all.sampleNote(),
             QStringLiteral("The sample first:100 covers the whole dataset (2000 rows)."));
    QCOMPARE(all.source().get(), source.get());

    SweepRunner synthetic(plan, syntheticJob(SyntheticOptions{}));
    QVERIFY(!synthetic.prepare(&error));
    QCOMPARE(error, QStringLiteral("a sample needs a dataset; this analysis reads none"));
}

void TestSweep::memoryBudgetIsNamed()
{
    // Each task needs the whole 1 MiB budget, so a second worker can never start one.
    SyntheticOptions s;
    s.tasks = 12;
    s.meanMs = 5;
    s.cpuBound = false;
    s.memoryPerTask = 1 << 20;
    SweepPlan plan;
    plan.workers = {1, 2};
    plan.repeats = 1;
    SweepRunner runner(plan, syntheticJob(s, 1 << 20));
    const SweepResult result = runner.run();
    QCOMPARE(result.status, SweepResult::Status::Complete);
    const SweepCell &two = result.cells[1];
    QVERIFY2(two.diag.budgetWaitTasks >= 10, qPrintable(QString::number(two.diag.budgetWaitTasks)));
    QVERIFY2(two.budgetShare() > 0.3, qPrintable(QString::number(two.budgetShare())));
    const QString text = Recommendation::from(result).text();
    QVERIFY2(text.contains(QStringLiteral("memory budget hit: ")) &&
                 text.contains(QStringLiteral(" task(s) waited for the 1.0 MB budget while workers "
                                              "were free")),
             qPrintable(text));
}

void TestSweep::cancelKeepsFinishedCells()
{
    SyntheticOptions s;
    s.tasks = 10;
    s.meanMs = 2;
    s.cpuBound = false;
    SweepPlan plan;
    plan.workers = {1, 2, 3};
    plan.repeats = 1;
    SweepRunner runner(plan, syntheticJob(s));
    std::atomic<bool> cancel{false};
    SweepHooks hooks;
    hooks.cancel = &cancel;
    hooks.onRun = [&](const SweepProgress &p) {
        if (p.runsDone == 2) cancel = true;
    };
    const SweepResult result = runner.run(hooks);
    QCOMPARE(result.status, SweepResult::Status::Cancelled);
    QCOMPARE(result.cells.size(), 2);
}

void TestSweep::verdictsFromKnownCells()
{
    // Hand-made cells, no timing: 2 workers win but each row costs 1.5× the 1-worker cell's;
    // 4 workers are within noise of them.
    auto cell = [](int workers, double wall, double busy) {
        SweepCell c;
        c.setting = {100, false, workers, SchedulePolicy::Fifo};
        c.wallMs = {wall};
        c.rows = 1000;
        c.diag.workers = workers;
        c.diag.tasks = 10;
        c.diag.makespanMs = wall;
        c.diag.capacityMs = wall * workers;
        c.diag.busyMs = busy;
        c.diag.gapMs = c.diag.capacityMs - busy;
        return c;
    };
    SweepResult r;
    r.cells = {cell(1, 100, 100), cell(2, 80, 150), cell(4, 81, 310)};
    r.compute();
    QCOMPARE(r.fixedMsPerTask, 0.0); // one chunk size: per-task cost cannot be told apart
    const Recommendation rec = Recommendation::from(r);
    QCOMPARE(rec.best.setting.workers, 2);
    QCOMPARE(rec.efficiency, 0.625);
    QCOMPARE(rec.limiter, QStringLiteral("more workers than pay off: each row took 50% longer "
                                         "than with 1 worker(s) (contention for cores, memory or "
                                         "disk)"));
    QCOMPARE(rec.losers.size(), 2);
    QCOMPARE(rec.losers[0].setting.workers, 4);
    QCOMPARE(rec.losers[0].cause, LossCause::Noise);
    QCOMPARE(rec.losers[0].reason, QStringLiteral("within 3% of the best: measurement noise"));
    QCOMPARE(rec.losers[1].cause, LossCause::FewerWorkers);
    QCOMPARE(lossCauseName(rec.losers[1].cause), QStringLiteral("fewer-workers"));
    QCOMPARE(rec.text(),
             QStringLiteral(
                 "Best: chunk_rows=100 workers=2 policy=fifo, median 80.0 ms; speedup 1.25× over 1 "
                 "worker(s), 63% of the ideal 2×\n"
                 "Held back from ideal by more workers than pay off: each row took 50% longer than "
                 "with 1 worker(s) (contention for cores, memory or disk)\n"
                 "Why the others lose:\n"
                 "  chunk_rows=100 workers=4 policy=fifo: 1.01× slower — within 3% of the best: "
                 "measurement noise\n"
                 "  chunk_rows=100 workers=1 policy=fifo: 1.25× slower — fewer workers: 1 instead "
                 "of 2\n"));
    QCOMPARE(rec.text(1).section(QLatin1Char('\n'), -2, -2), QStringLiteral("  (1 more)"));
}

QTEST_GUILESS_MAIN(TestSweep)
#include "tst_sweep.moc"
