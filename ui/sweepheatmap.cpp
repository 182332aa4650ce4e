#include "sweepheatmap.h"
#include "partition/partitionspec.h"
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

namespace sf::ui {

namespace {

QString msText(double ms)
{
    return ms < 10 ? QString::number(ms, 'f', 2) : QString::number(ms, 'f', 0);
}

} // namespace

SweepHeatmap::SweepHeatmap(QWidget *parent)
    : TimingChartBase(tr("Median wall time (ms): chunk size × workers"), parent)
{
    QCustomPlot *p = plot();
    m_map = new QCPColorMap(p->xAxis, p->yAxis);
    m_scale = new QCPColorScale(p);
    p->plotLayout()->addElement(1, 1, m_scale);
    m_scale->setType(QCPAxis::atRight);
    m_scale->axis()->setLabel(tr("ms"));
    m_map->setColorScale(m_scale);
    QCPColorGradient gradient(QCPColorGradient::gpThermal);
    gradient.setNanHandling(QCPColorGradient::nhTransparent);
    m_map->setGradient(gradient.inverted()); // fast is bright
    m_map->setInterpolate(false);
    auto *group = new QCPMarginGroup(p);
    p->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    p->xAxis->setLabel(tr("chunk size"));
    p->yAxis->setLabel(tr("workers"));
    p->xAxis->grid()->setVisible(false);
    p->yAxis->grid()->setVisible(false);
    m_bestFrame = new QCPItemRect(p);
    m_bestFrame->setPen(QPen(QColor(0, 160, 255), 3));
    m_bestFrame->setBrush(Qt::NoBrush);
    m_bestFrame->setVisible(false);
    setMinimumHeight(180);
}

void SweepHeatmap::clear()
{
    for (QCPAbstractItem *item : m_labels)
        plot()->removeItem(item);
    m_labels.clear();
    m_chunks.clear();
    m_workers.clear();
    m_map->data()->clear();
    m_bestFrame->setVisible(false);
    requestReplot();
}

void SweepHeatmap::setResult(const SweepResult &result, SchedulePolicy policy)
{
    clear();
    for (const SweepCell &c : result.cells) {
        if (c.setting.policy != policy) continue;
        if (std::find(m_chunks.begin(), m_chunks.end(), c.setting.chunk) == m_chunks.end())
            m_chunks.push_back(c.setting.chunk);
        if (std::find(m_workers.begin(), m_workers.end(), c.setting.workers) == m_workers.end())
            m_workers.push_back(c.setting.workers);
    }
    std::sort(m_chunks.begin(), m_chunks.end());
    std::sort(m_workers.begin(), m_workers.end());
    if (m_chunks.empty()) return;
    const bool bytes = result.cells.first().setting.chunkBytes;
    const int nx = columns(), ny = rows();
    // A colour map of one cell in a dimension has a zero-width range and draws nothing: such a
    // dimension gets two identical cells centred at ±0.25, which together cover [-0.5, 0.5].
    const int mx = std::max(nx, 2), my = std::max(ny, 2);
    m_map->data()->setSize(mx, my);
    m_map->data()->setRange(nx > 1 ? QCPRange(0, nx - 1) : QCPRange(-0.25, 0.25),
                            ny > 1 ? QCPRange(0, ny - 1) : QCPRange(-0.25, 0.25));
    for (int x = 0; x < mx; ++x)
        for (int y = 0; y < my; ++y)
            m_map->data()->setCell(x, y, std::nan(""));
    const auto setCell = [&](int x, int y, double v) {
        for (int dx = 0; dx < (nx > 1 ? 1 : 2); ++dx)
            for (int dy = 0; dy < (ny > 1 ? 1 : 2); ++dy)
                m_map->data()->setCell(x + dx, y + dy, v);
    };
    const SweepCell *best = nullptr;
    for (const SweepCell &c : result.cells) {
        if (c.setting.policy != policy) continue;
        const int x =
            int(std::find(m_chunks.begin(), m_chunks.end(), c.setting.chunk) - m_chunks.begin());
        const int y = int(std::find(m_workers.begin(), m_workers.end(), c.setting.workers) -
                          m_workers.begin());
        setCell(x, y, c.medianMs);
        if (!best || c.medianMs < best->medianMs) best = &c;
        auto *label = new QCPItemText(plot());
        label->position->setCoords(x, y);
        label->setText(msText(c.medianMs));
        label->setColor(Qt::black);
        label->setBrush(QColor(255, 255, 255, 170));
        label->setPadding(QMargins(3, 1, 3, 1));
        m_labels.append(label);
    }
    if (best) {
        const int x = int(std::find(m_chunks.begin(), m_chunks.end(), best->setting.chunk) -
                          m_chunks.begin());
        const int y = int(std::find(m_workers.begin(), m_workers.end(), best->setting.workers) -
                          m_workers.begin());
        m_bestFrame->topLeft->setCoords(x - 0.48, y + 0.48);
        m_bestFrame->bottomRight->setCoords(x + 0.48, y - 0.48);
        m_bestFrame->setVisible(true);
    }
    auto xTicks = QSharedPointer<QCPAxisTickerText>::create();
    for (int x = 0; x < nx; ++x)
        xTicks->addTick(x, m_chunks[std::size_t(x)] == 0 ? tr("none")
                           : bytes                       ? formatByteSize(m_chunks[std::size_t(x)])
                                   : QString::number(m_chunks[std::size_t(x)]));
    auto yTicks = QSharedPointer<QCPAxisTickerText>::create();
    for (int y = 0; y < ny; ++y)
        yTicks->addTick(y, QString::number(m_workers[std::size_t(y)]));
    plot()->xAxis->setTicker(xTicks);
    plot()->yAxis->setTicker(yTicks);
    plot()->xAxis->setLabel(bytes ? tr("chunk size (bytes)") : tr("chunk size (rows)"));
    plot()->xAxis->setRange(-0.5, nx - 0.5);
    plot()->yAxis->setRange(-0.5, ny - 0.5);
    // Not rescaleDataRange(): unmeasured (NaN) cells would poison QCustomPlot's bounds.
    double lo = best ? best->medianMs : 0, hi = lo;
    for (const SweepCell &c : result.cells)
        if (c.setting.policy == policy) hi = std::max(hi, c.medianMs);
    m_map->setDataRange(QCPRange(lo, hi > lo ? hi : lo + 1));
    requestReplot();
}

double SweepHeatmap::valueAt(int column, int row) const
{
    if (column < 0 || row < 0 || column >= columns() || row >= rows()) return std::nan("");
    return m_map->data()->cell(column, row);
}

QString SweepHeatmap::cellLabel(int column, int row) const
{
    const double v = valueAt(column, row);
    return std::isnan(v) ? QString() : msText(v);
}

} // namespace sf::ui
