#pragma once
// Cuts one job's rows into ChunkRanges lazily, in order, covering every row exactly once.
// Fixed sizes are known up front; Guided shrinks chunks as work runs out; Auto sizes chunks
// from the cost per row learned from finished tasks (fed back through nextChunk's argument).
#include "data/rowindex.h"
#include "partition/partitionspec.h"
#include <cstdint>

namespace sf {

class Partitioner {
public:
    // `index` must outlive the partitioner. `workers` steers Guided and Auto sizes.
    Partitioner(const RowIndex &index, PartitionSpec spec, int workers);

    void setWorkers(int workers) { m_workers = workers < 1 ? 1 : workers; }
    bool atEnd() const { return m_nextRow >= m_index->rowCount; }
    // The next chunk; false when all rows are handed out. `nsPerRow` is the learned cost per
    // row (<= 0: unknown), used by Auto only.
    bool next(ChunkRange *out, double nsPerRow = 0);

    std::int64_t chunksMade() const { return m_chunks; }
    std::int64_t rowsRemaining() const { return m_index->rowCount - m_nextRow; }
    // Chunks still to come if the current sizing held (exact for Fixed rows).
    std::int64_t estimatedRemainingChunks(double nsPerRow = 0) const;

    // Byte offset of the start of `row` (exact at checkpoints, interpolated between them).
    static std::int64_t byteOfRow(const RowIndex &index, std::int64_t row);

private:
    std::int64_t desiredUnits(double nsPerRow) const;
    std::int64_t rowsForBytes(std::int64_t bytes) const;
    double bytesPerRow() const;

    const RowIndex *m_index;
    PartitionSpec m_spec;
    int m_workers;
    std::int64_t m_nextRow = 0;
    std::int64_t m_chunks = 0;
};

} // namespace sf
