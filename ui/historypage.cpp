#include "historypage.h"
#include "comparisonview.h"
#include "history/replaysnapshot.h"
#include "historymodel.h"
#include "historyservice.h"
#include "timingcharts.h"
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace sf::ui {

HistoryPage::HistoryPage(HistoryService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_model(new HistoryModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView)
    , m_filter(new QLineEdit)
    , m_open(new QPushButton(tr("Open charts")))
    , m_compare(new QPushButton(tr("Compare")))
    , m_remove(new QPushButton(tr("Remove")))
    , m_views(new QTabWidget)
    , m_runLabel(new QLabel)
    , m_charts(new TimingCharts)
    , m_comparison(new ComparisonView)
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(HistoryModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(HistoryModel::IdColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(HistoryModel::DatasetColumn,
                                                      QHeaderView::Stretch);
    m_table->setAlternatingRowColors(true);
    m_filter->setPlaceholderText(tr("Filter runs (analysis, dataset, policy, status…)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setObjectName(QStringLiteral("historyFilter"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);

    auto *refreshButton = new QPushButton(tr("Refresh"));
    connect(refreshButton, &QPushButton::clicked, this, &HistoryPage::refresh);
    connect(m_open, &QPushButton::clicked, this, &HistoryPage::openSelected);
    connect(m_compare, &QPushButton::clicked, this, &HistoryPage::compareSelected);
    connect(m_remove, &QPushButton::clicked, this, &HistoryPage::removeSelected);
    connect(m_table, &QTableView::doubleClicked, this, &HistoryPage::openSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryPage::updateButtons);
    m_open->setToolTip(tr("Show the selected run's timing charts"));
    m_compare->setToolTip(tr("Select two runs to compare them side by side"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(refreshButton);
    bar->addWidget(m_open);
    bar->addWidget(m_compare);
    bar->addWidget(m_remove);
    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(bar);
    topLayout->addWidget(m_table);

    auto *runView = new QWidget;
    auto *runLayout = new QVBoxLayout(runView);
    runLayout->setContentsMargins(0, 0, 0, 0);
    m_runLabel->setText(tr("Double-click a run to see its charts."));
    runLayout->addWidget(m_runLabel);
    runLayout->addWidget(m_charts, 1);
    m_views->addTab(runView, tr("Run charts"));
    m_views->addTab(m_comparison, tr("Comparison"));

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(top);
    splitter->addWidget(m_views);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_service, &HistoryService::listed, this, &HistoryPage::onListed);
    connect(m_service, &HistoryService::loaded, this, &HistoryPage::onLoaded);
    connect(m_service, &HistoryService::changed, this, [this] {
        m_stale = true;
        if (isVisible()) refresh();
    });
    updateButtons();
}

void HistoryPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale) refresh();
}

void HistoryPage::refresh()
{
    m_stale = false;
    m_reselect = selectedIds();
    m_service->requestList();
}

void HistoryPage::onListed(const QList<StoredRun> &runs)
{
    m_model->setRuns(runs);
    selectRuns(m_reselect);
    updateButtons();
    Q_EMIT listUpdated();
}

QList<qint64> HistoryPage::selectedIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        ids.append(index.data(HistoryModel::IdRole).toLongLong());
    std::sort(ids.begin(), ids.end());
    return ids;
}

void HistoryPage::selectRuns(const QList<qint64> &ids)
{
    QItemSelection selection;
    for (qint64 id : ids) {
        const int row = m_model->rowOfId(id);
        if (row < 0) continue;
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
        if (index.isValid()) selection.select(index, index);
    }
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect |
                                                     QItemSelectionModel::Rows);
}

void HistoryPage::updateButtons()
{
    const int n = int(selectedIds().size());
    m_open->setEnabled(n == 1);
    m_compare->setEnabled(n == 2);
    m_remove->setEnabled(n >= 1);
}

void HistoryPage::openSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.size() != 1) return;
    m_openId = ids.first();
    m_runLabel->setText(tr("Loading run %1…").arg(m_openId));
    m_views->setCurrentIndex(0);
    m_service->requestLoad(m_openId);
}

void HistoryPage::compareSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.size() != 2) return;
    m_compareIds = ids;
    m_compareLoaded.clear();
    m_views->setCurrentWidget(m_comparison);
    for (qint64 id : ids)
        m_service->requestLoad(id);
}

void HistoryPage::removeSelected()
{
    for (qint64 id : selectedIds())
        m_service->requestRemove(id);
}

void HistoryPage::onLoaded(const StoredRun &run)
{
    if (run.id == m_openId) {
        m_openId = 0;
        const RunParams &p = run.params;
        m_runLabel->setText(tr("Run %1 — %2 · %3 · %4 worker(s) · %5 · %6 ms · %7 tasks")
                                .arg(run.id)
                                .arg(p.jobName, run.startedAt.toLocalTime().toString(
                                                    QStringLiteral("yyyy-MM-dd HH:mm:ss")))
                                .arg(p.workers)
                                .arg(schedulePolicyName(p.policy))
                                .arg(QLocale().toString(run.totals.wallMs, 'f', 1))
                                .arg(run.totals.tasks));
        m_charts->reset(std::max(1, p.workers));
        m_charts->applySnapshot(replaySnapshot(run));
        Q_EMIT runOpened(run.id);
    }
    if (m_compareIds.contains(run.id)) {
        m_compareLoaded.append(run);
        if (m_compareLoaded.size() == 2) {
            std::sort(m_compareLoaded.begin(), m_compareLoaded.end(),
                      [](const StoredRun &a, const StoredRun &b) { return a.id < b.id; });
            m_comparison->setRuns(m_compareLoaded[0], m_compareLoaded[1]);
            const qint64 a = m_compareLoaded[0].id, b = m_compareLoaded[1].id;
            m_compareIds.clear();
            m_compareLoaded.clear();
            Q_EMIT runsCompared(a, b);
        }
    }
}

} // namespace sf::ui
