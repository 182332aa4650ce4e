#pragma once
// Speedup or parallel efficiency against worker count, one line per chunk size of one policy,
// with the ideal (linear speedup, efficiency 1) drawn dashed for reference.
#include "timingchartsbase.h"
#include "tuning/sweepresult.h"

namespace sf::ui {

class SweepScalingChart : public TimingChartBase {
    Q_OBJECT
public:
    enum class Measure {
        Speedup,
        Efficiency
    };

    explicit SweepScalingChart(Measure measure, QWidget *parent = nullptr);

    void setResult(const sf::SweepResult &result, sf::SchedulePolicy policy);
    void clear();

    // One curve per chunk size, then the ideal line last.
    int curveCount() const;
    QString curveName(int index) const;
    QList<QPointF> curvePoints(int index) const;

private:
    Measure m_measure;
};

} // namespace sf::ui
