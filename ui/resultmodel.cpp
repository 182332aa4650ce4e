#include "resultmodel.h"
#include "resultsort.h"

#include <QBrush>
#include <QPalette>

namespace sf::ui {

namespace {

bool isNumber(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
    case QMetaType::Float: return true;
    default: return false;
    }
}

QList<double> histogramOf(const QVariant &v)
{
    if (v.typeId() != QMetaType::QVariantList) return {};
    QList<double> out;
    for (const QVariant &item : v.toList()) {
        if (!isNumber(item)) return {};
        out.append(item.toDouble());
    }
    return out;
}

} // namespace

ResultModel::ResultModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ResultModel::setTable(const ResultTable &table)
{
    beginResetModel();
    m_table = table;
    m_order.clear();
    endResetModel();
}

void ResultModel::sort(int column, Qt::SortOrder order)
{
    std::vector<int> next = sortedRows(m_table, column, order, m_order);
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    // Persistent indexes follow their table row to where it is shown now.
    std::vector<int> shownAt(next.size());
    for (std::size_t i = 0; i < next.size(); ++i)
        shownAt[std::size_t(next[i])] = int(i);
    const QModelIndexList before = persistentIndexList();
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex &i : before)
        after.append(index(shownAt[std::size_t(tableRow(i.row()))], i.column()));
    m_order = column < 0 ? std::vector<int>() : std::move(next);
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

int ResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.rowCount());
}

int ResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.columns.size());
}

QString ResultModel::displayText(const QVariant &value)
{
    if (!value.isValid() || value.isNull()) return {};
    if (value.typeId() == QMetaType::Double || value.typeId() == QMetaType::Float)
        return QString::number(value.toDouble(), 'g', 8);
    if (value.typeId() == QMetaType::QVariantList) {
        QStringList parts;
        for (const QVariant &item : value.toList())
            parts << displayText(item);
        return parts.join(QLatin1Char(' '));
    }
    return value.toString();
}

QString ResultModel::cellText(const QVariant &value)
{
    return histogramOf(value).isEmpty() ? displayText(value) : QString();
}

QVariant ResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QVariant &value = m_table.cell(tableRow(index.row()), index.column());
    switch (role) {
    case Qt::DisplayRole:
        // A histogram is drawn by the delegate; its counts are in the tooltip.
        return cellText(value);
    case Qt::ToolTipRole:
        return value.typeId() == QMetaType::QVariantList ? displayText(value) : QVariant();
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(isNumber(value) ? Qt::AlignRight | Qt::AlignVCenter
                                                   : Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (!value.isValid() || value.isNull())
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case SortRole: return value;
    case HistogramRole: {
        const QList<double> bins = histogramOf(value);
        return bins.isEmpty() ? QVariant() : QVariant::fromValue(bins);
    }
    default: return {};
    }
}

QVariant ResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole) return {};
    if (orientation == Qt::Vertical) return section + 1;
    return section >= 0 && section < m_table.columns.size() ? m_table.columns[section] : QVariant();
}

} // namespace sf::ui
