#include "timingchartsseries.h"
#include <qcustomplot.h>

namespace sf::ui {

namespace {

void setSeries(QCPGraph *graph, const std::vector<SeriesPoint> &points)
{
    QVector<double> keys, values;
    keys.reserve(static_cast<qsizetype>(points.size()));
    values.reserve(static_cast<qsizetype>(points.size()));
    for (const SeriesPoint &p : points) {
        keys << p.tMs / 1000.0;
        values << p.value;
    }
    graph->setData(keys, values, true);
}

} // namespace

ThroughputChart::ThroughputChart(QWidget *parent)
    : TimingChartBase(tr("Throughput and queue"), parent)
{
    QCustomPlot *p = plot();
    p->xAxis->setLabel(tr("time since start (s)"));
    p->yAxis->setLabel(tr("rows/s"));
    p->yAxis2->setVisible(true);
    p->yAxis2->setLabel(tr("queued tasks"));
    useCountTicks(p->yAxis2);
    m_throughput = p->addGraph(p->xAxis, p->yAxis);
    m_throughput->setName(tr("throughput"));
    m_throughput->setPen(QPen(QColor(0x1e, 0x88, 0xe5), 2));
    m_queue = p->addGraph(p->xAxis, p->yAxis2);
    m_queue->setName(tr("queue length"));
    m_queue->setPen(QPen(QColor(0xfb, 0x8c, 0x00), 1.5));
    m_queue->setLineStyle(QCPGraph::lsStepLeft);
    p->legend->setVisible(true);
    p->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    reset();
}

void ThroughputChart::reset()
{
    m_throughput->data()->clear();
    m_queue->data()->clear();
    m_throughputPoints = m_queuePoints = 0;
    plot()->xAxis->setRange(0, 1);
    plot()->yAxis->setRange(0, 1);
    plot()->yAxis2->setRange(0, 1);
    requestReplot();
}

void ThroughputChart::applySummary(const sf::RunSummary &summary)
{
    // The series only grow: skip the rebuild when no sample was added.
    if (summary.throughput.size() == m_throughputPoints &&
        summary.queueLength.size() == m_queuePoints)
        return;
    m_throughputPoints = summary.throughput.size();
    m_queuePoints = summary.queueLength.size();
    setSeries(m_throughput, summary.throughput);
    setSeries(m_queue, summary.queueLength);
    bool found = false;
    const QCPRange t1 = m_throughput->getKeyRange(found);
    double upper = found ? t1.upper : 0;
    const QCPRange t2 = m_queue->getKeyRange(found);
    upper = std::max({upper, found ? t2.upper : 0.0, summary.elapsedMs / 1000.0, 0.1});
    plot()->xAxis->setRange(0, upper);
    const QCPRange v1 = m_throughput->getValueRange(found);
    plot()->yAxis->setRange(0, std::max(1.0, found ? v1.upper * 1.1 : 1.0));
    const QCPRange v2 = m_queue->getValueRange(found);
    plot()->yAxis2->setRange(0, std::max(1.0, found ? v2.upper * 1.1 : 1.0));
    requestReplot();
}

} // namespace sf::ui
