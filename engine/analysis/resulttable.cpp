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
    if (cells <= m_cells.capacity()) return;
    m_cells.reserve(cells);
    adviseHugePages(m_cells.data(), std::size_t(m_cells.capacity()) * sizeof(QVariant));
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
        const std::span<const QVariant> old = row(r);
        cells.append(QList<QVariant>(old.begin(), old.end()));
        cells.append(values.value(r));
    }
    columns.append(name);
    m_cells = std::move(cells);
    m_width = from + 1;
}

} // namespace sf
