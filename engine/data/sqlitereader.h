#pragma once
// Reads one chunk of a SQLite table (rowid range from the nearest checkpoint) or query
// (LIMIT/OFFSET) on its own connection, opened lazily in the thread that calls next(); rows
// are stepped through SQLite's C API (data/sqlitestatement.h) and ASCII texts are SQLite's
// own bytes.
#include "data/recordreader.h"
#include "data/rejects.h"
#include "data/rowindex.h"
#include "data/schema.h"
#include "data/sqliteconnection.h"
#include "data/sqlitestatement.h"
#include <memory>
#include <string>
#include <vector>

namespace sf {

// What an opened SQLite source shares with its readers; immutable after open.
struct SqliteDataset {
    QString path;
    QString table; // table mode: partitioned by rowid ...
    QString query; // ... else this query, by row number
    RowIndex index;
    Schema schema;
    int columnCount = 0;
    bool strictTypes = false;
    double bytesPerRow = 0; // page_count * page_size / rows: SQLite has no byte offsets
};

class SqliteReader : public RecordReader {
public:
    SqliteReader(std::shared_ptr<const SqliteDataset> dataset, const ChunkRange &range,
                 RejectSink &sink);
    bool next(Record &out) override;
    std::int64_t rowsConsumed() const override { return m_consumed; }
    std::int64_t bytesConsumed() const override;

private:
    bool start();
    void decode(int column, int first);
    bool typesMatch(std::int64_t row, std::int64_t key);
    void rejectRow(std::int64_t row, std::int64_t key, const QString &reason);

    std::shared_ptr<const SqliteDataset> m_dataset;
    ChunkRange m_range;
    RejectSink &m_sink;
    SqliteConnection m_connection;
    std::unique_ptr<SqliteStatement> m_query;
    bool m_started = false;
    std::int64_t m_consumed = 0;
    std::vector<std::string> m_text; // per-column texts made here (numbers, blobs), reused
    std::vector<std::string_view> m_fields; // into m_text or SQLite's own text of the row
    std::vector<std::uint8_t> m_nulls;
    std::string m_raw; // the row's fields joined by '|' (Record::raw)
};

} // namespace sf
