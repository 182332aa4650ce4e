#include "resultspage.h"
#include "theme.h"

#include "exportactions.h"
#include "jsonpreview.h"
#include "resultmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace sf::ui {

namespace {

// The JSON tab shows this much of a result's document: the GUI thread lays out 256 KiB (10,800
// lines of a group-by) in ~25 ms, and took 3.4 s for the whole 23 MiB of 100,000 groups. The
// whole document is an export away.
constexpr qsizetype kJsonPreviewBytes = 256 * 1024;

// Shows the rows a filter accepted, computed off the GUI thread (ResultsPage::applyRowFilter:
// 1.85 s for 1.5 million rows when QSortFilterProxyModel matched every cell's text here);
// sorting is the ResultModel's (typed keys, 2.3 -> 0.48 s for those rows).
class RowFilterProxy : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void sort(int column, Qt::SortOrder order) override { sourceModel()->sort(column, order); }
    // One flag per table row; null: every row.
    void setAccepted(std::shared_ptr<const std::vector<char>> accepted)
    {
        m_accepted = std::move(accepted);
        // One layout change (the mapping rebuilt once), not invalidateFilter()'s removal of
        // each run of rows: 367 ms on the GUI thread for a filter over 1.5 million rows.
        invalidate();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &) const override
    {
        if (!m_accepted) return true;
        const int tableRow = static_cast<const ResultModel *>(sourceModel())->tableRow(row);
        return std::size_t(tableRow) < m_accepted->size() && (*m_accepted)[std::size_t(tableRow)];
    }

private:
    std::shared_ptr<const std::vector<char>> m_accepted;
};

// The rows of `table` whose text in any column contains `text` (case-insensitive), as shown.
std::vector<char> rowsContaining(const ResultTable &table, const QString &text)
{
    std::vector<char> accepted(std::size_t(table.rowCount()), 0);
    for (qsizetype r = 0; r < table.rowCount(); ++r)
        for (const QVariant &cell : table.row(r))
            if (ResultModel::cellText(cell).contains(text, Qt::CaseInsensitive)) {
                accepted[std::size_t(r)] = 1;
                break;
            }
    return accepted;
}

// Draws a cell that holds a list of counts (the profile's histogram) as small bars.
class HistogramDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        const QVariant v = index.data(ResultModel::HistogramRole);
        if (!v.isValid()) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        const QList<double> bins = v.value<QList<double>>();
        QStyleOptionViewItem background = option;
        background.text.clear();
        QStyledItemDelegate::paint(painter, background, index); // selection and background
        const double top = *std::max_element(bins.cbegin(), bins.cend());
        if (bins.isEmpty() || top <= 0) return;
        const QRectF area = QRectF(option.rect).adjusted(3, 3, -3, -3);
        const double w = area.width() / double(bins.size());
        painter->save();
        painter->setPen(Qt::NoPen);
        painter->setBrush(option.palette.color(QPalette::Highlight));
        for (int i = 0; i < bins.size(); ++i) {
            const double h = area.height() * bins[i] / top;
            painter->drawRect(QRectF(area.left() + i * w, area.bottom() - h, qMax(1.0, w - 1), h));
        }
        painter->restore();
    }
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        if (index.data(ResultModel::HistogramRole).isValid())
            return {120, 2 * option.fontMetrics.height() + 4};
        return QStyledItemDelegate::sizeHint(option, index);
    }
};

// The profile's table has one row per column; its JSON carries each column's histogram. Shown
// as an extra column of counts (drawn as bars); exports keep the analysis' own table.
ResultTable withHistograms(const AnalysisResult &result)
{
    const ResultTable &table = result.table;
    const QJsonArray columns = result.json.value(QStringLiteral("columns")).toArray();
    if (columns.size() != table.rowCount() || table.columns.value(0) != QLatin1String("name"))
        return table;
    bool any = false;
    QVariantList histograms;
    for (qsizetype i = 0; i < table.rowCount(); ++i) {
        const QJsonObject column = columns[i].toObject();
        QVariant counts;
        if (column.value(QStringLiteral("name")).toString() == table.cell(i, 0).toString())
            counts = column.value(QStringLiteral("histogram"))
                         .toObject()
                         .value(QStringLiteral("counts"))
                         .toArray()
                         .toVariantList();
        any = any || !counts.toList().isEmpty();
        histograms.append(counts.toList().isEmpty() ? QVariant() : counts);
    }
    if (!any) return table;
    ResultTable shown = table;
    shown.appendColumn(QObject::tr("histogram"), histograms);
    return shown;
}

QString statusText(JobOutcome::Status s)
{
    switch (s) {
    case JobOutcome::Status::Pending: return QObject::tr("pending");
    case JobOutcome::Status::Done: return QObject::tr("done");
    case JobOutcome::Status::Failed: return QObject::tr("failed");
    case JobOutcome::Status::Cancelled: return QObject::tr("cancelled");
    }
    return {};
}

} // namespace

ResultsPage::ResultsPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new ResultModel(this))
    , m_proxy(new RowFilterProxy(this))
    , m_exports(new ExportActions(this))
    , m_job(new QComboBox)
    , m_summary(new QLabel)
    , m_tabs(new QTabWidget)
    , m_table(new QTableView)
    , m_json(new QPlainTextEdit)
    , m_rejects(new QTreeWidget)
    , m_filter(new QLineEdit)
    , m_rowCount(new QLabel)
    , m_jsonWatcher(new QFutureWatcher<std::pair<int, JsonPreview>>(this))
    , m_filterWatcher(new QFutureWatcher<FilterResult>(this))
{
    m_job->setObjectName(QStringLiteral("resultJob"));
    m_summary->setObjectName(QStringLiteral("resultSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setText(tr("Results appear here when a run finishes."));
    m_proxy->setSourceModel(m_model);
    m_table->setObjectName(QStringLiteral("resultTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->setAlternatingRowColors(true);
    m_table->setItemDelegate(new HistogramDelegate(m_table));
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setStretchLastSection(true); // no dead band on the right
    m_json->setReadOnly(true);
    m_json->setObjectName(QStringLiteral("resultJson"));
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_rejects->setRootIsDecorated(false);
    m_rejects->setHeaderLabels({tr("Line"), tr("Column"), tr("Reason"), tr("Raw text")});
    m_filter->setObjectName(QStringLiteral("resultFilter"));
    m_filter->setPlaceholderText(tr("Filter rows (text in any column)"));
    m_filter->setClearButtonEnabled(true);
    m_rowCount->setObjectName(QStringLiteral("resultRowCount"));
    // Large tables (a synthetic run's million rows) refilter once the typing pauses.
    auto *filterDelay = new QTimer(this);
    filterDelay->setSingleShot(true);
    filterDelay->setInterval(200);
    connect(m_filter, &QLineEdit::textChanged, filterDelay, qOverload<>(&QTimer::start));
    connect(filterDelay, &QTimer::timeout, this, [this] { applyRowFilter(false); });
    auto *tableTab = new QWidget;
    auto *tableLayout = new QVBoxLayout(tableTab);
    tableLayout->setContentsMargins(0, 4, 0, 0);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_rowCount);
    tableLayout->addLayout(filterRow);
    tableLayout->addWidget(m_table, 1);
    m_tabs->addTab(tableTab, tr("Table"));
    m_tabs->addTab(m_json, tr("JSON"));
    m_tabs->addTab(m_rejects, tr("Rejected records"));

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Job")));
    top->addWidget(m_job, 1);
    for (QAction *a : {m_exports->resultAction(), m_exports->timingsAction(),
                       m_exports->traceAction(), m_exports->rejectsAction()}) {
        auto *button = new QToolButton;
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setDefaultAction(a);
        top->addWidget(button);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_tabs, 1);
    connect(m_job, &QComboBox::currentIndexChanged, this, &ResultsPage::showJob);
    connect(m_jsonWatcher, &QFutureWatcherBase::finished, this, &ResultsPage::showJsonPreview);
    connect(m_filterWatcher, &QFutureWatcherBase::finished, this, &ResultsPage::showFilteredRows);
}

void ResultsPage::setRun(std::shared_ptr<const FinishedRun> run)
{
    m_run = std::move(run);
    m_exports->setRun(m_run);
    const QSignalBlocker block(m_job);
    m_job->clear();
    if (m_run) m_job->addItems(m_run->jobNames);
    showJob(0);
}

void ResultsPage::showJob(int job)
{
    m_exports->setCurrentJob(job);
    m_rejects->clear();
    m_json->clear();
    m_json->setPlaceholderText(QString());
    ++m_jsonRequest; // a preview still being formatted is for an earlier job
    if (!m_run || job < 0 || job >= m_run->outcomes.size()) {
        m_model->setTable({});
        applyRowFilter(true);
        return;
    }
    const JobOutcome &o = m_run->outcomes[job];
    const QLocale locale;
    QString text =
        tr("%1: %2 · %3 rows read, %4 rejected · %5 tasks, %6 failed, %7 retries · %8 s")
            .arg(m_run->jobNames.value(job), statusText(o.status), locale.toString(qint64(o.rows)),
                 locale.toString(qint64(o.rejectedRows)), locale.toString(qint64(o.tasks)),
                 locale.toString(qint64(o.failedTasks)), locale.toString(qint64(o.retries)))
            .arg(m_run->summary.elapsedMs / 1000.0, 0, 'f', 2);
    if (!o.error.isEmpty()) text += QLatin1Char('\n') + o.error;
    m_summary->setText(text);
    m_summary->setStyleSheet(o.status == JobOutcome::Status::Done ? QString() : errorTextStyle());
    // The analysis' own order until the user sorts (clears the header's sort indicator).
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    const ResultTable shown = withHistograms(o.result);
    // Rows as compact as the other pages' tables, but tall enough for legible histograms.
    const int line = m_table->fontMetrics().height();
    m_table->verticalHeader()->setDefaultSectionSize(
        shown.columns.size() > o.result.table.columns.size() ? 2 * line + 4 : line + 6);
    m_model->setTable(shown);
    applyRowFilter(true); // the filter's text, on this table
    m_table->resizeColumnsToContents();
    if (o.status == JobOutcome::Status::Done) {
        // Formatted on a pool thread: a many-group result is tens of megabytes of JSON.
        m_json->setPlaceholderText(tr("Formatting the JSON document…"));
        m_jsonWatcher->setFuture(
            QtConcurrent::run([result = o.result, request = m_jsonRequest] {
                return std::make_pair(request, makeJsonPreview(result, kJsonPreviewBytes));
            }));
    }
    for (const RejectedRecord &r : o.rejects) {
        auto *item = new QTreeWidgetItem(m_rejects);
        item->setData(0, Qt::DisplayRole, qint64(r.line));
        item->setData(1, Qt::DisplayRole, qint64(r.column));
        item->setText(2, r.reason);
        item->setText(3, QString::fromUtf8(r.raw.left(300)));
    }
    m_tabs->setTabText(2, tr("Rejected records (%1)").arg(o.rejectedRows));
}

void ResultsPage::showJsonPreview()
{
    const auto [request, preview] = m_jsonWatcher->result();
    if (request != m_jsonRequest) return;
    QString text = preview.text;
    if (preview.hiddenLines > 0) {
        const QLocale locale;
        text += tr("… %1 more lines not shown (%2 lines, %3 in all). Export the result as JSON "
                   "(Ctrl+E) for the whole document.")
                    .arg(locale.toString(preview.hiddenLines), locale.toString(preview.totalLines),
                         locale.formattedDataSize(preview.totalBytes));
    }
    m_json->setPlainText(text);
}

void ResultsPage::applyRowFilter(bool newTable)
{
    const QString text = m_filter->text().trimmed();
    ++m_filterRequest; // a filter still being computed is for an earlier text or table
    if (text.isEmpty()) {
        m_filtering = false;
        static_cast<RowFilterProxy *>(m_proxy)->setAccepted(nullptr);
        updateRowCount();
        return;
    }
    m_filtering = true;
    // While the text changes the rows of the last one stay; a new table shows none until its
    // own are known.
    if (newTable)
        static_cast<RowFilterProxy *>(m_proxy)->setAccepted(
            std::make_shared<const std::vector<char>>());
    updateRowCount();
    m_filterWatcher->setFuture(QtConcurrent::run(
        [table = m_model->table(), text, request = m_filterRequest] {
            return std::make_pair(request, std::make_shared<const std::vector<char>>(
                                               rowsContaining(table, text)));
        }));
}

void ResultsPage::showFilteredRows()
{
    auto [request, accepted] = m_filterWatcher->result();
    if (request != m_filterRequest) return;
    m_filtering = false;
    static_cast<RowFilterProxy *>(m_proxy)->setAccepted(std::move(accepted));
    updateRowCount();
}

void ResultsPage::updateRowCount()
{
    const QLocale locale;
    const int all = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    if (m_filtering)
        m_rowCount->setText(tr("filtering %1 rows…").arg(locale.toString(all)));
    else
        m_rowCount->setText(
            shown == all ? tr("%1 rows").arg(locale.toString(all))
                         : tr("%1 of %2 rows").arg(locale.toString(shown), locale.toString(all)));
}

} // namespace sf::ui
