// Thread priority: RunOptions::workerNice lowers the priority of a run's worker threads only.
#include "exec/run.h"
#include "exec/threadpriority.h"
#include <QtTest>
#include <algorithm>
#include <mutex>

using namespace sf;

namespace {
// Records the nice value of the thread each task runs on.
class NiceProbeAnalysis : public Analysis {
public:
    QString name() const override { return QStringLiteral("niceprobe"); }
    bool needsDataset() const override { return false; }
    bool prepare(const Schema &, QString *) override { return true; }
    std::vector<PlannedTask> plannedTasks() const override
    {
        return std::vector<PlannedTask>(16, PlannedTask{200000, 0, 0});
    }
    std::unique_ptr<Partial> createPartial() const override { return std::make_unique<Partial>(); }
    void process(Partial &, TaskInput &) const override
    {
        std::lock_guard lock(mutex);
        seen.push_back(currentThreadNice());
    }
    void merge(Partial &, Partial &) const override {}
    AnalysisResult finalize(Partial &) const override { return {}; }

    mutable std::mutex mutex;
    mutable std::vector<int> seen;
};

std::vector<int> niceOfTasks(int workerNice)
{
    auto probe = std::make_shared<NiceProbeAnalysis>();
    RunOptions o;
    o.workers = 2;
    o.workerNice = workerNice;
    Run run(o);
    JobSpec j;
    j.analysis = probe;
    run.addJob(j);
    run.start();
    if (!run.wait(10000)) return {};
    return probe->seen;
}
} // namespace

class TestThreadPriority : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void workerNiceLowersOnlyTheLanes();
};

void TestThreadPriority::workerNiceLowersOnlyTheLanes()
{
    const int mine = currentThreadNice();
#if defined(__linux__)
    const int lowered = std::min(19, mine + 3);
#else
    const int lowered = mine; // no per-thread nice: the option does nothing
#endif
    const std::vector<int> plain = niceOfTasks(0);
    QCOMPARE(plain.size(), std::size_t(16));
    for (int n : plain)
        QCOMPARE(n, mine);
    const std::vector<int> nicer = niceOfTasks(3);
    QCOMPARE(nicer.size(), std::size_t(16));
    for (int n : nicer)
        QCOMPARE(n, lowered);
    QCOMPARE(currentThreadNice(), mine); // the caller's thread keeps its priority
}

QTEST_GUILESS_MAIN(TestThreadPriority)
#include "tst_threadpriority.moc"
