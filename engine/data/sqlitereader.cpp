#include "data/sqlitereader.h"
#include "core/valueparse.h"
#include <algorithm>
#include <charconv>
#include <cmath>

namespace sf {


SqliteReader::SqliteReader(std::shared_ptr<const SqliteDataset> dataset, const ChunkRange &range,
                           RejectSink &sink)
    : m_dataset(std::move(dataset))
    , m_range(range)
    , m_sink(sink)
{
    const std::int64_t rows = m_dataset->index.rowCount;
    m_range.firstRow = std::clamp<std::int64_t>(m_range.firstRow, 0, rows);
    m_range.rowCount = std::clamp<std::int64_t>(m_range.rowCount, 0, rows - m_range.firstRow);
    const auto n = std::size_t(m_dataset->columnCount);
    m_text.resize(n);
    m_fields.resize(n);
    m_nulls.resize(n);
}

std::int64_t SqliteReader::bytesConsumed() const
{
    return std::int64_t(double(m_consumed) * m_dataset->bytesPerRow);
}

bool SqliteReader::start()
{
    m_started = true;
    if (m_range.rowCount == 0) return false;
    QString error;
    if (!m_connection.open(m_dataset->path, &error)) {
        rejectRow(-1, 0, error);
        return false;
    }
    const RowIndex &index = m_dataset->index;
    if (!m_dataset->table.isEmpty()) {
        // Jump to the checkpoint's rowid, then step over < stride rows.
        const std::int64_t k = m_range.firstRow / index.stride;
        m_query = std::make_unique<SqliteStatement>(
            m_connection.database(),
            QStringLiteral("SELECT rowid, * FROM %1 WHERE rowid >= ? ORDER BY rowid LIMIT ? "
                           "OFFSET ?")
                .arg(sqliteQuoteIdentifier(m_dataset->table)));
        m_query->bind(1, index.checkpoints[std::size_t(k)].offset);
        m_query->bind(2, m_range.rowCount);
        m_query->bind(3, m_range.firstRow - k * index.stride);
    } else {
        m_query = std::make_unique<SqliteStatement>(
            m_connection.database(),
            QStringLiteral("SELECT * FROM (%1) LIMIT ? OFFSET ?").arg(m_dataset->query));
        m_query->bind(1, m_range.rowCount);
        m_query->bind(2, m_range.firstRow);
    }
    if (!m_query->ok()) {
        rejectRow(-1, 0, QStringLiteral("SQL error: %1").arg(m_query->error()));
        m_query.reset();
        return false;
    }
    return true;
}

bool SqliteReader::next(Record &out)
{
    if (!m_started && !start()) return false;
    if (!m_query) return false;
    const bool table = !m_dataset->table.isEmpty();
    const int first = table ? 1 : 0; // table mode selects the rowid first
    while (m_consumed < m_range.rowCount && m_query->step()) {
        const std::int64_t row = m_range.firstRow + m_consumed++;
        const std::int64_t key = table ? m_query->integer(0) : row;
        m_raw.clear();
        for (int c = 0; c < m_dataset->columnCount; ++c) {
            decode(c, first);
            if (c > 0) m_raw.push_back('|');
            m_raw.append(m_fields[std::size_t(c)]);
        }
        if (m_dataset->strictTypes && !typesMatch(row, key)) continue;
        out.fields = m_fields;
        out.nulls = m_nulls;
        out.row = row;
        out.line = row + 1;
        out.offset = key;
        out.raw = m_raw;
        return true;
    }
    if (m_consumed < m_range.rowCount) {
        // Rows the index counted but the read did not return are never dropped silently.
        if (!m_query->error().isEmpty())
            rejectRow(-1, 0, QStringLiteral("SQL error: %1").arg(m_query->error()));
        else
            rejectRow(-1, 0,
                      QStringLiteral("%1 of %2 rows could not be read: the database changed "
                                     "since it was opened, or is corrupt")
                          .arg(m_range.rowCount - m_consumed)
                          .arg(m_range.rowCount));
    }
    m_consumed = m_range.rowCount;
    return false;
}

// SQLite values as text: integers and reals as numbers, text as UTF-8, blobs as hex.
void SqliteReader::decode(int column, int first)
{
    const auto c = std::size_t(column);
    const int at = column + first;
    std::string &text = m_text[c];
    m_nulls[c] = 0;
    char number[64];
    switch (m_query->type(at)) {
    case SqliteStatement::Type::Null:
        m_nulls[c] = 1;
        m_fields[c] = {};
        return;
    case SqliteStatement::Type::Integer: {
        const auto r = std::to_chars(number, number + sizeof number, m_query->integer(at));
        text.assign(number, r.ptr);
        break;
    }
    case SqliteStatement::Type::Float: {
        const double d = m_query->real(at);
        const auto r = std::to_chars(number, number + sizeof number, d);
        text.assign(number, r.ptr);
        // Keep reals recognisable as reals ("3.0", not "3"), as SQLite itself prints them.
        if (std::isfinite(d) && text.find_first_of(".e") == std::string::npos) text.append(".0");
        break;
    }
    case SqliteStatement::Type::Blob: {
        static constexpr char kHex[] = "0123456789abcdef";
        const std::string_view blob = m_query->blob(at);
        text.resize(blob.size() * 2);
        for (std::size_t i = 0; i < blob.size(); ++i) {
            const auto b = static_cast<unsigned char>(blob[i]);
            text[i * 2] = kHex[b >> 4];
            text[i * 2 + 1] = kHex[b & 15];
        }
        break;
    }
    case SqliteStatement::Type::Text: {
        const std::string_view utf8 = m_query->text(at);
        if (std::all_of(utf8.begin(), utf8.end(), [](char ch) { return (ch & 0x80) == 0; })) {
            m_fields[c] = utf8; // SQLite's bytes, valid until the next row
            return;
        }
        // Beyond ASCII: through SQLite's UTF-16 as QSQLITE reads it, so invalid sequences
        // become U+FFFD exactly as they did there.
        text = m_query->text16(at).toStdString();
        break;
    }
    }
    m_fields[c] = text;
}

bool SqliteReader::typesMatch(std::int64_t row, std::int64_t key)
{
    const auto &columns = m_dataset->schema.columns;
    for (std::size_t c = 0; c < m_fields.size(); ++c) {
        const Column &column = columns[qsizetype(c)];
        if (m_nulls[c] || valueFitsType(column.type, m_fields[c])) continue;
        rejectRow(row, key,
                  QStringLiteral("column '%1': expected %2, found '%3'")
                      .arg(column.name, columnTypeName(column.type),
                           QString::fromUtf8(m_fields[c].data(), qsizetype(m_fields[c].size()))));
        return false;
    }
    return true;
}

void SqliteReader::rejectRow(std::int64_t row, std::int64_t key, const QString &reason)
{
    RejectedRecord r;
    r.row = row;
    r.line = row >= 0 ? row + 1 : 0;
    r.offset = key;
    r.reason = reason;
    if (row >= 0) r.raw = rejectRaw(m_raw.data(), qsizetype(m_raw.size()));
    m_sink.add(std::move(r));
}

} // namespace sf
