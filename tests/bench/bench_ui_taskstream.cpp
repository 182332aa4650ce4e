// Task stream redraw cost: an offscreen 1600×900 QCustomPlot holding 10k / 100k / 1M bars over
// 2 and 8 lanes; median of 20 replot() calls at full zoom-out, at 10 %, 1 % and 0.1 % of the
// run, at a 20 ms window (a handful of bars, each wide) and at the live edge (the last 1 %).
// Target (issue #7): ≤ 16 ms at 1,000,000 bars at any zoom. Prints a Markdown table.
#include "taskstreamplottable.h"
#include <QApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <cstdio>
#include <qcustomplot.h>
#include <vector>

using namespace sf;
using namespace sf::ui;

namespace {

constexpr int kRepeats = 20;

// Bars back to back in each lane, 0.5 … 1.5 ms long with 50 µs gaps, a few failed, retried
// and straggling, so several colour buckets are in play.
std::vector<TaskRecord> makeBars(int lanes, std::int64_t count)
{
    std::vector<TaskRecord> records(static_cast<std::size_t>(count));
    std::vector<std::int64_t> laneEnd(static_cast<std::size_t>(lanes), 0);
    std::uint64_t seed = 0x9e3779b97f4a7c15ull;
    for (std::int64_t i = 0; i < count; ++i) {
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        TaskRecord &r = records[static_cast<std::size_t>(i)];
        const int w = static_cast<int>(i % lanes);
        r.attemptId = r.taskId = i;
        r.worker = w;
        r.rowCount = r.rowsDone = 1000;
        const std::int64_t duration = 500'000 + static_cast<std::int64_t>((seed >> 33) % 1'000'000);
        r.startedNs = laneEnd[static_cast<std::size_t>(w)] + 50'000;
        r.finishedNs = r.startedNs + duration;
        laneEnd[static_cast<std::size_t>(w)] = r.finishedNs;
        const unsigned pick = static_cast<unsigned>(seed >> 20) % 1000;
        r.state = pick == 0 ? TaskState::Failed : pick == 1 ? TaskState::Retried : TaskState::Done;
        r.straggler = pick == 2;
    }
    return records;
}

double medianReplotMs(QCustomPlot &plot)
{
    std::vector<double> times;
    QElapsedTimer timer;
    for (int i = 0; i < kRepeats; ++i) {
        timer.start();
        plot.replot(QCustomPlot::rpImmediateRefresh);
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return (times[kRepeats / 2 - 1] + times[kRepeats / 2]) / 2;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::printf("| bars | lanes | full (ms) | 10 %% (ms) | 1 %% (ms) | 0.1 %% (ms) | 20 ms window "
                "(ms) | live edge (ms) | rects drawn (full) |\n");
    std::printf("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (std::int64_t count : {10'000LL, 100'000LL, 1'000'000LL}) {
        for (int lanes : {2, 8}) {
            QCustomPlot plot;
            plot.resize(1600, 900);
            plot.setViewport(QRect(0, 0, 1600, 900));
            plot.yAxis->setRangeReversed(true);
            plot.yAxis->setRange(-0.5, lanes - 0.5);
            auto *bars = new TaskStreamPlottable(plot.xAxis, plot.yAxis);
            bars->applyRecords(makeBars(lanes, count));
            bool found = false;
            const QCPRange all = bars->getKeyRange(found);
            bars->setNow(all.upper);

            plot.xAxis->setRange(all);
            const double full = medianReplotMs(plot);
            const std::int64_t rects = bars->lastDrawnRects();
            const double mid = all.center();
            const auto around = [&](double span) {
                plot.xAxis->setRange(mid - span / 2, mid + span / 2);
                return medianReplotMs(plot);
            };
            const double tenth = around(all.size() * 0.1);
            const double hundredth = around(all.size() * 0.01);
            const double thousandth = around(all.size() * 0.001);
            const double window = around(0.020);
            plot.xAxis->setRange(all.upper - all.size() * 0.01, all.upper);
            const double edge = medianReplotMs(plot);
            std::printf("| %lld | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %lld |\n",
                        static_cast<long long>(count), lanes, full, tenth, hundredth, thousandth,
                        window, edge, static_cast<long long>(rects));
            std::fflush(stdout);
        }
    }
    return 0;
}
