#include "runsession.h"

#include <QElapsedTimer>

namespace sf::ui {

RunSession::RunSession(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(33);
    connect(&m_timer, &QTimer::timeout, this, &RunSession::tick);
}

RunSession::~RunSession()
{
    m_timer.stop();
    // Run's destructor cancels and waits; its queued `finished` then has no receiver left.
    m_run.reset();
}

void RunSession::start(std::unique_ptr<Run> run)
{
    m_timer.stop();
    m_run = std::move(run);
    m_lastSummary = RunSummary{};
    m_draining = false;
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
    if (!isRunning()) return;
    const RunSnapshot snapshot = takeSnapshot();
    const bool complete = m_draining && snapshot.pendingChanges == 0;
    if (complete) {
        m_timer.stop();
        m_running = false;
        m_draining = false;
    }
    Q_EMIT snapshotReady(snapshot);
    if (complete) Q_EMIT finished();
}

void RunSession::onRunFinished()
{
    if (!isRunning()) return;
    // Snapshots are capped in size, so a run whose views fell behind ends with a few more
    // ticks; `finished` comes after the snapshot that leaves no change behind.
    m_draining = true;
    tick();
}

RunSnapshot RunSession::takeSnapshot()
{
    QElapsedTimer clock;
    clock.start();
    // The pages spend about 1 µs per changed attempt: 20,000 per tick keeps a tick well under
    // the 50 ms a user notices, and a run of a million tiny tasks catches up a second or two
    // after it ends instead of freezing the window while it runs.
    constexpr std::size_t kChangesPerTick = 20000;
    RunSnapshot snapshot = m_run->snapshot(kChangesPerTick);
    m_lastSnapshotMs = double(clock.nsecsElapsed()) / 1e6;
    m_lastSummary = snapshot.summary;
    return snapshot;
}

} // namespace sf::ui
