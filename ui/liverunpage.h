#pragma once
// The Live run page: progress and controls on top, the task stream above a tab widget of
// Tasks (table), Timings (charts) and Errors. Every view updates from the batched
// RunSnapshots handed to applySnapshot(), never from single task events.
#include "data/rejects.h"
#include "monitor/runsnapshot.h"
#include <QWidget>

class QComboBox;
class QSplitter;
class QTabWidget;
class QTableView;

namespace sf::ui {

class ErrorsPanel;
class ProgressPanel;
class TaskFilterProxy;
class TaskStreamWidget;
class TaskTableModel;
class TimingCharts;

class LiveRunPage : public QWidget {
    Q_OBJECT
public:
    explicit LiveRunPage(QWidget *parent = nullptr);

    ProgressPanel *progressPanel() const { return m_progress; }
    TaskStreamWidget *taskStream() const { return m_stream; }
    TaskTableModel *tasksModel() const { return m_model; }
    TaskFilterProxy *tasksProxy() const { return m_proxy; }
    QTableView *tasksView() const { return m_table; }
    QComboBox *stateFilterBox() const { return m_stateFilter; }
    TimingCharts *timings() const { return m_timings; }
    ErrorsPanel *errorsPanel() const { return m_errors; }
    QTabWidget *tabs() const { return m_tabs; }

public Q_SLOTS:
    void reset(const QStringList &jobNames, int workers);
    void applySnapshot(const sf::RunSnapshot &snapshot);
    void runFinished();
    void setRejects(const QList<sf::RejectedRecord> &rejects);
    // Selects the attempt in the table (switching to the Tasks tab) and in the task stream.
    void selectAttempt(qint64 attemptId);

Q_SIGNALS:
    void pauseRequested();
    void resumeRequested();
    void cancelRequested();
    void workersChanged(int workers);
    void chartExported(const QString &path); // any chart of the page, through its Export…

private:
    QWidget *buildTasksTab();
    void applyStateFilter(int comboIndex);
    void onCurrentRowChanged(const QModelIndex &current);

    ProgressPanel *m_progress = nullptr;
    TaskStreamWidget *m_stream = nullptr;
    TaskTableModel *m_model = nullptr;
    TaskFilterProxy *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QComboBox *m_stateFilter = nullptr;
    TimingCharts *m_timings = nullptr;
    ErrorsPanel *m_errors = nullptr;
    QTabWidget *m_tabs = nullptr;
    QSplitter *m_splitter = nullptr;
};

} // namespace sf::ui
