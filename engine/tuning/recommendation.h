#pragma once
// The sweep's verdict, explained: the measured best setting, how far its speedup is from the
// ideal (one × per worker), and for every other setting the reason it loses, judged from its
// task records — too many tiny tasks (overhead share of worker time), too few large ones
// (workers idle at the tail), the memory budget (tasks waiting while workers were free),
// fewer workers, more workers than pay off, or nothing but noise.
#include "tuning/sweepresult.h"
#include <QList>
#include <QString>

namespace sf {

enum class LossCause {
    None,         // the best, or a limiter-free setting
    Overhead,     // many tiny tasks: scheduling and per-task cost dominate
    TailIdle,     // few large tasks: workers idle after their last task
    MemoryBudget, // tasks waited for the budget while workers were free
    FewerWorkers, // less parallelism than the best
    Contention,   // more workers, but every task got slower
    Noise,        // within a few percent of the best
    Other,        // slower, no single measured cause stands out
};
QString lossCauseName(LossCause c); // "overhead", "tail", "memory-budget", ... (JSON, CSV)

struct SweepVerdict {
    SweepSetting setting;
    double medianMs = 0;
    double slowdown = 1; // median / best median
    LossCause cause = LossCause::None;
    QString reason; // one sentence naming the cause with its measured figures
};

struct Recommendation {
    static constexpr double kNoise = 0.03;       // slower by less than this: noise
    static constexpr double kSignificant = 0.15; // a share of worker time worth naming

    bool valid = false;
    SweepVerdict best;
    double speedup = 0, efficiency = 0;
    int baselineWorkers = 1;
    QString limiter; // why the best falls short of ideal (empty when within 85% of it)
    QString sampleNote;
    QList<SweepVerdict> losers; // fastest first

    static Recommendation from(const SweepResult &result);
    // "Best: …\nWhy the others lose:\n  …"; at most `maxLosers` lines of losers.
    QString text(int maxLosers = 12) const;
};

} // namespace sf
