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
    p->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignHCenter);
    p->xAxis->setLabel(tr("task duration (ms), bin lower edge"));
    // Shares, not counts: runs with 300 and 3 tasks still compare on one axis.
    p->yAxis->setLabel(tr("share of the run's tasks (%)"));
    setMinimumHeight(220);
}

void ComparisonHistogram::setComparison(const RunComparison &c)
{
    m_a->setName(tr("run %1 (%2 tasks)").arg(c.idA).arg(c.tasksA));
    m_b->setName(tr("run %1 (%2 tasks)").arg(c.idB).arg(c.tasksB));
    QVector<double> keys, a, b;
    auto ticks = QSharedPointer<QCPAxisTickerText>::create();
    const int bins = int(c.histA.size());
    const int labelEvery = std::max(1, bins / 8);
    double top = 1;
    const double totalA = double(std::max<std::int64_t>(1, c.tasksA));
    const double totalB = double(std::max<std::int64_t>(1, c.tasksB));
    for (int i = 0; i < bins; ++i) {
        keys.append(i);
        a.append(100.0 * double(c.histA[std::size_t(i)]) / totalA);
        b.append(100.0 * double(c.histB[std::size_t(i)]) / totalB);
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
    plot()->yAxis->setRange(0, std::min(100.0, top * 1.1));
    if (c.logBins)
        plot()->xAxis->setLabel(tr("task duration (ms, log bins), bin lower edge"));
    else
        plot()->xAxis->setLabel(tr("task duration (ms), bin lower edge"));
    requestReplot();
}

} // namespace sf::ui
