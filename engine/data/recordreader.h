#pragma once
// Reads the records of one chunk, in order. Made per task by DataSource::reader(); used by one
// thread at a time. Bad records go to the RejectSink given at creation and are skipped, but
// still count as rows of the chunk, so chunking never changes which records are read.
#include "data/record.h"
#include "data/recordblock.h"
#include <cstdint>

namespace sf {

class RecordReader {
public:
    virtual ~RecordReader() = default;
    // Fills `out` with the next good record; false at the end of the chunk.
    virtual bool next(Record &out) = 0;
    // Records of the chunk consumed so far (good and rejected).
    virtual std::int64_t rowsConsumed() const = 0;
    // Bytes of the chunk consumed so far (for progress and MB/s).
    virtual std::int64_t bytesConsumed() const = 0;
    // Refills `block` with the next good records (up to RecordBlock::kMaxRows) of `columns`
    // fields; false when the chunk has none left. Readers whose fields point into stable
    // bytes override it to avoid copies.
    virtual bool nextBlock(RecordBlock &block, int columns)
    {
        block.reset(columns);
        Record r;
        while (!block.full() && next(r))
            block.append(r);
        return block.rows() > 0;
    }
};

} // namespace sf
