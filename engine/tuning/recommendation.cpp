#include "tuning/recommendation.h"
#include "partition/partitionspec.h"
#include "tuning/tuningtext.h"
#include <algorithm>

namespace sf {

namespace {

QString pct(double share)
{
    return QString::number(share * 100, 'f', 0) + QLatin1Char('%');
}

QString ms(double v)
{
    return QString::number(v, 'f', v < 10 ? 2 : 1);
}

QString overheadReason(const SweepCell &c)
{
    return Tuning::tr(
               "too many tiny tasks: %1 task(s) of %2 ms on average; scheduling and per-task "
               "overhead took %3 of worker time")
        .arg(c.diag.tasks)
        .arg(ms(c.diag.meanTaskMs()), pct(c.overheadShare()));
}

QString tailReason(const SweepCell &c)
{
    return Tuning::
        tr("too few large tasks: %1 task(s) for %2 worker(s); workers sat idle after their last "
           "task for %3 of the run")
            .arg(c.diag.tasks)
            .arg(c.setting.workers)
            .arg(pct(c.tailShare()));
}

QString budgetReason(const SweepCell &c, std::int64_t budget)
{
    return Tuning::tr(
               "memory budget hit: %1 task(s) waited for the %2 budget while workers were free "
               "(%3 of worker time)")
        .arg(c.diag.budgetWaitTasks)
        .arg(formatByteSize(budget), pct(c.budgetShare()));
}

// The measured cause a cell loses by. Lost worker time divided by the workers is wall time
// (wall ≈ (busy + overhead + tail + budget) / workers), so each cause's excess over the best,
// per worker, is the part of the extra wall time it explains; the cause explaining the most,
// and at least half, is named, provided it is a real share of the cell's own worker time.
// Within noise of the best, a cause whose share clearly exceeds the best's is named instead.
// Without a best (the best's own limiter) the largest significant share is named.
LossCause limiterOf(const SweepCell &c, const SweepCell *best)
{
    struct Candidate {
        LossCause cause;
        double ms, share;
        double bestMs, bestShare;
    };
    const Candidate candidates[] = {
        {LossCause::Overhead, c.overheadMs, c.overheadShare(), best ? best->overheadMs : 0,
         best ? best->overheadShare() : 0},
        {LossCause::TailIdle, c.diag.tailIdleMs, c.tailShare(), best ? best->diag.tailIdleMs : 0,
         best ? best->tailShare() : 0},
        {LossCause::MemoryBudget, c.diag.budgetIdleMs, c.budgetShare(),
         best ? best->diag.budgetIdleMs : 0, best ? best->budgetShare() : 0},
    };
    const double extraWall = best ? c.medianMs - best->medianMs : 0;
    const bool nearBest = best && extraWall < Recommendation::kNoise * best->medianMs;
    LossCause pick = LossCause::None;
    double largest = 0;
    for (const Candidate &k : candidates) {
        if (k.share < Recommendation::kSignificant) continue;
        double weight = k.share;
        if (best && nearBest) {
            weight = k.share - k.bestShare > 0.05 ? k.share - k.bestShare : 0;
        } else if (best) {
            const double explained =
                (k.ms / c.setting.workers - k.bestMs / best->setting.workers) / extraWall;
            weight = explained >= 0.5 ? explained : 0;
        }
        if (weight > largest) {
            largest = weight;
            pick = k.cause;
        }
    }
    return pick;
}

QString reasonFor(LossCause cause, const SweepCell &c, const SweepCell &best, std::int64_t budget)
{
    switch (cause) {
    case LossCause::Overhead: return overheadReason(c);
    case LossCause::TailIdle: return tailReason(c);
    case LossCause::MemoryBudget: return budgetReason(c, budget);
    case LossCause::FewerWorkers:
        return Tuning::tr("fewer workers: %1 instead of %2")
            .arg(c.setting.workers)
            .arg(best.setting.workers);
    case LossCause::Contention: {
        const double perRow = c.rows > 0 ? c.diag.busyMs / double(c.rows) : 0;
        const double bestPerRow = best.rows > 0 ? best.diag.busyMs / double(best.rows) : 0;
        const double slower = bestPerRow > 0 ? perRow / bestPerRow - 1 : 0;
        return Tuning::tr(
                   "more workers than pay off: each row took %1 longer than with %2 worker(s) "
                   "(contention for cores, memory or disk)")
            .arg(pct(std::max(0.0, slower)))
            .arg(best.setting.workers);
    }
    case LossCause::Noise:
        return Tuning::tr("within %1 of the best: measurement noise")
            .arg(pct(Recommendation::kNoise));
    case LossCause::Other:
    case LossCause::None: break;
    }
    return Tuning::tr(
               "slower, with no single measured cause (overhead %1, tail idle %2 of worker time)")
        .arg(pct(c.overheadShare()), pct(c.tailShare()));
}

} // namespace

QString lossCauseName(LossCause c)
{
    switch (c) {
    case LossCause::None: return QStringLiteral("none");
    case LossCause::Overhead: return QStringLiteral("overhead");
    case LossCause::TailIdle: return QStringLiteral("tail-idle");
    case LossCause::MemoryBudget: return QStringLiteral("memory-budget");
    case LossCause::FewerWorkers: return QStringLiteral("fewer-workers");
    case LossCause::Contention: return QStringLiteral("contention");
    case LossCause::Noise: return QStringLiteral("noise");
    case LossCause::Other: return QStringLiteral("other");
    }
    return QStringLiteral("none");
}

Recommendation Recommendation::from(const SweepResult &result)
{
    Recommendation r;
    r.sampleNote = result.sampleNote;
    const SweepCell *best = result.best();
    if (!best) return r;
    r.valid = true;
    r.best.setting = best->setting;
    r.best.medianMs = best->medianMs;
    r.speedup = best->speedup;
    r.efficiency = best->efficiency;
    r.baselineWorkers = best->baselineWorkers;
    const std::int64_t budget = result.memoryBudget;
    if (best->setting.workers > best->baselineWorkers && best->efficiency < 0.85) {
        const LossCause cause = limiterOf(*best, nullptr);
        if (cause != LossCause::None) r.limiter = reasonFor(cause, *best, *best, budget);
        // No lost worker time to name, yet slow: each row cost more than on the baseline.
        const SweepCell *base = result.find({best->setting.chunk, best->setting.chunkBytes,
                                             best->baselineWorkers, best->setting.policy});
        if (cause == LossCause::None && base && base->rows > 0 && best->rows > 0 &&
            best->diag.busyMs / double(best->rows) > 1.2 * base->diag.busyMs / double(base->rows))
            r.limiter = reasonFor(LossCause::Contention, *best, *base, budget);
    }
    for (const SweepCell &c : result.cells) {
        if (&c == best) continue;
        SweepVerdict v;
        v.setting = c.setting;
        v.medianMs = c.medianMs;
        v.slowdown = best->medianMs > 0 ? c.medianMs / best->medianMs : 1;
        if (const LossCause measured = limiterOf(c, best); measured != LossCause::None) {
            v.cause = measured;
        } else if (v.slowdown < 1 + kNoise) {
            v.cause = LossCause::Noise;
        } else if (c.setting.workers < best->setting.workers) {
            v.cause = LossCause::FewerWorkers;
        } else if (c.setting.workers > best->setting.workers) {
            v.cause = LossCause::Contention;
        } else {
            v.cause = LossCause::Other;
        }
        v.reason = reasonFor(v.cause, c, *best, budget);
        r.losers.append(v);
    }
    std::stable_sort(
        r.losers.begin(), r.losers.end(),
        [](const SweepVerdict &a, const SweepVerdict &b) { return a.medianMs < b.medianMs; });
    return r;
}

QString Recommendation::text(int maxLosers) const
{
    if (!valid) return Tuning::tr("No setting finished, so there is nothing to recommend.");
    QString out =
        Tuning::tr("Best: %1, median %2 ms").arg(best.setting.describe(), ms(best.medianMs));
    if (best.setting.workers > baselineWorkers) {
        const double ideal = double(best.setting.workers) / baselineWorkers;
        out += Tuning::tr("; speedup %1× over %2 worker(s), %3 of the ideal %4×")
                   .arg(QString::number(speedup, 'f', 2))
                   .arg(baselineWorkers)
                   .arg(pct(efficiency))
                   .arg(QString::number(ideal, 'g', 3));
    }
    out += QLatin1Char('\n');
    if (!limiter.isEmpty())
        out += Tuning::tr("Held back from ideal by %1").arg(limiter) + QLatin1Char('\n');
    if (!sampleNote.isEmpty()) out += sampleNote + QLatin1Char('\n');
    if (losers.isEmpty()) return out;
    out += Tuning::tr("Why the others lose:") + QLatin1Char('\n');
    for (int i = 0; i < losers.size() && i < maxLosers; ++i) {
        const SweepVerdict &v = losers[i];
        out += QStringLiteral("  ") +
               Tuning::tr("%1: %2× slower — %3")
                   .arg(v.setting.describe(), QString::number(v.slowdown, 'f', 2), v.reason) +
               QLatin1Char('\n');
    }
    if (losers.size() > maxLosers)
        out += QStringLiteral("  ") + Tuning::tr("(%1 more)").arg(losers.size() - maxLosers) +
               QLatin1Char('\n');
    return out;
}

} // namespace sf
