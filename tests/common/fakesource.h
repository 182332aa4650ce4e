#pragma once
// Test helper: an in-memory DataSource over N synthetic rows, no file needed. Row r has
// fields {r, (r*7+3) % 101} and a width of 10 + r % 7 bytes (so byte-based chunking sees
// uneven rows); every `rejectEvery`-th row (if set) is rejected by the reader.
#include "data/datasource.h"
#include <string>
#include <vector>

namespace sf::test {

class FakeSource : public DataSource {
public:
    explicit FakeSource(std::int64_t rows, std::int64_t stride = 16, std::int64_t rejectEvery = 0)
        : m_rejectEvery(rejectEvery)
    {
        m_schema.columns = {Column{QStringLiteral("row"), ColumnType::Int64, false},
                            Column{QStringLiteral("value"), ColumnType::Int64, false}};
        m_index.stride = stride;
        m_index.rowCount = rows;
        m_index.dataBegin = kHeaderBytes;
        m_index.dataEnd = offsetOf(rows);
        for (std::int64_t r = 0; r < rows; r += stride) m_index.checkpoints.push_back({offsetOf(r), r + 2});
    }

    static constexpr std::int64_t kHeaderBytes = 10;
    static std::int64_t valueOf(std::int64_t row) { return (row * 7 + 3) % 101; }
    // Byte offset of row r: rows are 10 + r%7 bytes wide (closed-form prefix sum).
    static std::int64_t offsetOf(std::int64_t r)
    {
        const std::int64_t q = r / 7, m = r % 7;
        return kHeaderBytes + r * 10 + q * 21 + m * (m - 1) / 2;
    }
    bool isRejected(std::int64_t row) const { return m_rejectEvery > 0 && row % m_rejectEvery == m_rejectEvery - 1; }

    QString path() const override { return QStringLiteral("fake.csv"); }
    SourceInfo info() const override { return {}; }
    const Schema &schema() const override { return m_schema; }
    const RowIndex &index() const override { return m_index; }

    std::unique_ptr<RecordReader> reader(const ChunkRange &range, RejectSink &sink) const override
    {
        return std::make_unique<Reader>(*this, range, sink);
    }

private:
    class Reader : public RecordReader {
    public:
        Reader(const FakeSource &s, const ChunkRange &range, RejectSink &sink)
            : m_source(s), m_row(range.firstRow), m_end(range.firstRow + range.rowCount), m_sink(sink)
        {
        }
        bool next(Record &out) override
        {
            while (m_row < m_end) {
                const std::int64_t r = m_row++;
                ++m_consumed;
                if (m_source.isRejected(r)) {
                    RejectedRecord rej;
                    rej.row = r;
                    rej.line = r + 2;
                    rej.column = 1;
                    rej.offset = offsetOf(r);
                    rej.reason = QStringLiteral("bad row %1").arg(r);
                    m_sink.add(std::move(rej));
                    continue;
                }
                m_text[0] = std::to_string(r);
                m_text[1] = std::to_string(valueOf(r));
                m_fields[0] = m_text[0];
                m_fields[1] = m_text[1];
                out.fields = std::span<const std::string_view>(m_fields, 2);
                out.nulls = std::span<const std::uint8_t>(m_nulls, 2);
                out.row = r;
                out.line = r + 2;
                out.offset = offsetOf(r);
                out.raw = {};
                return true;
            }
            return false;
        }
        std::int64_t rowsConsumed() const override { return m_consumed; }
        std::int64_t bytesConsumed() const override
        {
            return m_consumed == 0 ? 0 : offsetOf(m_row) - offsetOf(m_row - m_consumed);
        }

    private:
        const FakeSource &m_source;
        std::int64_t m_row;
        std::int64_t m_end;
        RejectSink &m_sink;
        std::int64_t m_consumed = 0;
        std::string m_text[2];
        std::string_view m_fields[2];
        std::uint8_t m_nulls[2] = {0, 0};
    };

    Schema m_schema;
    RowIndex m_index;
    std::int64_t m_rejectEvery;
};

} // namespace sf::test
