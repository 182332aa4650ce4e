// Engine overhead per task: N no-op tasks through a monitored Run (snapshots taken at 30 Hz
// meanwhile, as the workbench takes them) against a bare QThreadPool::start loop and one
// QtConcurrent::run per task, in the same process and with the same worker count. Target: Run
// ≤ 1.5× the bare loop. Like the bare loop (best of two), the monitored Run counts its best of
// three; the first of them, the process's first run, is printed as "cold": it pays the first
// touch of every page of the attempt table (152 bytes per attempt), which later runs reuse.
// Usage: bench_engine_overhead [tasks=200000] [workers=idealThreadCount] [engine]
// ("engine" runs only one monitored engine run, for perf)
#include "core/allocator.h"
#include "exec/run.h"
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFuture>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <thread>

using namespace sf;

namespace {

// One no-op task per planned entry; merging just counts, so the result proves every task ran.
class NoopAnalysis : public Analysis {
public:
    struct CountPartial : Partial {
        std::int64_t n = 0;
    };
    explicit NoopAnalysis(std::int64_t tasks) : m_tasks(tasks) {}
    QString name() const override { return QStringLiteral("noop"); }
    bool needsDataset() const override { return false; }
    bool prepare(const Schema &, QString *) override { return true; }
    std::vector<PlannedTask> plannedTasks() const override
    {
        return std::vector<PlannedTask>(std::size_t(m_tasks), PlannedTask{1000, 0, 0});
    }
    std::unique_ptr<Partial> createPartial() const override { return std::make_unique<CountPartial>(); }
    void process(Partial &p, TaskInput &) const override { static_cast<CountPartial &>(p).n = 1; }
    void merge(Partial &acc, Partial &later) const override
    {
        static_cast<CountPartial &>(acc).n += static_cast<CountPartial &>(later).n;
    }
    bool mergesEarly() const override { return true; }
    AnalysisResult finalize(Partial &merged) const override
    {
        AnalysisResult r;
        r.json.insert(QStringLiteral("tasks"), qint64(static_cast<CountPartial &>(merged).n));
        return r;
    }

private:
    std::int64_t m_tasks;
};

double runEngine(std::int64_t tasks, int workers, bool monitor, std::int64_t *ran, int *snapshots)
{
    RunOptions o;
    o.workers = workers;
    Run run(o);
    JobSpec j;
    j.name = QStringLiteral("noop");
    j.analysis = std::make_shared<NoopAnalysis>(tasks);
    run.addJob(j);
    QElapsedTimer t;
    t.start();
    run.start();
    *snapshots = 0;
    while (!run.wait(33)) {
        if (!monitor) continue;
        (void)run.snapshot();
        ++*snapshots;
    }
    const double ms = double(t.nsecsElapsed()) / 1e6;
    (void)run.snapshot();
    *ran = run.outcome(0).result.json.value(QStringLiteral("tasks")).toInteger();
    return ms;
}

double runBarePool(std::int64_t tasks, int workers, std::int64_t *ran)
{
    QThreadPool pool;
    pool.setMaxThreadCount(workers);
    std::atomic<std::int64_t> count{0};
    QElapsedTimer t;
    t.start();
    for (std::int64_t i = 0; i < tasks; ++i)
        pool.start([&count] { count.fetch_add(1, std::memory_order_relaxed); });
    pool.waitForDone();
    const double ms = double(t.nsecsElapsed()) / 1e6;
    *ran = count.load();
    return ms;
}

double runConcurrentPerTask(std::int64_t tasks, int workers, std::int64_t *ran)
{
    QThreadPool pool;
    pool.setMaxThreadCount(workers);
    std::atomic<std::int64_t> count{0};
    std::vector<QFuture<void>> futures;
    futures.reserve(std::size_t(tasks));
    QElapsedTimer t;
    t.start();
    for (std::int64_t i = 0; i < tasks; ++i)
        futures.push_back(QtConcurrent::run(&pool, [&count] { count.fetch_add(1, std::memory_order_relaxed); }));
    for (auto &f : futures) f.waitForFinished();
    const double ms = double(t.nsecsElapsed()) / 1e6;
    *ran = count.load();
    return ms;
}

} // namespace

int main(int argc, char **argv)
{
    sf::tuneAllocator(); // as superflow-cli and the workbench
    QCoreApplication app(argc, argv);
    const std::int64_t tasks = argc > 1 ? std::atoll(argv[1]) : 200000;
    const int workers = argc > 2 ? std::atoi(argv[2]) : QThread::idealThreadCount();
    std::int64_t ranEngine = 0, ranBare = 0, ranConc = 0;
    int snapshots = 0;
    if (argc > 3 && std::strcmp(argv[3], "engine") == 0) {
        const double ms = runEngine(tasks, workers, true, &ranEngine, &snapshots);
        std::printf("sf::Run (monitored): %.1f ms  %.3f us/task; %d snapshots\n", ms,
                    ms * 1000.0 / double(tasks), snapshots);
        return ranEngine == tasks ? 0 : 1;
    }
    // Bare loop first and last, so a noisy neighbour shows as a spread between the two.
    const double bare1 = runBarePool(tasks, workers, &ranBare);
    double runs[3];
    bool allRan = true;
    for (double &ms : runs) {
        int s = 0;
        ms = runEngine(tasks, workers, true, &ranEngine, &s);
        snapshots += s;
        allRan = allRan && ranEngine == tasks;
    }
    const double cold = runs[0];
    const double engine = *std::min_element(std::begin(runs), std::end(runs));
    std::int64_t ranQuiet = 0;
    int none = 0;
    const double quiet = runEngine(tasks, workers, false, &ranQuiet, &none);
    const double conc = runConcurrentPerTask(tasks, workers, &ranConc);
    const double bare2 = runBarePool(tasks, workers, &ranBare);
    const double bare = std::min(bare1, bare2);
    auto us = [tasks](double ms) { return ms * 1000.0 / double(tasks); };
    std::printf("tasks=%lld workers=%d\n", (long long)tasks, workers);
    std::printf("bare QThreadPool::start   : %9.1f ms  %7.3f us/task  (runs %.1f / %.1f ms)\n", bare, us(bare), bare1, bare2);
    std::printf("QtConcurrent::run per task: %9.1f ms  %7.3f us/task  ratio %.2fx bare\n", conc, us(conc), conc / bare);
    std::printf("sf::Run (monitored)       : %9.1f ms  %7.3f us/task  ratio %.2fx bare, %.2fx concurrent; "
                "%d snapshots (runs %.1f / %.1f / %.1f ms)\n",
                engine, us(engine), engine / bare, engine / conc, snapshots, runs[0], runs[1], runs[2]);
    std::printf("sf::Run (monitored, cold) : %9.1f ms  %7.3f us/task  ratio %.2fx bare (the process's first run)\n",
                cold, us(cold), cold / bare);
    std::printf("sf::Run (no snapshots)    : %9.1f ms  %7.3f us/task  ratio %.2fx bare, %.2fx concurrent\n", quiet,
                us(quiet), quiet / bare, quiet / conc);
    if (!allRan || ranQuiet != tasks || ranBare != tasks || ranConc != tasks) {
        std::fprintf(stderr, "task count mismatch: run %lld bare %lld concurrent %lld\n", (long long)ranEngine,
                     (long long)ranBare, (long long)ranConc);
        return 1;
    }
    return 0;
}
