#pragma once
// Every task attempt of the run as one table row, in arrival order. Records live in a vector
// and are found by attempt id through a second vector (no per-row maps), so a million rows
// cost two arrays; each snapshot becomes one beginInsertRows batch and one dataChanged range.
#include "monitor/taskrecord.h"
#include <QAbstractTableModel>
#include <QStringList>
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
        NUM_COLUMNS
    };
    enum Roles {
        SortRole = Qt::UserRole,
        StateRole,     // int(TaskState)
        StragglerRole, // bool
        AttemptIdRole, // qint64
    };

    explicit TaskTableModel(QObject *parent = nullptr);

    void reset(const QStringList &jobNames);
    // Appends new attempts (one insert batch) and updates known ones (one dataChanged range).
    void applyRecords(const std::vector<TaskRecord> &records);

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
    QVariant display(const TaskRecord &r, int column) const;
    QVariant sortKey(const TaskRecord &r, int column) const;

    QStringList m_jobNames;
    std::vector<TaskRecord> m_records;
    std::vector<std::int32_t> m_rowOfAttempt; // by attempt id, -1: not seen
};

} // namespace sf::ui
