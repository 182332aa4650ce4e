#include "timingchartsutilisation.h"
#include <qcustomplot.h>

namespace sf::ui {

UtilisationChart::UtilisationChart(QWidget *parent)
    : TimingChartBase(tr("Utilisation per worker"), parent)
{
    QCustomPlot *p = plot();
    p->yAxis->setLabel(tr("busy (%)"));
    p->yAxis->setRange(0, 100);
    m_bars = new QCPBars(p->xAxis, p->yAxis);
    m_bars->setName(tr("utilisation"));
    m_bars->setWidth(0.7);
    m_bars->setPen(Qt::NoPen);
    m_bars->setBrush(QColor(0x1e, 0x88, 0xe5));
    reset(1);
}

void UtilisationChart::setLanes(int lanes)
{
    if (lanes == m_lanes) return;
    m_lanes = lanes;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int w = 0; w < lanes; ++w)
        ticker->addTick(w, tr("W%1").arg(w));
    plot()->xAxis->setTicker(ticker);
    plot()->xAxis->setRange(-0.6, lanes - 0.4);
}

void UtilisationChart::reset(int workers)
{
    m_bars->data()->clear();
    m_shown.clear();
    setLanes(std::max(1, workers));
    requestReplot();
}

void UtilisationChart::applySummary(const sf::RunSummary &summary)
{
    if (summary.workerUtilisation == m_shown) return;
    m_shown = summary.workerUtilisation;
    QVector<double> keys, values;
    for (std::size_t w = 0; w < m_shown.size(); ++w) {
        keys << double(w);
        values << 100.0 * std::clamp(m_shown[w], 0.0, 1.0);
    }
    m_bars->setData(keys, values, true);
    setLanes(std::max({1, summary.workers, static_cast<int>(m_shown.size())}));
    requestReplot();
}

} // namespace sf::ui
