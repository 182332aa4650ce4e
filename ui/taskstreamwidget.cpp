#include "taskstreamwidget.h"
#include "plotpalette.h"
#include "chartexportdialog.h"
#include "replotthrottle.h"
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace sf::ui {

namespace {
constexpr int kClickSlopPx = 4;
constexpr double kMinSpanSeconds = 0.1;
} // namespace

TaskStreamWidget::TaskStreamWidget(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    m_plot->setObjectName(QStringLiteral("taskStreamPlot"));
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    m_plot->xAxis->setLabel(tr("time since start (s)"));
    m_plot->yAxis->setRangeReversed(true); // worker 0 on top
    m_plot->yAxis->grid()->setVisible(false);
    m_plot->setMouseTracking(true);
    m_bars = new TaskStreamPlottable(m_plot->xAxis, m_plot->yAxis);
    // Live updates at up to 30 Hz, fewer when a replot is dear: at most a quarter of the GUI.
    m_replot = new ReplotThrottle(m_plot, 33, 0.25);
    m_bars->setName(tr("tasks"));
    PlotPalette::follow(m_plot);

    m_followButton = new QToolButton(this);
    m_followButton->setObjectName(QStringLiteral("followButton"));
    m_followButton->setText(tr("Follow"));
    m_followButton->setToolTip(tr("Keep the whole run in view and follow the live edge"));
    m_followButton->setCheckable(true);
    m_followButton->setChecked(true);
    connect(m_followButton, &QToolButton::toggled, this, &TaskStreamWidget::setFollowing);

    m_colourBox = new QComboBox(this);
    m_colourBox->setObjectName(QStringLiteral("colourModeBox"));
    m_colourBox->addItem(tr("Colour by state"), int(TaskStreamPlottable::ColourMode::State));
    m_colourBox->addItem(tr("Colour by job"), int(TaskStreamPlottable::ColourMode::Job));
    m_colourBox->addItem(tr("Colour by priority"), int(TaskStreamPlottable::ColourMode::Priority));
    connect(m_colourBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        setColourMode(
            static_cast<TaskStreamPlottable::ColourMode>(m_colourBox->itemData(index).toInt()));
    });

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Task stream"), this));
    bar->addStretch(1);
    // Legend of the state colours, so the colours need no explanation elsewhere.
    const std::pair<int, QString> legend[] = {
        {TaskStreamPlottable::SlotRunning, tr("running")},
        {TaskStreamPlottable::SlotDone, tr("done")},
        {TaskStreamPlottable::SlotFailed, tr("failed")},
        {TaskStreamPlottable::SlotRetried, tr("retried")},
        {TaskStreamPlottable::SlotCancelled, tr("cancelled")},
        {TaskStreamPlottable::SlotStraggler, tr("straggler")}};
    for (const auto &[slot, name] : legend) {
        auto *label = new QLabel(this);
        label->setText(QStringLiteral("<span style=\"color:%1\">■</span> %2")
                           .arg(TaskStreamPlottable::slotColour(slot).name(), name));
        bar->addWidget(label);
    }
    bar->addSpacing(12);
    bar->addWidget(m_colourBox);
    bar->addWidget(m_followButton);
    auto *exportButton = new QToolButton(this);
    exportButton->setObjectName(QStringLiteral("taskStreamExport"));
    exportButton->setText(tr("Export…"));
    exportButton->setToolTip(tr("Save the task stream as PNG, SVG or PDF"));
    connect(exportButton, &QToolButton::clicked, this, &TaskStreamWidget::exportInteractively);
    bar->addWidget(exportButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_plot, 1);

    connect(m_plot, &QCustomPlot::mousePress, this, &TaskStreamWidget::onMousePress);
    connect(m_plot, &QCustomPlot::mouseMove, this, &TaskStreamWidget::onMouseMove);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &TaskStreamWidget::onMouseRelease);
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this] { setFollowing(false); });
    reset(1);
}

void TaskStreamWidget::reset(int workers)
{
    m_bars->clearBars();
    m_tickedLanes = -1;
    updateLaneTicks(std::max(1, workers));
    setFollowing(true);
    m_plot->xAxis->setRange(0, 1);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TaskStreamWidget::updateLaneTicks(int lanes)
{
    if (lanes == m_tickedLanes) return;
    m_tickedLanes = lanes;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int w = 0; w < lanes; ++w)
        ticker->addTick(w, tr("W%1").arg(w));
    m_plot->yAxis->setTicker(ticker);
    m_plot->yAxis->setRange(-0.5, lanes - 0.5);
}

void TaskStreamWidget::applySnapshot(const sf::RunSnapshot &snapshot)
{
    m_bars->reserveBars(snapshot.summary.tasksTotal, std::max(1, snapshot.summary.workers));
    m_bars->applyRecords(snapshot.changed);
    m_bars->setNow(snapshot.summary.elapsedMs / 1000.0);
    updateLaneTicks(std::max({1, snapshot.summary.workers, m_bars->laneCount()}));
    if (m_following) applyFollow();
    m_replot->request();
}

void TaskStreamWidget::applyFollow()
{
    bool found = false;
    const QCPRange keys = m_bars->getKeyRange(found);
    const double upper = std::max({kMinSpanSeconds, m_bars->now(), found ? keys.upper : 0.0});
    m_plot->xAxis->setRange(0, upper * 1.02);
}

void TaskStreamWidget::setFollowing(bool follow)
{
    if (follow == m_following && m_followButton->isChecked() == follow) return;
    m_following = follow;
    {
        const QSignalBlocker block(m_followButton);
        m_followButton->setChecked(follow);
    }
    if (follow) {
        applyFollow();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
    Q_EMIT followingChanged(follow);
}

void TaskStreamWidget::setColourMode(TaskStreamPlottable::ColourMode mode)
{
    m_bars->setColourMode(mode);
    const int index = m_colourBox->findData(int(mode));
    if (index != m_colourBox->currentIndex()) {
        const QSignalBlocker block(m_colourBox);
        m_colourBox->setCurrentIndex(index);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TaskStreamWidget::selectAttempt(std::int64_t attemptId)
{
    if (m_bars->selectedAttempt() == attemptId) return;
    m_bars->setSelectedAttempt(attemptId);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString TaskStreamWidget::tooltipAt(const QPoint &pos) const
{
    const std::int64_t id = m_bars->attemptAt(pos);
    if (id < 0) return {};
    return m_describe ? m_describe(id) : tr("attempt %1").arg(id);
}

void TaskStreamWidget::exportInteractively()
{
    const QString path = ChartExportDialog::exportChart(this, m_plot, tr("Task stream"));
    if (!path.isEmpty()) Q_EMIT chartExported(path);
}

void TaskStreamWidget::onMousePress(QMouseEvent *event)
{
    m_pressPos = event->pos();
    m_pressed = true;
}

void TaskStreamWidget::onMouseMove(QMouseEvent *event)
{
    if (event->buttons() != Qt::NoButton) {
        if (m_pressed && (event->pos() - m_pressPos).manhattanLength() > kClickSlopPx)
            setFollowing(false); // the user drags the time axis away from the live edge
        return;
    }
    const QString text = tooltipAt(event->pos());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, m_plot);
}

void TaskStreamWidget::onMouseRelease(QMouseEvent *event)
{
    const bool click = m_pressed && (event->pos() - m_pressPos).manhattanLength() <= kClickSlopPx;
    m_pressed = false;
    if (!click || event->button() != Qt::LeftButton) return;
    const std::int64_t id = m_bars->attemptAt(event->pos());
    if (id < 0) return;
    selectAttempt(id);
    Q_EMIT taskClicked(id);
}

} // namespace sf::ui
