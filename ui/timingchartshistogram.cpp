#include "timingchartshistogram.h"
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

namespace sf::ui {

namespace {

// Decade ticks labelled in the unit a reader expects ("100 µs", "10 ms", "1 s").
QSharedPointer<QCPAxisTickerText> decadeTicker()
{
    static const char *const labels[] = {"1 µs", "10 µs", "100 µs", "1 ms",   "10 ms", "100 ms",
                                         "1 s",  "10 s",  "100 s",  "1000 s", "10⁴ s"};
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int d = 0; d <= DurationHistogramChart::Decades; ++d)
        ticker->addTick(DurationHistogramChart::FirstDecade + d, QString::fromUtf8(labels[d]));
    ticker->setSubTickCount(8);
    return ticker;
}

double binCentre(int bin)
{
    return DurationHistogramChart::FirstDecade +
           (bin + 0.5) / double(DurationHistogramChart::BinsPerDecade);
}

const char *const kQuantileNames[4] = {"p25", "median", "p75", "p95"};

} // namespace

DurationHistogramChart::DurationHistogramChart(QWidget *parent)
    : TimingChartBase(tr("Task durations"), parent)
{
    QCustomPlot *p = plot();
    p->xAxis->setTicker(decadeTicker());
    p->xAxis->setLabel(tr("duration (log scale)"));
    p->yAxis->setLabel(tr("attempts"));
    useCountTicks(p->yAxis);
    m_normalBars = new QCPBars(p->xAxis, p->yAxis);
    m_normalBars->setName(tr("tasks"));
    m_normalBars->setWidth(1.0 / BinsPerDecade);
    m_normalBars->setPen(Qt::NoPen);
    m_normalBars->setBrush(QColor(0x43, 0xa0, 0x47));
    m_stragglerBars = new QCPBars(p->xAxis, p->yAxis);
    m_stragglerBars->setName(tr("stragglers"));
    m_stragglerBars->setWidth(1.0 / BinsPerDecade);
    m_stragglerBars->setPen(Qt::NoPen);
    m_stragglerBars->setBrush(QColor(0x8e, 0x24, 0xaa));
    m_stragglerBars->moveAbove(m_normalBars);
    p->legend->setVisible(true);
    p->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    for (int i = 0; i < 4; ++i) {
        m_markers[i] = new QCPItemStraightLine(p);
        m_labels[i] = new QCPItemText(p);
        m_labels[i]->setText(QString::fromLatin1(kQuantileNames[i]));
        m_labels[i]->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        m_labels[i]->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        m_labels[i]->setVisible(false);
        m_markers[i]->setVisible(false);
    }
    colourMarkers();
    reset();
}

int DurationHistogramChart::binOf(double ms)
{
    if (!(ms > 0)) return 0;
    const double x = (std::log10(ms) - FirstDecade) * BinsPerDecade;
    return std::clamp(static_cast<int>(std::floor(x)), 0, BinCount - 1);
}

void DurationHistogramChart::reset()
{
    std::fill(m_normal.begin(), m_normal.end(), 0);
    std::fill(m_stragglers.begin(), m_stragglers.end(), 0);
    m_binOfAttempt.clear();
    m_stragglerOfAttempt.clear();
    m_total = 0;
    refreshPlot({});
}

void DurationHistogramChart::applyRecord(const TaskRecord &r)
{
    if (r.attemptId < 0) return;
    const auto id = static_cast<std::size_t>(r.attemptId);
    if (id >= m_binOfAttempt.size()) {
        m_binOfAttempt.resize(id + 1, -1);
        m_stragglerOfAttempt.resize(id + 1, 0);
    }
    // Attempts that ran to an end have a duration; running, queued and cancelled ones do not.
    const bool ended = (r.state == TaskState::Done || r.state == TaskState::Failed ||
                        r.state == TaskState::Retried) &&
                       r.finishedNs > r.startedNs;
    if (m_binOfAttempt[id] >= 0) {
        auto &series = m_stragglerOfAttempt[id] ? m_stragglers : m_normal;
        --series[static_cast<std::size_t>(m_binOfAttempt[id])];
        --m_total;
        m_binOfAttempt[id] = -1;
    }
    if (!ended) return;
    const int bin = binOf(double(r.durationNs()) / 1e6);
    m_binOfAttempt[id] = static_cast<std::int16_t>(bin);
    m_stragglerOfAttempt[id] = r.straggler ? 1 : 0;
    ++(r.straggler ? m_stragglers : m_normal)[static_cast<std::size_t>(bin)];
    ++m_total;
}

void DurationHistogramChart::applySnapshot(const sf::RunSnapshot &snapshot)
{
    if (snapshot.changed.empty() && m_total > 0) return;
    for (const TaskRecord &r : snapshot.changed)
        applyRecord(r);
    refreshPlot(snapshot.summary.durations);
}

void DurationHistogramChart::colourMarkers()
{
    const QColor text = palette().color(QPalette::WindowText);
    QColor quartile = text;
    quartile.setAlphaF(0.6);
    const QColor colours[4] = {quartile, text, quartile, QColor(0xe5, 0x39, 0x35)};
    for (int i = 0; i < 4; ++i) {
        m_markers[i]->setPen(QPen(colours[i], 1, Qt::DashLine));
        m_labels[i]->setColor(colours[i]);
    }
}

void DurationHistogramChart::changeEvent(QEvent *event)
{
    TimingChartBase::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) colourMarkers();
}

double DurationHistogramChart::markerPosition(int index) const
{
    return m_markers[index]->point1->key();
}

void DurationHistogramChart::refreshPlot(const DurationQuantiles &q)
{
    QVector<double> keys, normal, stragglers;
    int lo = BinCount, hi = -1;
    std::int64_t peak = 0;
    for (int b = 0; b < BinCount; ++b) {
        const auto i = static_cast<std::size_t>(b);
        if (m_normal[i] + m_stragglers[i] == 0) continue;
        lo = std::min(lo, b);
        hi = std::max(hi, b);
        peak = std::max(peak, m_normal[i] + m_stragglers[i]);
        keys << binCentre(b);
        normal << double(m_normal[i]);
        stragglers << double(m_stragglers[i]);
    }
    m_normalBars->setData(keys, normal, true);
    m_stragglerBars->setData(keys, stragglers, true);
    // Stack the stragglers on the ordinary bars of the same bin.
    m_stragglerBars->moveAbove(m_normalBars);
    if (hi < 0) {
        plot()->xAxis->setRange(-1, 3); // 0.1 ms … 1 s until the first attempt ends
        plot()->yAxis->setRange(0, 1);
    } else {
        plot()->xAxis->setRange(binCentre(lo) - 0.5, binCentre(hi) + 0.5);
        plot()->yAxis->setRange(0, double(peak) * 1.15);
    }
    const double values[4] = {q.p25Ms, q.medianMs, q.p75Ms, q.p95Ms};
    for (int i = 0; i < 4; ++i) {
        const bool show = m_total > 0 && values[i] > 0;
        const double x = show ? std::log10(values[i]) : 0.0;
        m_markers[i]->point1->setCoords(x, 0);
        m_markers[i]->point2->setCoords(x, 1);
        m_labels[i]->position->setCoords(x, 0.02 + 0.1 * i); // close quantiles stay legible
        m_markers[i]->setVisible(show);
        m_labels[i]->setVisible(show);
    }
    requestReplot();
}

} // namespace sf::ui
