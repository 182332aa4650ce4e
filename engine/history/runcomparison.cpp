#include "history/runcomparison.h"
#include "monitor/durationstats.h"
#include <QStringList>
#include <algorithm>
#include <cmath>
#include <limits>

namespace sf {

namespace {

// Bin i holds [edge i, edge i+1); the top edge belongs to the last bin.
std::vector<std::int64_t> histogram(const std::vector<double> &values,
                                    const std::vector<double> &edges)
{
    std::vector<std::int64_t> h(edges.size() - 1, 0);
    for (double v : values) {
        const auto it = std::upper_bound(edges.begin(), edges.end(), v);
        const std::ptrdiff_t bin =
            std::clamp<std::ptrdiff_t>(it - edges.begin() - 1, 0, std::ptrdiff_t(h.size()) - 1);
        ++h[std::size_t(bin)];
    }
    return h;
}

} // namespace

DurationQuantiles finishedQuantiles(const std::vector<TaskRecord> &tasks, std::int64_t *count)
{
    DurationStats stats;
    for (const TaskRecord &t : tasks)
        if (t.state == TaskState::Done) stats.add(t.durationNs());
    if (count) *count = stats.count();
    return stats.quantiles();
}

std::vector<double> finishedDurationsMs(const std::vector<TaskRecord> &tasks)
{
    std::vector<double> out;
    for (const TaskRecord &t : tasks)
        if (t.state == TaskState::Done) out.push_back(double(t.durationNs()) / 1e6);
    return out;
}

QStringList RunComparison::quantileNames()
{
    return {QStringLiteral("min"), QStringLiteral("p25"), QStringLiteral("p50"),
            QStringLiteral("p75"), QStringLiteral("p95"), QStringLiteral("max")};
}

std::vector<double> RunComparison::quantileValues(const DurationQuantiles &q)
{
    return {q.minMs, q.p25Ms, q.medianMs, q.p75Ms, q.p95Ms, q.maxMs};
}

RunComparison RunComparison::compare(const StoredRun &ra, const StoredRun &rb, int bins)
{
    RunComparison c;
    c.idA = ra.id;
    c.idB = rb.id;
    c.wallMsA = ra.totals.wallMs;
    c.wallMsB = rb.totals.wallMs;
    c.wallRatio = c.wallMsA > 0 ? c.wallMsB / c.wallMsA : 0;
    c.a = finishedQuantiles(ra.tasks, &c.tasksA);
    c.b = finishedQuantiles(rb.tasks, &c.tasksB);
    c.diff.minMs = c.b.minMs - c.a.minMs;
    c.diff.p25Ms = c.b.p25Ms - c.a.p25Ms;
    c.diff.medianMs = c.b.medianMs - c.a.medianMs;
    c.diff.p75Ms = c.b.p75Ms - c.a.p75Ms;
    c.diff.p95Ms = c.b.p95Ms - c.a.p95Ms;
    c.diff.maxMs = c.b.maxMs - c.a.maxMs;

    bins = std::max(1, bins);
    const std::vector<double> da = finishedDurationsMs(ra.tasks);
    const std::vector<double> db = finishedDurationsMs(rb.tasks);
    if (da.empty() && db.empty()) return c;
    double lo = std::numeric_limits<double>::max(), hi = 0;
    for (const auto *v : {&da, &db}) {
        for (double d : *v) {
            lo = std::min(lo, d);
            hi = std::max(hi, d);
        }
    }
    c.logBins = lo > 0 && hi / lo > 20;
    if (!(hi > lo)) hi = lo + 1e-3; // every duration equal: one span around it
    c.binEdgesMs.resize(std::size_t(bins) + 1);
    for (int i = 0; i <= bins; ++i) {
        // (hi − lo) · i / bins, multiplied first, so whole-number spans give exact edges.
        c.binEdgesMs[std::size_t(i)] =
            c.logBins ? lo * std::pow(hi / lo, double(i) / bins) : lo + (hi - lo) * i / bins;
    }
    c.binEdgesMs.back() = hi;
    c.histA = histogram(da, c.binEdgesMs);
    c.histB = histogram(db, c.binEdgesMs);
    return c;
}

} // namespace sf
