#pragma once
// Throughput (rows/s, left axis) and queue length (tasks, right axis) over the run, from the
// sampled series the monitor keeps in every RunSummary.
#include "monitor/runsnapshot.h"
#include "timingchartsbase.h"

class QCPGraph;

namespace sf::ui {

class ThroughputChart : public TimingChartBase {
    Q_OBJECT
public:
    explicit ThroughputChart(QWidget *parent = nullptr);

    void reset();
    void applySummary(const sf::RunSummary &summary);

    QCPGraph *throughputGraph() const { return m_throughput; }
    QCPGraph *queueGraph() const { return m_queue; }

private:
    QCPGraph *m_throughput = nullptr;
    QCPGraph *m_queue = nullptr;
    std::size_t m_throughputPoints = 0;
    std::size_t m_queuePoints = 0;
};

} // namespace sf::ui
