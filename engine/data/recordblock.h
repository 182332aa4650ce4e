#pragma once
// Up to kMaxRows records of one chunk, column by column addressable, whose field views stay
// valid until the block is refilled: what an analysis that works column-wise (the profile)
// reads, so its per-column loops run with the column's state hot and no per-value dispatch.
// Fields that point into the source's own bytes are kept as views; transient ones (unescaped
// quotes, JSON/SQLite values) are copied into the block's pages.
#include "data/record.h"
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace sf {

class RecordBlock {
public:
    static constexpr int kMaxRows = 256;

    // Empties the block for records of `columns` fields.
    void reset(int columns);
    bool full() const { return m_rows == kMaxRows; }
    int rows() const { return m_rows; }
    int columns() const { return m_columns; }

    // Appends `r`, copying its fields (missing fields are null, extra ones dropped).
    void append(const Record &r);

    // Filling a row in place (readers that know which of their views are stable): write up
    // to columns() fields and null flags, field i at rowFields()[i * kStride] and
    // rowNulls()[i * kStride], then commit how many were written (the rest of the row
    // becomes null). copy() keeps a transient text for as long as the block.
    static constexpr std::size_t kStride = kMaxRows; // column-major: a column's cells are adjacent
    std::string_view *rowFields() { return m_fields.data() + std::size_t(m_rows); }
    std::uint8_t *rowNulls() { return m_nulls.data() + std::size_t(m_rows); }
    void commitRow(std::size_t written);
    // Commits `rows` rows the caller wrote whole in place: field i of the r-th of them at
    // rowFields()[r + i * kStride] (and the same in rowNulls()), r < kMaxRows - rows().
    void commitRows(int rows) { m_rows += rows; }
    std::string_view copy(std::string_view text);

    std::string_view field(int row, int column) const
    {
        return m_fields[std::size_t(column) * kStride + std::size_t(row)];
    }
    bool isNull(int row, int column) const
    {
        return m_nulls[std::size_t(column) * kStride + std::size_t(row)] != 0;
    }

private:
    int m_rows = 0;
    int m_columns = 0;
    std::vector<std::string_view> m_fields; // columns × kMaxRows, column-major
    std::vector<std::uint8_t> m_nulls;
    // Copied texts: fixed pages (so earlier views never move), kept across refills.
    std::vector<std::unique_ptr<char[]>> m_pages;
    std::size_t m_page = 0;                       // page being filled
    std::size_t m_pageUsed = 0;                   // bytes used in it
    std::vector<std::unique_ptr<char[]>> m_large; // texts larger than a page, per refill
};

} // namespace sf
