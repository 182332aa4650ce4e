#pragma once
// A result's table: named columns and rows of cells (numbers, texts, dates, lists of counts),
// for display and CSV export. The cells live row after row in one array: a group-by of 1.5
// million groups used to allocate every row on its own (a QVariantList each), 0.6 s of its
// 1.7 s run in malloc and first touches of the memory, and twice the bytes.
#include <QList>
#include <QStringList>
#include <QVariant>
#include <initializer_list>
#include <span>

namespace sf {

class ResultTable {
public:
    ResultTable() = default;
    // `rows` each as wide as `columns` (shorter ones padded with empty cells).
    ResultTable(QStringList columns, std::initializer_list<QVariantList> rows);

    QStringList columns;

    qsizetype rowCount() const { return m_width == 0 ? 0 : m_cells.size() / m_width; }
    std::span<const QVariant> row(qsizetype r) const
    {
        return {m_cells.constData() + r * m_width, std::size_t(m_width)};
    }
    // An empty QVariant when `c` is past the row's cells.
    const QVariant &cell(qsizetype r, qsizetype c) const;
    // The row as a list (tests, small tables).
    QVariantList rowValues(qsizetype r) const;

    // Rows are as wide as `columns` is when the first one is added. Room for `rows` of them,
    // in transparent huge pages when large (core/prefault.h).
    void reserveRows(qsizetype rows);
    // Appends a row of empty cells and returns them to be filled.
    QVariant *appendRow();
    // Appends a row; missing cells are empty, surplus ones dropped.
    void appendRow(std::span<const QVariant> cells);
    void appendRow(std::initializer_list<QVariant> cells)
    {
        appendRow(std::span(cells.begin(), cells.size()));
    }
    void appendRow(const QVariantList &cells)
    {
        appendRow(std::span(cells.constData(), std::size_t(cells.size())));
    }
    // Adds a column named `name` whose cells are `values` (missing ones empty).
    void appendColumn(const QString &name, const QVariantList &values);

private:
    qsizetype width();
    QList<QVariant> m_cells; // row-major: row r's cells at [r * m_width, (r + 1) * m_width)
    qsizetype m_width = 0;   // set by the first row
};

} // namespace sf
