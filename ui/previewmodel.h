#pragma once
// The first rows of a dataset for the Dataset page's table: one column per schema column,
// headed by its name and inferred type; nulls shown greyed. Reset as a whole per preview.
#include "data/schema.h"
#include "datasetloader.h"
#include <QAbstractTableModel>

namespace sf::ui {

class PreviewModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Roles {
        IsNullRole = Qt::UserRole, // bool: the value is null
        LineRole,                  // qint64: 1-based physical line of the row
        ColumnTypeRole,            // QString: inferred type name (header data)
    };

    explicit PreviewModel(QObject *parent = nullptr);

    void setPreview(const Schema &schema, const DatasetPreview &preview);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Schema m_schema;
    QList<QStringList> m_rows;
    QList<QList<bool>> m_nulls;
    QList<std::int64_t> m_lines;
};

} // namespace sf::ui
