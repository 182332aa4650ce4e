#include "analysis/resulttable.h"

#include "core/prefault.h"

#include <algorithm>

namespace sf {

ResultTable::ResultTable(QStringList names, std::initializer_list<QVariantList> rows)
    : columns(std::move(names))
{
    reserveRows(qsizetype(rows.size()));
    for (const QVariantList &r : rows)
        appendRow(r);
}

const QVariant &ResultTable::cell(qsizetype r, qsizetype c) const
{
    static const QVariant kEmpty;
    return c >= 0 && c < m_width ? m_cells[r * m_width + c] : kEmpty;
}

QVariantList ResultTable::rowValues(qsizetype r) const
{
    const std::span<const QVariant> cells = row(r);
    return QVariantList(cells.begin(), cells.end());
}

qsizetype ResultTable::width()
{
    if (m_width == 0) m_width = std::max<qsizetype>(columns.size(), 1);
    return m_width;
}

void ResultTable::reserveRows(qsizetype rows)
{
    const qsizetype cells = rows * width();
    if (cells > m_cells.capacity()) reserveHuge(m_cells, std::size_t(cells));
}

QVariant *ResultTable::appendRow()
{
    const qsizetype w = width();
    m_cells.resize(m_cells.size() + w);
    return m_cells.data() + m_cells.size() - w;
}

void ResultTable::appendRow(std::span<const QVariant> cells)
{
    QVariant *out = appendRow();
    const std::size_t n = std::min(cells.size(), std::size_t(m_width));
    std::copy_n(cells.begin(), n, out);
}

void ResultTable::appendColumn(const QString &name, const QVariantList &values)
{
    const qsizetype rows = rowCount();
    const qsizetype from = m_width;
    QList<QVariant> cells;
    cells.reserve(rows * (from + 1));
    for (qsizetype r = 0; r < rows; ++r) {
        for (const QVariant &cell : row(r))
            cells.append(cell);
        cells.append(values.value(r));
    }
    columns.append(name);
    m_cells = std::move(cells);
    m_width = from + 1;
}

} // namespace sf
