#include "taskfilterproxy.h"
#include "tasktablemodel.h"

namespace sf::ui {

TaskFilterProxy::TaskFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(TaskTableModel::SortRole);
    setDynamicSortFilter(true);
}

void TaskFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_tasks = qobject_cast<TaskTableModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void TaskFilterProxy::setStateFilter(const QList<sf::TaskState> &states)
{
    std::uint32_t mask = 0;
    for (TaskState s : states)
        mask |= 1u << unsigned(s);
    if (states.isEmpty()) mask = AllStates;
    if (mask == m_stateMask) return;
    m_stateMask = mask;
    refilter();
}

void TaskFilterProxy::setStragglersOnly(bool only)
{
    if (only == m_stragglersOnly) return;
    m_stragglersOnly = only;
    refilter();
}

void TaskFilterProxy::refilter()
{
    // A full rebuild (filter every row, sort the survivors once) is linear-logarithmic;
    // invalidateFilter()'s incremental diff removes rows interval by interval, which at a
    // million interleaved rows costs seconds.
    invalidate();
}

bool TaskFilterProxy::acceptsState(sf::TaskState state) const
{
    return (m_stateMask >> unsigned(state)) & 1u;
}

bool TaskFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_tasks) {
        const TaskRecord &r = m_tasks->recordAt(sourceRow);
        return acceptsState(r.state) && (!m_stragglersOnly || r.straggler);
    }
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto state = static_cast<TaskState>(index.data(TaskTableModel::StateRole).toInt());
    return acceptsState(state) &&
           (!m_stragglersOnly || index.data(TaskTableModel::StragglerRole).toBool());
}

bool TaskFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_tasks) return m_tasks->lessThan(left.row(), right.row(), left.column());
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace sf::ui
