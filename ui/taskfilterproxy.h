#pragma once
// Filters the tasks table by state (and optionally to stragglers only) and sorts it by any
// column with the model's typed comparison, so sorting a million rows creates no QVariants.
#include "monitor/taskrecord.h"
#include <QSortFilterProxyModel>
#include <cstdint>

namespace sf::ui {

class TaskTableModel;

class TaskFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit TaskFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    // Shows only attempts in these states; all states when `states` is empty.
    void setStateFilter(const QList<sf::TaskState> &states);
    void setStragglersOnly(bool only);
    bool stragglersOnly() const { return m_stragglersOnly; }
    bool acceptsState(sf::TaskState state) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();

    static constexpr std::uint32_t AllStates = 0xffffffffu;
    TaskTableModel *m_tasks = nullptr;
    std::uint32_t m_stateMask = AllStates;
    bool m_stragglersOnly = false;
};

} // namespace sf::ui
