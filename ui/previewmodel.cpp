#include "previewmodel.h"

#include <QBrush>
#include <QPalette>

namespace sf::ui {

PreviewModel::PreviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void PreviewModel::setPreview(const Schema &schema, const DatasetPreview &preview)
{
    beginResetModel();
    m_schema = schema;
    m_rows = preview.rows;
    m_nulls = preview.nulls;
    m_lines = preview.lines;
    endResetModel();
}

void PreviewModel::clear()
{
    beginResetModel();
    m_schema = {};
    m_rows.clear();
    m_nulls.clear();
    m_lines.clear();
    endResetModel();
}

int PreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_schema.size();
}

QVariant PreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QStringList &row = m_rows[index.row()];
    const int c = index.column();
    // Short records (rejected in strict mode) may carry fewer fields than the schema.
    const bool present = c < row.size();
    const bool isNull = !present || (c < m_nulls[index.row()].size() && m_nulls[index.row()][c]);
    switch (role) {
    case Qt::DisplayRole: return present ? row[c] : QString();
    case Qt::ToolTipRole: return isNull ? tr("null") : QVariant();
    case Qt::ForegroundRole:
        if (isNull) return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case Qt::TextAlignmentRole: {
        const ColumnType t = m_schema.columns[c].type;
        if (t == ColumnType::Int64 || t == ColumnType::Double)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    case IsNullRole: return isNull;
    case LineRole: return qint64(m_lines.value(index.row()));
    default: return {};
    }
}

QVariant PreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        // Rows are labelled by their line in the file, which is what an editor would show.
        if (section < 0 || section >= m_lines.size()) return {};
        if (role == Qt::DisplayRole || role == LineRole) return qint64(m_lines[section]);
        return {};
    }
    if (section < 0 || section >= m_schema.size()) return {};
    const Column &column = m_schema.columns[section];
    switch (role) {
    case Qt::DisplayRole:
        return QString(column.name % QLatin1Char('\n') % columnTypeName(column.type) %
                       (column.nullable ? QStringLiteral("?") : QString()));
    case Qt::ToolTipRole:
        return QString(column.name % QStringLiteral(": ") % columnTypeName(column.type) %
                       (column.nullable ? tr(", has nulls") : QString()));
    case ColumnTypeRole: return columnTypeName(column.type);
    default: return {};
    }
}

} // namespace sf::ui
