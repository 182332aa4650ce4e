#include "runsession.h"
#include "historyservice.h"

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
    Q_EMIT snapshotReady(snapshot);
}

void RunSession::onRunFinished()
{
    if (!isRunning()) return;
    m_timer.stop();
    // The last snapshot carries every change since the previous tick, so views end complete.
    const RunSnapshot snapshot = takeSnapshot();
    m_running = false;
    if (m_history) m_history->recordFinished(*m_run);
    Q_EMIT snapshotReady(snapshot);
    Q_EMIT finished();
}

RunSnapshot RunSession::takeSnapshot()
{
    QElapsedTimer clock;
    clock.start();
    RunSnapshot snapshot = m_run->snapshot();
    m_lastSnapshotMs = double(clock.nsecsElapsed()) / 1e6;
    m_lastSummary = snapshot.summary;
    return snapshot;
}

} // namespace sf::ui
