#include "tuning/sweepresult.h"
#include <algorithm>

namespace sf {

double SweepResult::median(std::vector<double> v)
{
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

namespace {

// Least squares of busy = a·tasks + b·rows over the cells with the fewest workers (more
// workers add contention, which would read as per-task cost); a = 0 when the cells cannot
// tell the two apart (one chunk size, or synthetic tasks where rows are tasks).
void fitTaskCost(const QList<SweepCell> &cells, double *a, double *b)
{
    int fewest = 0;
    for (const SweepCell &c : cells)
        if (fewest == 0 || c.setting.workers < fewest) fewest = c.setting.workers;
    double tt = 0, tr = 0, rr = 0, tbusy = 0, rbusy = 0;
    for (const SweepCell &c : cells) {
        if (c.setting.workers != fewest) continue;
        const double t = double(c.diag.tasks), r = double(c.rows), y = c.diag.busyMs;
        tt += t * t;
        tr += t * r;
        rr += r * r;
        tbusy += t * y;
        rbusy += r * y;
    }
    *a = 0;
    *b = rr > 0 ? rbusy / rr : 0;
    const double det = tt * rr - tr * tr;
    if (!(det > 1e-9 * tt * rr)) return;
    const double fa = (tbusy * rr - rbusy * tr) / det;
    if (fa <= 0) return;
    *a = fa;
    *b = std::max(0.0, (rbusy * tt - tbusy * tr) / det);
}

} // namespace

void SweepResult::compute()
{
    for (SweepCell &c : cells) {
        c.medianMs = median(c.wallMs);
        c.minMs = c.wallMs.empty() ? 0 : *std::min_element(c.wallMs.begin(), c.wallMs.end());
        c.maxMs = c.wallMs.empty() ? 0 : *std::max_element(c.wallMs.begin(), c.wallMs.end());
        const double seconds = c.medianMs / 1000.0;
        c.rowsPerSec = seconds > 0 ? double(c.rows) / seconds : 0;
        c.mbPerSec = seconds > 0 ? double(c.bytes) / 1e6 / seconds : 0;
    }
    for (SweepCell &c : cells) {
        const SweepCell *base = nullptr;
        for (const SweepCell &o : cells) {
            if (o.setting.chunk != c.setting.chunk || o.setting.policy != c.setting.policy ||
                o.setting.chunkBytes != c.setting.chunkBytes)
                continue;
            if (!base || o.setting.workers < base->setting.workers) base = &o;
        }
        c.baselineWorkers = base->setting.workers;
        c.speedup = c.medianMs > 0 ? base->medianMs / c.medianMs : 0;
        c.efficiency = c.speedup * base->setting.workers / c.setting.workers;
    }
    fitTaskCost(cells, &fixedMsPerTask, &msPerRow);
    for (SweepCell &c : cells)
        c.overheadMs =
            std::min(c.diag.capacityMs, c.diag.gapMs + fixedMsPerTask * double(c.diag.tasks));
}

const SweepCell *SweepResult::best() const
{
    const SweepCell *best = nullptr;
    for (const SweepCell &c : cells)
        if (!best || c.medianMs < best->medianMs) best = &c;
    return best;
}

const SweepCell *SweepResult::find(const SweepSetting &s) const
{
    for (const SweepCell &c : cells)
        if (c.setting == s) return &c;
    return nullptr;
}

} // namespace sf
