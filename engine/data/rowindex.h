#pragma once
// The record index of a dataset: a checkpoint every `stride` records (byte offset and
// physical line of that record's start), so memory is 16 bytes per `stride` records and any
// record range can be located by jumping to a checkpoint and skipping < stride records.
#include <cstdint>
#include <vector>

namespace sf {

struct Checkpoint {
    std::int64_t offset = 0; // byte offset of the record start (SQLite: rowid; query: row number)
    std::int64_t line = 1;   // 1-based physical line of the record start
};

struct RowIndex {
    std::int64_t stride = 128;            // records between checkpoints
    std::vector<Checkpoint> checkpoints;  // checkpoints[k] = start of record k*stride
    std::int64_t rowCount = 0;            // records after the header (rejected ones included)
    std::int64_t dataBegin = 0;           // first byte after BOM and header
    std::int64_t dataEnd = 0;             // one past the last data byte
    std::int64_t byteSize() const { return dataEnd - dataBegin; }
};

// A contiguous range of records: what one task reads. Row ranges are exact; byte figures are
// exact when the chunk starts/ends on checkpoints and estimates otherwise.
struct ChunkRange {
    std::int64_t firstRow = 0;
    std::int64_t rowCount = 0;
    std::int64_t byteBegin = 0;
    std::int64_t byteEnd = 0;
    std::int64_t bytes() const { return byteEnd - byteBegin; }
};

} // namespace sf
