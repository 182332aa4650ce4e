#include "timingcharts.h"
#include "chartexportdialog.h"
#include "timingchartshistogram.h"
#include "timingchartsseries.h"
#include "timingchartsutilisation.h"
#include <QGridLayout>
#include <QToolButton>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace sf::ui {

TimingCharts::TimingCharts(QWidget *parent)
    : QWidget(parent)
    , m_histogram(new DurationHistogramChart(this))
    , m_throughput(new ThroughputChart(this))
    , m_utilisation(new UtilisationChart(this))
{
    auto *grid = new QGridLayout(this);
    grid->addWidget(framed(m_histogram), 0, 0, 1, 2);
    grid->addWidget(framed(m_throughput), 1, 0);
    grid->addWidget(framed(m_utilisation), 1, 1);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);
}

QList<TimingChartBase *> TimingCharts::charts() const
{
    return {m_histogram, m_throughput, m_utilisation};
}

QWidget *TimingCharts::framed(TimingChartBase *chart)
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *exportButton = new QToolButton(box);
    exportButton->setText(tr("Export…"));
    exportButton->setToolTip(tr("Save \"%1\" as PNG, SVG or PDF").arg(chart->title()));
    exportButton->setObjectName(chart->title());
    connect(exportButton, &QToolButton::clicked, this,
            [this, chart] { exportInteractively(chart); });
    layout->addWidget(exportButton, 0, Qt::AlignRight);
    layout->addWidget(chart, 1);
    return box;
}

void TimingCharts::reset(int workers)
{
    m_histogram->reset();
    m_throughput->reset();
    m_utilisation->reset(workers);
}

void TimingCharts::applySnapshot(const sf::RunSnapshot &snapshot)
{
    m_histogram->applySnapshot(snapshot);
    m_throughput->applySummary(snapshot.summary);
    m_utilisation->applySummary(snapshot.summary);
}

void TimingCharts::exportInteractively(TimingChartBase *chart)
{
    const QString path = ChartExportDialog::exportChart(this, chart->plot(), chart->title());
    if (!path.isEmpty()) Q_EMIT chartExported(path);
}

} // namespace sf::ui
