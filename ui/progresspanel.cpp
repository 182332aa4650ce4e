#include "progresspanel.h"
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>
#include <cmath>

namespace sf::ui {

namespace {
constexpr int kBarScale = 1000; // progress bars count in per-mille for smooth movement
}

ProgressPanel::ProgressPanel(QWidget *parent)
    : QWidget(parent)
    , m_overall(new QProgressBar(this))
    , m_tasks(new QLabel(this))
    , m_rates(new QLabel(this))
    , m_times(new QLabel(this))
    , m_status(new QLabel(this))
    , m_pause(new QPushButton(tr("Pause"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_workers(new QSpinBox(this))
    , m_jobsLayout(new QGridLayout)
{
    m_overall->setRange(0, kBarScale);
    m_overall->setFormat(QStringLiteral("%p%"));
    m_overall->setObjectName(QStringLiteral("overallProgress"));
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setCheckable(true);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_workers->setObjectName(QStringLiteral("workersBox"));
    m_workers->setRange(1, std::max(1, 4 * QThread::idealThreadCount()));
    m_workers->setKeyboardTracking(false); // one change per committed value, not per keystroke
    m_workers->setPrefix(tr("workers: "));
    m_workers->setToolTip(tr("Worker count; takes effect at the next dispatch"));

    connect(m_pause, &QPushButton::toggled, this, [this](bool paused) {
        setPausedLook(paused);
        Q_EMIT paused ? pauseRequested() : resumeRequested();
    });
    connect(m_cancel, &QPushButton::clicked, this, &ProgressPanel::cancelRequested);
    connect(m_workers, &QSpinBox::valueChanged, this, &ProgressPanel::workersChanged);

    auto *top = new QHBoxLayout;
    top->addWidget(m_overall, 1);
    top->addWidget(m_pause);
    top->addWidget(m_cancel);
    top->addWidget(m_workers);
    auto *stats = new QHBoxLayout;
    stats->setSpacing(24); // four groups of figures, read apart at a glance
    for (QLabel *label : {m_tasks, m_rates, m_times, m_status}) {
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        stats->addWidget(label);
    }
    stats->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addLayout(stats);
    layout->addLayout(m_jobsLayout);
    reset({}, 1);
}

QString ProgressPanel::formatClock(double ms)
{
    if (!(ms >= 0)) return QStringLiteral("—");
    const auto total = static_cast<qint64>(std::llround(ms / 1000.0));
    const qint64 h = total / 3600, m = (total / 60) % 60, s = total % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(h)
            .arg(m, 2, 10, QLatin1Char('0'))
            .arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

QString ProgressPanel::formatRate(double perSecond)
{
    if (perSecond >= 1e9) return QStringLiteral("%1 G").arg(perSecond / 1e9, 0, 'f', 2);
    if (perSecond >= 1e6) return QStringLiteral("%1 M").arg(perSecond / 1e6, 0, 'f', 2);
    if (perSecond >= 1e3) return QStringLiteral("%1 k").arg(perSecond / 1e3, 0, 'f', 1);
    return QString::number(perSecond, 'f', 0);
}

void ProgressPanel::setBarValue(QProgressBar *bar, int value)
{
    // QProgressBar::setValue() repaints synchronously whenever its text changes; with updates
    // off it only records the value, and the bar is painted with the rest of the window.
    if (bar->value() == value) return;
    bar->setUpdatesEnabled(false);
    bar->setValue(value);
    bar->setUpdatesEnabled(true); // schedules the (coalesced) update
}

void ProgressPanel::reset(const QStringList &jobNames, int workers)
{
    m_jobNames = jobNames;
    qDeleteAll(m_jobBars);
    qDeleteAll(m_jobLabels);
    m_jobBars.clear();
    m_jobLabels.clear();
    m_overall->setValue(0);
    m_tasks->setText(tr("tasks 0/0"));
    m_rates->setText(tr("0 rows/s · 0.0 MB/s"));
    m_times->setText(tr("elapsed 0:00 · ETA —"));
    m_status->clear();
    {
        const QSignalBlocker blockPause(m_pause);
        const QSignalBlocker blockWorkers(m_workers);
        m_pause->setChecked(false);
        m_workers->setValue(std::max(1, workers));
    }
    setPausedLook(false);
    m_pause->setEnabled(true);
    m_cancel->setEnabled(true);
    m_workers->setEnabled(true);
}

void ProgressPanel::setPausedLook(bool paused)
{
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
}

void ProgressPanel::ensureJobBars(const QList<JobProgress> &jobs)
{
    if (jobs.size() < 2 || m_jobBars.size() == jobs.size()) return;
    while (m_jobBars.size() < jobs.size()) {
        const int row = static_cast<int>(m_jobBars.size());
        auto *label = new QLabel(this);
        auto *bar = new QProgressBar(this);
        bar->setRange(0, kBarScale);
        bar->setFormat(QStringLiteral("%p%"));
        m_jobsLayout->addWidget(label, row, 0);
        m_jobsLayout->addWidget(bar, row, 1);
        m_jobLabels << label;
        m_jobBars << bar;
    }
}

void ProgressPanel::applySummary(const sf::RunSummary &s)
{
    setBarValue(m_overall,
                static_cast<int>(std::lround(std::clamp(s.progress, 0.0, 1.0) * kBarScale)));
    QString tasks = tr("tasks %1/%2").arg(s.tasksDone).arg(s.tasksTotal);
    if (s.tasksRunning > 0 || s.tasksQueued > 0)
        tasks += tr(" · %1 running · %2 queued").arg(s.tasksRunning).arg(s.tasksQueued);
    if (s.tasksFailed > 0) tasks += tr(" · %1 failed").arg(s.tasksFailed);
    if (s.retries > 0) tasks += tr(" · %1 retries").arg(s.retries);
    m_tasks->setText(tasks);
    m_rates->setText(tr("%1 rows/s · %2 MB/s")
                         .arg(formatRate(s.rowsPerSec))
                         .arg(s.bytesPerSec / 1e6, 0, 'f', 1));
    m_times->setText(tr("elapsed %1 · ETA %2").arg(formatClock(s.elapsedMs), formatClock(s.etaMs)));
    m_status->setText(s.cancelled  ? tr("cancelled")
                      : s.finished ? tr("finished")
                      : s.paused   ? tr("paused")
                                   : QString());
    if (m_pause->isChecked() != s.paused) {
        const QSignalBlocker block(m_pause);
        m_pause->setChecked(s.paused);
        setPausedLook(s.paused);
    }
    // Follow the engine's worker count unless the user is editing the box right now.
    if (s.workers > 0 && s.workers != m_workers->value() && !m_workers->hasFocus()) {
        const QSignalBlocker block(m_workers);
        m_workers->setValue(s.workers);
    }
    ensureJobBars(s.jobs);
    if (s.jobs.size() < 2) return;
    for (qsizetype i = 0; i < s.jobs.size() && i < m_jobBars.size(); ++i) {
        const JobProgress &job = s.jobs.at(i);
        const double fraction = job.rowsTotal > 0 ? double(job.rowsDone) / double(job.rowsTotal)
                                : job.tasksTotal > 0
                                    ? double(job.tasksDone) / double(job.tasksTotal)
                                    : (job.finished ? 1.0 : 0.0);
        setBarValue(m_jobBars[i],
                    static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * kBarScale)));
        const QString name = !job.name.isEmpty()     ? job.name
                             : i < m_jobNames.size() ? m_jobNames.at(i)
                                                     : tr("job %1").arg(job.job);
        m_jobLabels[i]->setText(tr("%1: %2/%3 tasks%4")
                                    .arg(name)
                                    .arg(job.tasksDone)
                                    .arg(job.tasksTotal)
                                    .arg(job.finished ? tr(" ✓") : QString()));
    }
}

void ProgressPanel::runFinished()
{
    m_pause->setEnabled(false);
    m_cancel->setEnabled(false);
    m_workers->setEnabled(false);
    if (m_status->text().isEmpty() || m_status->text() == tr("paused"))
        m_status->setText(tr("finished"));
}

QString ProgressPanel::statsText() const
{
    return QStringList{m_tasks->text(), m_rates->text(), m_times->text(), m_status->text()}.join(
        QStringLiteral(" | "));
}

} // namespace sf::ui
