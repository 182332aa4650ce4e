#pragma once
// One job's ResultTable for a QTableView: columns as the analysis names them, numbers right
// aligned, nulls greyed, the raw value under SortRole; it sorts its own rows (sort()).
// A cell holding a list of numbers (a profile histogram) is shown as a small bar chart by
// HistogramRole consumers and as its counts in text.
#include "analysis/analysisresult.h"
#include <QAbstractTableModel>
#include <vector>

namespace sf::ui {

class ResultModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Roles {
        SortRole = Qt::UserRole, // the raw QVariant (numbers as numbers)
        HistogramRole,           // QList<double> when the cell is a list of numbers, else invalid
    };

    explicit ResultModel(QObject *parent = nullptr);

    void setTable(const ResultTable &table);
    const ResultTable &table() const { return m_table; }
    // Rows in the order of one column (resultsort.h), column < 0: the table's own order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    // The table row shown at `row`.
    int tableRow(int row) const { return m_order.empty() ? row : m_order[std::size_t(row)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString displayText(const QVariant &value);
    // What DisplayRole shows for a cell (a histogram cell: nothing; it is drawn).
    static QString cellText(const QVariant &value);

private:
    ResultTable m_table;
    std::vector<int> m_order; // shown row -> table row; empty: the table's order
};

} // namespace sf::ui
