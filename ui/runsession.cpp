#include "runsession.h"
#include "historyservice.h"

#include <QElapsedTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace sf::ui {

RunSession::RunSession(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(33);
    connect(&m_timer, &QTimer::timeout, this, &RunSession::tick);
    // One thread builds the snapshots: the monitor serves one consumer at a time, and a lane
    // of the run's own pool must never wait behind it (or it behind them).
    m_snapshotPool.setMaxThreadCount(1);
    connect(&m_snapshotWatcher, &QFutureWatcher<TakenSnapshot>::finished, this,
            &RunSession::onSnapshotTaken);
}

RunSession::~RunSession()
{
    m_timer.stop();
    m_snapshotWatcher.waitForFinished();
    // Run's destructor cancels and waits; its queued `finished` then has no receiver left.
    m_run.reset();
}

void RunSession::start(std::unique_ptr<Run> run)
{
    m_timer.stop();
    // A snapshot of the previous run may still be in the making: it reads that run.
    m_snapshotWatcher.waitForFinished();
    m_snapshotInFlight = false;
    m_run = std::move(run);
    m_lastSummary = RunSummary{};
    m_draining = false;
    m_changesPerTick = Monitor::kSnapshotChanges;
    if (!m_run) return;
    const quint64 generation = ++m_generation;
    // Queued even when the run finishes synchronously inside start(): `started` must come first.
    connect(
        m_run.get(), &Run::finished, this,
        [this, generation] {
            if (generation == m_generation) onRunFinished();
        },
        Qt::QueuedConnection);
    m_running = true;
    m_run->start();
    m_timer.start();
    Q_EMIT started();
}

bool RunSession::isRunning() const
{
    return m_run && m_running;
}

void RunSession::pause()
{
    if (isRunning()) m_run->pause();
}

void RunSession::resume()
{
    if (isRunning()) m_run->resume();
}

void RunSession::cancel()
{
    if (isRunning()) m_run->cancel();
}

void RunSession::setWorkers(int n)
{
    if (isRunning()) m_run->setWorkers(n);
}

void RunSession::setRefreshIntervalMs(int ms)
{
    m_timer.setInterval(qMax(1, ms));
}

void RunSession::tick()
{
    // At most one snapshot in the making; a slow one delays the next tick, never stacks up.
    if (!isRunning() || m_snapshotInFlight) return;
    m_snapshotInFlight = true;
    Run *run = m_run.get();
    const quint64 generation = m_generation;
    const std::size_t cap = m_changesPerTick;
    m_snapshotWatcher.setFuture(QtConcurrent::run(&m_snapshotPool, [run, generation, cap] {
        QElapsedTimer clock;
        clock.start();
        TakenSnapshot taken;
        taken.snapshot = run->snapshot(cap);
        taken.ms = double(clock.nsecsElapsed()) / 1e6;
        taken.generation = generation;
        return taken;
    }));
}

void RunSession::onSnapshotTaken()
{
    m_snapshotInFlight = false;
    const TakenSnapshot taken = m_snapshotWatcher.result();
    if (!isRunning() || taken.generation != m_generation) return;
    m_lastSnapshotMs = taken.ms;
    m_lastSummary = taken.snapshot.summary;
    const bool complete =
        m_draining && taken.snapshot.pendingChanges == 0 && taken.snapshot.summary.finished;
    if (complete) {
        m_timer.stop();
        m_running = false;
        m_draining = false;
    }
    QElapsedTimer applying;
    applying.start();
    Q_EMIT snapshotReady(taken.snapshot);
    adaptChangesPerTick(taken.snapshot.changed.size(), double(applying.nsecsElapsed()) / 1e6);
    if (complete)
        Q_EMIT finished();
    else if (m_draining)
        tick(); // the run is over: deliver what is left without waiting
}

void RunSession::adaptChangesPerTick(std::size_t changes, double applyMs)
{
    // The views' cost per changed attempt depends on the machine and on what else competes
    // for its cores (~0.5 us alone, several times that with every core running tasks): size
    // the next snapshot so applying it takes about kApplyBudgetMs, moving halfway each tick so
    // one slow tick does not halve the flow. Small snapshots say little about the rate.
    if (changes < 500 || applyMs <= 0) return;
    const double fits = kApplyBudgetMs * double(changes) / applyMs;
    const double next = 0.5 * double(m_changesPerTick) + 0.5 * fits;
    m_changesPerTick = std::size_t(std::clamp(next, double(kMinChangesPerTick),
                                              double(Monitor::kSnapshotChanges)));
}

void RunSession::onRunFinished()
{
    if (!isRunning()) return;
    if (m_history) m_history->recordFinished(*m_run);
    // Snapshots are capped in size, so a run whose views fell behind ends with a few more
    // of them; `finished` comes after the one that leaves no change behind.
    m_draining = true;
    tick();
}

} // namespace sf::ui
