#include "sweepcharts.h"
#include "chartexport.h"
#include "sweepheatmap.h"
#include "sweepscalingchart.h"
#include <QHBoxLayout>
#include <QVBoxLayout>

namespace sf::ui {

SweepCharts::SweepCharts(QWidget *parent)
    : QWidget(parent)
    , m_heatmap(new SweepHeatmap)
    , m_speedup(new SweepScalingChart(SweepScalingChart::Measure::Speedup))
    , m_efficiency(new SweepScalingChart(SweepScalingChart::Measure::Efficiency))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *curves = new QHBoxLayout;
    curves->addWidget(m_speedup);
    curves->addWidget(m_efficiency);
    layout->addWidget(m_heatmap, 3);
    layout->addLayout(curves, 2);
}

void SweepCharts::setResult(const SweepResult &result, SchedulePolicy policy)
{
    m_heatmap->setResult(result, policy);
    m_speedup->setResult(result, policy);
    m_efficiency->setResult(result, policy);
}

void SweepCharts::clear()
{
    m_heatmap->clear();
    m_speedup->clear();
    m_efficiency->clear();
}

bool SweepCharts::save(const QString &path, int width, int height, QString *error) const
{
    const int top = height * 3 / 5;
    const int half = width / 2;
    return ChartExport::saveTiles(
        {{m_heatmap->plot(), QRect(0, 0, width, top)},
         {m_speedup->plot(), QRect(0, top, half, height - top)},
         {m_efficiency->plot(), QRect(half, top, width - half, height - top)}},
        path, width, height, error);
}

} // namespace sf::ui
