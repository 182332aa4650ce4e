#pragma once
// The workbench's handle on the current run: owns the engine Run, has one RunSnapshot built per
// tick (≤ 30 Hz) on a thread of its own and hands it to every page through one signal on the
// GUI thread, so no view ever gets one update per task event and the GUI thread never pays
// for draining the monitor.
#include "exec/run.h"
#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QTimer>
#include <memory>

namespace sf::ui {

class HistoryService;

class RunSession : public QObject {
    Q_OBJECT
public:
    // The workbench's runs set RunOptions::workerNice to this: with every core working, the
    // GUI thread still gets one as soon as a snapshot or a click wakes it (measured on 2 cores,
    // 1M no-op tasks on 2 workers: event-loop p99 41-61 ms at equal priority, see BENCHMARKS.md).
    static constexpr int kWorkerNice = 5;

    explicit RunSession(QObject *parent = nullptr);
    ~RunSession() override;

    // Takes ownership of a configured (jobs added, not started) run and starts it.
    void start(std::unique_ptr<Run> run);
    Run *run() const { return m_run.get(); }
    bool isRunning() const;
    void pause();
    void resume();
    void cancel();
    void setWorkers(int n);
    void setRefreshIntervalMs(int ms); // default 33
    // Where finished runs are saved (on its worker thread); null: nowhere.
    void setHistory(HistoryService *history) { m_history = history; }
    // The summary of the latest snapshot handed out (the final one once finished).
    const RunSummary &lastSummary() const { return m_lastSummary; }
    // Time the engine took to build the latest snapshot, on the snapshot thread (benchmarks,
    // diagnostics).
    double lastSnapshotMs() const { return m_lastSnapshotMs; }
    // Changed attempts the next snapshot may carry: Monitor::kSnapshotChanges at most, fewer
    // when the views took longer than kApplyBudgetMs to apply the last ones on this machine.
    std::size_t changesPerTick() const { return m_changesPerTick; }
    static constexpr double kApplyBudgetMs = 12.0;
    static constexpr std::size_t kMinChangesPerTick = 1000;

Q_SIGNALS:
    void started();
    void snapshotReady(const sf::RunSnapshot &snapshot); // batched changes, GUI thread
    void finished();                                     // after the last snapshot

private:
    void tick();
    void onRunFinished();
    void onSnapshotTaken();
    void adaptChangesPerTick(std::size_t changes, double applyMs);

    struct TakenSnapshot {
        RunSnapshot snapshot;
        double ms = 0;
        quint64 generation = 0;
    };

    std::unique_ptr<Run> m_run;
    HistoryService *m_history = nullptr;
    QTimer m_timer;
    QThreadPool m_snapshotPool;
    QFutureWatcher<TakenSnapshot> m_snapshotWatcher;
    bool m_snapshotInFlight = false;
    RunSummary m_lastSummary;
    double m_lastSnapshotMs = 0;
    std::size_t m_changesPerTick = Monitor::kSnapshotChanges;
    quint64 m_generation = 0; // drops a late `finished` of a run that was replaced
    bool m_running = false;
    bool m_draining = false; // the run has finished; ticks deliver what is left, then `finished`
};

} // namespace sf::ui
