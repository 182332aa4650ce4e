#pragma once
// The Timings tab: duration histogram, throughput/queue over time and utilisation per worker,
// each with an Export… button (PNG, SVG or PDF at a chosen size).
#include "monitor/runsnapshot.h"
#include <QWidget>

namespace sf::ui {

class DurationHistogramChart;
class ThroughputChart;
class UtilisationChart;
class TimingChartBase;

class TimingCharts : public QWidget {
    Q_OBJECT
public:
    explicit TimingCharts(QWidget *parent = nullptr);

    void reset(int workers);
    void applySnapshot(const sf::RunSnapshot &snapshot);

    DurationHistogramChart *histogram() const { return m_histogram; }
    ThroughputChart *throughput() const { return m_throughput; }
    UtilisationChart *utilisation() const { return m_utilisation; }
    QList<TimingChartBase *> charts() const;
    // Asks format, size and file, then writes the chart (the Export… buttons).
    void exportInteractively(TimingChartBase *chart);

Q_SIGNALS:
    void chartExported(const QString &path);

private:
    QWidget *framed(TimingChartBase *chart);

    DurationHistogramChart *m_histogram = nullptr;
    ThroughputChart *m_throughput = nullptr;
    UtilisationChart *m_utilisation = nullptr;
};

} // namespace sf::ui
