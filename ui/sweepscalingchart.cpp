#include "sweepscalingchart.h"
#include "partition/partitionspec.h"
#include <algorithm>
#include <map>
#include <qcustomplot.h>

namespace sf::ui {

namespace {

const QColor kCurveColours[] = {QColor(31, 119, 180),  QColor(255, 127, 14),  QColor(44, 160, 44),
                                QColor(214, 39, 40),   QColor(148, 103, 189), QColor(140, 86, 75),
                                QColor(227, 119, 194), QColor(127, 127, 127)};

} // namespace

SweepScalingChart::SweepScalingChart(Measure measure, QWidget *parent)
    : TimingChartBase(measure == Measure::Speedup ? tr("Speedup vs workers")
                                                  : tr("Efficiency vs workers"),
                      parent)
    , m_measure(measure)
{
    QCustomPlot *p = plot();
    p->xAxis->setLabel(tr("workers"));
    p->yAxis->setLabel(measure == Measure::Speedup ? tr("speedup (×)") : tr("speedup ÷ workers"));
    // The legend sits right of the axes: inside, it would cover the curves or the ideal line.
    auto *legendRect = new QCPLayoutGrid;
    p->plotLayout()->addElement(1, 1, legendRect);
    legendRect->addElement(0, 0, p->legend);
    legendRect->addElement(1, 0, new QCPLayoutElement(p)); // keeps the legend at its height
    legendRect->setRowStretchFactor(0, 0.001);
    p->plotLayout()->setColumnStretchFactor(1, 0.001);
    legendRect->setMargins(QMargins(0, 0, 4, 0));
    p->legend->setVisible(false);
    setMinimumHeight(150);
}

void SweepScalingChart::clear()
{
    plot()->clearGraphs();
    plot()->legend->setVisible(false);
    requestReplot();
}

void SweepScalingChart::setResult(const SweepResult &result, SchedulePolicy policy)
{
    clear();
    std::map<std::int64_t, std::vector<const SweepCell *>> byChunk;
    int maxWorkers = 1, baseline = 1;
    for (const SweepCell &c : result.cells) {
        if (c.setting.policy != policy) continue;
        byChunk[c.setting.chunk].push_back(&c);
        maxWorkers = std::max(maxWorkers, c.setting.workers);
        baseline = c.baselineWorkers;
    }
    if (byChunk.empty()) return;
    const bool bytes = result.cells.first().setting.chunkBytes;
    QCustomPlot *p = plot();
    std::size_t colour = 0;
    double top = m_measure == Measure::Speedup ? double(maxWorkers) / baseline : 1.0;
    for (auto &[chunk, cells] : byChunk) {
        std::sort(cells.begin(), cells.end(), [](const SweepCell *a, const SweepCell *b) {
            return a->setting.workers < b->setting.workers;
        });
        QCPGraph *g = p->addGraph();
        g->setName(chunk == 0 ? tr("all tasks")
                   : bytes    ? tr("chunk %1").arg(formatByteSize(chunk))
                              : tr("chunk %1 rows").arg(chunk));
        const QColor c = kCurveColours[colour++ % std::size(kCurveColours)];
        g->setPen(QPen(c, 2));
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, c, c, 6));
        for (const SweepCell *cell : cells) {
            const double y = m_measure == Measure::Speedup ? cell->speedup : cell->efficiency;
            g->addData(cell->setting.workers, y);
            top = std::max(top, y);
        }
    }
    QCPGraph *ideal = p->addGraph();
    ideal->setName(tr("ideal"));
    QPen dashed(palette().color(QPalette::WindowText), 1.5, Qt::DashLine);
    ideal->setPen(dashed);
    if (m_measure == Measure::Speedup) {
        ideal->addData(baseline, 1.0);
        ideal->addData(maxWorkers, double(maxWorkers) / baseline);
    } else {
        ideal->addData(baseline, 1.0);
        ideal->addData(maxWorkers, 1.0);
    }
    p->xAxis->setRange(std::max(0.0, baseline - 0.5), maxWorkers + 0.5);
    p->yAxis->setRange(0, top * 1.1);
    useCountTicks(p->xAxis);
    p->legend->setVisible(true);
    requestReplot();
}

int SweepScalingChart::curveCount() const
{
    return plot()->graphCount();
}

QString SweepScalingChart::curveName(int index) const
{
    return plot()->graph(index)->name();
}

QList<QPointF> SweepScalingChart::curvePoints(int index) const
{
    QList<QPointF> out;
    for (auto it = plot()->graph(index)->data()->constBegin();
         it != plot()->graph(index)->data()->constEnd(); ++it)
        out.append(QPointF(it->key, it->value));
    return out;
}

} // namespace sf::ui
