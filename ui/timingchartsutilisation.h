#pragma once
// Utilisation per worker: the share of the run each lane spent busy, as bars (0 … 100 %).
#include "monitor/runsnapshot.h"
#include "timingchartsbase.h"

class QCPBars;

namespace sf::ui {

class UtilisationChart : public TimingChartBase {
    Q_OBJECT
public:
    explicit UtilisationChart(QWidget *parent = nullptr);

    void reset(int workers);
    void applySummary(const sf::RunSummary &summary);
    QCPBars *bars() const { return m_bars; }

private:
    void setLanes(int lanes);

    QCPBars *m_bars = nullptr;
    int m_lanes = -1;
    std::vector<double> m_shown;
};

} // namespace sf::ui
