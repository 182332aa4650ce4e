#pragma once
// Two runs' task-duration histograms overlaid on the same bins (RunComparison's edges), as
// shares of each run's finished tasks, bars side by side per bin so neither hides the other.
#include "history/runcomparison.h"
#include "timingchartsbase.h"

class QCPBars;

namespace sf::ui {

class ComparisonHistogram : public TimingChartBase {
    Q_OBJECT
public:
    explicit ComparisonHistogram(QWidget *parent = nullptr);

    void setComparison(const sf::RunComparison &comparison);
    QCPBars *barsA() const { return m_a; }
    QCPBars *barsB() const { return m_b; }

private:
    QCPBars *m_a = nullptr;
    QCPBars *m_b = nullptr;
};

} // namespace sf::ui
