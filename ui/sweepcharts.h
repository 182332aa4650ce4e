#pragma once
// The charts of a sweep, for one policy: the wall-time heatmap above, speedup and efficiency
// curves side by side below. The Sweep page shows it; `superflow-cli sweep --plot` renders the
// same widget offscreen into one PNG, SVG or PDF file.
#include "tuning/sweepresult.h"
#include <QWidget>

namespace sf::ui {

class SweepHeatmap;
class SweepScalingChart;

class SweepCharts : public QWidget {
    Q_OBJECT
public:
    explicit SweepCharts(QWidget *parent = nullptr);

    void setResult(const sf::SweepResult &result, sf::SchedulePolicy policy);
    void clear();

    SweepHeatmap *heatmap() const { return m_heatmap; }
    SweepScalingChart *speedupChart() const { return m_speedup; }
    SweepScalingChart *efficiencyChart() const { return m_efficiency; }

    // All three charts on one width×height page (the heatmap on the top 3/5), written
    // atomically; the format follows the suffix (.png, .svg, .pdf).
    bool save(const QString &path, int width, int height, QString *error) const;

private:
    SweepHeatmap *m_heatmap = nullptr;
    SweepScalingChart *m_speedup = nullptr;
    SweepScalingChart *m_efficiency = nullptr;
};

} // namespace sf::ui
