#pragma once
// Reads one chunk of a CSV file: reads the bytes between the index checkpoints around the chunk
// into a pooled buffer (or, past kMaxBufferedBytes, views the mapping), skips to the chunk's
// first record, then decodes records, rejecting (with line and column) those with the wrong
// field count, bad bytes, text after a closing quote or, under strictTypes, a bad value.
#include "data/csvlayout.h"
#include "data/csvrecordparser.h"
#include "data/recordreader.h"
#include "data/rejects.h"

namespace sf::csv {

class CsvReader final : public RecordReader {
public:
    // Chunks up to this many bytes are read into a buffer; larger ones view the mapping.
    static constexpr std::int64_t kMaxBufferedBytes = std::int64_t(64) << 20;

    // `checkTypes` is false while the schema is being inferred. Throws std::runtime_error when
    // the file cannot be read.
    CsvReader(std::shared_ptr<const Layout> layout, const ChunkRange &range, RejectSink &sink,
              bool checkTypes = true);
    bool next(Record &out) override;
    // Fields that are plain bytes of the file stay views; only unescaped ones are copied.
    bool nextBlock(RecordBlock &block, int columns) override;
    std::int64_t rowsConsumed() const override { return m_row - m_firstRow; }
    std::int64_t bytesConsumed() const override { return m_p - m_begin; }

private:
    // Parses records up to the next good one (rejecting bad ones on the way) into m_rec.
    bool advance(std::int64_t *row, std::int64_t *line);
    // The fast path of nextBlock(): records with the expected field count and no NUL or
    // non-ASCII byte, whose quoted fields (if any) hold no "" and no line end, split with
    // 64-byte masks straight into the block's rows. Stops at the first record that needs the
    // general path (which also rejects) and returns how many it took.
    int takePlain(RecordBlock &block);
    // takePlain's loop, built with the baseline's and with AVX2's masks (csvscan.h).
    template <class Masks> int takePlainWith(RecordBlock &block);
    // takePlain's quoted field: where its closing quote is and the scan state after it, or
    // close == nullptr when the field needs the general path.
    struct QuotedField {
        const char *blk = nullptr; // the block holding the closing quote
        std::uint64_t events = 0;  // that block's events after it
        const char *close = nullptr;
    };
    template <class Masks> QuotedField quotedField(const char *blk, std::uint64_t events) const;
    int takePlainBaseline(RecordBlock &block);
    int takePlainAvx2(RecordBlock &block);
    // The reason the record is rejected (empty if good) and where.
    QString check(std::int64_t line, const char **at) const;
    void reject(std::int64_t row, std::int64_t line, const char *at, const QString &reason);
    std::int64_t offsetOf(const char *p) const { return m_windowOffset + (p - m_window); }

    std::shared_ptr<const Layout> m_layout;
    RejectSink &m_sink;
    bool m_checkTypes;
    RecordParser m_parser;
    ParsedRecord m_rec;
    std::vector<std::uint8_t> m_nulls;
    BufferPool::Lease m_buffer;       // holds the chunk's bytes, unless they are viewed in place
    const char *m_window = nullptr;   // the byte at file offset m_windowOffset
    std::int64_t m_windowOffset = 0;
    const char *m_begin; // where this chunk starts
    const char *m_p;
    const char *m_e;
    std::int64_t m_line = 1;
    std::int64_t m_row = 0;
    std::int64_t m_firstRow = 0;
    std::int64_t m_endRow = 0;
    int m_generalRun = 0; // records to take the general way before trying takePlain() again
};

} // namespace sf::csv
