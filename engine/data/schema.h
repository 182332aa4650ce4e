#pragma once
// Column names and inferred types of a dataset.
#include "core/columntype.h"
#include <QList>
#include <QString>

namespace sf {

struct Column {
    QString name;
    ColumnType type = ColumnType::String;
    bool nullable = false; // a null was seen in the inference sample
};

struct Schema {
    QList<Column> columns;
    int indexOf(const QString &name) const
    {
        for (int i = 0; i < columns.size(); ++i)
            if (columns[i].name == name) return i;
        return -1;
    }
    int size() const { return int(columns.size()); }
};

} // namespace sf
