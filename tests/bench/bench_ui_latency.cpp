// GUI fluidity during a big run: a synthetic run of N tiny tasks (default 1,000,000) goes
// through the real RunSession into a visible 1600×900 LiveRunPage (offscreen) while a 5 ms
// QTimer probes the event loop until the run has ended and the views have caught up. Each
// probe's latency is how late it fired; the run's wall time, the time lost in stalls over 50 ms
// and where the time went (engine start on the GUI thread, snapshots on their own thread, page
// updates on the GUI thread) are printed too.
// Target (issue #7): p99 latency < 50 ms. Halfway through, the Timings tab is shown, so the
// charts are measured as well as the tasks table.
// Usage: bench_ui_latency [tasks=1000000] [workers=idealThreadCount] [task-ms=0] [--results]
//   task-ms: mean duration of a (CPU-bound) task; 0 is a no-op.
//   --results: also time what the frame does when the run ends (capture + Results page).
#include "analysis/analysisregistry.h"
#include "finishedrun.h"
#include "liverunpage.h"
#include "resultspage.h"
#include "runsession.h"
#include "tasktablemodel.h"
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTabWidget>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace sf;
using namespace sf::ui;

namespace {

constexpr int kProbeMs = 5;

struct Stats {
    double p50 = 0, p99 = 0, max = 0, total = 0;
    std::size_t n = 0;
};

// CPU time of the calling thread: how busy the GUI thread really was, apart from the time the
// scheduler gave to the workers and to other processes.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

QByteArray loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArrayLiteral("?");
}

Stats statsOf(std::vector<double> v)
{
    Stats s;
    s.n = v.size();
    if (v.empty()) return s;
    std::sort(v.begin(), v.end());
    const auto at = [&v](double q) {
        return v[std::min(v.size() - 1, static_cast<std::size_t>(q * double(v.size())))];
    };
    s.p50 = at(0.50);
    s.p99 = at(0.99);
    s.max = v.back();
    for (double x : v)
        s.total += x;
    return s;
}

void print(const char *what, const Stats &s)
{
    std::printf("%-28s n=%-7zu p50 %7.2f ms   p99 %7.2f ms   max %8.2f ms   total %9.1f ms\n", what,
                s.n, s.p50, s.p99, s.max, s.total);
}

std::unique_ptr<Run> makeRun(std::int64_t tasks, int workers, double taskMs)
{
    AnalysisOptions options;
    options.synthetic.tasks = tasks;
    options.synthetic.meanMs = taskMs; // 0: no-op tasks, the worst case for monitor and views
    options.synthetic.duration = QStringLiteral("constant");
    QString error;
    std::shared_ptr<Analysis> analysis =
        createAnalysis(QStringLiteral("synthetic"), options, &error);
    if (!analysis || !analysis->prepare(Schema{}, &error)) {
        std::fprintf(stderr, "bench_ui_latency: %s\n", qPrintable(error));
        return nullptr;
    }
    RunOptions runOptions;
    runOptions.workers = workers;
    runOptions.workerNice = ui::RunSession::kWorkerNice; // as the workbench's runs
    auto run = std::make_unique<Run>(runOptions);
    JobSpec job;
    job.name = QStringLiteral("synthetic");
    job.analysis = std::move(analysis);
    run->addJob(std::move(job));
    return run;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments().mid(1);
    const bool withResults = args.removeAll(QStringLiteral("--results")) > 0;
    const std::int64_t tasks = args.size() > 0 ? args[0].toLongLong() : 1'000'000;
    const int workers = args.size() > 1 ? args[1].toInt() : QThread::idealThreadCount();
    const double taskMs = args.size() > 2 ? args[2].toDouble() : 0.0;
    std::unique_ptr<Run> run = makeRun(tasks, workers, taskMs);
    if (!run) return 1;

    LiveRunPage page;
    page.resize(1600, 900);
    page.show();
    ResultsPage results;
    RunSession session;
    std::vector<double> applyMs, snapshotMs, probeLate;
    QElapsedTimer clock;
    bool switched = false;
    QObject::connect(&session, &RunSession::snapshotReady, &page, [&](const RunSnapshot &snapshot) {
        snapshotMs.push_back(session.lastSnapshotMs());
        QElapsedTimer t;
        t.start();
        page.applySnapshot(snapshot);
        applyMs.push_back(double(t.nsecsElapsed()) / 1e6);
        if (!switched && snapshot.summary.progress >= 0.5) {
            switched = true;
            page.tabs()->setCurrentIndex(1); // Timings
        }
    });
    double finishMs = 0, startMs = 0, settledMs = 0, cpuAtStart = 0, guiCpuMs = 0;
    bool finished = false;
    QObject::connect(&session, &RunSession::finished, &page, [&] {
        QElapsedTimer t;
        t.start();
        page.runFinished();
        if (withResults) {
            auto outcome = std::make_shared<FinishedRun>(
                FinishedRun::capture(*session.run(), QStringLiteral("bench")));
            results.setRun(outcome);
        }
        finishMs = double(t.nsecsElapsed()) / 1e6;
        finished = true;
    });

    // The probe runs until the run has finished and every view has caught up with it.
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(kProbeMs);
    QElapsedTimer sinceProbe;
    QObject::connect(&probe, &QTimer::timeout, &page, [&] {
        const double gap = double(sinceProbe.nsecsElapsed()) / 1e6;
        sinceProbe.start();
        probeLate.push_back(std::max(0.0, gap - kProbeMs));
        if (finished && page.tasksModel()->rowsPending() == 0) {
            settledMs = double(clock.nsecsElapsed()) / 1e6;
            guiCpuMs = threadCpuMs() - cpuAtStart;
            probe.stop();
            QTimer::singleShot(0, &app, &QCoreApplication::quit);
        }
    });

    QTimer::singleShot(0, &page, [&] {
        const QStringList names = {QStringLiteral("synthetic")};
        page.reset(names, workers);
        clock.start();
        cpuAtStart = threadCpuMs();
        QElapsedTimer t;
        t.start();
        session.start(std::move(run)); // partitions and queues every task on this thread
        startMs = double(t.nsecsElapsed()) / 1e6;
        sinceProbe.start();
        probe.start();
    });
    app.exec();
    const double wallMs = session.lastSummary().elapsedMs;
    double stallMs = 0; // time inside probe gaps over 50 ms: what a user feels as a freeze
    for (double late : probeLate)
        if (late + kProbeMs > 50) stallMs += late + kProbeMs;

    std::printf("bench_ui_latency: %lld tasks of %g ms, %d workers, page 1600x900 offscreen, "
                "probe %d ms\n",
                static_cast<long long>(tasks), taskMs, workers, kProbeMs);
    std::printf(
        "run wall time %.1f ms (%.2f us/task); %zu snapshots; %lld rows in the tasks table\n",
        wallMs, wallMs * 1000.0 / double(std::max<std::int64_t>(1, tasks)), snapshotMs.size(),
        static_cast<long long>(page.tasksModel()->rowCount()));
    std::printf("views settled %.1f ms after the start; Run::start on the GUI thread %.1f ms\n",
                settledMs, startMs);
    std::printf("GUI thread CPU %.1f ms (%.0f %% of that time); load average %s\n", guiCpuMs,
                settledMs > 0 ? 100.0 * guiCpuMs / settledMs : 0.0, loadAverage().constData());
    print("event-loop latency", statsOf(probeLate));
    std::printf("stalls over 50 ms: %.1f ms in all (%.1f %% of the time probed)\n", stallMs,
                settledMs > 0 ? 100.0 * stallMs / settledMs : 0.0);
    print("engine snapshot (own thread)", statsOf(snapshotMs));
    print("LiveRunPage::applySnapshot", statsOf(applyMs));
    std::printf("run-finished handling %.1f ms%s\n", finishMs,
                withResults ? " (capture + Results page)" : "");
    const Stats late = statsOf(probeLate);
    std::printf("target p99 < 50 ms: %s\n", late.p99 < 50 ? "met" : "MISSED");
    return 0;
}
