#include "tasktablemodel.h"
#include "partition/partitionspec.h"
#include <QElapsedTimer>
#include <algorithm>
#include <tuple>

namespace sf::ui {

namespace {
constexpr double kSliceMs = 8.0; // GUI time one inserted slice may take
constexpr std::size_t kMinSliceRows = 1024;
constexpr std::size_t kMaxSliceRows = 1 << 18;
} // namespace

TaskTableModel::TaskTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_sliceTimer.setSingleShot(true);
    m_sliceTimer.setInterval(0);
    connect(&m_sliceTimer, &QTimer::timeout, this, &TaskTableModel::insertNextSlice);
}

void TaskTableModel::reset(const QStringList &jobNames)
{
    m_sliceTimer.stop();
    beginResetModel();
    m_jobNames = jobNames;
    m_records.clear();
    m_rowOfAttempt.clear();
    m_rowOfAttempt.shrink_to_fit();
    m_pending.clear();
    m_pending.shrink_to_fit();
    m_pendingHead = 0;
    endResetModel();
}

void TaskTableModel::applyRecords(const std::vector<TaskRecord> &records)
{
    int firstChanged = -1;
    int lastChanged = -1;
    const auto base = static_cast<std::int32_t>(m_records.size());
    // Grow the arrays once per batch, not record by record: the first snapshot of a big run
    // brings every queued attempt at once.
    std::int64_t highest = -1;
    for (const TaskRecord &r : records)
        highest = std::max(highest, r.attemptId);
    if (highest >= static_cast<std::int64_t>(m_rowOfAttempt.size())) {
        const auto newIds = static_cast<std::size_t>(highest + 1) - m_rowOfAttempt.size();
        m_rowOfAttempt.resize(static_cast<std::size_t>(highest) + 1, -1);
        m_pending.reserve(m_pending.size() + std::min(newIds, records.size()));
    }
    for (const TaskRecord &r : records) {
        if (r.attemptId < 0) continue;
        std::int32_t &row = m_rowOfAttempt[static_cast<std::size_t>(r.attemptId)];
        if (row >= base) {
            // Not inserted yet: the pending copy takes the latest state.
            m_pending[m_pendingHead + static_cast<std::size_t>(row - base)] = r;
        } else if (row >= 0) {
            m_records[static_cast<std::size_t>(row)] = r;
            firstChanged = firstChanged < 0 ? row : std::min(firstChanged, int(row));
            lastChanged = std::max(lastChanged, int(row));
        } else {
            row = base + static_cast<std::int32_t>(m_pending.size() - m_pendingHead);
            m_pending.push_back(r);
        }
    }
    // The first slice at once, so a small batch is in the table when this returns.
    if (rowsPending() > 0 && !m_sliceTimer.isActive()) insertNextSlice();
    // An attempt's identity (task, job, chunk, rows, priority) never changes, only where and
    // how it runs: naming just those columns spares a proxy sorted by identity a re-sort.
    if (firstChanged >= 0)
        Q_EMIT dataChanged(index(firstChanged, FirstMutableColumn),
                           index(lastChanged, NUM_COLUMNS - 1));
}

void TaskTableModel::insertPending(std::size_t count)
{
    count = std::min(count, m_pending.size() - m_pendingHead);
    if (count == 0) return;
    const auto base = static_cast<int>(m_records.size());
    beginInsertRows({}, base, base + static_cast<int>(count) - 1);
    m_records.resize(std::size_t(base) + count);
    for (std::size_t i = 0; i < count; ++i)
        m_records[std::size_t(base) + i] = std::move(m_pending[m_pendingHead + i]);
    m_pendingHead += count;
    if (m_pendingHead == m_pending.size()) {
        std::vector<TaskRecord>().swap(m_pending); // a flood's buffer is not kept for the run
        m_pendingHead = 0;
    }
    endInsertRows();
}

void TaskTableModel::insertNextSlice()
{
    QElapsedTimer clock;
    clock.start();
    const std::size_t count = std::min(m_sliceRows, m_pending.size() - m_pendingHead);
    insertPending(count);
    // Size the next slice from what this one cost (the proxy and the views included).
    const double ms = std::max(0.25, double(clock.nsecsElapsed()) / 1e6);
    if (count == m_sliceRows || ms > kSliceMs)
        m_sliceRows = std::clamp<std::size_t>(std::size_t(double(count) * kSliceMs / ms),
                                              kMinSliceRows, kMaxSliceRows);
    if (rowsPending() > 0) m_sliceTimer.start();
}

void TaskTableModel::insertPendingRows()
{
    m_sliceTimer.stop();
    insertPending(m_pending.size() - m_pendingHead);
}

int TaskTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_records.size());
}

int TaskTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

const TaskRecord *TaskTableModel::recordForAttempt(std::int64_t attemptId) const
{
    if (attemptId < 0 || attemptId >= static_cast<std::int64_t>(m_rowOfAttempt.size()))
        return nullptr;
    const std::int32_t row = m_rowOfAttempt[static_cast<std::size_t>(attemptId)];
    if (row < 0) return nullptr;
    const auto inserted = static_cast<std::int32_t>(m_records.size());
    // A pending row is known (tooltips of its bar work) though not yet in the table.
    return row < inserted ? &m_records[static_cast<std::size_t>(row)]
                          : &m_pending[m_pendingHead + static_cast<std::size_t>(row - inserted)];
}

int TaskTableModel::rowForAttempt(std::int64_t attemptId) const
{
    if (attemptId < 0 || attemptId >= static_cast<std::int64_t>(m_rowOfAttempt.size())) return -1;
    const std::int32_t row = m_rowOfAttempt[static_cast<std::size_t>(attemptId)];
    return row < static_cast<std::int32_t>(m_records.size()) ? row : -1;
}

QString TaskTableModel::jobName(int job) const
{
    if (job >= 0 && job < m_jobNames.size() && !m_jobNames.at(job).isEmpty())
        return m_jobNames.at(job);
    return tr("job %1").arg(job);
}

QString TaskTableModel::stateText(TaskState state)
{
    switch (state) {
    case TaskState::Queued: return tr("queued");
    case TaskState::Running: return tr("running");
    case TaskState::Done: return tr("done");
    case TaskState::Failed: return tr("failed");
    case TaskState::Retried: return tr("retried");
    case TaskState::Cancelled: return tr("cancelled");
    }
    return tr("queued");
}

QString TaskTableModel::formatDuration(std::int64_t ns)
{
    if (ns < 1'000'000) return tr("%1 µs").arg(double(ns) / 1e3, 0, 'f', 0);
    if (ns < 1'000'000'000)
        return tr("%1 ms").arg(double(ns) / 1e6, 0, 'f', ns < 100'000'000 ? 1 : 0);
    return tr("%1 s").arg(double(ns) / 1e9, 0, 'f', 2);
}

QString TaskTableModel::formatTimestamp(std::int64_t ns)
{
    return tr("%1 s").arg(double(ns) / 1e9, 0, 'f', 3);
}

QVariant TaskTableModel::display(const TaskRecord &r, int column) const
{
    const bool started = r.worker >= 0 && r.state != TaskState::Queued;
    switch (column) {
    case IdColumn: return QVariant::fromValue<qint64>(r.taskId);
    case JobColumn: return jobName(r.job);
    case ChunkColumn:
        return r.rowCount > 0
                   ? tr("#%1: %2–%3").arg(r.chunk).arg(r.firstRow).arg(r.firstRow + r.rowCount - 1)
                   : tr("#%1").arg(r.chunk);
    case RowsColumn: return QVariant::fromValue<qint64>(r.rowCount);
    case PriorityColumn: return r.priority;
    case WorkerColumn: return r.worker >= 0 ? tr("W%1").arg(r.worker) : QString();
    case StateColumn:
        return r.straggler ? tr("%1 (straggler)").arg(stateText(r.state)) : stateText(r.state);
    case AttemptColumn: return r.attempt;
    case QueuedColumn: return formatTimestamp(r.queuedNs);
    case StartColumn: return started ? formatTimestamp(r.startedNs) : QString();
    case DurationColumn: return r.finishedNs > 0 ? formatDuration(r.durationNs()) : QString();
    case ErrorColumn: return r.error;
    default: return {};
    }
}

QVariant TaskTableModel::sortKey(const TaskRecord &r, int column) const
{
    switch (column) {
    case IdColumn: return QVariant::fromValue<qint64>(r.taskId);
    case JobColumn: return r.job;
    case ChunkColumn: return QVariant::fromValue<qint64>(r.chunk);
    case RowsColumn: return QVariant::fromValue<qint64>(r.rowCount);
    case PriorityColumn: return r.priority;
    case WorkerColumn: return r.worker;
    case StateColumn: return int(r.state);
    case AttemptColumn: return r.attempt;
    case QueuedColumn: return QVariant::fromValue<qint64>(r.queuedNs);
    case StartColumn: return QVariant::fromValue<qint64>(r.startedNs);
    case DurationColumn: return QVariant::fromValue<qint64>(r.durationNs());
    case ErrorColumn: return r.error;
    default: return {};
    }
}

bool TaskTableModel::lessThan(int leftRow, int rightRow, int column) const
{
    const TaskRecord &a = recordAt(leftRow);
    const TaskRecord &b = recordAt(rightRow);
    // Ties fall back to the attempt id so the order is total and stable across re-sorts.
    const auto by = [&](auto ka, auto kb) {
        return std::tie(ka, a.attemptId) < std::tie(kb, b.attemptId);
    };
    switch (column) {
    case IdColumn: return by(a.taskId, b.taskId);
    case JobColumn: return by(a.job, b.job);
    case ChunkColumn: return by(std::pair(a.job, a.chunk), std::pair(b.job, b.chunk));
    case RowsColumn: return by(a.rowCount, b.rowCount);
    case PriorityColumn: return by(a.priority, b.priority);
    case WorkerColumn: return by(a.worker, b.worker);
    case StateColumn:
        return by(std::pair(int(a.state), a.straggler), std::pair(int(b.state), b.straggler));
    case AttemptColumn: return by(a.attempt, b.attempt);
    case QueuedColumn: return by(a.queuedNs, b.queuedNs);
    case StartColumn: return by(a.startedNs, b.startedNs);
    case DurationColumn: return by(a.durationNs(), b.durationNs());
    case ErrorColumn: {
        const int c = a.error.compare(b.error, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a.attemptId < b.attemptId;
    }
    default: return a.attemptId < b.attemptId;
    }
}

QVariant TaskTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TaskRecord &r = recordAt(index.row());
    switch (role) {
    case Qt::DisplayRole: return display(r, index.column());
    case SortRole: return sortKey(r, index.column());
    case StateRole: return int(r.state);
    case StragglerRole: return r.straggler;
    case AttemptIdRole: return QVariant::fromValue<qint64>(r.attemptId);
    case Qt::ToolTipRole: return describe(r.attemptId);
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case IdColumn:
        case RowsColumn:
        case PriorityColumn:
        case AttemptColumn:
        case QueuedColumn:
        case StartColumn:
        case DurationColumn:
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        default: return {};
        }
    default: return {};
    }
}

QVariant TaskTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case IdColumn: return tr("Task");
    case JobColumn: return tr("Job");
    case ChunkColumn: return tr("Chunk (rows)");
    case RowsColumn: return tr("Rows");
    case PriorityColumn: return tr("Priority");
    case WorkerColumn: return tr("Worker");
    case StateColumn: return tr("State");
    case AttemptColumn: return tr("Attempt");
    case QueuedColumn: return tr("Queued");
    case StartColumn: return tr("Start");
    case DurationColumn: return tr("Duration");
    case ErrorColumn: return tr("Error");
    default: return {};
    }
}

QString TaskTableModel::describe(std::int64_t attemptId) const
{
    const TaskRecord *r = recordForAttempt(attemptId);
    if (!r) return {};
    QStringList lines;
    lines << tr("Task %1, attempt %2 — %3").arg(r->taskId).arg(r->attempt).arg(jobName(r->job));
    lines << tr("Chunk %1: %2 rows from row %3").arg(r->chunk).arg(r->rowCount).arg(r->firstRow);
    if (r->byteEnd > r->byteBegin)
        lines << tr("Bytes: %1 (offsets %2–%3)")
                     .arg(formatByteSize(r->byteEnd - r->byteBegin))
                     .arg(r->byteBegin)
                     .arg(r->byteEnd);
    lines << tr("Priority %1, state %2%3, worker %4")
                 .arg(r->priority)
                 .arg(stateText(r->state), r->straggler ? tr(" (straggler)") : QString(),
                      r->worker >= 0 ? tr("W%1").arg(r->worker) : tr("none"));
    QString timing = tr("Queued %1").arg(formatTimestamp(r->queuedNs));
    if (r->worker >= 0 && r->state != TaskState::Queued)
        timing += tr(", started %1 (waited %2)")
                      .arg(formatTimestamp(r->startedNs),
                           formatDuration(std::max<std::int64_t>(0, r->startedNs - r->queuedNs)));
    if (r->finishedNs > 0)
        timing += tr(", duration %1").arg(formatDuration(r->durationNs()));
    else if (r->state == TaskState::Running && r->rowCount > 0)
        timing +=
            tr(", %1% done").arg(100.0 * double(r->rowsDone) / double(r->rowCount), 0, 'f', 0);
    lines << timing;
    if (!r->error.isEmpty()) lines << tr("Error: %1").arg(r->error);
    return lines.join(QLatin1Char('\n'));
}

} // namespace sf::ui
