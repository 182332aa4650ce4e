#pragma once
// Encodes records as CSV (RFC 4180), JSON Lines or the rows of a JSON array: the one row
// format of filter and convert output. Made once per analysis; encodes into a per-chunk
// RowBuffer, so chunks encode in parallel and are written in order later.
#include "data/record.h"
#include "data/schema.h"
#include "export/csvwriter.h"
#include <QByteArray>
#include <QString>
#include <vector>

namespace sf {

enum class RowFormat {
    Csv,
    JsonLines,
    JsonArray
};
QString rowFormatName(RowFormat f); // "csv", "jsonl", "json"
// By extension, case-insensitive: .csv, .jsonl / .ndjson, .json.
bool rowFormatFromPath(const QString &path, RowFormat *out);

struct RowLayout {
    RowFormat format = RowFormat::Csv;
    Schema schema;
    bool exactTexts = false; // JSON: every value is its field text (data read as all strings)
    bool headerless = false; // the data had no header: CSV without one, JSON rows as arrays
};

// Encoded rows of one chunk.
struct RowBuffer {
    CsvWriter csv;         // CSV rows
    QByteArray json;       // JSON rows
    std::int64_t rows = 0; // rows encoded (after RowStream::absorb: all rows so far)
    QByteArray take() { return csv.data().isEmpty() ? std::exchange(json, {}) : csv.take(); }
};

class RowWriter {
public:
    explicit RowWriter(RowLayout layout);
    const RowLayout &layout() const { return m_layout; }

    void append(const Record &record, RowBuffer &out) const;

    QByteArray header() const; // CSV header line, "[" for a JSON array, else empty
    QByteArray footer() const; // "\n]\n" for a JSON array, else empty
    // What precedes every JSON array row (",\n"); the file's first row drops it.
    QByteArray separator() const;

private:
    void appendJsonValue(QByteArray &out, const Record &record, std::size_t i) const;

    RowLayout m_layout;
    std::vector<QByteArray> m_keys; // "\"name\":" per column
};

} // namespace sf
