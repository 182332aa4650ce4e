#include "errorspanel.h"
#include "tasktablemodel.h"
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sf::ui {

namespace {

enum FailureColumns {
    FailTask,
    FailAttempt,
    FailJob,
    FailWorker,
    FailError,
    NUM_FAIL_COLUMNS
};
enum RejectColumns {
    RejLine,
    RejColumn,
    RejReason,
    RejRaw,
    NUM_REJ_COLUMNS
};
enum ItemRoles {
    KeyRole = Qt::UserRole
}; // attempt id (failures) or reject index (rejects)
constexpr int kRawPreviewChars = 200;

QTreeWidget *makeList(const QStringList &headers, QWidget *parent)
{
    auto *view = new QTreeWidget(parent);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setHeaderLabels(headers);
    view->header()->setStretchLastSection(true);
    return view;
}

// Raw record text on one line: control characters shown, not acted on.
QString previewOf(const QByteArray &raw)
{
    QString text = QString::fromUtf8(raw.left(kRawPreviewChars * 4));
    text.replace(QLatin1Char('\r'), QStringLiteral("\\r"))
        .replace(QLatin1Char('\n'), QStringLiteral("\\n"))
        .replace(QLatin1Char('\t'), QStringLiteral("\\t"));
    if (text.size() > kRawPreviewChars) text = text.left(kRawPreviewChars) + QStringLiteral("…");
    return text;
}

} // namespace

ErrorsPanel::ErrorsPanel(QWidget *parent)
    : QWidget(parent)
    , m_failures(makeList({tr("Task"), tr("Attempt"), tr("Job"), tr("Worker"), tr("Error")}, this))
    , m_rejects(makeList({tr("Line"), tr("Column"), tr("Reason"), tr("Raw record")}, this))
    , m_failuresTitle(new QLabel(this))
    , m_rejectsTitle(new QLabel(this))
{
    m_failures->setObjectName(QStringLiteral("failuresView"));
    m_rejects->setObjectName(QStringLiteral("rejectsView"));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    for (auto [title, view] :
         {std::pair{m_failuresTitle, m_failures}, std::pair{m_rejectsTitle, m_rejects}}) {
        auto *box = new QWidget(splitter);
        (view == m_rejects ? m_rejectsBox : m_failuresBox) = box;
        auto *layout = new QVBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(title);
        layout->addWidget(view, 1);
        splitter->addWidget(box);
        connect(view, &QTreeWidget::itemDoubleClicked, this,
                [this](QTreeWidgetItem *item) { showDetails(item); });
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    updateCounts();
}

void ErrorsPanel::reset(const QStringList &jobNames)
{
    m_jobNames = jobNames;
    m_failures->clear();
    m_rejects->clear();
    m_listed.clear();
    m_rejectRecords.clear();
    updateCounts();
}

void ErrorsPanel::updateCounts()
{
    const int failures = m_failures->topLevelItemCount();
    const int rejects = m_rejects->topLevelItemCount();
    const QString failuresText = tr("Failed attempts: %1").arg(failures);
    m_rejectsTitle->setText(tr("Rejected records: %1").arg(rejects));
    // An empty list of rejects gets no room: its count moves into the failures' title.
    m_failuresTitle->setText(rejects > 0 ? failuresText
                                         : failuresText + tr(" · rejected records: 0"));
    m_rejectsBox->setVisible(rejects > 0);
    m_failuresBox->setVisible(failures > 0 || rejects == 0);
}

void ErrorsPanel::applySnapshot(const sf::RunSnapshot &snapshot)
{
    QList<QTreeWidgetItem *> items;
    for (const TaskRecord &r : snapshot.changed) {
        const bool failed = r.state == TaskState::Failed || r.state == TaskState::Retried;
        if (!failed || m_listed.contains(r.attemptId)) continue;
        m_listed.insert(r.attemptId);
        auto *item = new QTreeWidgetItem;
        item->setData(FailTask, Qt::DisplayRole, QVariant::fromValue<qint64>(r.taskId));
        item->setData(FailAttempt, Qt::DisplayRole, r.attempt);
        item->setText(FailJob, m_jobNames.value(r.job, tr("job %1").arg(r.job)));
        item->setText(FailWorker, r.worker >= 0 ? tr("W%1").arg(r.worker) : QString());
        item->setText(FailError, r.error.isEmpty() ? TaskTableModel::stateText(r.state) : r.error);
        item->setToolTip(FailError, r.error);
        item->setData(0, KeyRole, QVariant::fromValue<qint64>(r.attemptId));
        for (int c : {int(FailTask), int(FailAttempt)})
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        items << item;
    }
    if (items.isEmpty()) return;
    m_failures->addTopLevelItems(items);
    updateCounts();
}

void ErrorsPanel::setRejects(const QList<sf::RejectedRecord> &rejects)
{
    m_rejects->clear();
    m_rejectRecords = rejects;
    QList<QTreeWidgetItem *> items;
    items.reserve(rejects.size());
    for (qsizetype i = 0; i < rejects.size(); ++i) {
        const RejectedRecord &r = rejects.at(i);
        auto *item = new QTreeWidgetItem;
        item->setData(RejLine, Qt::DisplayRole, QVariant::fromValue<qint64>(r.line));
        item->setData(RejColumn, Qt::DisplayRole,
                      r.column > 0 ? QVariant::fromValue<qint64>(r.column) : QVariant());
        item->setText(RejReason, r.reason);
        item->setText(RejRaw, previewOf(r.raw));
        item->setData(0, KeyRole, QVariant::fromValue<qint64>(i));
        for (int c : {int(RejLine), int(RejColumn)})
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        items << item;
    }
    m_rejects->addTopLevelItems(items);
    updateCounts();
}

QString ErrorsPanel::detailsFor(QTreeWidgetItem *item) const
{
    if (!item) return {};
    const qint64 key = item->data(0, KeyRole).toLongLong();
    if (item->treeWidget() == m_failures) {
        if (m_describe) {
            const QString text = m_describe(key);
            if (!text.isEmpty()) return text;
        }
        return tr("Task %1, attempt %2\nError: %3")
            .arg(item->text(FailTask), item->text(FailAttempt), item->toolTip(FailError));
    }
    if (key < 0 || key >= m_rejectRecords.size()) return {};
    const RejectedRecord &r = m_rejectRecords.at(key);
    QString text = tr("Line %1").arg(r.line);
    if (r.column > 0) text += tr(", column %1").arg(r.column);
    if (r.row >= 0) text += tr(" (record %1)").arg(r.row);
    text += tr(", byte offset %1\nReason: %2\n\nRaw record (%3 bytes):\n%4")
                .arg(r.offset)
                .arg(r.reason)
                .arg(r.raw.size())
                .arg(QString::fromUtf8(r.raw));
    return text;
}

void ErrorsPanel::showDetails(QTreeWidgetItem *item)
{
    const QString text = detailsFor(item);
    if (text.isEmpty()) return;
    auto *box =
        new QMessageBox(QMessageBox::Information, tr("Details"), text, QMessageBox::Close, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->open(); // window-modal, not a nested event loop
    Q_EMIT detailsShown(text);
}

} // namespace sf::ui
