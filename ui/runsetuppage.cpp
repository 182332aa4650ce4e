#include "runsetuppage.h"
#include "theme.h"

#include "analysis/analysisregistry.h"
#include "analysisoptionsform.h"
#include "chunksizeedit.h"
#include "runsession.h"
#include "settings.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace sf::ui {

namespace {

bool analysisNeedsDataset(const QString &name)
{
    QString error;
    const std::unique_ptr<Analysis> a = createAnalysis(name, AnalysisOptions{}, &error);
    return !a || a->needsDataset();
}

std::int64_t ceilDiv(std::int64_t a, std::int64_t b)
{
    return b > 0 ? (a + b - 1) / b : 0;
}

} // namespace

RunSetupPage::RunSetupPage(QWidget *parent)
    : QWidget(parent)
{
    m_dataset = new QComboBox;
    m_dataset->setObjectName(QStringLiteral("jobDataset"));
    m_analysis = new QComboBox;
    m_analysis->setObjectName(QStringLiteral("analysis"));
    m_analysis->addItems(analysisNames());
    m_description = new QLabel;
    m_description->setWordWrap(true);
    m_form = new AnalysisOptionsForm;

    auto *jobBox = new QGroupBox(tr("Job"));
    auto *jobForm = new QFormLayout(jobBox);
    jobForm->addRow(tr("Dataset"), m_dataset);
    jobForm->addRow(tr("Analysis"), m_analysis);
    jobForm->addRow(QString(), m_description);
    jobForm->addRow(m_form);

    m_chunk = new ChunkSizeEdit;
    m_chunk->setChunk(PartitionSpec::Unit::Rows, PartitionSpec{}.size);
    m_strategy = new QComboBox;
    for (auto s : {PartitionSpec::Strategy::Fixed, PartitionSpec::Strategy::Guided,
                   PartitionSpec::Strategy::Auto})
        m_strategy->addItem(partitionStrategyName(s), int(s));
    auto *partBox = new QGroupBox(tr("Partition"));
    auto *partForm = new QFormLayout(partBox);
    partForm->addRow(tr("Chunk size"), m_chunk);
    partForm->addRow(tr("Strategy"), m_strategy);

    m_policy = new QComboBox;
    m_policy->setObjectName(QStringLiteral("policy"));
    for (auto p : {SchedulePolicy::Fifo, SchedulePolicy::Priority, SchedulePolicy::Shortest,
                   SchedulePolicy::Longest, SchedulePolicy::Fair})
        m_policy->addItem(schedulePolicyName(p), int(p));
    m_priority = new QSpinBox;
    m_priority->setObjectName(QStringLiteral("jobPriority"));
    m_priority->setRange(-100, 100);
    const int cores = qMax(1, QThread::idealThreadCount());
    m_workers = new QSpinBox;
    m_workers->setObjectName(QStringLiteral("workers"));
    m_workers->setRange(1, 4 * cores);
    m_workers->setValue(cores);
    m_memoryBudget = new QLineEdit(QStringLiteral("0"));
    m_memoryBudget->setToolTip(tr("Estimated memory in flight, e.g. 512MiB; 0 = unlimited"));
    m_retries = new QSpinBox;
    m_retries->setRange(0, 20);
    m_timeout = new QSpinBox;
    m_timeout->setRange(0, 3600000);
    m_timeout->setSuffix(QStringLiteral(" ms"));
    m_timeout->setSpecialValueText(tr("none"));
    auto *schedBox = new QGroupBox(tr("Schedule"));
    auto *schedForm = new QFormLayout(schedBox);
    schedForm->addRow(tr("Policy"), m_policy);
    schedForm->addRow(tr("Job priority"), m_priority);
    schedForm->addRow(tr("Workers"), m_workers);
    schedForm->addRow(tr("Memory budget"), m_memoryBudget);
    schedForm->addRow(tr("Retries"), m_retries);
    schedForm->addRow(tr("Task timeout"), m_timeout);

    m_preview = new QLabel;
    m_preview->setObjectName(QStringLiteral("taskPreview"));
    QFont bold = m_preview->font();
    bold.setBold(true);
    m_preview->setFont(bold);
    m_queueList = new QListWidget;
    m_queueList->setObjectName(QStringLiteral("jobQueue"));
    auto *addButton = new QPushButton(tr("Add job"));
    addButton->setObjectName(QStringLiteral("addJob"));
    auto *removeButton = new QPushButton(tr("Remove"));
    removeButton->setObjectName(QStringLiteral("removeJob"));
    removeButton->setToolTip(tr("Remove the selected job from the queue"));
    auto *clearButton = new QPushButton(tr("Clear queue"));
    auto *runButton = new QPushButton(tr("Run (F5)"));
    runButton->setObjectName(QStringLiteral("runButton"));
    runButton->setDefault(true);
    connect(addButton, &QPushButton::clicked, this, &RunSetupPage::addJob);
    connect(removeButton, &QPushButton::clicked, this,
            [this] { removeJob(m_queueList->currentRow()); });
    connect(clearButton, &QPushButton::clicked, this, [this] {
        m_queue.clear();
        m_queueList->clear();
    });
    connect(runButton, &QPushButton::clicked, this, &RunSetupPage::runRequested);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("setupStatus"));
    m_status->setWordWrap(true);

    auto *queueBox = new QGroupBox(tr("Jobs queued on this run"));
    auto *queueLayout = new QVBoxLayout(queueBox);
    queueLayout->addWidget(m_queueList);
    auto *queueButtons = new QHBoxLayout;
    queueButtons->addWidget(addButton);
    queueButtons->addWidget(removeButton);
    queueButtons->addWidget(clearButton);
    queueButtons->addStretch(1);
    queueButtons->addWidget(runButton);
    queueLayout->addLayout(queueButtons);

    auto *right = new QVBoxLayout;
    right->addWidget(partBox);
    right->addWidget(schedBox);
    right->addWidget(queueBox, 1);
    auto *columns = new QHBoxLayout;
    columns->addWidget(jobBox, 3);
    columns->addLayout(right, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_preview);
    layout->addWidget(m_status);

    connect(m_analysis, &QComboBox::currentIndexChanged, this, &RunSetupPage::analysisChanged);
    connect(m_dataset, &QComboBox::currentIndexChanged, this, &RunSetupPage::datasetChanged);
    connect(m_form, &AnalysisOptionsForm::changed, this, &RunSetupPage::updatePreview);
    connect(m_chunk, &ChunkSizeEdit::changed, this, &RunSetupPage::updatePreview);
    connect(m_strategy, &QComboBox::currentIndexChanged, this, &RunSetupPage::updatePreview);
    connect(m_workers, &QSpinBox::valueChanged, this, &RunSetupPage::updatePreview);
    analysisChanged();
    datasetChanged();
    applyDefaults();
}

void RunSetupPage::applyDefaults()
{
    const int workers = Settings::defaultWorkers();
    setWorkers(workers > 0 ? workers : qMax(1, QThread::idealThreadCount()));
    setChunk(Settings::defaultChunkUnit(), Settings::defaultChunkSize());
}

void RunSetupPage::setDatasets(const QList<OpenDataset> &datasets)
{
    const QString before = m_dataset->currentData().toString();
    m_datasets = datasets;
    const QSignalBlocker block(m_dataset);
    m_dataset->clear();
    for (const OpenDataset &d : datasets)
        m_dataset->addItem(QFileInfo(d.path).fileName(), d.path);
    const int keep = m_dataset->findData(before);
    m_dataset->setCurrentIndex(keep >= 0 ? keep : m_dataset->count() - 1);
    datasetChanged();
}

bool RunSetupPage::selectDataset(const QString &path)
{
    const int i = m_dataset->findData(QFileInfo(path).absoluteFilePath());
    if (i < 0) return false;
    m_dataset->setCurrentIndex(i);
    return true;
}

bool RunSetupPage::setAnalysis(const QString &name)
{
    const int i = m_analysis->findText(name);
    if (i < 0) return false;
    m_analysis->setCurrentIndex(i);
    return true;
}

void RunSetupPage::setChunk(PartitionSpec::Unit unit, std::int64_t size)
{
    m_chunk->setChunk(unit, size);
}

void RunSetupPage::setWorkers(int workers)
{
    m_workers->setValue(workers);
}

bool RunSetupPage::setPolicy(SchedulePolicy policy)
{
    const int i = m_policy->findData(int(policy));
    m_policy->setCurrentIndex(i);
    return i >= 0;
}

void RunSetupPage::setJobPriority(int priority)
{
    m_priority->setValue(priority);
}

std::shared_ptr<const DataSource> RunSetupPage::currentSource() const
{
    const int i = m_dataset->currentIndex();
    return i >= 0 && i < m_datasets.size() ? m_datasets[i].source : nullptr;
}

void RunSetupPage::analysisChanged()
{
    const QString name = m_analysis->currentText();
    m_description->setText(analysisDescription(name));
    m_dataset->setEnabled(analysisNeedsDataset(name));
    m_form->setAnalysis(name);
    updatePreview();
}

void RunSetupPage::datasetChanged()
{
    const auto source = currentSource();
    m_form->setSchema(source ? source->schema() : Schema{}, source != nullptr);
    updatePreview();
}

PartitionSpec RunSetupPage::partition(QString *error) const
{
    PartitionSpec spec;
    spec.unit = m_chunk->unit();
    spec.strategy = PartitionSpec::Strategy(m_strategy->currentData().toInt());
    m_chunk->size(&spec.size, error);
    return spec;
}

RunOptions RunSetupPage::runOptions(QString *error) const
{
    RunOptions options;
    options.workerNice = RunSession::kWorkerNice;
    options.workers = m_workers->value();
    options.policy = SchedulePolicy(m_policy->currentData().toInt());
    options.retries = m_retries->value();
    options.taskTimeoutMs = m_timeout->value();
    const QString budget = m_memoryBudget->text().trimmed();
    std::int64_t bytes = 0;
    if (!budget.isEmpty() && !parseByteSize(budget, &bytes)) {
        if (error) *error = tr("Memory budget \"%1\" is not a size such as 512MiB.").arg(budget);
    }
    options.memoryBudget = bytes;
    return options;
}

bool RunSetupPage::buildJob(JobSpec *job, QString *error) const
{
    QString message;
    const PartitionSpec spec = partition(&message);
    if (!message.isEmpty()) {
        *error = message;
        return false;
    }
    const QString name = m_analysis->currentText();
    std::shared_ptr<Analysis> analysis = createAnalysis(name, m_form->options(), &message);
    if (!analysis) {
        *error = message;
        return false;
    }
    std::shared_ptr<const DataSource> source;
    if (analysis->needsDataset()) {
        source = currentSource();
        if (!source) {
            *error = tr("Open a dataset for %1 first.").arg(name);
            return false;
        }
    }
    if (!analysis->prepare(source ? source->schema() : Schema{}, &message)) {
        *error = message;
        return false;
    }
    job->analysis = std::move(analysis);
    job->source = source;
    job->partition = spec;
    job->priority = m_priority->value();
    job->name = source ? name + QStringLiteral(" · ") + QFileInfo(source->path()).fileName() : name;
    if (m_priority->value() != 0) job->name += QStringLiteral(" (p%1)").arg(m_priority->value());
    return true;
}

bool RunSetupPage::buildSweepJob(SweepJob *job, QString *error) const
{
    JobSpec spec;
    if (!buildJob(&spec, error)) return false;
    QString message;
    job->run = runOptions(&message);
    if (!message.isEmpty()) {
        *error = message;
        return false;
    }
    AnalysisOptions options = m_form->options();
    options.outputPath.clear();
    const QString name = m_analysis->currentText();
    const Schema schema = spec.source ? spec.source->schema() : Schema{};
    job->name = spec.name;
    job->source = spec.source;
    job->partition = spec.partition;
    job->priority = spec.priority;
    job->rejectPolicy = spec.rejectPolicy;
    job->makeAnalysis = [name, options, schema](QString *e) -> std::shared_ptr<Analysis> {
        std::shared_ptr<Analysis> a = createAnalysis(name, options, e);
        if (!a || !a->prepare(schema, e)) return nullptr;
        return a;
    };
    return true;
}

bool RunSetupPage::addJob()
{
    JobSpec job;
    QString error;
    if (!buildJob(&job, &error)) {
        showError(error);
        return false;
    }
    m_queueList->addItem(tr("%1 — %2 chunks of %3 %4, priority %5")
                             .arg(job.name, partitionStrategyName(job.partition.strategy),
                                  m_chunk->text(), m_chunk->unitText())
                             .arg(job.priority));
    m_queue.append(std::move(job));
    showError(QString());
    return true;
}

void RunSetupPage::removeJob(int index)
{
    if (index < 0 || index >= m_queue.size()) return;
    m_queue.removeAt(index);
    delete m_queueList->takeItem(index);
}

std::unique_ptr<Run> RunSetupPage::createRun(QString *error)
{
    QString message;
    const RunOptions options = runOptions(&message);
    QList<JobSpec> jobs = m_queue;
    if (message.isEmpty() && jobs.isEmpty()) {
        JobSpec job;
        if (buildJob(&job, &message)) jobs.append(std::move(job));
    }
    if (!message.isEmpty()) {
        showError(message);
        if (error) *error = message;
        return nullptr;
    }
    auto run = std::make_unique<Run>(options);
    for (JobSpec &job : jobs)
        run->addJob(std::move(job));
    m_queue.clear();
    m_queueList->clear();
    showError(QString());
    return run;
}

QString RunSetupPage::taskPreviewText(std::int64_t rows, std::int64_t bytes,
                                      const PartitionSpec &spec, int workers,
                                      std::int64_t plannedTasks)
{
    workers = qMax(1, workers);
    if (plannedTasks >= 0)
        return tr("%1 tasks; ~%2 per worker").arg(plannedTasks).arg(ceilDiv(plannedTasks, workers));
    if (spec.size <= 0) return tr("Set a chunk size.");
    if (rows <= 0 && bytes <= 0) return tr("The dataset is empty: no tasks.");
    const std::int64_t tasks = qMax<std::int64_t>(
        1, ceilDiv(spec.unit == PartitionSpec::Unit::Rows ? rows : bytes, spec.size));
    const QString each = formatByteSize(bytes / tasks);
    const std::int64_t perWorker = ceilDiv(tasks, workers);
    switch (spec.strategy) {
    case PartitionSpec::Strategy::Guided:
        return tr("at most ~%1 tasks, largest first, none under ~%2; ~%3 per worker at most")
            .arg(tasks)
            .arg(each)
            .arg(perWorker);
    case PartitionSpec::Strategy::Auto:
        return tr("~%1 tasks of ~%2 to start, then sized to ~%3 ms each")
            .arg(tasks)
            .arg(each)
            .arg(spec.targetTaskMs);
    case PartitionSpec::Strategy::Fixed: break;
    }
    if (tasks == 1) return tr("1 task of ~%1 on one worker").arg(each);
    return tr("~%1 tasks of ~%2; ~%3 per worker").arg(tasks).arg(each).arg(perWorker);
}

QString RunSetupPage::taskPreview() const
{
    QString error;
    const PartitionSpec spec = partition(&error);
    if (!error.isEmpty()) return error;
    const QString name = m_analysis->currentText();
    if (!analysisNeedsDataset(name))
        return taskPreviewText(0, 0, spec, m_workers->value(), m_form->options().synthetic.tasks);
    const auto source = currentSource();
    if (!source) return tr("Open a dataset to see how it is cut into tasks.");
    return taskPreviewText(source->rowCount(), source->byteSize(), spec, m_workers->value());
}

void RunSetupPage::updatePreview()
{
    m_preview->setText(taskPreview());
}

void RunSetupPage::showError(const QString &message)
{
    m_status->setText(message);
    m_status->setStyleSheet(message.isEmpty() ? QString() : errorTextStyle());
}

} // namespace sf::ui
