#pragma once
// One job's ResultTable for a QTableView: columns as the analysis names them, numbers right
// aligned, nulls greyed, the raw value under SortRole so a proxy sorts numbers as numbers.
// A cell holding a list of numbers (a profile histogram) is shown as a small bar chart by
// HistogramRole consumers and as its counts in text.
#include "analysis/analysisresult.h"
#include <QAbstractTableModel>

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

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString displayText(const QVariant &value);

private:
    ResultTable m_table;
};

} // namespace sf::ui
