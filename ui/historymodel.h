#pragma once
// The runs of the history as a table: one row per stored run, newest first, replaced whole on
// every list (a history holds at most a few thousand runs).
#include "history/storedrun.h"
#include <QAbstractTableModel>
#include <QList>

namespace sf::ui {

class HistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Columns {
        IdColumn,
        StartedColumn,
        OriginColumn,
        AnalysisColumn,
        DatasetColumn,
        ChunkColumn,
        WorkersColumn,
        PolicyColumn,
        StatusColumn,
        WallColumn,
        TasksColumn,
        NUM_COLUMNS
    };
    enum Roles {
        SortRole = Qt::UserRole, // numbers as numbers, times as ms since the epoch
        IdRole,                  // qint64 run id
    };

    explicit HistoryModel(QObject *parent = nullptr);

    void setRuns(const QList<sf::StoredRun> &runs);
    const sf::StoredRun &runAt(int row) const { return m_runs[row]; }
    int rowOfId(qint64 id) const; // -1 when not listed

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<sf::StoredRun> m_runs;
};

} // namespace sf::ui
