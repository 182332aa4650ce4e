#include "comparisonhistogram.h"
#include <algorithm>
#include <qcustomplot.h>

namespace sf::ui {

ComparisonHistogram::ComparisonHistogram(QWidget *parent)
    : TimingChartBase(tr("Task durations, both runs on the same bins"), parent)
{
    QCustomPlot *p = plot();
    m_a = new QCPBars(p->xAxis, p->yAxis);
    m_b = new QCPBars(p->xAxis, p->yAxis);
    auto *group = new QCPBarsGroup(p);
    m_a->setBarsGroup(group);
    m_b->setBarsGroup(group);
    m_a->setWidth(0.42);
    m_b->setWidth(0.42);
    m_a->setPen(Qt::NoPen);
    m_b->setPen(Qt::NoPen);
    m_a->setBrush(QColor(31, 119, 180, 220));
    m_b->setBrush(QColor(255, 127, 14, 220));
    p->legend->setVisible(true);
    p->xAxis->setLabel(tr("task duration (ms), bin lower edge"));
    p->yAxis->setLabel(tr("tasks"));
    useCountTicks(p->yAxis);
    setMinimumHeight(220);
}

void ComparisonHistogram::setComparison(const RunComparison &c)
{
    m_a->setName(tr("run %1").arg(c.idA));
    m_b->setName(tr("run %1").arg(c.idB));
    QVector<double> keys, a, b;
    auto ticks = QSharedPointer<QCPAxisTickerText>::create();
    const int bins = int(c.histA.size());
    const int labelEvery = std::max(1, bins / 8);
    double top = 1;
    for (int i = 0; i < bins; ++i) {
        keys.append(i);
        a.append(double(c.histA[std::size_t(i)]));
        b.append(double(c.histB[std::size_t(i)]));
        top = std::max({top, a.back(), b.back()});
        if (i % labelEvery == 0) {
            const double edge = c.binEdgesMs[std::size_t(i)];
            ticks->addTick(i - 0.5, QString::number(edge, 'g', 3));
        }
    }
    if (bins > 0) ticks->addTick(bins - 0.5, QString::number(c.binEdgesMs.back(), 'g', 3));
    m_a->setData(keys, a, true);
    m_b->setData(keys, b, true);
    plot()->xAxis->setTicker(ticks);
    plot()->xAxis->setRange(-0.7, std::max(0, bins - 1) + 0.7);
    plot()->yAxis->setRange(0, top * 1.1);
    if (c.logBins)
        plot()->xAxis->setLabel(tr("task duration (ms, log bins), bin lower edge"));
    else
        plot()->xAxis->setLabel(tr("task duration (ms), bin lower edge"));
    requestReplot();
}

} // namespace sf::ui
