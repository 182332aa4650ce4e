#include "timingchartsbase.h"
#include "plotpalette.h"
#include "replotthrottle.h"
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace sf::ui {

TimingChartBase::TimingChartBase(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
    , m_title(title)
{
    m_plot->plotLayout()->insertRow(0);
    auto *heading =
        new QCPTextElement(m_plot, title, QFont(font().family(), font().pointSize(), QFont::Bold));
    m_plot->plotLayout()->addElement(0, 0, heading);
    PlotPalette::follow(m_plot);
    m_plot->setMinimumHeight(160);
    // Distributions read fine at 5 Hz; the task stream and the table get the GUI time.
    m_replot = new ReplotThrottle(m_plot, 200, 0.1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
}

void TimingChartBase::useCountTicks(QCPAxis *axis)
{
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    axis->setTicker(ticker);
}

void TimingChartBase::requestReplot()
{
    if (isVisible()) {
        m_replot->request();
        m_dirty = false;
    } else {
        m_dirty = true;
    }
}

void TimingChartBase::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty) {
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        m_dirty = false;
    }
}

} // namespace sf::ui
