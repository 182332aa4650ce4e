#pragma once
// The run's headline: overall progress with %, tasks done/total, rows/s, MB/s, elapsed and
// ETA, one bar per job when several run, and the run controls (pause/resume, cancel, workers).
#include "monitor/runsnapshot.h"
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QGridLayout;

namespace sf::ui {

class ProgressPanel : public QWidget {
    Q_OBJECT
public:
    explicit ProgressPanel(QWidget *parent = nullptr);

    void reset(const QStringList &jobNames, int workers);
    void applySummary(const sf::RunSummary &summary);
    void runFinished();

    QProgressBar *overallBar() const { return m_overall; }
    QString statsText() const;
    int jobBarCount() const { return static_cast<int>(m_jobBars.size()); }
    QProgressBar *jobBar(int job) const { return m_jobBars.value(job); }
    QPushButton *pauseButton() const { return m_pause; }
    QPushButton *cancelButton() const { return m_cancel; }
    QSpinBox *workersBox() const { return m_workers; }

    static QString formatClock(double ms);       // "0:42", "1:02:03"; "—" when < 0
    static QString formatRate(double perSecond); // "950", "12.3 k", "4.56 M"

Q_SIGNALS:
    void pauseRequested();
    void resumeRequested();
    void cancelRequested();
    void workersChanged(int workers);

private:
    static void setBarValue(QProgressBar *bar, int value);
    void setPausedLook(bool paused);
    void ensureJobBars(const QList<JobProgress> &jobs);

    QProgressBar *m_overall = nullptr;
    QLabel *m_tasks = nullptr;
    QLabel *m_rates = nullptr;
    QLabel *m_times = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_cancel = nullptr;
    QSpinBox *m_workers = nullptr;
    QGridLayout *m_jobsLayout = nullptr;
    QList<QProgressBar *> m_jobBars;
    QList<QLabel *> m_jobLabels;
    QStringList m_jobNames;
};

} // namespace sf::ui
