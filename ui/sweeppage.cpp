#include "sweeppage.h"
#include "sweepcharts.h"
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QThread>
#include <QVBoxLayout>

namespace sf::ui {

namespace {

const QList<SchedulePolicy> kPolicies{SchedulePolicy::Fifo, SchedulePolicy::Priority,
                                      SchedulePolicy::Shortest, SchedulePolicy::Longest,
                                      SchedulePolicy::Fair};

QStringList listItems(const QString &text)
{
    return text.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts);
}

} // namespace

SweepPage::SweepPage(QWidget *parent)
    : QWidget(parent)
{
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(buildEditor());
    splitter->addWidget(buildResults());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(splitter);
    setRunning(false);
}

SweepPage::~SweepPage()
{
    if (!m_thread) return;
    m_cancelFlag->store(true);
    m_thread->wait();
}

QWidget *SweepPage::buildEditor()
{
    auto *box = new QGroupBox(tr("Grid"));
    auto *form = new QFormLayout(box);
    m_chunks = new QLineEdit(QStringLiteral("10000, 50000, 200000"));
    m_chunks->setObjectName(QStringLiteral("chunkSizes"));
    m_chunks->setToolTip(tr("Chunk sizes to try, separated by commas (bytes: 4MiB, 512k …)"));
    m_unit = new QComboBox;
    m_unit->addItem(tr("rows"), int(PartitionSpec::Unit::Rows));
    m_unit->addItem(tr("bytes"), int(PartitionSpec::Unit::Bytes));
    auto *chunkRow = new QHBoxLayout;
    chunkRow->addWidget(m_chunks, 1);
    chunkRow->addWidget(m_unit);
    form->addRow(tr("Chunk sizes:"), chunkRow);

    QString workers = QStringLiteral("1");
    const int cores = QThread::idealThreadCount();
    for (int n = 2; n < cores; n *= 2)
        workers += QStringLiteral(", %1").arg(n);
    if (cores > 1) workers += QStringLiteral(", %1").arg(cores);
    m_workers = new QLineEdit(workers);
    m_workers->setObjectName(QStringLiteral("workerCounts"));
    m_workers->setToolTip(tr("Worker counts to try, separated by commas"));
    form->addRow(tr("Workers:"), m_workers);

    auto *policies = new QVBoxLayout;
    for (SchedulePolicy p : kPolicies) {
        auto *check = new QCheckBox(schedulePolicyName(p));
        check->setObjectName(QStringLiteral("policy-") + schedulePolicyName(p));
        check->setChecked(p == SchedulePolicy::Fifo);
        m_policyBoxes.append(check);
        policies->addWidget(check);
    }
    form->addRow(tr("Policies:"), policies);

    m_repeats = new QSpinBox;
    m_repeats->setRange(1, 50);
    m_repeats->setValue(3);
    m_repeats->setToolTip(tr("Runs per setting; cells show their median"));
    form->addRow(tr("Repeats:"), m_repeats);

    m_sampleKind = new QComboBox;
    m_sampleKind->addItem(tr("whole dataset"), int(SweepSample::Kind::All));
    m_sampleKind->addItem(tr("first N chunks"), int(SweepSample::Kind::First));
    m_sampleKind->addItem(tr("N chunks spread evenly"), int(SweepSample::Kind::Stratified));
    m_sampleChunks = new QSpinBox;
    m_sampleChunks->setRange(1, 1000000);
    m_sampleChunks->setValue(16);
    m_sampleChunks->setPrefix(tr("N = "));
    auto *sampleRow = new QHBoxLayout;
    sampleRow->addWidget(m_sampleKind, 1);
    sampleRow->addWidget(m_sampleChunks);
    connect(m_sampleKind, &QComboBox::currentIndexChanged, this,
            [this] { m_sampleChunks->setEnabled(m_sampleKind->currentIndex() > 0); });
    m_sampleChunks->setEnabled(false);
    form->addRow(tr("Sample:"), sampleRow);

    m_run = new QPushButton(tr("Run sweep"));
    m_run->setObjectName(QStringLiteral("runSweep"));
    m_cancel = new QPushButton(tr("Cancel"));
    connect(m_run, &QPushButton::clicked, this, &SweepPage::startSweep);
    connect(m_cancel, &QPushButton::clicked, this, &SweepPage::cancelSweep);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    form->addRow(buttons);
    m_progress = new QProgressBar;
    m_progress->setFormat(tr("%v of %m runs"));
    form->addRow(m_progress);
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(m_status);
    box->setMinimumWidth(300);
    box->setMaximumWidth(420);
    return box;
}

QWidget *SweepPage::buildResults()
{
    auto *panel = new QWidget;
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *policyRow = new QHBoxLayout;
    m_shownPolicy = new QComboBox;
    m_shownPolicy->setObjectName(QStringLiteral("shownPolicy"));
    policyRow->addWidget(new QLabel(tr("Charts show policy:")));
    policyRow->addWidget(m_shownPolicy);
    policyRow->addStretch(1);
    layout->addLayout(policyRow);
    connect(m_shownPolicy, &QComboBox::currentIndexChanged, this, &SweepPage::showPolicy);
    m_charts = new SweepCharts;
    layout->addWidget(m_charts, 5);

    auto *verdict = new QGroupBox(tr("Recommendation"));
    auto *v = new QVBoxLayout(verdict);
    m_recommendationText = new QLabel(tr("Run a sweep to get a recommendation."));
    m_recommendationText->setObjectName(QStringLiteral("recommendation"));
    m_recommendationText->setWordWrap(true);
    m_recommendationText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_recommendationText->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_recommendationText);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumHeight(70);
    v->addWidget(scroll);
    m_apply = new QPushButton(tr("Apply to Run setup"));
    m_apply->setObjectName(QStringLiteral("applySweep"));
    m_apply->setToolTip(
        tr("Use the best chunk size, worker count and policy on the Run setup page"));
    connect(m_apply, &QPushButton::clicked, this, [this] {
        if (m_recommendation.valid) Q_EMIT applyRequested(m_recommendation.best.setting);
    });
    v->addWidget(m_apply, 0, Qt::AlignRight);
    layout->addWidget(verdict, 2);
    return panel;
}

void SweepPage::setChunkSizes(const QString &text, PartitionSpec::Unit unit)
{
    m_chunks->setText(text);
    m_unit->setCurrentIndex(unit == PartitionSpec::Unit::Bytes ? 1 : 0);
}

void SweepPage::setWorkerCounts(const QString &text)
{
    m_workers->setText(text);
}

void SweepPage::setPolicies(const QList<SchedulePolicy> &policies)
{
    for (int i = 0; i < kPolicies.size(); ++i)
        m_policyBoxes[i]->setChecked(policies.contains(kPolicies[i]));
}

void SweepPage::setRepeats(int repeats)
{
    m_repeats->setValue(repeats);
}

void SweepPage::setSample(SweepSample sample)
{
    m_sampleKind->setCurrentIndex(int(sample.kind));
    if (sample.chunks > 0) m_sampleChunks->setValue(int(sample.chunks));
}

bool SweepPage::plan(SweepPlan *out, bool withChunks, QString *error) const
{
    SweepPlan p;
    const bool bytes = m_unit->currentIndex() == 1;
    p.chunkBytes = bytes;
    p.chunks.clear();
    if (withChunks) {
        for (const QString &item : listItems(m_chunks->text())) {
            std::int64_t v = 0;
            bool ok = false;
            if (bytes)
                ok = parseByteSize(item, &v);
            else
                v = item.toLongLong(&ok);
            if (!ok || v <= 0) {
                *error = tr("Chunk sizes: '%1' is not a positive %2.")
                             .arg(item, bytes ? tr("size") : tr("number of rows"));
                return false;
            }
            if (std::find(p.chunks.begin(), p.chunks.end(), v) == p.chunks.end())
                p.chunks.push_back(v);
        }
        std::sort(p.chunks.begin(), p.chunks.end());
    } else {
        p.chunks = {0};
    }
    p.workers.clear();
    for (const QString &item : listItems(m_workers->text())) {
        bool ok = false;
        const int w = item.toInt(&ok);
        if (!ok || w < 1 || w > 1024) {
            *error = tr("Workers: '%1' is not a worker count (1 … 1024).").arg(item);
            return false;
        }
        if (std::find(p.workers.begin(), p.workers.end(), w) == p.workers.end())
            p.workers.push_back(w);
    }
    std::sort(p.workers.begin(), p.workers.end());
    p.policies.clear();
    for (int i = 0; i < kPolicies.size(); ++i)
        if (m_policyBoxes[i]->isChecked()) p.policies.append(kPolicies[i]);
    p.repeats = m_repeats->value();
    p.sample.kind = SweepSample::Kind(m_sampleKind->currentData().toInt());
    p.sample.chunks = p.sample.kind == SweepSample::Kind::All ? 0 : m_sampleChunks->value();
    if (!p.validate(error)) return false;
    *out = p;
    return true;
}

bool SweepPage::startSweep()
{
    if (m_thread) return false;
    QString error;
    SweepJob job;
    if (!m_provider) error = tr("Nothing to sweep: set up a job on the Run setup page first.");
    if (error.isEmpty() && !m_provider(&job, &error) && error.isEmpty())
        error = tr("The Run setup page's job is not valid.");
    SweepPlan p;
    if (error.isEmpty() && !plan(&p, job.source != nullptr, &error) && error.isEmpty())
        error = tr("The grid is not valid.");
    if (error.isEmpty() && !job.source && p.sample.kind != SweepSample::Kind::All)
        p.sample = SweepSample{}; // nothing to sample: the analysis reads no dataset
    auto runner = std::make_shared<SweepRunner>(p, job);
    if (error.isEmpty()) runner->prepare(&error);
    if (!error.isEmpty()) {
        m_status->setText(error);
        return false;
    }
    m_progress->setRange(0, p.runCount());
    m_progress->setValue(0);
    m_status->setText(runner->sampleNote().isEmpty()
                          ? tr("Sweeping %1 settings…").arg(p.settings().size())
                          : runner->sampleNote());
    m_cancelFlag = std::make_shared<std::atomic<bool>>(false);
    auto cancel = m_cancelFlag;
    m_thread = QThread::create([this, runner, cancel] {
        SweepHooks hooks;
        hooks.cancel = cancel.get();
        hooks.onRun = [this](const SweepProgress &progress) {
            QMetaObject::invokeMethod(this, [this, progress] { onProgress(progress); });
        };
        SweepResult result = runner->run(hooks);
        QMetaObject::invokeMethod(this, [this, r = std::move(result)] { onFinished(r); });
    });
    m_thread->setObjectName(QStringLiteral("sweep"));
    m_thread->start();
    setRunning(true);
    return true;
}

void SweepPage::cancelSweep()
{
    if (m_cancelFlag) m_cancelFlag->store(true);
}

void SweepPage::onProgress(const SweepProgress &p)
{
    m_progress->setValue(p.runsDone);
    if (p.cellDone)
        m_status->setText(tr("%1 of %2: %3 — median %4 ms")
                              .arg(p.cell)
                              .arg(p.cells)
                              .arg(p.setting.describe())
                              .arg(p.cellMedianMs, 0, 'f', 1));
}

void SweepPage::onFinished(const SweepResult &result)
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    m_result = result;
    m_recommendation = Recommendation::from(result);
    QString status;
    switch (result.status) {
    case SweepResult::Status::Complete: status = tr("Sweep finished."); break;
    case SweepResult::Status::Cancelled:
        status = tr("Sweep cancelled after %1 of %2 settings.")
                     .arg(result.cells.size())
                     .arg(m_progress->maximum() / std::max(1, m_repeats->value()));
        break;
    case SweepResult::Status::Failed: status = tr("Sweep failed: %1").arg(result.error); break;
    }
    if (result.resultsDiffer)
        status += QLatin1Char(' ') + tr("Warning: results differ between settings.");
    m_status->setText(status);
    m_recommendationText->setText(m_recommendation.text(int(m_recommendation.losers.size())));
    // The policy chooser lists the swept policies, the best one first shown.
    const QSignalBlocker block(m_shownPolicy);
    m_shownPolicy->clear();
    for (const SweepCell &c : result.cells)
        if (m_shownPolicy->findData(int(c.setting.policy)) < 0)
            m_shownPolicy->addItem(schedulePolicyName(c.setting.policy), int(c.setting.policy));
    if (m_recommendation.valid)
        m_shownPolicy->setCurrentIndex(
            m_shownPolicy->findData(int(m_recommendation.best.setting.policy)));
    showPolicy();
    setRunning(false);
    Q_EMIT sweepFinished();
}

SweepHeatmap *SweepPage::heatmap() const
{
    return m_charts->heatmap();
}

SweepScalingChart *SweepPage::speedupChart() const
{
    return m_charts->speedupChart();
}

SweepScalingChart *SweepPage::efficiencyChart() const
{
    return m_charts->efficiencyChart();
}

void SweepPage::showPolicy()
{
    if (m_shownPolicy->count() == 0) {
        m_charts->clear();
        return;
    }
    m_charts->setResult(m_result, SchedulePolicy(m_shownPolicy->currentData().toInt()));
}

void SweepPage::setRunning(bool running)
{
    m_run->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_apply->setEnabled(!running && m_recommendation.valid);
    m_progress->setVisible(running || m_progress->value() > 0);
}

} // namespace sf::ui
