#include "liverunpage.h"
#include "errorspanel.h"
#include "progresspanel.h"
#include "settings.h"
#include "taskfilterproxy.h"
#include "taskstreamwidget.h"
#include "tasktablemodel.h"
#include "timingcharts.h"
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace sf::ui {

namespace {

// State filter choices: the states each one shows, and whether only stragglers pass.
struct FilterChoice {
    const char *label;
    QList<TaskState> states;
    bool stragglers;
};

const QList<FilterChoice> &filterChoices()
{
    static const QList<FilterChoice> choices = {
        {QT_TRANSLATE_NOOP("sf::ui::LiveRunPage", "All states"), {}, false},
        {QT_TRANSLATE_NOOP("sf::ui::LiveRunPage", "Running"), {TaskState::Running}, false},
        {QT_TRANSLATE_NOOP("sf::ui::LiveRunPage", "Done"), {TaskState::Done}, false},
        {QT_TRANSLATE_NOOP("sf::ui::LiveRunPage", "Failed or retried"),
         {TaskState::Failed, TaskState::Retried},
         false},
        {QT_TRANSLATE_NOOP("sf::ui::LiveRunPage", "Failed"), {TaskState::Failed}, false},
        {QT_TRANSLATE_NOOP("sf::ui::LiveRunPage", "Retried"), {TaskState::Retried}, false},
        {QT_TRANSLATE_NOOP("sf::ui::LiveRunPage", "Cancelled"), {TaskState::Cancelled}, false},
        {QT_TRANSLATE_NOOP("sf::ui::LiveRunPage", "Queued"), {TaskState::Queued}, false},
        {QT_TRANSLATE_NOOP("sf::ui::LiveRunPage", "Stragglers"), {}, true},
    };
    return choices;
}

} // namespace

LiveRunPage::LiveRunPage(QWidget *parent)
    : QWidget(parent)
    , m_progress(new ProgressPanel(this))
    , m_stream(new TaskStreamWidget(this))
    , m_model(new TaskTableModel(this))
    , m_proxy(new TaskFilterProxy(this))
    , m_timings(new TimingCharts(this))
    , m_errors(new ErrorsPanel(this))
    , m_tabs(new QTabWidget(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
{
    m_proxy->setSourceModel(m_model);
    m_tabs->addTab(buildTasksTab(), tr("Tasks"));
    m_tabs->addTab(m_timings, tr("Timings"));
    m_tabs->addTab(m_errors, tr("Errors"));
    m_splitter->addWidget(m_stream);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_stream->setMinimumHeight(160);
    m_splitter->setSizes({420, 480}); // the stream gets room even beside the Timings charts
    Settings::keepSplitterState(m_splitter, QStringLiteral("liveRun"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addWidget(m_splitter, 1);

    const auto describe = [this](std::int64_t id) { return m_model->describe(id); };
    m_stream->setDescribeAttempt(describe);
    m_errors->setDescribeAttempt(describe);
    connect(m_stream, &TaskStreamWidget::taskClicked, this, &LiveRunPage::selectAttempt);
    connect(m_progress, &ProgressPanel::pauseRequested, this, &LiveRunPage::pauseRequested);
    connect(m_progress, &ProgressPanel::resumeRequested, this, &LiveRunPage::resumeRequested);
    connect(m_progress, &ProgressPanel::cancelRequested, this, &LiveRunPage::cancelRequested);
    connect(m_progress, &ProgressPanel::workersChanged, this, &LiveRunPage::workersChanged);
    connect(m_stream, &TaskStreamWidget::chartExported, this, &LiveRunPage::chartExported);
    connect(m_timings, &TimingCharts::chartExported, this, &LiveRunPage::chartExported);
}

QWidget *LiveRunPage::buildTasksTab()
{
    auto *tab = new QWidget(this);
    m_stateFilter = new QComboBox(tab);
    m_stateFilter->setObjectName(QStringLiteral("stateFilter"));
    for (const FilterChoice &choice : filterChoices())
        m_stateFilter->addItem(tr(choice.label));
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, &LiveRunPage::applyStateFilter);

    m_table = new QTableView(tab);
    m_table->setObjectName(QStringLiteral("tasksView"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(TaskTableModel::IdColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    // Fixed row heights and interactive columns: nothing measures a million rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &LiveRunPage::onCurrentRowChanged);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Show:"), tab));
    bar->addWidget(m_stateFilter);
    bar->addStretch(1);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    return tab;
}

void LiveRunPage::applyStateFilter(int comboIndex)
{
    if (comboIndex < 0 || comboIndex >= filterChoices().size()) return;
    const FilterChoice &choice = filterChoices().at(comboIndex);
    m_proxy->setStateFilter(choice.states);
    m_proxy->setStragglersOnly(choice.stragglers);
}

void LiveRunPage::reset(const QStringList &jobNames, int workers)
{
    m_model->reset(jobNames);
    m_stream->reset(workers);
    m_progress->reset(jobNames, workers);
    m_timings->reset(workers);
    m_errors->reset(jobNames);
}

void LiveRunPage::applySnapshot(const sf::RunSnapshot &snapshot)
{
    m_model->applyRecords(snapshot.changed);
    m_stream->applySnapshot(snapshot);
    m_progress->applySummary(snapshot.summary);
    m_timings->applySnapshot(snapshot);
    m_errors->applySnapshot(snapshot);
}

void LiveRunPage::runFinished()
{
    m_progress->runFinished();
}

void LiveRunPage::setRejects(const QList<sf::RejectedRecord> &rejects)
{
    m_errors->setRejects(rejects);
}

void LiveRunPage::selectAttempt(qint64 attemptId)
{
    m_stream->selectAttempt(attemptId);
    const int row = m_model->rowForAttempt(attemptId);
    if (row < 0) return;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) {
        // Hidden by the state filter: show everything rather than select nothing.
        m_stateFilter->setCurrentIndex(0);
        index = m_proxy->mapFromSource(m_model->index(row, 0));
    }
    m_tabs->setCurrentIndex(0);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_table->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void LiveRunPage::onCurrentRowChanged(const QModelIndex &current)
{
    if (!current.isValid()) return;
    m_stream->selectAttempt(current.data(TaskTableModel::AttemptIdRole).toLongLong());
}

} // namespace sf::ui
