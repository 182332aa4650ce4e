#pragma once
// Every task attempt of the run as one table row, in arrival order. Records live in a vector
// and are found by attempt id through a second vector (no per-row maps), so a million rows
// cost two arrays; each snapshot becomes one dataChanged range over the columns that can change
// and beginInsertRows batches. A flood of new rows (a million queued tasks in the first
// snapshot) is inserted in slices sized to a few milliseconds each, one per event-loop turn, so
// the sorted proxy and the view never hold the GUI thread for long.
#include "core/chunkedvector.h"
#include "monitor/taskrecord.h"
#include <QAbstractTableModel>
#include <QStringList>
#include <QTimer>
#include <cstdint>
#include <vector>

namespace sf::ui {

class TaskTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Columns {
        IdColumn,
        JobColumn,
        ChunkColumn,
        RowsColumn,
        PriorityColumn,
        WorkerColumn,
        StateColumn,
        AttemptColumn,
        QueuedColumn,
        StartColumn,
        DurationColumn,
        ErrorColumn,
        NUM_COLUMNS,
        FirstMutableColumn = WorkerColumn // columns before it are fixed once a row exists
    };
    enum Roles {
        SortRole = Qt::UserRole,
        StateRole,     // int(TaskState)
        StragglerRole, // bool
        AttemptIdRole, // qint64
    };

    explicit TaskTableModel(QObject *parent = nullptr);

    void reset(const QStringList &jobNames);
    // Updates known attempts (one dataChanged range) and appends new ones: the first slice at
    // once, the rest in later event-loop turns (rowsPending() until then).
    void applyRecords(const std::vector<TaskRecord> &records);
    int rowsPending() const { return static_cast<int>(m_pending.size() - m_pendingHead); }
    void insertPendingRows(); // everything still pending, now (tests, exports)
    void setSliceRows(int rows) { m_sliceRows = std::size_t(std::max(1, rows)); } // first slice

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const TaskRecord &recordAt(int row) const { return m_records[static_cast<std::size_t>(row)]; }
    const TaskRecord *recordForAttempt(std::int64_t attemptId) const;
    int rowForAttempt(std::int64_t attemptId) const; // -1 when unknown
    QString jobName(int job) const;
    // Typed comparison of two rows by a column, for the proxy (no QVariant per comparison).
    bool lessThan(int leftRow, int rightRow, int column) const;
    // Multi-line description of an attempt: tooltips and details dialogs.
    QString describe(std::int64_t attemptId) const;

    // A task state for people, translated (taskStateName() is the untranslated export name).
    static QString stateText(TaskState state);
    static QString formatDuration(std::int64_t ns);  // "850 µs", "12.3 ms", "4.21 s"
    static QString formatTimestamp(std::int64_t ns); // seconds since start: "12.345 s"

private:
    void insertPending(std::size_t count);
    void insertNextSlice();
    QVariant display(const TaskRecord &r, int column) const;
    QVariant sortKey(const TaskRecord &r, int column) const;

    QStringList m_jobNames;
    ChunkedVector<TaskRecord> m_records; // grows without relocating a million rows
    std::vector<std::int32_t> m_rowOfAttempt; // by attempt id, -1: not seen
    // Rows not inserted yet, in order: m_pending[m_pendingHead + k] becomes row
    // m_records.size() + k, the row m_rowOfAttempt already holds for it.
    std::vector<TaskRecord> m_pending;
    std::size_t m_pendingHead = 0;
    std::size_t m_sliceRows = 16384; // adapted so one slice takes about kSliceMs
    QTimer m_sliceTimer;
};

} // namespace sf::ui
