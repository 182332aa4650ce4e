#pragma once
// Reads one chunk of a JSON source: jumps to the nearest index checkpoint, skips to the
// chunk's first record with the scanner, then parses each record into the schema's columns.
#include "core/nulltokens.h"
#include "data/jsonrecordparser.h"
#include "data/jsonscanner.h"
#include "data/mappedfile.h"
#include "data/recordreader.h"
#include "data/rejects.h"
#include "data/rowindex.h"
#include "data/schema.h"
#include <memory>
#include <optional>

namespace sf {

// What an opened JSON source shares with its readers; immutable after open.
struct JsonDataset {
    std::shared_ptr<MappedFile> file;
    JsonScanner::Mode mode = JsonScanner::Mode::Lines;
    RowIndex index;
    Schema schema;
    QStringList names;
    bool flatten = true;
    bool strictTypes = false;
    std::optional<NullTokens> nullTokens; // user-given null values, applied to JSON strings
};

class JsonReader : public RecordReader {
public:
    JsonReader(std::shared_ptr<const JsonDataset> dataset, const ChunkRange &range,
               RejectSink &sink);
    bool next(Record &out) override;
    std::int64_t rowsConsumed() const override { return m_consumed; }
    std::int64_t bytesConsumed() const override { return m_bytePos - m_byteStart; }

private:
    void reject(const JsonSpan &span, std::int64_t row, std::int64_t errorOffset,
                const QString &reason, bool withPosition);
    bool typesMatch(const JsonSpan &span, std::int64_t row);
    std::int64_t lineStartOf(std::int64_t offset);

    std::shared_ptr<const JsonDataset> m_dataset;
    std::string_view m_bytes;
    ChunkRange m_range;
    RejectSink &m_sink;
    JsonScanner m_scanner;
    JsonRecordParser m_parser;
    std::int64_t m_consumed = 0;
    std::int64_t m_byteStart = 0;
    std::int64_t m_bytePos = 0;
    std::int64_t m_lineFloor = 0;      // offsets below this have a known line start ...
    std::int64_t m_lineFloorStart = 0; // ... namely this one, for the line holding m_lineFloor
};

} // namespace sf
