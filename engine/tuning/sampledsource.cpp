#include "tuning/sampledsource.h"
#include "partition/partitioner.h"
#include <algorithm>

namespace sf {

namespace {

// Reads several base ranges one after the other as one chunk.
class ChainedReader : public RecordReader {
public:
    ChainedReader(const DataSource &base, std::vector<ChunkRange> ranges, RejectSink &sink)
        : m_base(base)
        , m_ranges(std::move(ranges))
        , m_sink(sink)
    {}
    bool next(Record &out) override
    {
        while (current()) {
            if (m_reader->next(out)) return true;
            finishCurrent();
        }
        return false;
    }
    bool nextBlock(RecordBlock &block, int columns) override
    {
        while (current()) {
            if (m_reader->nextBlock(block, columns)) return true;
            finishCurrent();
        }
        return false;
    }
    std::int64_t rowsConsumed() const override
    {
        return m_rowsBefore + (m_reader ? m_reader->rowsConsumed() : 0);
    }
    std::int64_t bytesConsumed() const override
    {
        return m_bytesBefore + (m_reader ? m_reader->bytesConsumed() : 0);
    }

private:
    RecordReader *current()
    {
        if (!m_reader && m_next < m_ranges.size())
            m_reader = m_base.reader(m_ranges[m_next++], m_sink);
        return m_reader.get();
    }
    void finishCurrent()
    {
        m_rowsBefore += m_reader->rowsConsumed();
        m_bytesBefore += m_reader->bytesConsumed();
        m_reader.reset();
    }

    const DataSource &m_base;
    std::vector<ChunkRange> m_ranges;
    RejectSink &m_sink;
    std::unique_ptr<RecordReader> m_reader;
    std::size_t m_next = 0;
    std::int64_t m_rowsBefore = 0;
    std::int64_t m_bytesBefore = 0;
};

} // namespace

std::vector<SampledSource::Segment>
SampledSource::plan(const SweepSample &sample, std::int64_t chunkRows, std::int64_t rowCount)
{
    chunkRows = std::max<std::int64_t>(1, chunkRows);
    const std::int64_t n = sample.chunks;
    if (sample.kind == SweepSample::Kind::All || n * chunkRows >= rowCount || n <= 0)
        return {{0, rowCount}};
    if (sample.kind == SweepSample::Kind::First) return {{0, n * chunkRows}};
    // Stratified: chunk i starts at i/n of the way through, so every part of the file is seen.
    std::vector<Segment> out;
    for (std::int64_t i = 0; i < n; ++i) {
        const std::int64_t first = i * rowCount / n;
        if (!out.empty() && out.back().firstRow + out.back().rowCount == first)
            out.back().rowCount += chunkRows; // touching slices read as one
        else
            out.push_back({first, chunkRows});
    }
    return out;
}

SampledSource::SampledSource(std::shared_ptr<const DataSource> base, std::vector<Segment> segments)
    : m_base(std::move(base))
    , m_segments(std::move(segments))
{
    const RowIndex &b = m_base->index();
    m_index.stride = b.stride > 0 ? b.stride : 128;
    m_index.dataBegin = 0;
    std::int64_t rows = 0, bytes = 0;
    std::vector<std::int64_t> byteStart; // sample byte of each segment's start
    for (const Segment &s : m_segments) {
        m_segmentStart.push_back(rows);
        byteStart.push_back(bytes);
        rows += s.rowCount;
        bytes += Partitioner::byteOfRow(b, s.firstRow + s.rowCount) -
                 Partitioner::byteOfRow(b, s.firstRow);
    }
    m_index.rowCount = rows;
    m_index.dataEnd = bytes;
    // Checkpoints in sample bytes, so byte-sized chunks of the sample match the base's sizes.
    // Lines are the nearest base checkpoint's: only the base readers use lines, on base rows.
    std::size_t seg = 0;
    for (std::int64_t row = 0; row < rows; row += m_index.stride) {
        while (seg + 1 < m_segments.size() && m_segmentStart[seg + 1] <= row)
            ++seg;
        const std::int64_t baseRow = m_segments[seg].firstRow + (row - m_segmentStart[seg]);
        Checkpoint cp;
        cp.offset = byteStart[seg] + Partitioner::byteOfRow(b, baseRow) -
                    Partitioner::byteOfRow(b, m_segments[seg].firstRow);
        const std::size_t k = b.stride > 0 ? std::size_t(baseRow / b.stride) : 0;
        cp.line = k < b.checkpoints.size() ? b.checkpoints[k].line : 1;
        m_index.checkpoints.push_back(cp);
    }
}

std::vector<ChunkRange> SampledSource::baseRanges(std::int64_t first, std::int64_t count) const
{
    std::vector<ChunkRange> out;
    const RowIndex &b = m_base->index();
    const std::int64_t end = std::min(first + count, m_index.rowCount);
    auto it = std::upper_bound(m_segmentStart.begin(), m_segmentStart.end(), first);
    std::size_t seg = std::size_t(std::max<std::ptrdiff_t>(0, it - m_segmentStart.begin() - 1));
    for (std::int64_t row = first; row < end && seg < m_segments.size(); ++seg) {
        const Segment &s = m_segments[seg];
        const std::int64_t segEnd = m_segmentStart[seg] + s.rowCount;
        if (row >= segEnd) continue;
        ChunkRange r;
        r.firstRow = s.firstRow + (row - m_segmentStart[seg]);
        r.rowCount = std::min(end, segEnd) - row;
        r.byteBegin = Partitioner::byteOfRow(b, r.firstRow);
        r.byteEnd = Partitioner::byteOfRow(b, r.firstRow + r.rowCount);
        out.push_back(r);
        row += r.rowCount;
    }
    return out;
}

std::unique_ptr<RecordReader> SampledSource::reader(const ChunkRange &range, RejectSink &sink) const
{
    return std::make_unique<ChainedReader>(*m_base, baseRanges(range.firstRow, range.rowCount),
                                           sink);
}

} // namespace sf
