#pragma once
// The Sweep page's heatmap: median wall time of every chunk size (x) × worker count (y) cell
// of one policy, coloured on a shared scale with the value written in each cell and the best
// cell outlined.
#include "timingchartsbase.h"
#include "tuning/sweepresult.h"

class QCPAbstractItem;
class QCPColorMap;
class QCPColorScale;
class QCPItemRect;

namespace sf::ui {

class SweepHeatmap : public TimingChartBase {
    Q_OBJECT
public:
    explicit SweepHeatmap(QWidget *parent = nullptr);

    void setResult(const sf::SweepResult &result, sf::SchedulePolicy policy);
    void clear();

    int columns() const { return int(m_chunks.size()); } // chunk sizes
    int rows() const { return int(m_workers.size()); }   // worker counts
    // Median ms of the cell (NaN when it was not measured).
    double valueAt(int column, int row) const;
    QString cellLabel(int column, int row) const;

private:
    QCPColorMap *m_map = nullptr;
    QCPColorScale *m_scale = nullptr;
    QCPItemRect *m_bestFrame = nullptr;
    std::vector<std::int64_t> m_chunks;
    std::vector<int> m_workers;
    QList<QCPAbstractItem *> m_labels;
};

} // namespace sf::ui
