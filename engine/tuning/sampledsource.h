#pragma once
// A dataset seen through a sample: some row ranges ("segments") of another source, numbered
// as one contiguous dataset, so the partitioner and the run treat the sample like any file.
// A chunk that spans two segments reads from both, in order. Used by sweeps to time settings
// on part of a big file; index rejects of the full file are not carried over.
#include "data/datasource.h"
#include "tuning/sweepplan.h"
#include <vector>

namespace sf {

class SampledSource : public DataSource {
public:
    struct Segment {
        std::int64_t firstRow = 0; // in the base source
        std::int64_t rowCount = 0;
    };

    // `segments` in base row order, not overlapping, each inside the base's rows.
    SampledSource(std::shared_ptr<const DataSource> base, std::vector<Segment> segments);

    // The segments a sample takes for chunks of `chunkRows` rows. A sample covering the whole
    // dataset (or Kind::All) gives one segment of every row.
    static std::vector<Segment> plan(const SweepSample &sample, std::int64_t chunkRows,
                                     std::int64_t rowCount);

    const std::vector<Segment> &segments() const { return m_segments; }
    const DataSource &base() const { return *m_base; }

    QString path() const override { return m_base->path(); }
    SourceInfo info() const override { return m_base->info(); }
    const Schema &schema() const override { return m_base->schema(); }
    const RowIndex &index() const override { return m_index; }
    std::unique_ptr<RecordReader> reader(const ChunkRange &range, RejectSink &sink) const override;

    // The base ranges that sample rows [first, first + count) map to, in order.
    std::vector<ChunkRange> baseRanges(std::int64_t first, std::int64_t count) const;

private:
    std::shared_ptr<const DataSource> m_base;
    std::vector<Segment> m_segments;
    std::vector<std::int64_t> m_segmentStart; // sample row of each segment's first row
    RowIndex m_index;
};

} // namespace sf
