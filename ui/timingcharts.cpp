#include "timingcharts.h"
#include "chartexport.h"
#include "timingchartshistogram.h"
#include "timingchartsseries.h"
#include "timingchartsutilisation.h"
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QMessageBox>
#include <QSpinBox>
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
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export chart"), chart->title() + QStringLiteral(".png"),
        tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (path.isEmpty()) return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Chart size"));
    auto *form = new QFormLayout(&dialog);
    auto *width = new QSpinBox(&dialog);
    auto *height = new QSpinBox(&dialog);
    width->setRange(100, 10000);
    height->setRange(100, 10000);
    width->setValue(std::max(100, chart->plot()->width()));
    height->setValue(std::max(100, chart->plot()->height()));
    width->setSuffix(tr(" px"));
    height->setSuffix(tr(" px"));
    form->addRow(tr("Width"), width);
    form->addRow(tr("Height"), height);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted) return;
    QString error;
    if (!ChartExport::save(chart->plot(), path, width->value(), height->value(), &error))
        QMessageBox::warning(this, tr("Export chart"), error);
}

} // namespace sf::ui
