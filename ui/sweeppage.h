#pragma once
// The Sweep page: a grid editor (chunk sizes, worker counts, policies, repeats, sample) for
// the job the Run setup page describes, the sweep run off the GUI thread with progress and
// cancel, a heatmap of wall time, speedup and efficiency curves against the ideal, and the
// recommendation with an Apply button that hands the best setting back to the Run setup page.
#include "tuning/recommendation.h"
#include "tuning/sweeprunner.h"
#include <QWidget>
#include <atomic>
#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QThread;

namespace sf::ui {

class SweepCharts;
class SweepHeatmap;
class SweepScalingChart;

class SweepPage : public QWidget {
    Q_OBJECT
public:
    // Fills the job to sweep (dataset, analysis factory, run options); false with a message.
    using JobProvider = std::function<bool(sf::SweepJob *job, QString *error)>;

    explicit SweepPage(QWidget *parent = nullptr);
    ~SweepPage() override; // cancels a running sweep and waits for it

    void setJobProvider(JobProvider provider) { m_provider = std::move(provider); }

    // The grid editor, also for tests and the command line.
    void setChunkSizes(const QString &text, PartitionSpec::Unit unit = PartitionSpec::Unit::Rows);
    void setWorkerCounts(const QString &text);
    void setPolicies(const QList<sf::SchedulePolicy> &policies);
    void setRepeats(int repeats);
    void setSample(sf::SweepSample sample);
    // The plan the editor describes; false with a message naming the bad field.
    bool plan(sf::SweepPlan *out, bool withChunks, QString *error) const;

    bool startSweep(); // false (reason in the status line) when the grid or job is invalid
    void cancelSweep();
    bool isRunning() const { return m_thread != nullptr; }

    const sf::SweepResult &result() const { return m_result; }
    const sf::Recommendation &recommendation() const { return m_recommendation; }
    SweepCharts *charts() const { return m_charts; }
    SweepHeatmap *heatmap() const;
    SweepScalingChart *speedupChart() const;
    SweepScalingChart *efficiencyChart() const;
    QLabel *recommendationLabel() const { return m_recommendationText; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *applyButton() const { return m_apply; }
    QProgressBar *progressBar() const { return m_progress; }

Q_SIGNALS:
    void applyRequested(const sf::SweepSetting &setting);
    void sweepFinished();

private:
    QWidget *buildEditor();
    QWidget *buildResults();
    void onProgress(const sf::SweepProgress &p);
    void onFinished(const sf::SweepResult &result);
    void showPolicy();
    void setRunning(bool running);

    JobProvider m_provider;
    QLineEdit *m_chunks = nullptr;
    QComboBox *m_unit = nullptr;
    QLineEdit *m_workers = nullptr;
    QList<QCheckBox *> m_policyBoxes;
    QSpinBox *m_repeats = nullptr;
    QComboBox *m_sampleKind = nullptr;
    QSpinBox *m_sampleChunks = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QComboBox *m_shownPolicy = nullptr;
    SweepCharts *m_charts = nullptr;
    QLabel *m_recommendationText = nullptr;
    QPushButton *m_apply = nullptr;

    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancelFlag;
    sf::SweepResult m_result;
    sf::Recommendation m_recommendation;
};

} // namespace sf::ui
