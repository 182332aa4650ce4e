#include "historymodel.h"
#include <QFileInfo>
#include <QLocale>

namespace sf::ui {

HistoryModel::HistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void HistoryModel::setRuns(const QList<StoredRun> &runs)
{
    beginResetModel();
    m_runs = runs;
    endResetModel();
}

int HistoryModel::rowOfId(qint64 id) const
{
    for (int i = 0; i < m_runs.size(); ++i)
        if (m_runs[i].id == id) return i;
    return -1;
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_runs.size()) return {};
    const StoredRun &r = m_runs[index.row()];
    const RunParams &p = r.params;
    if (role == IdRole) return qint64(r.id);
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case IdColumn:
        case WorkersColumn:
        case WallColumn:
        case TasksColumn: return int(Qt::AlignRight | Qt::AlignVCenter);
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == DatasetColumn) return p.datasetPath;
    if (role != Qt::DisplayRole && role != SortRole) return {};
    const bool sort = role == SortRole;
    switch (index.column()) {
    case IdColumn: return qint64(r.id);
    case StartedColumn:
        return sort ? QVariant(r.startedAt.toMSecsSinceEpoch())
                    : QVariant(r.startedAt.toLocalTime().toString(
                          QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    case OriginColumn: return p.origin == QLatin1String("gui") ? tr("workbench") : tr("CLI");
    case AnalysisColumn: return p.analysis;
    case DatasetColumn:
        return p.datasetPath.isEmpty() ? QStringLiteral("—") : QFileInfo(p.datasetPath).fileName();
    case ChunkColumn:
        return sort ? QVariant(qint64(p.datasetPath.isEmpty() ? 0 : p.partition.size))
                    : QVariant(p.datasetPath.isEmpty() ? QStringLiteral("—") : chunkText(p));
    case WorkersColumn: return p.workers;
    case PolicyColumn: return schedulePolicyName(p.policy);
    case StatusColumn: return r.totals.status;
    case WallColumn:
        return sort ? QVariant(r.totals.wallMs)
                    : QVariant(QLocale().toString(r.totals.wallMs, 'f', 1));
    case TasksColumn: return qint64(r.totals.tasks);
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case IdColumn: return tr("ID");
    case StartedColumn: return tr("Started");
    case OriginColumn: return tr("From");
    case AnalysisColumn: return tr("Analysis");
    case DatasetColumn: return tr("Dataset");
    case ChunkColumn: return tr("Chunk");
    case WorkersColumn: return tr("Workers");
    case PolicyColumn: return tr("Policy");
    case StatusColumn: return tr("Status");
    case WallColumn: return tr("Wall ms");
    case TasksColumn: return tr("Tasks");
    }
    return {};
}

} // namespace sf::ui
