#pragma once
// The Run setup page: which dataset and analysis, how the data is cut (chunk size, unit,
// strategy) and scheduled (policy, priority, workers, memory budget, retries, timeout), a line
// saying what that means in tasks, and a queue of jobs that run together on one pool.
#include "datasetpage.h"
#include "exec/run.h"
#include "tuning/sweeprunner.h"
#include <QList>
#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace sf::ui {

class AnalysisOptionsForm;
class ChunkSizeEdit;

class RunSetupPage : public QWidget {
    Q_OBJECT
public:
    explicit RunSetupPage(QWidget *parent = nullptr);

    void setDatasets(const QList<OpenDataset> &datasets);
    bool selectDataset(const QString &path);
    bool setAnalysis(const QString &name);
    void setChunk(PartitionSpec::Unit unit, std::int64_t size);
    void setWorkers(int workers);
    // Workers and chunk size from the preferences (Settings); done on construction.
    void applyDefaults();
    bool setPolicy(SchedulePolicy policy);
    void setJobPriority(int priority);

    PartitionSpec partition(QString *error = nullptr) const;
    RunOptions runOptions(QString *error = nullptr) const;
    // The job the form describes, its analysis built and prepared; false with `error` set.
    bool buildJob(JobSpec *job, QString *error) const;
    // The form's job for a sweep: dataset, a factory of fresh analyses (outputs off: a sweep
    // measures), priority and run options (memory budget, retries); false with `error` set.
    bool buildSweepJob(SweepJob *job, QString *error) const;
    // Validates and queues the form's job; false (and the reason shown) when invalid.
    bool addJob();
    int queuedJobs() const { return int(m_queue.size()); }
    void removeJob(int index); // from the queue; out of range: nothing
    // A run of the queued jobs (or, when none is queued, the form's job); null and the reason
    // shown when something is invalid. The queue is emptied.
    std::unique_ptr<Run> createRun(QString *error = nullptr);

    QString taskPreview() const;
    // "~412 tasks of ~2.4 MB; ~206 per worker" for a dataset of `rows`/`bytes`; synthetic runs
    // pass their task count as `plannedTasks` (rows and bytes then unused).
    // A chunk size as the chunk field shows it, exactly: rows as a number, bytes as 4MiB,
    // 512KiB or a plain byte count.
    static QString taskPreviewText(std::int64_t rows, std::int64_t bytes, const PartitionSpec &spec,
                                   int workers, std::int64_t plannedTasks = -1);

    AnalysisOptionsForm *optionsForm() const { return m_form; }
    QLabel *statusLabel() const { return m_status; }

Q_SIGNALS:
    void runRequested(); // Run button or F5: the frame calls createRun()

private:
    std::shared_ptr<const DataSource> currentSource() const;
    void analysisChanged();
    void datasetChanged();
    void updatePreview();
    void showError(const QString &message);

    QList<OpenDataset> m_datasets;
    QList<JobSpec> m_queue;
    QComboBox *m_dataset = nullptr;
    QComboBox *m_analysis = nullptr;
    QLabel *m_description = nullptr;
    AnalysisOptionsForm *m_form = nullptr;
    ChunkSizeEdit *m_chunk = nullptr;
    QComboBox *m_strategy = nullptr;
    QComboBox *m_policy = nullptr;
    QSpinBox *m_priority = nullptr;
    QSpinBox *m_workers = nullptr;
    QLineEdit *m_memoryBudget = nullptr;
    QSpinBox *m_retries = nullptr;
    QSpinBox *m_timeout = nullptr;
    QLabel *m_preview = nullptr;
    QListWidget *m_queueList = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace sf::ui
