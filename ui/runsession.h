#pragma once
// The workbench's handle on the current run: owns the engine Run, pulls one RunSnapshot per
// tick (≤ 30 Hz) on the GUI thread and hands it to every page through one signal, so no view
// ever gets one update per task event.
#include "exec/run.h"
#include <QObject>
#include <QTimer>
#include <memory>

namespace sf::ui {

class HistoryService;

class RunSession : public QObject {
    Q_OBJECT
public:
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
    // GUI-thread time the engine took to build the latest snapshot (benchmarks, diagnostics).
    double lastSnapshotMs() const { return m_lastSnapshotMs; }

Q_SIGNALS:
    void started();
    void snapshotReady(const sf::RunSnapshot &snapshot); // batched changes, GUI thread
    void finished();                                     // after the last snapshot

private:
    void tick();
    void onRunFinished();
    RunSnapshot takeSnapshot();

    std::unique_ptr<Run> m_run;
    HistoryService *m_history = nullptr;
    QTimer m_timer;
    RunSummary m_lastSummary;
    double m_lastSnapshotMs = 0;
    quint64 m_generation = 0; // drops a late `finished` of a run that was replaced
    bool m_running = false;
};

} // namespace sf::ui
